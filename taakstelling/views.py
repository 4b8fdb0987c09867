"""Thin views on the generic machinery; all figures come from services.py."""

from django.conf import settings
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic as django_generic

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.charts import Series, bar_chart, line_chart

from . import services
from .filtersets import (
    CoaStandFilterSet,
    NareizigerFilterSet,
    PeriodeFilterSet,
    PlaatsingFilterSet,
    RegioCijferFilterSet,
    TredeHistorieFilterSet,
)
from .forms import PeriodeForm, PlaatsingForm, RegioVergelijkingForm
from .imports import CoaStandImporter, PlaatsingImporter, RegioCijferImporter
from .models import Nareiziger, Periode, Plaatsing, RegioCijfer, TijdelijkeLocatie
from .tables import (
    CoaStandTable,
    InburgeringCohortTable,
    NareizigerTable,
    PeriodeTable,
    PlaatsingTable,
    RegioCijferTable,
    TijdelijkeLocatieTable,
    TredeHistorieTable,
    TredeTable,
)


class ModuleActiefMixin:
    """The module can be switched off (settings.MODULE_TAAKSTELLING_ACTIEF): then every page of
    this app answers 404 with a Dutch explanation; the rest of the product is unaffected."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.MODULE_TAAKSTELLING_ACTIEF:
            return render(request, "taakstelling/module_uit.html", {"titel": _("Module uitgeschakeld")}, status=404)
        return super().dispatch(request, *args, **kwargs)


class CssMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["taakstelling_css"] = True
        return context


class LijstView(ModuleActiefMixin, generic.ObjectListView):
    pass


class DetailView(ModuleActiefMixin, CssMixin, generic.ObjectDetailView):
    pass


class EditView(ModuleActiefMixin, generic.ObjectEditView):
    pass


class DeleteView(ModuleActiefMixin, generic.ObjectDeleteView):
    pass


class ImportView(ModuleActiefMixin, generic.ImportView):
    pass


class IndexView(ModuleActiefMixin, CssMixin, generic.AppIndexView):
    template_name = "taakstelling/index.html"
    titel = _("Statushouders")
    inleiding = _(
        "Taakstelling huisvesting statushouders: perioden, plaatsingen, realisatie, COA-afstemming, "
        "interventieladder, regio en inburgering."
    )
    secties = (
        (
            _("Perioden en taakstelling"),
            "taakstelling:periode_list",
            _("Netto taakstelling per halfjaar, officiële cijfers en COA-afstemming."),
            "taakstelling.view_periode",
        ),
        (
            _("Plaatsingen"),
            "taakstelling:plaatsing_list",
            _("Huishoudens van koppeling tot huisvesting, met termijnsignalen."),
            "taakstelling.view_plaatsing",
        ),
        (
            _("Nareizigers"),
            "taakstelling:nareiziger_list",
            _("Later aangekomen gezinsleden; tellen mee in de periode van aankomst."),
            "taakstelling.view_nareiziger",
        ),
        (
            _("COA-standen"),
            "taakstelling:coastand_list",
            _("Maandstanden van het COA per periode."),
            "taakstelling.view_coastand",
        ),
        (
            _("Interventieladder"),
            "taakstelling:tredehistorie_list",
            _("Trede van de provincie en opeenvolgende perioden met achterstand."),
            "taakstelling.view_tredehistorie",
        ),
        (
            _("Treden (referentie)"),
            "taakstelling:trede_list",
            _("De treden van de interventieladder."),
            "taakstelling.view_trede",
        ),
        (
            _("Regiovergelijking"),
            "taakstelling:regio_vergelijking",
            _("Doen we het slechter dan gemiddeld in de (sub)regio?"),
            "taakstelling.view_regiocijfer",
        ),
        (
            _("Regiocijfers"),
            "taakstelling:regiocijfer_list",
            _("Cijfers per gemeente en periode (import)."),
            "taakstelling.view_regiocijfer",
        ),
        (
            _("Inburgering"),
            "taakstelling:inburgeringcohort_list",
            _("Cohorten, leerroutes en succesratio."),
            "taakstelling.view_inburgeringcohort",
        ),
        (
            _("Tijdelijke locaties"),
            "taakstelling:tijdelijkelocatie_list",
            _("Locaties met een maximum aantal statushouders (Trampoline II)."),
            "taakstelling.view_tijdelijkelocatie",
        ),
    )

    @staticmethod
    def kerncijfers(vandaag):
        perioden = services.periode_overzicht(vandaag)
        return perioden, services.statushouders_kerncijfers(vandaag, perioden)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("taakstelling.view_periode"):
            vandaag = timezone.localdate()
            context["perioden"], context["kerncijfers"] = gecachet(
                "statushouders-kerncijfers", (vandaag.isoformat(),), lambda: self.kerncijfers(vandaag)
            )
            context["grafiek"] = (
                line_chart(
                    str(_("Saldo eind per periode")),
                    [Series(str(_("Saldo eind")), [(p.label, p.saldo_eind) for p in context["perioden"]])],
                    y_label=str(_("personen")),
                    reference_lines=[(str(_("nul")), 0)],
                    x_label=str(_("Periode")),
                )
                if context["perioden"]
                else None
            )
        return context


# --------------------------------------------------------------------------- perioden


class PeriodeListView(LijstView):
    table_class = PeriodeTable
    filterset_class = PeriodeFilterSet


class PeriodeDetailView(DetailView):
    velden = (
        "label",
        "begindatum",
        "einddatum",
        "netto_taakstelling",
        "saldo_begin_officieel",
        "realisatie_officieel",
        "bron",
        "notities",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        context["resultaat"] = next((r for r in services.periode_overzicht(vandaag) if r.id == self.object.pk), None)
        context["afgesloten"] = self.object.is_afgesloten(vandaag)
        context["afstemming"] = services.coa_afstemming(self.object, vandaag)
        return context


class PeriodeEditView(EditView):
    form_class = PeriodeForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if (
            self.object
            and self.object.is_afgesloten()
            and not self.request.user.has_perm("taakstelling.wijzig_afgesloten_periode")
        ):
            context["waarschuwing"] = _(
                "Deze periode is afgesloten. Alleen de opgavemanager mag haar wijzigen; opslaan wordt geweigerd."
            )
        return context

    def get_template_names(self):
        return ["taakstelling/periode_form.html"]


# --------------------------------------------------------------------------- plaatsingen


class PlaatsingListView(LijstView):
    table_class = PlaatsingTable
    filterset_class = PlaatsingFilterSet
    import_url_name = "taakstelling:plaatsing_import"

    def get_queryset(self):
        # nareizigers as a correlated subquery: evaluated for the rows on the page only, and the
        # paginator's COUNT(*) needs no GROUP BY over every placement
        nareizigers = (
            Nareiziger.objects.filter(plaatsing=OuterRef("pk"))
            .order_by()
            .values("plaatsing")
            .annotate(s=Sum("aantal"))
            .values("s")
        )
        return Plaatsing.objects.annotate(
            aantal_personen=F("volwassenen") + F("minderjarigen"),
            aantal_nareizigers=Subquery(nareizigers, output_field=IntegerField()),
        ).order_by("-koppeldatum", "samenstelling", "volgnummer")

    def get_table_kwargs(self):
        # read when a row is rendered, so not at all when the rendered table comes from the cache
        return {"perioden": Periode.objects.order_by("begindatum"), "peildatum": timezone.localdate()}


class PlaatsingDetailView(DetailView):
    velden = (
        "koppeldatum",
        "samenstelling",
        "volgnummer",
        "volwassenen",
        "minderjarigen",
        "verwachte_nareizigers",
        "woonvorm",
        "tijdelijke_locatie",
        "corporatie",
        "status",
        "reden_beeindiging",
        "coa_referentie",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = self.object
        vandaag = timezone.localdate()
        context["tijdlijn"] = services.tijdlijn(
            p.koppeldatum,
            p.datum_woning_aangeboden,
            p.datum_huurovereenkomst,
            p.datum_gehuisvest,
            p.get_beeindiging_display() if p.beeindiging else "",
            p.datum_beeindigd,
            vandaag,
        )
        context["nareizigers"] = p.nareizigers.order_by("datum")
        context["nareiziger_toevoegen"] = self.request.user.has_perm("taakstelling.add_nareiziger")
        context["periode"] = (
            Periode.objects.filter(begindatum__lte=p.datum_gehuisvest, einddatum__gte=p.datum_gehuisvest).first()
            if p.datum_gehuisvest and not p.beeindiging
            else None
        )
        return context


class PlaatsingEditView(EditView):
    form_class = PlaatsingForm


class PlaatsingImportView(ImportView):
    importer_class = PlaatsingImporter


# --------------------------------------------------------------------------- nareizigers, COA


class NareizigerListView(LijstView):
    table_class = NareizigerTable
    filterset_class = NareizigerFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("plaatsing")


class NareizigerEditView(generic.InitieelUitQueryMixin, EditView):
    fields = ("plaatsing", "datum", "aantal")
    initieel_uit_query = ("plaatsing",)


class CoaStandListView(LijstView):
    table_class = CoaStandTable
    filterset_class = CoaStandFilterSet
    import_url_name = "taakstelling:coastand_import"

    def get_queryset(self):
        return super().get_queryset().select_related("periode")


class CoaStandEditView(EditView):
    fields = ("periode", "maand", "realisatie_cumulatief", "toelichting")


class CoaStandImportView(ImportView):
    importer_class = CoaStandImporter


# --------------------------------------------------------------------------- interventieladder


class TredeListView(LijstView):
    table_class = TredeTable


class TredeEditView(EditView):
    fields = ("nummer", "naam", "omschrijving")


class TredeHistorieListView(CssMixin, LijstView):
    table_class = TredeHistorieTable
    filterset_class = TredeHistorieFilterSet
    template_name = "taakstelling/interventieladder.html"
    titel = _("Interventieladder")

    def get_queryset(self):
        return super().get_queryset().select_related("trede")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ladder"] = services.interventieladder_status(timezone.localdate())
        return context


class TredeHistorieEditView(EditView):
    fields = ("trede", "datum_vanaf", "bron", "notities")


# --------------------------------------------------------------------------- regio


class RegioCijferListView(LijstView):
    table_class = RegioCijferTable
    filterset_class = RegioCijferFilterSet
    import_url_name = "taakstelling:regiocijfer_import"

    def get_queryset(self):
        return super().get_queryset().select_related("gemeente", "periode")


class RegioCijferEditView(EditView):
    fields = ("gemeente", "periode", "netto_taakstelling", "realisatie", "saldo_eind", "inwoners", "bron")


class RegioCijferImportView(ImportView):
    importer_class = RegioCijferImporter


class RegioVergelijkingView(ModuleActiefMixin, CssMixin, generic.ObjectPermissionMixin, django_generic.TemplateView):
    model = RegioCijfer
    template_name = "taakstelling/regio_vergelijking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("Regiovergelijking")
        context["nieuw_url"] = None
        perioden = Periode.objects.order_by("-begindatum")
        met_cijfers = perioden.filter(regiocijfers__isnull=False).distinct()
        gekozen, context["form"] = generic.uit_query(
            self.request.GET, RegioVergelijkingForm, met_cijfers.first() or perioden.first()
        )
        if gekozen is not None:
            vergelijking = services.regio_vergelijking(gekozen, timezone.localdate())
            context["vergelijking"] = vergelijking
            gemiddelden = []
            if vergelijking.subregio_gemiddeld_pct is not None:
                gemiddelden.append((str(_("gemiddelde Duin- en Bollenstreek")), vergelijking.subregio_gemiddeld_pct))
            context["grafiek"] = bar_chart(
                str(_("Percentage van de gecorrigeerde taakstelling gerealiseerd, %(periode)s"))
                % {"periode": gekozen.label},
                [r.gemeente for r in vergelijking.rijen],
                [Series(str(_("% gerealiseerd")), [(r.gemeente, r.pct_gerealiseerd) for r in vergelijking.rijen])],
                y_label="%",
                reference_lines=gemiddelden,
            )
        return context


# --------------------------------------------------------------------------- inburgering, locaties


class InburgeringCohortListView(CssMixin, LijstView):
    table_class = InburgeringCohortTable
    template_name = "taakstelling/inburgering.html"
    titel = _("Inburgering")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inburgering"] = services.inburgering_overzicht(timezone.localdate())
        return context


class InburgeringCohortEditView(EditView):
    fields = (
        "cohort",
        "inburgeringsplichtig",
        "brede_intake",
        "pip_op_tijd",
        "leerroute_b1",
        "leerroute_onderwijs",
        "leerroute_z",
        "voldaan_binnen_termijn",
        "peildatum_cijfers",
        "bron",
    )


def _gehuisvest_q():
    return Q(plaatsingen__beeindiging="", plaatsingen__datum_gehuisvest__isnull=False)


class TijdelijkeLocatieListView(LijstView):
    table_class = TijdelijkeLocatieTable

    def get_queryset(self):
        return TijdelijkeLocatie.objects.annotate(
            gehuisvest=Sum(F("plaatsingen__volwassenen") + F("plaatsingen__minderjarigen"), filter=_gehuisvest_q()),
            aantal_plaatsingen=Count("plaatsingen"),
        ).order_by("naam")


class TijdelijkeLocatieDetailView(DetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gehuisvest = (
            self.object.plaatsingen.filter(beeindiging="", datum_gehuisvest__isnull=False).aggregate(
                n=Sum(F("volwassenen") + F("minderjarigen"))
            )["n"]
            or 0
        )
        context["gehuisvest"] = gehuisvest
        maximum = self.object.maximum_statushouders
        context["boven_maximum"] = maximum is not None and gehuisvest > maximum
        return context


class TijdelijkeLocatieEditView(EditView):
    fields = ("naam", "maximum_statushouders", "termijn", "toelichting")
