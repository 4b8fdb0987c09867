from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.charts import Series, bar_chart, line_chart

from . import services
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
from .imports import BezettingImporter, MaandcijferImporter
from .models import Bezetting, Opvanglocatie
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
    secties = (
        (
            gettext_lazy("Overzicht Oekraïense ontheemden"),
            "opvang:oekraine",
            gettext_lazy(
                "Opgave, beschikbare en bezette plaatsen, tijdlijn en maandcijfers leefgeld en eigen bijdrage."
            ),
            "opvang.view_opvanglocatie",
        ),
        (
            gettext_lazy("Overzicht asielzoekers (Spreidingswet)"),
            "opvang:asielzoekers",
            gettext_lazy("De opgave van 275 plaatsen (waarvan 23 AMV) tegen de pijplijn van locaties per fase."),
            "opvang.view_opvanglocatie",
        ),
        (
            gettext_lazy("Overzicht statushouders (tijdelijke huisvesting)"),
            "opvang:statushouders",
            gettext_lazy("Tijdelijke plaatsen en reserveringen voor statushouders."),
            "opvang.view_opvanglocatie",
        ),
        (
            gettext_lazy("Bezetting invoeren"),
            "opvang:bezetting_invoer",
            gettext_lazy("Eén datum, alle actieve locaties in één scherm."),
            "opvang.add_bezetting",
        ),
        (
            gettext_lazy("Opvanglocaties"),
            "opvang:opvanglocatie_list",
            gettext_lazy("Register van locaties met type, fase, termijn en besluiten."),
            "opvang.view_opvanglocatie",
        ),
        (
            gettext_lazy("Capaciteitsstanden"),
            "opvang:capaciteitsstand_list",
            gettext_lazy("Gedateerde capaciteit, niet-inzetbare en gereserveerde plaatsen per locatie."),
            "opvang.view_capaciteitsstand",
        ),
        (
            gettext_lazy("Bezetting"),
            "opvang:bezetting_list",
            gettext_lazy("De gedateerde bezetting per locatie, met import uit CSV/XLSX."),
            "opvang.view_bezetting",
        ),
        (
            gettext_lazy("Mijlpalen"),
            "opvang:mijlpaal_list",
            gettext_lazy("Fasen van locaties met datum en besluitdocument."),
            "opvang.view_mijlpaal",
        ),
        (
            gettext_lazy("Opgaven"),
            "opvang:opgave_list",
            gettext_lazy("Gedateerde opgaven per doelgroep met bron en einde cyclus."),
            "opvang.view_opgave",
        ),
        (
            gettext_lazy("Beleidsdatums"),
            "opvang:beleidsdatum_list",
            gettext_lazy("Bewerkbare beleidsdatums, zoals het einde van de RTB."),
            "opvang.view_beleidsdatum",
        ),
        (
            gettext_lazy("Maandcijfers Oekraïne"),
            "opvang:oekrainemaandcijfer_list",
            gettext_lazy("Leefgeld en eigen bijdrage per maand (alleen totalen)."),
            "opvang.view_oekrainemaandcijfer",
        ),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        datums = None
        if self.request.user.has_perm("opvang.view_beleidsdatum"):
            context["beleidsdatums"] = datums = services.beleidsdatums(vandaag)
        if self.request.user.has_perm("opvang.view_opvanglocatie"):
            context["signalen"] = services.signalen(vandaag, datums=datums)
        return context


# --- lists, details, edits -------------------------------------------------------------------


class OpgaveListView(generic.ObjectListView):
    table_class = OpgaveTable
    filterset_class = OpgaveFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("doelgroep")


class BeleidsdatumListView(generic.ObjectListView):
    table_class = BeleidsdatumTable
    filterset_class = BeleidsdatumFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("doelgroep")


class OpvanglocatieListView(generic.ObjectListView):
    table_class = OpvanglocatieTable
    filterset_class = OpvanglocatieFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("doelgroepen")


class MijlpaalListView(generic.ObjectListView):
    table_class = MijlpaalTable
    filterset_class = MijlpaalFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("locatie")


class CapaciteitsstandListView(generic.ObjectListView):
    table_class = CapaciteitsstandTable
    filterset_class = CapaciteitsstandFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("locatie", "doelgroep", "gereserveerd_voor")


class BezettingListView(generic.ObjectListView):
    table_class = BezettingTable
    filterset_class = BezettingFilterSet
    import_url_name = "opvang:bezetting_import"

    def get_queryset(self):
        return super().get_queryset().select_related("locatie", "doelgroep")


class OekraineMaandcijferListView(generic.ObjectListView):
    table_class = OekraineMaandcijferTable
    filterset_class = OekraineMaandcijferFilterSet
    import_url_name = "opvang:oekrainemaandcijfer_import"


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
        context.update(services.locatie_detail(self.object))
        reeksen = context["bezetting_reeksen"]
        context["grafiek"] = line_chart(
            _("Bezetting en capaciteit van %(locatie)s") % {"locatie": self.object.naam},
            [Series(label, punten) for label, punten in reeksen],
            y_label=_("personen / plaatsen"),
        )
        return context


# --- occupancy: fast entry and import ----------------------------------------------------------


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
        return SnelInvoerForm(data, rijen=services.snelinvoer_rijen(self.datum), datum=self.datum)

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
                aantal = services.sla_snelinvoer_op(
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
            except services.SnelInvoerFout as fout:
                for sleutel, meldingen in fout.fouten.items():
                    for melding in meldingen:
                        form.add_error(f"aantal_{sleutel}", melding)
            else:
                messages.success(
                    request,
                    _("Bezetting op %(datum)s opgeslagen voor %(aantal)s locatie(s).")
                    % {"datum": self.datum.strftime("%d-%m-%Y"), "aantal": aantal},
                )
                return HttpResponseRedirect(f"{reverse('opvang:bezetting_invoer')}?datum={self.datum.isoformat()}")
        messages.error(
            request, _("De bezetting is niet opgeslagen: verbeter de gemarkeerde rijen. Er is niets opgeslagen.")
        )
        return self.render_to_response(self.get_context_data(form=form))


class BezettingImportView(generic.ImportView):
    importer_class = BezettingImporter


class MaandcijferImportView(generic.ImportView):
    importer_class = MaandcijferImporter


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
        """The figures the page shows for ``peildatum`` (service results only, no presentation)."""
        self.ref = services.Referentie()
        van = peildatum.replace(year=peildatum.year - self.jaren_terug, day=1)
        return {
            "overzicht": services.doelgroep_overzicht(self.doelgroep_code, peildatum, self.ref),
            "reeks": services.bezetting_reeks(self.doelgroep_code, van, peildatum, self.ref),
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
            grafiek=line_chart(
                _("Opgave, beschikbare en bezette plaatsen: %(doelgroep)s") % {"doelgroep": overzicht.doelgroep_naam},
                [
                    Series(_("Opgave"), [(p.datum, p.opgave) for p in reeks]),
                    Series(_("Beschikbaar"), [(p.datum, p.beschikbaar) for p in reeks]),
                    Series(_("Bezet"), [(p.datum, p.bezet) for p in reeks]),
                ],
                y_label=_("plaatsen"),
            ),
        )
        return context


class OekraineView(DoelgroepOverzichtView):
    doelgroep_code = "oekraine"
    titel = gettext_lazy("Oekraïense ontheemden: opvang tegen de opgave")

    def bereken(self, peildatum) -> dict:
        van = peildatum.replace(year=peildatum.year - 2, day=1)
        return {**super().bereken(peildatum), "maandcijfers": services.oekraine_maandcijfers(van, peildatum)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cijfers = context["maandcijfers"]
        context["maandgrafiek"] = bar_chart(
            _("Leefgeld en eigen bijdrage per maand (aantal personen)"),
            [m.maand.strftime("%m-%Y") for m in cijfers],
            [
                Series(_("Ontvangers leefgeld"), [(m.maand.strftime("%m-%Y"), m.leefgeld_ontvangers) for m in cijfers]),
                Series(
                    _("Betalers eigen bijdrage"),
                    [(m.maand.strftime("%m-%Y"), m.eigen_bijdrage_betalers) for m in cijfers],
                ),
            ],
            y_label=_("personen"),
        )
        context["maandcijfers_url"] = reverse("opvang:oekrainemaandcijfer_list")
        return context


class AsielzoekersView(DoelgroepOverzichtView):
    doelgroep_code = "asielzoekers"
    titel = gettext_lazy("Asielzoekers: Spreidingswet")

    def bereken(self, peildatum) -> dict:
        gegevens = super().bereken(peildatum)
        return {**gegevens, "pijplijn": services.spreidingswet_pijplijn(peildatum, self.ref, gegevens["overzicht"])}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pijplijn = context["pijplijn"]
        context["pijplijngrafiek"] = bar_chart(
            _("Geplande plaatsen per fase tegen de opgave"),
            [f.label for f in pijplijn.fasen],
            [
                Series(_("Geplande plaatsen"), [(f.label, f.plaatsen) for f in pijplijn.fasen]),
                Series(_("Waarvan AMV"), [(f.label, f.amv_plaatsen) for f in pijplijn.fasen]),
            ],
            reference_lines=[(_("Opgave"), pijplijn.opgave)] if pijplijn.opgave is not None else [],
            y_label=_("plaatsen"),
        )
        return context


class StatushoudersView(DoelgroepOverzichtView):
    doelgroep_code = "statushouders"
    titel = gettext_lazy("Statushouders: tijdelijke huisvesting")
