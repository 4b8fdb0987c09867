from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic

from .filtersets import (
    BevindingFilterSet,
    ContactpersoonFilterSet,
    PartnerFilterSet,
    SessieFilterSet,
    ThemaFilterSet,
    VervolgactieFilterSet,
)
from .forms import BevindingForm, ContactpersoonForm, VervolgactieForm
from .models import Invalshoek, Partner, Perspectief, Sessie
from .queries import themasessies_kerncijfers
from .rules import deelname_annotaties
from .tables import (
    BevindingTable,
    ContactpersoonTable,
    PartnerTable,
    SessieTable,
    ThemaTable,
    VervolgactieTable,
)


class IndexView(generic.AppIndexView):
    template_name = "themasessies/index.html"
    titel = _("Themasessies")
    inleiding = _("Partners, thema-inventarisatie, themasessies en vervolgacties (programmalijn 2).")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("themasessies.view_sessie"):
            context["kerncijfers"] = themasessies_kerncijfers(timezone.localdate())
        return context


class PartnerListView(generic.ObjectListView):
    table_class = PartnerTable
    filterset_class = PartnerFilterSet

    def get_queryset(self):
        return Partner.objects.annotate(**deelname_annotaties()).order_by("naam")  # n_aanwezig: sessions attended


class PartnerDetailView(generic.ObjectDetailView):
    velden = ("naam", "categorie", "omschrijving", "uit_bestuursopdracht", "actief")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contactpersonen"] = self.object.contactpersonen.all()
        aanwezig = set(self.object.aanwezigheden.values_list("pk", flat=True))
        context["sessies"] = [(s, s.pk in aanwezig) for s in self.object.uitnodigingen.order_by("-datum")]
        return context


class ContactpersoonListView(generic.ObjectListView):
    table_class = ContactpersoonTable
    filterset_class = ContactpersoonFilterSet


class ContactpersoonEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = ContactpersoonForm
    initieel_uit_query = ("partner",)


class ThemaListView(generic.ObjectListView):
    table_class = ThemaTable
    filterset_class = ThemaFilterSet


class ThemaDetailView(generic.ObjectDetailView):
    velden = (
        "titel",
        "toelichting",
        "voorgesteld_door_partner",
        "voorgesteld_op",
        "prioriteit",
        "stemmen",
        "status",
        "uit_bestuursopdracht",
    )


class SessieListView(generic.ObjectListView):
    table_class = SessieTable
    filterset_class = SessieFilterSet

    def get_queryset(self):
        return Sessie.objects.annotate(
            aantal_uitgenodigd=Count("uitgenodigd", distinct=True), aantal_aanwezig=Count("aanwezig", distinct=True)
        ).order_by("-datum", "-pk")


def bevindingen_matrix(sessie):
    """Rows per angle, columns per perspective, for the session page and its printable summary."""
    per_cel = {(b.invalshoek, b.perspectief): b for b in sessie.bevindingen.all()}
    return [
        (label, [(p_label, per_cel.get((hoek, p))) for p, p_label in Perspectief.choices])
        for hoek, label in Invalshoek.choices
        if any((hoek, p) in per_cel for p, _l in Perspectief.choices)
    ]


class SessieDetailView(generic.ObjectDetailView):
    velden = ("titel", "datum", "plaats", "samenvatting")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sessie = self.object
        aanwezig = set(sessie.aanwezig.values_list("pk", flat=True))
        context.update(
            themas=sessie.themas.all(),
            deelnemers=[(p, p.pk in aanwezig) for p in sessie.uitgenodigd.all()],
            matrix=bevindingen_matrix(sessie),
            vervolgacties=sessie.vervolgacties.select_related("actie", "programmalijn"),
            peildatum=timezone.localdate(),
        )
        return context


class SessieSamenvattingView(SessieDetailView):
    """Printable summary of one session (the print stylesheet hides navigation and buttons)."""

    def get_template_names(self):
        return ["themasessies/sessie_samenvatting.html"]


class BevindingListView(generic.ObjectListView):
    table_class = BevindingTable
    filterset_class = BevindingFilterSet


class BevindingEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = BevindingForm
    initieel_uit_query = ("sessie",)

    def get_success_url(self):
        return self.object.sessie.get_absolute_url()


class VervolgactieListView(generic.ObjectListView):
    table_class = VervolgactieTable
    filterset_class = VervolgactieFilterSet


class VervolgactieDetailView(generic.ObjectDetailView):
    velden = ("sessie", "omschrijving", "eigenaar", "deadline", "status", "afgerond_op", "actie", "programmalijn")


class VervolgactieEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = VervolgactieForm
    initieel_uit_query = ("sessie", "actie")
