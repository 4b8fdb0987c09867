from django.urls import path

from noordwijk_migratie import generic

from . import forms, imports, models, views

app_name = "internationale_werknemers"

# IwEditView: the edit pages of models that are added from another record's page (?pilot=, ?woning= …)
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        models.Beleidsplan,
        "beleidsplan",
        list=views.BeleidsplanListView,
        form=forms.BeleidsplanForm,
        detail=views.BeleidsplanDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Actielijn,
        "actielijnen",
        list=views.ActielijnListView,
        form=forms.ActielijnForm,
        edit=views.IwEditView,
        detail=views.ActielijnDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Budgetpost,
        "budgetposten",
        list=views.BudgetpostListView,
        form=forms.BudgetpostForm,
        edit=views.IwEditView,
        detail=views.BudgetpostDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Budgetjaar,
        "budgetjaren",
        list=views.BudgetjaarListView,
        form=forms.BudgetjaarForm,
        edit=views.IwEditView,
        detail=views.BudgetjaarDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Toetsingscriterium,
        "toetsingskader",
        list=views.ToetsingscriteriumListView,
        form=forms.ToetsingscriteriumForm,
        delete=True,
    ),
    *generic.crud_urls(
        models.Huisvestingsinitiatief,
        "initiatieven",
        list=views.HuisvestingsinitiatiefListView,
        form=forms.HuisvestingsinitiatiefForm,
        detail=views.HuisvestingsinitiatiefDetailView,
        delete=True,
    ),
    path("initiatieven/<int:pk>/beoordelen/", views.BeoordelenView.as_view(), name="huisvestingsinitiatief_beoordelen"),
    *generic.crud_urls(
        models.Pilotlocatie,
        "pilots",
        list=views.PilotlocatieListView,
        form=forms.PilotlocatieForm,
        edit=views.IwEditView,
        detail=views.PilotlocatieDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Pilotstand,
        "pilotstanden",
        list=views.PilotstandListView,
        form=forms.PilotstandForm,
        edit=views.IwEditView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Woning,
        "woningen",
        list=views.WoningListView,
        form=forms.WoningForm,
        detail=views.WoningDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Inspectie,
        "inspecties",
        list=views.InspectieListView,
        form=forms.InspectieForm,
        edit=views.IwEditView,
        detail=views.InspectieDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Registratiestand,
        "inschrijvingen",
        list=views.RegistratiestandListView,
        form=forms.RegistratiestandForm,
        importer=imports.RegistratiestandImporter,
        delete=True,
    ),
    *generic.crud_urls(
        models.Informatiebereik,
        "informatiebereik",
        list=views.InformatiebereikListView,
        form=forms.InformatiebereikForm,
        delete=True,
    ),
]
