from django.urls import path

from noordwijk_migratie import generic

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
from .models import Beleidsdatum, Bezetting, Capaciteitsstand, Mijlpaal, OekraineMaandcijfer, Opgave, Opvanglocatie

app_name = "opvang"


def _bewerk(form):
    return type(f"{form.__name__}EditView", (generic.ObjectEditView,), {"form_class": form})


def _crud(model, lijst, form, prefix, detail=generic.ObjectDetailView):
    bewerk = _bewerk(form)
    return generic.crud_urls(
        model, list=lijst, detail=detail, add=bewerk, edit=bewerk, delete=generic.ObjectDeleteView, prefix=prefix
    )


urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("oekraine/", views.OekraineView.as_view(), name="oekraine"),
    path("asielzoekers/", views.AsielzoekersView.as_view(), name="asielzoekers"),
    path("statushouders/", views.StatushoudersView.as_view(), name="statushouders"),
    path("bezetting/invoeren/", views.BezettingInvoerView.as_view(), name="bezetting_invoer"),
    path("bezetting/importeren/", views.BezettingImportView.as_view(), name="bezetting_import"),
    path("maandcijfers/importeren/", views.MaandcijferImportView.as_view(), name="oekrainemaandcijfer_import"),
    *_crud(
        Opvanglocatie, views.OpvanglocatieListView, OpvanglocatieForm, "locaties", detail=views.OpvanglocatieDetailView
    ),
    *_crud(Capaciteitsstand, views.CapaciteitsstandListView, CapaciteitsstandForm, "capaciteit"),
    *_crud(Bezetting, views.BezettingListView, BezettingForm, "bezetting"),
    *_crud(Mijlpaal, views.MijlpaalListView, MijlpaalForm, "mijlpalen"),
    *_crud(Opgave, views.OpgaveListView, OpgaveForm, "opgaven"),
    *_crud(Beleidsdatum, views.BeleidsdatumListView, BeleidsdatumForm, "beleidsdatums"),
    *_crud(OekraineMaandcijfer, views.OekraineMaandcijferListView, OekraineMaandcijferForm, "maandcijfers"),
]
