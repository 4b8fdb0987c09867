from django.urls import path

from noordwijk_migratie import generic

from . import views
from .models import Actie, Indicator, Meting, Programmalijn, Voortgangsnotitie

app_name = "programma"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        Programmalijn,
        list=views.ProgrammalijnListView,
        detail=views.ProgrammalijnDetailView,
        edit=views.ProgrammalijnEditView,
        add=False,
        prefix="lijnen",
    ),
    *generic.crud_urls(
        Actie,
        list=views.ActieListView,
        detail=views.ActieDetailView,
        add=views.ActieEditView,
        edit=views.ActieEditView,
        delete=generic.ObjectDeleteView,
        prefix="acties",
    ),
    *generic.crud_urls(
        Voortgangsnotitie,
        list=views.VoortgangsnotitieListView,
        detail=generic.ObjectDetailView,
        add=views.VoortgangsnotitieEditView,
        edit=views.VoortgangsnotitieEditView,
        delete=generic.ObjectDeleteView,
        prefix="voortgang",
    ),
    *generic.crud_urls(
        Indicator,
        list=views.IndicatorListView,
        detail=views.IndicatorDetailView,
        add=views.IndicatorEditView,
        edit=views.IndicatorEditView,
        delete=generic.ObjectDeleteView,
        prefix="indicatoren",
    ),
    *generic.crud_urls(
        Meting,
        list=views.MetingListView,
        detail=views.MetingDetailView,
        add=views.MetingEditView,
        edit=views.MetingEditView,
        delete=generic.ObjectDeleteView,
        prefix="metingen",
    ),
]
