from django.urls import path

from noordwijk_migratie import generic

from . import filtersets, forms, imports, models, tables, views

app_name = "internationale_werknemers"

# IwEditView: the edit pages of models that are added from another record's page (?pilot=, ?woning= …)
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        models.Beleidsplan,
        "beleidsplan",
        table=tables.BeleidsplanTable,
        filterset=filtersets.BeleidsplanFilterSet,
        form=forms.BeleidsplanForm,
        detail=views.BeleidsplanDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Actielijn,
        "actielijnen",
        table=tables.ActielijnTable,
        filterset=filtersets.ActielijnFilterSet,
        form=forms.ActielijnForm,
        edit=views.IwEditView,
        detail=views.ActielijnDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Budgetpost,
        "budgetposten",
        table=tables.BudgetpostTable,
        filterset=filtersets.BudgetpostFilterSet,
        form=forms.BudgetpostForm,
        edit=views.IwEditView,
        detail=views.BudgetpostDetailView,
        delete=True,
    ),
    *generic.crud_urls(
        models.Budgetjaar,
        "budgetjaren",
        table=tables.BudgetjaarTable,
        filterset=filtersets.BudgetjaarFilterSet,
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
        table=tables.HuisvestingsinitiatiefTable,
        filterset=filtersets.HuisvestingsinitiatiefFilterSet,
        form=forms.HuisvestingsinitiatiefForm,
        detail=views.HuisvestingsinitiatiefDetailView,
        delete=True,
    ),
    path("initiatieven/<int:pk>/beoordelen/", views.BeoordelenView.as_view(), name="huisvestingsinitiatief_beoordelen"),
    *generic.crud_urls(
        models.Pilotlocatie,
        "pilots",
        table=tables.PilotlocatieTable,
        filterset=filtersets.PilotlocatieFilterSet,
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
        table=tables.InspectieTable,
        filterset=filtersets.InspectieFilterSet,
        form=forms.InspectieForm,
        edit=views.IwEditView,
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
        table=tables.InformatiebereikTable,
        filterset=filtersets.InformatiebereikFilterSet,
        form=forms.InformatiebereikForm,
        delete=True,
    ),
]
