"""Thin views on the generic machinery; all figures come from queries.py (rules in rules.py)."""

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic as django_generic

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet

from . import grafieken, queries, rules
from .filtersets import (
    CoaStandFilterSet,
    NareizigerFilterSet,
    PeriodeFilterSet,
    PlaatsingFilterSet,
    RegioCijferFilterSet,
    TredeHistorieFilterSet,
)
from .forms import PeriodeForm, RegioVergelijkingForm
from .models import COA_REFERENTIE_RECHT, Nareiziger, Periode, Plaatsing, RegioCijfer
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


class CssMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["taakstelling_css"] = True
        return context


class DetailView(CssMixin, generic.ObjectDetailView):
    pass


class IndexView(CssMixin, generic.AppIndexView):
    template_name = "taakstelling/index.html"
    titel = _("Statushouders")
    inleiding = _(
        "Taakstelling huisvesting statushouders: perioden, plaatsingen, realisatie, COA-afstemming, "
        "interventieladder, regio en inburgering."
    )

    @staticmethod
    def kerncijfers(vandaag):
        perioden = queries.periode_overzicht(vandaag)
        return perioden, queries.statushouders_kerncijfers(vandaag, perioden)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("taakstelling.view_periode"):
            vandaag = timezone.localdate()
            context["perioden"], context["kerncijfers"] = gecachet(
                "statushouders-kerncijfers", (vandaag.isoformat(),), lambda: self.kerncijfers(vandaag)
            )
            context["grafieken"] = grafieken.perioden(context["perioden"])
        return context


# --------------------------------------------------------------------------- perioden


class PeriodeListView(generic.ObjectListView):
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
        context["resultaat"] = next((r for r in queries.periode_overzicht(vandaag) if r.id == self.object.pk), None)
        context["afgesloten"] = self.object.is_afgesloten(vandaag)
        context["afstemming"] = queries.coa_afstemming(self.object, vandaag)
        return context


class PeriodeEditView(generic.ObjectEditView):
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


class PlaatsingListView(generic.ObjectListView):
    table_class = PlaatsingTable
    filterset_class = PlaatsingFilterSet

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
            aantal_personen=rules.personen_expr(),
            aantal_nareizigers=Subquery(nareizigers, output_field=IntegerField()),
        ).order_by("-koppeldatum", "samenstelling", "volgnummer")

    def get_table_kwargs(self):
        # read when a row is rendered, so not at all when the rendered table comes from the cache
        kwargs = {"perioden": Periode.objects.order_by("begindatum"), "peildatum": timezone.localdate()}
        if not self.request.user.has_perm(COA_REFERENTIE_RECHT):
            kwargs["exclude"] = ("coa_referentie",)
        return kwargs


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

    def get_velden(self):
        if not self.request.user.has_perm(COA_REFERENTIE_RECHT):
            self.velden = tuple(naam for naam in self.velden if naam != "coa_referentie")
        return super().get_velden()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = self.object
        vandaag = timezone.localdate()
        context["tijdlijn"] = rules.tijdlijn(
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
        context["periode"] = rules.periode_van(
            rules.telmoment(p.datum_gehuisvest, bool(p.beeindiging)), Periode.objects.all()
        )
        return context


# --------------------------------------------------------------------------- nareizigers, COA


class NareizigerListView(generic.ObjectListView):
    table_class = NareizigerTable
    filterset_class = NareizigerFilterSet


class NareizigerEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    fields = ("plaatsing", "datum", "aantal")
    initieel_uit_query = ("plaatsing",)


class CoaStandListView(generic.ObjectListView):
    table_class = CoaStandTable
    filterset_class = CoaStandFilterSet


# --------------------------------------------------------------------------- interventieladder


class TredeListView(generic.ObjectListView):
    table_class = TredeTable


class TredeHistorieListView(CssMixin, generic.ObjectListView):
    table_class = TredeHistorieTable
    filterset_class = TredeHistorieFilterSet
    template_name = "taakstelling/interventieladder.html"
    titel = _("Interventieladder")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ladder"] = queries.interventieladder_status(timezone.localdate())
        return context


# --------------------------------------------------------------------------- regio


class RegioCijferListView(generic.ObjectListView):
    table_class = RegioCijferTable
    filterset_class = RegioCijferFilterSet


class RegioVergelijkingView(CssMixin, generic.ObjectPermissionMixin, django_generic.TemplateView):
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
            vergelijking = queries.regio_vergelijking(gekozen, timezone.localdate())
            context["vergelijking"] = vergelijking
            context["grafieken"] = grafieken.regio(vergelijking)
        return context


# --------------------------------------------------------------------------- inburgering, locaties


class InburgeringCohortListView(CssMixin, generic.ObjectListView):
    table_class = InburgeringCohortTable
    template_name = "taakstelling/inburgering.html"
    titel = _("Inburgering")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inburgering"] = queries.inburgering_overzicht(timezone.localdate())
        return context


class TijdelijkeLocatieListView(generic.ObjectListView):
    table_class = TijdelijkeLocatieTable

    def get_queryset(self):
        return queries.tijdelijke_locaties()


class TijdelijkeLocatieDetailView(DetailView):
    def get_queryset(self):
        return queries.tijdelijke_locaties()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gehuisvest"] = gehuisvest = self.object.gehuisvest
        maximum = self.object.maximum_statushouders
        context["boven_maximum"] = maximum is not None and gehuisvest > maximum
        return context
