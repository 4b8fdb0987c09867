from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic

from . import services
from .filtersets import (
    BevindingFilterSet,
    ContactpersoonFilterSet,
    PartnerFilterSet,
    SessieFilterSet,
    ThemaFilterSet,
    VervolgactieFilterSet,
)
from .forms import BevindingForm, ContactpersoonForm, PartnerForm, SessieForm, ThemaForm, VervolgactieForm
from .models import Bevinding, Contactpersoon, Invalshoek, Partner, Perspectief, Sessie, Thema, Vervolgactie
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
    secties = (
        (
            _("Themasessies"),
            "themasessies:sessie_list",
            _("Brede themasessies met aanwezigheid en bevindingen."),
            "themasessies.view_sessie",
        ),
        (
            _("Thema-inventarisatie"),
            "themasessies:thema_list",
            _("Thema's die partners of het team voorstellen, met stemmen en status."),
            "themasessies.view_thema",
        ),
        (
            _("Partners"),
            "themasessies:partner_list",
            _("Maatschappelijke partners en hun betrokkenheid."),
            "themasessies.view_partner",
        ),
        (
            _("Contactpersonen"),
            "themasessies:contactpersoon_list",
            _("Contactpersonen bij de partners."),
            "themasessies.view_contactpersoon",
        ),
        (
            _("Bevindingen"),
            "themasessies:bevinding_list",
            _("Knelpunten, uitdagingen en oplossingen per invalshoek en perspectief."),
            "themasessies.view_bevinding",
        ),
        (
            _("Vervolgacties"),
            "themasessies:vervolgactie_list",
            _("Afspraken uit de sessies met eigenaar en deadline."),
            "themasessies.view_vervolgactie",
        ),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("themasessies.view_sessie"):
            context["kerncijfers"] = services.themasessies_kerncijfers(timezone.localdate())
        return context


class PartnerListView(generic.ObjectListView):
    table_class = PartnerTable
    filterset_class = PartnerFilterSet

    def get_queryset(self):
        return Partner.objects.annotate(aantal_aanwezig=Count("aanwezigheden")).order_by("naam")


class PartnerDetailView(generic.ObjectDetailView):
    velden = ("naam", "categorie", "omschrijving", "uit_bestuursopdracht", "actief")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contactpersonen"] = self.object.contactpersonen.all()
        aanwezig = set(self.object.aanwezigheden.values_list("pk", flat=True))
        context["sessies"] = [(s, s.pk in aanwezig) for s in self.object.uitnodigingen.order_by("-datum")]
        return context


class PartnerEditView(generic.ObjectEditView):
    form_class = PartnerForm


class ContactpersoonListView(generic.ObjectListView):
    table_class = ContactpersoonTable
    filterset_class = ContactpersoonFilterSet

    def get_queryset(self):
        return Contactpersoon.objects.select_related("partner")


class ContactpersoonEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = ContactpersoonForm
    initieel_uit_query = ("partner",)


class ThemaListView(generic.ObjectListView):
    table_class = ThemaTable
    filterset_class = ThemaFilterSet

    def get_queryset(self):
        return Thema.objects.select_related("voorgesteld_door_partner")


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


class ThemaEditView(generic.ObjectEditView):
    form_class = ThemaForm


class SessieListView(generic.ObjectListView):
    table_class = SessieTable
    filterset_class = SessieFilterSet

    def get_queryset(self):
        return (
            Sessie.objects.annotate(
                aantal_uitgenodigd=Count("uitgenodigd", distinct=True), aantal_aanwezig=Count("aanwezig", distinct=True)
            )
            .prefetch_related("themas")
            .order_by("-datum", "-pk")
        )


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


class SessieEditView(generic.ObjectEditView):
    form_class = SessieForm


class BevindingListView(generic.ObjectListView):
    table_class = BevindingTable
    filterset_class = BevindingFilterSet

    def get_queryset(self):
        return Bevinding.objects.select_related("sessie")


class BevindingEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = BevindingForm
    initieel_uit_query = ("sessie",)

    def get_success_url(self):
        return self.object.sessie.get_absolute_url()


class VervolgactieListView(generic.ObjectListView):
    table_class = VervolgactieTable
    filterset_class = VervolgactieFilterSet

    def get_queryset(self):
        return Vervolgactie.objects.select_related("sessie", "actie", "programmalijn")


class VervolgactieDetailView(generic.ObjectDetailView):
    velden = ("sessie", "omschrijving", "eigenaar", "deadline", "status", "afgerond_op", "actie", "programmalijn")


class VervolgactieEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = VervolgactieForm
    initieel_uit_query = ("sessie", "actie")
