from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.charts import maak_grafiek
from noordwijk_migratie.getallen import datum
from noordwijk_migratie.paginacache import PaginaCacheMixin

from . import grafieken, invoer, queries
from .filtersets import (
    BeleidsdatumFilterSet,
    BezettingFilterSet,
    CapaciteitsstandFilterSet,
    MijlpaalFilterSet,
    OekraineMaandcijferFilterSet,
    OpgaveFilterSet,
    OpvanglocatieFilterSet,
)
from .forms import SnelInvoerDatumForm, SnelInvoerForm
from .models import Bezetting, Capaciteitsstand, Mijlpaal, Opvanglocatie
from .reeksen import bezetting_reeks
from .tables import (
    BeleidsdatumTable,
    BezettingTable,
    CapaciteitsstandTable,
    MijlpaalTable,
    OekraineMaandcijferTable,
    OpgaveTable,
    OpvanglocatieTable,
)


class IndexView(generic.AppIndexView):
    template_name = "opvang/index.html"
    titel = gettext_lazy("Opvang")
    inleiding = gettext_lazy(
        "Opvanglocaties, capaciteit en bezetting voor Oekraïense ontheemden, asielzoekers (Spreidingswet) en "
        "statushouders, tegen hun opgaven."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        datums, ref = None, queries.Referentie()
        if self.request.user.has_perm("opvang.view_beleidsdatum"):
            context["beleidsdatums"] = datums = queries.beleidsdatums(vandaag, ref)
        if self.request.user.has_perm("opvang.view_opvanglocatie"):
            context["signalen"] = queries.signalen(vandaag, ref, datums=datums)
        return context


# --- lists, details, edits -------------------------------------------------------------------


class OpgaveListView(generic.ObjectListView):
    table_class = OpgaveTable
    filterset_class = OpgaveFilterSet


class BeleidsdatumListView(generic.ObjectListView):
    table_class = BeleidsdatumTable
    filterset_class = BeleidsdatumFilterSet


class OpvanglocatieListView(generic.ObjectListView):
    table_class = OpvanglocatieTable
    filterset_class = OpvanglocatieFilterSet


class MijlpaalListView(generic.ObjectListView):
    table_class = MijlpaalTable
    filterset_class = MijlpaalFilterSet


class CapaciteitsstandListView(generic.ObjectListView):
    table_class = CapaciteitsstandTable
    filterset_class = CapaciteitsstandFilterSet


class BezettingListView(generic.ObjectListView):
    table_class = BezettingTable
    filterset_class = BezettingFilterSet


class OekraineMaandcijferListView(generic.ObjectListView):
    table_class = OekraineMaandcijferTable
    filterset_class = OekraineMaandcijferFilterSet


class OpvanglocatieDetailView(generic.ObjectDetailView):
    velden = (
        "naam",
        "adres",
        "type",
        "eigenaar",
        "beheerder",
        "gemeentegrond",
        "startdatum",
        "einddatum",
        "termijn_jaren",
        "fase",
        "geplande_plaatsen",
        "geplande_amv_plaatsen",
        "toelichting",
    )

    def get_queryset(self):
        return super().get_queryset().prefetch_related("doelgroepen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(queries.locatie_detail(self.object))
        # add a milestone, capacity or count for this location: the form opens with the location filled in
        toevoegen = (
            (Mijlpaal, _("Mijlpaal toevoegen")),
            (Capaciteitsstand, _("Capaciteit toevoegen")),
            (Bezetting, _("Bezetting toevoegen")),
        )
        context["toevoegen"] = [
            (label, f"{generic.model_url(model, 'add')}?{urlencode({'locatie': self.object.pk})}")
            for model, label in toevoegen
            if self.request.user.has_perm(f"opvang.add_{model._meta.model_name}")
        ]
        context["grafiek"] = maak_grafiek(
            grafieken.locatie_bezetting(self.object.naam, context["bezetting_per_doelgroep"])
        )
        return context


class MijlpaalEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    """ "Mijlpaal vastleggen" on a location's page prefills the location (``?locatie=…``)."""

    initieel_uit_query = ("locatie",)


# --- occupancy: fast entry ----------------------------------------------------------------------


class BezettingInvoerView(generic.ObjectPermissionMixin, TemplateView):
    """One date, every active location × doelgroep in one screen; all-or-nothing, idempotent per date."""

    model = Bezetting
    permission_action = "add"
    template_name = "opvang/bezetting_invoer.html"

    def dispatch(self, request, *args, **kwargs):
        data = request.POST if request.method == "POST" else request.GET
        self.datum, self.datum_form = generic.uit_query(data, SnelInvoerDatumForm, timezone.localdate())
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        return SnelInvoerForm(data, rijen=invoer.snelinvoer_rijen(self.datum), datum=self.datum)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("Bezetting invoeren")
        context["datum_form"] = self.datum_form
        context.setdefault("form", self.get_form())
        context["datum"] = self.datum
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not self.datum_form.errors and form.is_valid():  # never saved under another date than the one posted
            try:
                aantal = invoer.sla_snelinvoer_op(
                    form.datum,
                    [
                        (
                            rij["locatie"],
                            rij["doelgroep"],
                            form.cleaned_data[f"aantal_{rij['sleutel']}"],
                            form.cleaned_data[f"toelichting_{rij['sleutel']}"],
                            rij["sleutel"],
                        )
                        for rij in form.rijen
                    ],
                )
            except invoer.SnelInvoerFout as fout:
                for sleutel, meldingen in fout.fouten.items():
                    for melding in meldingen:
                        form.add_error(f"aantal_{sleutel}", melding)
            else:
                messages.success(
                    request,
                    _("Bezetting op %(datum)s opgeslagen voor %(aantal)s locatie(s).")
                    % {"datum": datum(self.datum), "aantal": aantal},
                )
                return HttpResponseRedirect(f"{reverse('opvang:bezetting_invoer')}?datum={self.datum.isoformat()}")
        messages.error(
            request, _("De bezetting is niet opgeslagen: verbeter de gemarkeerde rijen. Er is niets opgeslagen.")
        )
        return self.render_to_response(self.get_context_data(form=form))


# --- overviews ---------------------------------------------------------------------------------


class DoelgroepOverzichtView(generic.PeildatumMixin, generic.ObjectPermissionMixin, TemplateView):
    model = Opvanglocatie
    template_name = "opvang/doelgroep_overzicht.html"
    doelgroep_code = ""
    titel = ""
    jaren_terug = 2

    def get_breadcrumbs(self):
        return [(_("Opvang"), reverse("opvang:index"))]

    def bereken(self, peildatum) -> dict:
        """The figures the page shows for ``peildatum`` (query results only, no presentation)."""
        self.ref = queries.Referentie()
        van = peildatum.replace(year=peildatum.year - self.jaren_terug, day=1)
        return {
            "overzicht": queries.doelgroep_overzicht(self.doelgroep_code, peildatum, self.ref),
            "reeks": bezetting_reeks(self.doelgroep_code, van, peildatum, self.ref),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        peildatum, form = self.peildatum()
        # the history behind these figures is long; they are kept until any project data changes
        gegevens = gecachet(
            f"overzicht:{self.doelgroep_code}", (peildatum.isoformat(),), lambda: self.bereken(peildatum)
        )
        overzicht, reeks = gegevens["overzicht"], gegevens["reeks"]
        context.update(
            gegevens,
            titel=self.titel,
            peildatum=peildatum,
            peildatum_form=form,
            nieuw_url=None,
            grafiek=maak_grafiek(grafieken.verloop(overzicht.doelgroep_naam, reeks)),
        )
        return context


class OekraineView(PaginaCacheMixin, DoelgroepOverzichtView):
    doelgroep_code = "oekraine"
    titel = gettext_lazy("Oekraïense ontheemden: opvang tegen de opgave")

    def bereken(self, peildatum) -> dict:
        van = peildatum.replace(year=peildatum.year - 2, day=1)
        return {**super().bereken(peildatum), "maandcijfers": queries.oekraine_maandcijfers(van, peildatum)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["maandgrafiek"] = maak_grafiek(grafieken.maandcijfers(context["maandcijfers"]))
        context["maandcijfers_url"] = reverse("opvang:oekrainemaandcijfer_list")
        return context


class AsielzoekersView(DoelgroepOverzichtView):
    doelgroep_code = "asielzoekers"
    titel = gettext_lazy("Asielzoekers: Spreidingswet")

    def bereken(self, peildatum) -> dict:
        gegevens = super().bereken(peildatum)
        return {**gegevens, "pijplijn": queries.spreidingswet_pijplijn(peildatum, self.ref, gegevens["overzicht"])}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pijplijngrafiek"] = maak_grafiek(grafieken.pijplijn(context["pijplijn"]))
        return context


class StatushoudersView(DoelgroepOverzichtView):
    doelgroep_code = "statushouders"
    titel = gettext_lazy("Statushouders: tijdelijke huisvesting")
