from django.urls import path

from noordwijk_migratie import generic

from . import views
from .models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie

app_name = "themasessies"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        Partner,
        list=views.PartnerListView,
        detail=views.PartnerDetailView,
        add=views.PartnerEditView,
        edit=views.PartnerEditView,
        delete=generic.ObjectDeleteView,
        prefix="partners",
    ),
    *generic.crud_urls(
        Contactpersoon,
        list=views.ContactpersoonListView,
        detail=generic.ObjectDetailView,
        add=views.ContactpersoonEditView,
        edit=views.ContactpersoonEditView,
        delete=generic.ObjectDeleteView,
        prefix="contactpersonen",
    ),
    *generic.crud_urls(
        Thema,
        list=views.ThemaListView,
        detail=views.ThemaDetailView,
        add=views.ThemaEditView,
        edit=views.ThemaEditView,
        delete=generic.ObjectDeleteView,
        prefix="themas",
    ),
    *generic.crud_urls(
        Sessie,
        list=views.SessieListView,
        detail=views.SessieDetailView,
        add=views.SessieEditView,
        edit=views.SessieEditView,
        delete=generic.ObjectDeleteView,
        prefix="sessies",
    ),
    path(
        "sessies/<int:pk>/samenvatting/", views.SessieSamenvattingView.as_view(model=Sessie), name="sessie_samenvatting"
    ),
    *generic.crud_urls(
        Bevinding,
        list=views.BevindingListView,
        detail=generic.ObjectDetailView,
        add=views.BevindingEditView,
        edit=views.BevindingEditView,
        delete=generic.ObjectDeleteView,
        prefix="bevindingen",
    ),
    *generic.crud_urls(
        Vervolgactie,
        list=views.VervolgactieListView,
        detail=views.VervolgactieDetailView,
        add=views.VervolgactieEditView,
        edit=views.VervolgactieEditView,
        delete=generic.ObjectDeleteView,
        prefix="vervolgacties",
    ),
]
