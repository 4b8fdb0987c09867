from django.urls import path

from noordwijk_migratie import generic

from . import views
from .forms import PartnerForm, SessieForm, ThemaForm
from .models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie

app_name = "themasessies"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    *generic.crud_urls(
        Partner, "partners", list=views.PartnerListView, form=PartnerForm, detail=views.PartnerDetailView, delete=True
    ),
    *generic.crud_urls(
        Contactpersoon,
        "contactpersonen",
        list=views.ContactpersoonListView,
        edit=views.ContactpersoonEditView,
        delete=True,
    ),
    *generic.crud_urls(
        Thema, "themas", list=views.ThemaListView, form=ThemaForm, detail=views.ThemaDetailView, delete=True
    ),
    *generic.crud_urls(
        Sessie, "sessies", list=views.SessieListView, form=SessieForm, detail=views.SessieDetailView, delete=True
    ),
    path(
        "sessies/<int:pk>/samenvatting/", views.SessieSamenvattingView.as_view(model=Sessie), name="sessie_samenvatting"
    ),
    *generic.crud_urls(
        Bevinding, "bevindingen", list=views.BevindingListView, edit=views.BevindingEditView, delete=True
    ),
    *generic.crud_urls(
        Vervolgactie,
        "vervolgacties",
        list=views.VervolgactieListView,
        edit=views.VervolgactieEditView,
        detail=views.VervolgactieDetailView,
        delete=True,
    ),
]
