from django.urls import path

from noordwijk_migratie import generic

from . import views
from .models import (
    CoaStand,
    InburgeringCohort,
    Nareiziger,
    Periode,
    Plaatsing,
    RegioCijfer,
    TijdelijkeLocatie,
    Trede,
    TredeHistorie,
)

app_name = "taakstelling"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("plaatsingen/importeren/", views.PlaatsingImportView.as_view(), name="plaatsing_import"),
    path("coa-standen/importeren/", views.CoaStandImportView.as_view(), name="coastand_import"),
    path("regiocijfers/importeren/", views.RegioCijferImportView.as_view(), name="regiocijfer_import"),
    path("regio/", views.RegioVergelijkingView.as_view(), name="regio_vergelijking"),
    *generic.crud_urls(
        Periode,
        list=views.PeriodeListView,
        detail=views.PeriodeDetailView,
        add=views.PeriodeEditView,
        edit=views.PeriodeEditView,
        prefix="perioden",
    ),
    *generic.crud_urls(
        Plaatsing,
        list=views.PlaatsingListView,
        detail=views.PlaatsingDetailView,
        add=views.PlaatsingEditView,
        edit=views.PlaatsingEditView,
        delete=generic.ObjectDeleteView,
        prefix="plaatsingen",
    ),
    *generic.crud_urls(
        Nareiziger,
        list=views.NareizigerListView,
        detail=views.DetailView,
        add=views.NareizigerEditView,
        edit=views.NareizigerEditView,
        delete=generic.ObjectDeleteView,
        prefix="nareizigers",
    ),
    *generic.crud_urls(
        CoaStand,
        list=views.CoaStandListView,
        detail=views.DetailView,
        add=views.CoaStandEditView,
        edit=views.CoaStandEditView,
        delete=generic.ObjectDeleteView,
        prefix="coa-standen",
    ),
    *generic.crud_urls(
        Trede,
        list=views.TredeListView,
        detail=views.DetailView,
        add=views.TredeEditView,
        edit=views.TredeEditView,
        delete=generic.ObjectDeleteView,
        prefix="treden",
    ),
    *generic.crud_urls(
        TredeHistorie,
        list=views.TredeHistorieListView,
        detail=views.DetailView,
        add=views.TredeHistorieEditView,
        edit=views.TredeHistorieEditView,
        delete=generic.ObjectDeleteView,
        prefix="interventieladder",
    ),
    *generic.crud_urls(
        RegioCijfer,
        list=views.RegioCijferListView,
        detail=views.DetailView,
        add=views.RegioCijferEditView,
        edit=views.RegioCijferEditView,
        delete=generic.ObjectDeleteView,
        prefix="regiocijfers",
    ),
    *generic.crud_urls(
        InburgeringCohort,
        list=views.InburgeringCohortListView,
        detail=views.DetailView,
        add=views.InburgeringCohortEditView,
        edit=views.InburgeringCohortEditView,
        delete=generic.ObjectDeleteView,
        prefix="inburgering",
    ),
    *generic.crud_urls(
        TijdelijkeLocatie,
        list=views.TijdelijkeLocatieListView,
        detail=views.TijdelijkeLocatieDetailView,
        add=views.TijdelijkeLocatieEditView,
        edit=views.TijdelijkeLocatieEditView,
        prefix="tijdelijke-locaties",
    ),
]
