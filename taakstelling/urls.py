from django.urls import path

from noordwijk_migratie import generic

from . import forms, views
from .imports import CoaStandImporter, PlaatsingImporter, RegioCijferImporter
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
    path("regio/", views.RegioVergelijkingView.as_view(), name="regio_vergelijking"),
    path("perioden/aanvullen/", views.PeriodenAanvullenView.as_view(), name="periode_aanvullen"),
    *generic.crud_urls(
        Periode,
        "perioden",
        list=views.PeriodeListView,
        detail=views.PeriodeDetailView,
        edit=views.PeriodeEditView,
    ),
    *generic.crud_urls(
        Plaatsing,
        "plaatsingen",
        list=views.PlaatsingListView,
        detail=views.PlaatsingDetailView,
        form=forms.PlaatsingForm,
        edit=views.PlaatsingEditView,
        importer=PlaatsingImporter,
        delete=views.CorrectieVerwijderView,
    ),
    *generic.crud_urls(
        Nareiziger,
        "nareizigers",
        list=views.NareizigerListView,
        detail=views.DetailView,
        edit=views.NareizigerEditView,
        delete=views.CorrectieVerwijderView,
    ),
    *generic.crud_urls(
        CoaStand,
        "coa-standen",
        list=views.CoaStandListView,
        detail=views.DetailView,
        form=forms.CoaStandForm,
        importer=CoaStandImporter,
        delete=True,
    ),
    *generic.crud_urls(
        Trede, "treden", list=views.TredeListView, detail=views.DetailView, form=forms.TredeForm, delete=True
    ),
    *generic.crud_urls(
        TredeHistorie,
        "interventieladder",
        list=views.TredeHistorieListView,
        detail=views.DetailView,
        form=forms.TredeHistorieForm,
        delete=True,
    ),
    *generic.crud_urls(
        RegioCijfer,
        "regiocijfers",
        list=views.RegioCijferListView,
        detail=views.DetailView,
        form=forms.RegioCijferForm,
        importer=RegioCijferImporter,
        delete=True,
    ),
    *generic.crud_urls(
        InburgeringCohort,
        "inburgering",
        list=views.InburgeringCohortListView,
        detail=views.DetailView,
        form=forms.InburgeringCohortForm,
        delete=True,
    ),
    *generic.crud_urls(
        TijdelijkeLocatie,
        "tijdelijke-locaties",
        list=views.TijdelijkeLocatieListView,
        detail=views.TijdelijkeLocatieDetailView,
        form=forms.TijdelijkeLocatieForm,
    ),
]
