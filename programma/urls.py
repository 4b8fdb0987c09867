from django.urls import path

from noordwijk_migratie import generic

from . import views
from .forms import IndicatorForm, ProgrammalijnForm
from .models import Actie, Indicator, Meting, Programmalijn, Voortgangsnotitie

app_name = "programma"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        Programmalijn,
        "lijnen",
        list=views.ProgrammalijnListView,
        form=ProgrammalijnForm,
        add=False,
        detail=views.ProgrammalijnDetailView,
    ),
    *generic.crud_urls(
        Actie, "acties", list=views.ActieListView, edit=views.ActieEditView, detail=views.ActieDetailView, delete=True
    ),
    *generic.crud_urls(
        Voortgangsnotitie,
        "voortgang",
        list=views.VoortgangsnotitieListView,
        edit=views.VoortgangsnotitieEditView,
        delete=True,
    ),
    *generic.crud_urls(
        Indicator,
        "indicatoren",
        list=views.IndicatorListView,
        form=IndicatorForm,
        detail=views.IndicatorDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        Meting,
        "metingen",
        list=views.MetingListView,
        edit=views.MetingEditView,
        detail=views.MetingDetailView,
        delete=True,
    ),
]
