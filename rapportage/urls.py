from django.urls import path

from noordwijk_migratie import generic

from . import views
from .models import Rapport, Toelichting, Voorblad

app_name = "rapportage"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        Rapport,
        list=views.RapportListView,
        add=views.RapportAanvraagView,
        detail=views.RapportDetailView,
        prefix="rapporten",
    ),
    path("rapporten/<int:pk>/status/", views.RapportStatusView.as_view(), name="rapport_status"),
    path("rapporten/<int:pk>/download/", views.RapportDownloadView.as_view(), name="rapport_download"),
    path("rapporten/<int:pk>/opnieuw/", views.RapportOpnieuwView.as_view(), name="rapport_opnieuw"),
    path("rapporten/<int:pk>/definitief/", views.RapportDefinitiefView.as_view(), name="rapport_definitief"),
    *generic.crud_urls(
        Toelichting, "toelichtingen", detail=views.ToelichtingDetailView, edit=views.ToelichtingEditView, add=False
    ),
    path("voorblad/", views.VoorbladView.as_view(), name="voorblad"),
    *generic.crud_urls(Voorblad, "voorblad", edit=views.VoorbladEditView, add=False),
]
