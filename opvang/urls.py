from django.urls import path

from noordwijk_migratie.generic import crud_urls

from . import views
from .forms import (
    BeleidsdatumForm,
    BezettingForm,
    CapaciteitsstandForm,
    MijlpaalForm,
    OekraineMaandcijferForm,
    OpgaveForm,
    OpvanglocatieForm,
)
from .imports import BezettingImporter, MaandcijferImporter
from .models import Beleidsdatum, Bezetting, Capaciteitsstand, Mijlpaal, OekraineMaandcijfer, Opgave, Opvanglocatie

app_name = "opvang"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("oekraine/", views.OekraineView.as_view(), name="oekraine"),
    path("asielzoekers/", views.AsielzoekersView.as_view(), name="asielzoekers"),
    path("statushouders/", views.StatushoudersView.as_view(), name="statushouders"),
    path("bezetting/invoeren/", views.BezettingInvoerView.as_view(), name="bezetting_invoer"),
    *crud_urls(
        Opvanglocatie,
        "locaties",
        list=views.OpvanglocatieListView,
        form=OpvanglocatieForm,
        detail=views.OpvanglocatieDetailView,
        delete=True,
    ),
    *crud_urls(
        Capaciteitsstand,
        "capaciteit",
        list=views.CapaciteitsstandListView,
        form=CapaciteitsstandForm,
        delete=True,
    ),
    *crud_urls(
        Bezetting,
        "bezetting",
        list=views.BezettingListView,
        form=BezettingForm,
        delete=True,
        importer=BezettingImporter,
    ),
    *crud_urls(
        Mijlpaal, "mijlpalen", list=views.MijlpaalListView, form=MijlpaalForm, edit=views.MijlpaalEditView, delete=True
    ),
    *crud_urls(Opgave, "opgaven", list=views.OpgaveListView, form=OpgaveForm, delete=True),
    *crud_urls(Beleidsdatum, "beleidsdatums", list=views.BeleidsdatumListView, form=BeleidsdatumForm, delete=True),
    *crud_urls(
        OekraineMaandcijfer,
        "maandcijfers",
        list=views.OekraineMaandcijferListView,
        form=OekraineMaandcijferForm,
        delete=True,
        importer=MaandcijferImporter,
    ),
]
