from django.urls import path

from noordwijk_migratie import generic

from . import forms, models, views

app_name = "internationale_werknemers"


def _crud(model, form, list_view, detail_view=generic.ObjectDetailView, prefix=None):
    edit = views.edit_view(form)
    return generic.crud_urls(
        model, list=list_view, detail=detail_view, add=edit, edit=edit, delete=generic.ObjectDeleteView, prefix=prefix
    )


urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *_crud(
        models.Beleidsplan, forms.BeleidsplanForm, views.BeleidsplanListView, views.BeleidsplanDetailView, "beleidsplan"
    ),
    *_crud(models.Actielijn, forms.ActielijnForm, views.ActielijnListView, views.ActielijnDetailView, "actielijnen"),
    *_crud(
        models.Budgetpost, forms.BudgetpostForm, views.BudgetpostListView, views.BudgetpostDetailView, "budgetposten"
    ),
    *_crud(
        models.Budgetjaar, forms.BudgetjaarForm, views.BudgetjaarListView, views.BudgetjaarDetailView, "budgetjaren"
    ),
    *_crud(
        models.Toetsingscriterium,
        forms.ToetsingscriteriumForm,
        views.ToetsingscriteriumListView,
        prefix="toetsingskader",
    ),
    *_crud(
        models.Huisvestingsinitiatief,
        forms.HuisvestingsinitiatiefForm,
        views.HuisvestingsinitiatiefListView,
        views.HuisvestingsinitiatiefDetailView,
        "initiatieven",
    ),
    path("initiatieven/<int:pk>/beoordelen/", views.BeoordelenView.as_view(), name="huisvestingsinitiatief_beoordelen"),
    *_crud(
        models.Pilotlocatie, forms.PilotlocatieForm, views.PilotlocatieListView, views.PilotlocatieDetailView, "pilots"
    ),
    *_crud(models.Pilotstand, forms.PilotstandForm, views.PilotstandListView, prefix="pilotstanden"),
    *_crud(models.Woning, forms.WoningForm, views.WoningListView, views.WoningDetailView, "woningen"),
    *_crud(models.Inspectie, forms.InspectieForm, views.InspectieListView, views.InspectieDetailView, "inspecties"),
    path("inschrijvingen/importeren/", views.RegistratiestandImportView.as_view(), name="registratiestand_import"),
    *_crud(
        models.Registratiestand, forms.RegistratiestandForm, views.RegistratiestandListView, prefix="inschrijvingen"
    ),
    *_crud(
        models.Informatiebereik, forms.InformatiebereikForm, views.InformatiebereikListView, prefix="informatiebereik"
    ),
]
