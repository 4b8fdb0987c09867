"""Thin views on top of noordwijk_migratie.generic; the rules live in rules.py, the figures come from
queries.py and the charts from grafieken.py."""

from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.forms import modelformset_factory
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views import generic as django_generic

from noordwijk_migratie import generic

from . import filtersets, forms, grafieken, models, queries, rules, tables

APP = "internationale_werknemers"


class IndexView(generic.AppIndexView):
    template_name = "internationale_werknemers/index.html"
    titel = _("Internationale werknemers")
    inleiding = _(
        "Beleidsplan en actielijnen, huisvestingsinitiatieven en toetsingskader, pilots, woonkwaliteit en "
        "inschrijvingen RNI/BRP."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm(f"{APP}.view_registratiestand"):
            kerncijfers = context["kerncijfers"] = queries.iw_kerncijfers(timezone.localdate())
            context["invullen"] = self.invullen(kerncijfers)
        return context

    # an unknown figure says what to enter, with a link to that form (for who may enter it)
    INVULLEN = (
        (
            "pilots",
            ("pilot_bedden_gepland", "pilot_bedden_gerealiseerd"),
            "pilotstand",
            _("Voer een stand van de pilots in (bedden gepland en gerealiseerd)."),
        ),
        ("inschrijvingen", ("rni", "brp"), "registratiestand", _("Voer de inschrijvingen in de RNI en de BRP in.")),
        ("woningen", ("aandeel_woningen_voldoen",), "inspectie", _("Leg een inspectie van een vergunde woning vast.")),
        (
            "budget",
            ("budget_begroot", "budget_toegezegd", "budget_besteed"),
            "budgetjaar",
            _("Voer het budget van dit jaar in."),
        ),
    )

    def invullen(self, kerncijfers) -> dict:
        uit = {}
        for sleutel, velden, model, tekst in self.INVULLEN:
            if any(getattr(kerncijfers, veld) is None for veld in velden):
                mag = self.request.user.has_perm(f"{APP}.add_{model}")
                uit[sleutel] = {"tekst": tekst, "url": reverse(f"{APP}:{model}_add") if mag else None}
        return uit


# -- lists ------------------------------------------------------------------------------------------


class ToetsingscriteriumListView(generic.ObjectListView):
    table_class = tables.ToetsingscriteriumTable
    filterset_class = filtersets.ToetsingscriteriumFilterSet
    titel = _("Toetsingskader nieuwe huisvestingsinitiatieven")


class LijstMetVerloopView(generic.ObjectListView):
    """A list of dated stands with, above it, the chart of their course from the first stand until today."""

    template_name = "internationale_werknemers/lijst_met_grafiek.html"

    def verloop(self, van, tot):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        eerste = self.model.objects.order_by("peildatum").values_list("peildatum", flat=True).first()
        if eerste:
            context["grafiek"] = self.verloop(eerste, timezone.localdate())
        return context


class PilotstandListView(LijstMetVerloopView):
    table_class = tables.PilotstandTable
    filterset_class = filtersets.PilotstandFilterSet

    def verloop(self, van, tot):
        return grafieken.pilotbedden(queries.pilot_reeks(van, tot))


class WoningListView(generic.ObjectListView):
    table_class = tables.WoningTable
    filterset_class = filtersets.WoningFilterSet
    template_name = "internationale_werknemers/lijst_met_grafiek.html"
    titel = _("Woningen en panden")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vandaag = timezone.localdate()
        eerste = models.Inspectie.objects.order_by("datum").values_list("datum", flat=True).first()
        if eerste:
            reeks = queries.kwaliteit_reeks(max(eerste, vandaag - timedelta(days=3 * 365)), vandaag)
            context["grafiek"] = grafieken.woonkwaliteit(reeks)
        return context


class RegistratiestandListView(LijstMetVerloopView):
    table_class = tables.RegistratiestandTable
    filterset_class = filtersets.RegistratiestandFilterSet

    def verloop(self, van, tot):
        return grafieken.inschrijvingen(queries.registratie_reeks(van, tot))


# -- details ----------------------------------------------------------------------------------------


class BeleidsplanDetailView(generic.ObjectDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actielijnen"] = self.object.actielijnen.all()
        context["budgetposten"] = self.object.budgetposten.all()
        context["pilotlocaties"] = self.object.pilotlocaties.all()
        return context


class ActielijnDetailView(generic.ObjectDetailView):
    def programma_acties(self) -> list:
        """The programme actions (programma.Actie, line 3) linked to this actielijn."""
        return list(self.object.programma_acties.select_related("programmalijn").order_by("code"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programma_acties"] = self.programma_acties()
        return context


class BudgetpostDetailView(generic.ObjectDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jaren"] = self.object.jaren.all()
        return context


class BudgetjaarDetailView(generic.ObjectDetailView):
    def get_velden(self):
        # a year is not a quantity: no thousands separator ("2025", not "2.025")
        return [
            (label, str(waarde) if label == models.Budgetjaar._meta.get_field("jaar").verbose_name else waarde)
            for label, waarde in super().get_velden()
        ]


class HuisvestingsinitiatiefDetailView(generic.ObjectDetailView):
    velden = (
        "naam",
        "locatie",
        "initiatiefnemer",
        "geplande_bedden",
        "termijn_jaren",
        "status",
        "datum_aanvraag",
        "datum_besluit",
        "toelichting",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        context["criteria"] = criteria = obj.criteria()
        context["toetsing"] = toetsing = obj.toetsing([b for _c, b in criteria if b])
        context["goedkeuring"] = rules.mag_goedkeuren(toetsing, obj.afwijking_reden)
        context["beoordeel_url"] = (
            generic.model_url(self.model, "beoordelen", obj.pk) if self.heeft_recht("change") else None
        )
        return context


class PilotlocatieDetailView(generic.ObjectDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        standen = queries.standen_van_pilot(self.object)
        if standen:
            context["grafiek"] = grafieken.bedden_van_pilot(self.object.adres, standen)
        nieuw = generic.model_url(models.Pilotstand, "add")
        context["nieuwe_stand_url"] = (
            f"{nieuw}?pilot={self.object.pk}" if self.request.user.has_perm(f"{APP}.add_pilotstand") else None
        )
        return context


class WoningDetailView(generic.ObjectDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inspecties"] = self.object.inspecties.all()
        nieuw = generic.model_url(models.Inspectie, "add")
        context["nieuwe_inspectie_url"] = (
            f"{nieuw}?woning={self.object.pk}" if self.request.user.has_perm(f"{APP}.add_inspectie") else None
        )
        return context


# -- edit -------------------------------------------------------------------------------------------


class IwEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    """Prefills the parent from the query string (e.g. ?woning=3 on the "add" link of a dwelling's page)."""

    initieel_uit_query = ("woning", "pilot", "post", "beleidsplan")


class BeoordelenView(generic.ObjectPermissionMixin, django_generic.DetailView):
    """Judge every criterion of the toetsingskader for one initiative at once (all or nothing)."""

    model = models.Huisvestingsinitiatief
    permission_action = "change"
    template_name = "internationale_werknemers/beoordelen.html"

    def _formset(self, data=None):
        """One form per criterion: the existing judgements plus a new row for each active criterion
        not judged yet (nothing is written before the advisor saves)."""
        initiatief = self.object
        bestaande = list(
            initiatief.beoordelingen.select_related("criterium").order_by("criterium__volgorde", "criterium__naam")
        )
        ontbrekend = list(
            models.Toetsingscriterium.objects.filter(actief=True).exclude(pk__in=[b.criterium_id for b in bestaande])
        )
        aantal = len(bestaande) + len(ontbrekend)
        formset_class = modelformset_factory(
            models.Beoordeling,
            form=forms.BeoordelingForm,
            extra=len(ontbrekend),
            max_num=aantal,
            absolute_max=aantal,
            validate_max=True,
        )
        formset = formset_class(
            data,
            queryset=models.Beoordeling.objects.filter(pk__in=[b.pk for b in bestaande]).order_by(
                "criterium__volgorde", "criterium__naam"
            ),
            initial=[{"oordeel": rules.NIET_BEOORDEELD} for _c in ontbrekend],
            prefix="criteria",
        )
        for form, criterium in zip(formset.forms, [*(b.criterium for b in bestaande), *ontbrekend], strict=False):
            form.criterium = criterium
            form.instance.initiatief = initiatief
            form.instance.criterium = criterium
        return formset

    def get_context_data(self, formset=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _g("Criteria beoordelen: %(initiatief)s") % {"initiatief": self.object}
        context["breadcrumbs"].append((str(self.object), self.object.get_absolute_url()))
        context["formset"] = formset or self._formset()
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        formset = self._formset(request.POST)
        if formset.is_valid():
            try:
                with transaction.atomic():
                    for form in formset.forms:
                        if form.instance.pk or form.has_changed():
                            form.save()
            except IntegrityError:
                messages.error(
                    request, _g("De beoordeling is tegelijk door iemand anders gewijzigd; probeer het opnieuw.")
                )
                return HttpResponseRedirect(request.path)
            messages.success(request, _g("De beoordeling van de criteria is opgeslagen."))
            return HttpResponseRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(formset=formset))
