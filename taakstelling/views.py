"""Thin views on the generic machinery; all figures come from queries.py (rules in rules.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views import generic as django_generic

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.paginacache import PaginaCacheMixin
from noordwijk_migratie.registry import Peil

from . import afsluiting, grafieken, panelen, queries, rules
from .filtersets import (
    CoaStandFilterSet,
    NareizigerFilterSet,
    PeriodeFilterSet,
    PlaatsingFilterSet,
    RegioCijferFilterSet,
    TredeHistorieFilterSet,
)
from .forms import NareizigerForm, PeriodeForm, RegioVergelijkingForm, VerwijderForm, nieuwe_perioden_formset
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


class IndexView(PaginaCacheMixin, CssMixin, generic.AppIndexView):
    template_name = "taakstelling/index.html"
    titel = _("Statushouders")
    inleiding = _(
        "Taakstelling huisvesting statushouders: perioden, plaatsingen, realisatie, COA-afstemming, "
        "interventieladder, regio en inburgering."
    )

    @staticmethod
    def kerncijfers(vandaag):
        perioden = queries.periode_overzicht_gecachet(vandaag)
        return perioden, queries.statushouders_kerncijfers(vandaag, perioden)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("taakstelling.view_periode"):
            vandaag = timezone.localdate()
            context["perioden"], context["kerncijfers"] = gecachet(
                "statushouders-kerncijfers", (vandaag.isoformat(), "2"), lambda: self.kerncijfers(vandaag)
            )
            context["grafieken"] = grafieken.perioden(context["perioden"])
            # the same signals as on the dashboard, from the figures above
            peil = Peil(vandaag)
            peil.gedeeld("taakstelling.overzicht", lambda: context["perioden"])
            peil.gedeeld("taakstelling.kern", lambda: context["kerncijfers"])
            context["signalen"] = panelen.signalen(peil)
        return context


class GebruikerInFormulierMixin:
    """Edit views whose form checks closed periods (forms.AfgeslotenPeriodeMixin): it needs the user."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class CorrectieVerwijderView(generic.ObjectDeleteView):
    """Delete, unless it changes a closed period's figures: then refused without the right, and with it
    only with a reason (taakstelling.afsluiting), recorded with the delete."""

    form_class = VerwijderForm
    template_name = "taakstelling/object_confirm_delete.html"

    def geraakt(self):
        toets = afsluiting.Toets()
        if isinstance(self.object, Nareiziger):
            return toets.nareiziger(self.object, None)
        return toets.plaatsing(self.object, None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        geraakt = self.geraakt()
        context["geraakt"] = afsluiting.beschrijving(geraakt)
        context["mag_corrigeren"] = self.request.user.has_perm(afsluiting.RECHT)
        return context

    def form_valid(self, form):
        geraakt = self.geraakt()
        reden = form.cleaned_data.get("reden_correctie", "")
        fout = afsluiting.weigering(self.request.user, geraakt, reden)
        if fout is not None:
            form.add_error(None, fout)
            return self.form_invalid(form)
        onderwerp = f"{self.object} {_gettext('verwijderd')}"
        afsluiting.markeer(self.object, geraakt, reden)
        with transaction.atomic():
            response = super().form_valid(form)
            if self.object.pk is None:  # deleted (not protected by other records)
                afsluiting.leg_vast(self.request.user, geraakt, reden, onderwerp)
        return response


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
        "beginsaldo_keten",
        "beginsaldo_keten_bron",
        "saldo_begin_officieel",
        "realisatie_officieel",
        "realisatie_officieel_per",
        "bron",
        "notities",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        context["resultaat"] = next(
            (r for r in queries.periode_overzicht_gecachet(vandaag) if r.id == self.object.pk), None
        )
        context["afgesloten"] = self.object.is_afgesloten(vandaag)
        context["afstemming"] = queries.coa_afstemming(self.object, vandaag)
        context["correcties"] = queries.correcties(self.object)
        return context


class PeriodeEditView(GebruikerInFormulierMixin, generic.ObjectEditView):
    form_class = PeriodeForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object and self.object.is_afgesloten():
            if self.request.user.has_perm(afsluiting.RECHT):
                context["waarschuwing"] = _(
                    "Deze periode is afgesloten. Een wijziging van haar cijfers is een correctie na afsluiten: "
                    "vul de reden in."
                )
            else:
                context["waarschuwing"] = _(
                    "Deze periode is afgesloten. Alleen de opgavemanager mag haar cijfers nog wijzigen; u kunt "
                    "de bron en de notities aanvullen."
                )
        return context

    def get_template_names(self):
        return ["taakstelling/periode_form.html"]


class PeriodenAanvullenView(CssMixin, generic.ObjectPermissionMixin, django_generic.TemplateView):
    """ "Volgende periode toevoegen": the half years from the last period through the running one (and
    the next) in one form, dates prefilled; only the netto taakstelling and its source are asked. Closed
    half years only by who may change closed periods."""

    model = Periode
    permission_action = "add"
    template_name = "taakstelling/perioden_aanvullen.html"

    def rijen(self):
        laatste = Periode.objects.order_by("-einddatum").values_list("einddatum", flat=True).first()
        self.eerste = laatste is None
        return rules.ontbrekende_perioden(laatste, timezone.localdate())

    def get_context_data(self, formset=None, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen = self.rijen()
        context["titel"] = _("Volgende periode toevoegen")  # the breadcrumbs already end on the period list
        context["eerste"] = self.eerste
        context["alleen_opgavemanager"] = [
            r.label for r in rijen if r.afgesloten and not self.request.user.has_perm(afsluiting.RECHT)
        ]
        if rijen and not self.eerste and not context["alleen_opgavemanager"]:
            context["formset"] = formset or nieuwe_perioden_formset(rijen)
        return context

    def post(self, request, *args, **kwargs):
        context = self.get_context_data()
        if "formset" not in context:
            return self.render_to_response(context)
        formset = nieuwe_perioden_formset(context["formset"].rijen, request.POST)
        if formset.is_valid() and self.opslaan(formset):
            labels = [f.rij.label for f in formset.forms if f.ingevuld]
            messages.success(request, _gettext("Toegevoegd: %(perioden)s.") % {"perioden": ", ".join(labels)})
            return HttpResponseRedirect(reverse("taakstelling:index"))
        return self.render_to_response(self.get_context_data(formset=formset))

    @staticmethod
    def opslaan(formset) -> bool:
        """All filled rows or none, each checked as any period (chain, label)."""
        with transaction.atomic():
            for form in formset.forms:
                if not form.ingevuld:
                    break
                periode = Periode(
                    begindatum=form.rij.begindatum,
                    einddatum=form.rij.einddatum,
                    netto_taakstelling=form.cleaned_data["netto_taakstelling"],
                    bron=form.cleaned_data["bron"].strip(),
                )
                try:
                    periode.full_clean()
                except ValidationError as fout:
                    form.add_error(None, fout.messages)
                    transaction.set_rollback(True)
                    return False
                periode.save()
        return True


# --------------------------------------------------------------------------- plaatsingen


class PlaatsingListView(PaginaCacheMixin, generic.ObjectListView):
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
        "groot_huishouden_bevestigd",
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
        context["nareizigers"] = nareizigers = [
            (n, rules.nareiziger_telmoment(n.datum, p.datum_gehuisvest, bool(p.beeindiging)))
            for n in p.nareizigers.order_by("datum")
        ]
        context["nareizigers_geregistreerd"] = geregistreerd = sum(n.aantal for n, _t in nareizigers)
        context["nareizigers_boven_verwacht"] = rules.nareizigers_boven_verwacht(p.verwachte_nareizigers, geregistreerd)
        context["nareiziger_toevoegen"] = self.request.user.has_perm("taakstelling.add_nareiziger")
        context["periode"] = rules.periode_van(
            rules.telmoment(p.datum_gehuisvest, bool(p.beeindiging)), Periode.objects.all()
        )
        return context


# --------------------------------------------------------------------------- nareizigers, COA


class NareizigerListView(generic.ObjectListView):
    table_class = NareizigerTable
    filterset_class = NareizigerFilterSet


class PlaatsingEditView(GebruikerInFormulierMixin, generic.ObjectEditView):
    pass


class NareizigerEditView(GebruikerInFormulierMixin, generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = NareizigerForm
    initieel_uit_query = ("plaatsing",)

    def form_valid(self, form):
        response = super().form_valid(form)
        p = self.object.plaatsing
        boven = rules.nareizigers_boven_verwacht(
            p.verwachte_nareizigers, sum(p.nareizigers.values_list("aantal", flat=True))
        )
        if boven:
            messages.warning(
                self.request,
                _gettext(
                    "Dit huishouden heeft nu %(boven)s nareiziger(s) meer dan verwacht (%(verwacht)s). Klopt dat, "
                    "pas dan het aantal verwachte nareizigers van het huishouden aan."
                )
                % {"boven": boven, "verwacht": p.verwachte_nareizigers},
            )
        return response


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


class RegioVergelijkingView(PaginaCacheMixin, CssMixin, generic.ObjectPermissionMixin, django_generic.TemplateView):
    model = RegioCijfer
    template_name = "taakstelling/regio_vergelijking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _("Regiovergelijking")
        context["nieuw_url"] = None
        vandaag = timezone.localdate()
        # the comparison and its charts, and the default period (a DISTINCT over all figures), are
        # cached until project data changes
        standaard = gecachet("regio-standaard", (), queries.regio_standaardperiode)
        gekozen, context["form"] = generic.uit_query(self.request.GET, RegioVergelijkingForm, standaard)
        if gekozen is not None:

            def maak():
                vergelijking = queries.regio_vergelijking(gekozen, vandaag)
                return vergelijking, grafieken.regio(vergelijking)

            context["vergelijking"], context["grafieken"] = gecachet("regio", (gekozen.pk, vandaag), maak)
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
