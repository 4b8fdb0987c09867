"""Edit forms (Dutch validation messages come from the models' clean() and from taakstelling.afsluiting)."""

import copy
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.forms import BaseModelForm, stijl_velden

from . import afsluiting, rules
from .models import (
    CoaStand,
    InburgeringCohort,
    Nareiziger,
    Periode,
    Plaatsing,
    RegioCijfer,
    TijdelijkeLocatie,
    Trede,
    TredeHistorie,
)


def reden_veld():
    return forms.CharField(
        label=_("Reden van de correctie na afsluiten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Alleen nodig als deze wijziging de cijfers van een afgesloten periode verandert; de reden komt in "
            "de wijzigingsgeschiedenis en op de pagina van de periode."
        ),
    )


class AfgeslotenPeriodeMixin(forms.Form):
    """Forms whose save may change a closed period's figures (:mod:`taakstelling.afsluiting`): refused
    without the right, with a Dutch message naming the period; with it, only with a reason, which goes
    into the audit trail and onto the period's page. The view (or admin) passes ``user``."""

    reden_correctie = reden_veld()
    reden_nodig = True

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.geraakt = []
        if not (user is not None and user.has_perm(afsluiting.RECHT)):
            self.fields["reden_correctie"].widget = forms.HiddenInput()

    def geraakte_perioden(self, cleaned) -> list:
        """The closed periods this change touches (see afsluiting.Toets)."""
        raise NotImplementedError

    def onderwerp(self) -> str:
        """What was corrected, for the period's page (after the save: a new object has its number then)."""
        return f"{self.instance} {self.actie}"

    def nieuwe_staat(self, cleaned):
        """A copy of the instance with the cleaned values: the object as it will be saved."""
        nieuw = copy.copy(self.instance)
        velden = {f.name for f in nieuw._meta.concrete_fields}
        for naam, waarde in cleaned.items():
            if naam in velden:
                setattr(nieuw, naam, waarde)
        return nieuw

    def clean(self):
        cleaned = super().clean()
        self.actie = _("gewijzigd") if self.instance.pk else _("toegevoegd")
        if not self.errors:  # the new state is known only when every field is valid
            self.geraakt = self.geraakte_perioden(cleaned)
            fout = afsluiting.weigering(self.user, self.geraakt, cleaned.get("reden_correctie"), self.reden_nodig)
            if fout is not None:
                raise fout
        return cleaned

    def save(self, commit=True):
        if self.reden_nodig:
            afsluiting.markeer(self.instance, self.geraakt, self.cleaned_data.get("reden_correctie", ""))
        obj = super().save(commit)
        if commit:
            self.leg_correctie_vast()
        return obj

    def leg_correctie_vast(self):
        """Record the correction, after the save (the admin calls this after its own save)."""
        if self.geraakt and self.reden_nodig:
            afsluiting.leg_vast(self.user, self.geraakt, self.cleaned_data.get("reden_correctie", ""), self.onderwerp())


# the figures of a period: a change to anything else (bron, notities) is no correction
PERIODE_CIJFERS = (
    "begindatum",
    "einddatum",
    "netto_taakstelling",
    "beginsaldo_keten",
    "saldo_begin_officieel",
    "realisatie_officieel",
    "realisatie_officieel_per",
)


class PeriodeForm(AfgeslotenPeriodeMixin, BaseModelForm):
    class Meta:
        model = Periode
        fields = (
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
            "reden_correctie",
        )

    def geraakte_perioden(self, cleaned):
        """A closed period (before or after the change) whose figures change; a new closed period only
        needs the right, not a reason (it is no correction: its figures had not been entered)."""
        self.reden_nodig = self.instance.pk is not None
        if self.instance.pk and not any(naam in self.changed_data for naam in PERIODE_CIJFERS):
            return []
        toets = afsluiting.Toets()
        nieuw = self.nieuwe_staat(cleaned)
        nieuw.label = rules.periode_label(nieuw.begindatum, nieuw.einddatum) or str(_("nieuwe periode"))
        return toets.periode(self.instance) or toets.periode(nieuw)

    def onderwerp(self):
        def tekst(waarde):
            return "—" if waarde is None else getallen.datum(waarde) if isinstance(waarde, date) else str(waarde)

        wijzigingen = [
            f"{self.fields[n].label} {tekst(self.initial.get(n))} → {tekst(self.cleaned_data.get(n))}"
            for n in PERIODE_CIJFERS
            if n in self.changed_data
        ]
        return _("periode gewijzigd: %(wat)s") % {"wat": "; ".join(wijzigingen)}


class PlaatsingForm(AfgeslotenPeriodeMixin, BaseModelForm):
    class Meta:
        model = Plaatsing
        fields = (
            "koppeldatum",
            "samenstelling",
            "volwassenen",
            "minderjarigen",
            "groot_huishouden_bevestigd",
            "verwachte_nareizigers",
            "woonvorm",
            "tijdelijke_locatie",
            "corporatie",
            "datum_woning_aangeboden",
            "datum_huurovereenkomst",
            "datum_gehuisvest",
            "beeindiging",
            "datum_beeindigd",
            "reden_beeindiging",
            "coa_referentie",
            "volgnummer",
            "reden_correctie",
        )

    def geraakte_perioden(self, cleaned):
        return afsluiting.Toets().plaatsing(self.instance if self.instance.pk else None, self.nieuwe_staat(cleaned))


class NareizigerForm(AfgeslotenPeriodeMixin, BaseModelForm):
    class Meta:
        model = Nareiziger
        fields = ("plaatsing", "datum", "aantal", "reden_correctie")

    def geraakte_perioden(self, cleaned):
        return afsluiting.Toets().nareiziger(self.instance if self.instance.pk else None, self.nieuwe_staat(cleaned))

    def onderwerp(self):
        return f"{self.instance} ({self.instance.plaatsing}) {self.actie}"


class VerwijderForm(forms.Form):
    """The confirmation of a delete that may touch a closed period (the opgavemanager gives a reason)."""

    reden_correctie = reden_veld()


class CoaStandForm(BaseModelForm):
    class Meta:
        model = CoaStand
        fields = ("periode", "maand", "realisatie_cumulatief", "toelichting")


class TredeForm(BaseModelForm):
    class Meta:
        model = Trede
        fields = ("nummer", "naam", "omschrijving")


class TredeHistorieForm(BaseModelForm):
    class Meta:
        model = TredeHistorie
        fields = ("trede", "datum_vanaf", "bron", "notities")


class RegioCijferForm(BaseModelForm):
    class Meta:
        model = RegioCijfer
        fields = ("gemeente", "periode", "netto_taakstelling", "realisatie", "saldo_eind", "inwoners", "bron")


class InburgeringCohortForm(BaseModelForm):
    class Meta:
        model = InburgeringCohort
        fields = (*rules.COHORT_AANTALLEN, "peildatum_cijfers", "bron")


class TijdelijkeLocatieForm(BaseModelForm):
    class Meta:
        model = TijdelijkeLocatie
        fields = ("naam", "maximum_statushouders", "termijn", "toelichting")


class RegioVergelijkingForm(forms.Form):
    periode = forms.ModelChoiceField(
        Periode.objects.order_by("-begindatum"),
        label=_("Periode"),
        to_field_name="label",
        empty_label=None,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )


class NieuwePeriodeForm(forms.Form):
    """One half year still to be entered: its dates are given (H1/H2), only the netto taakstelling and
    its source (the Rijk's letter) are asked; never prefilled, as the figure is not public."""

    netto_taakstelling = forms.IntegerField(label=_("Netto taakstelling"), min_value=0, required=False)
    bron = forms.CharField(
        label=_("Bron"), max_length=200, required=False, help_text=_("De brief van het Rijk, met datum of kenmerk.")
    )

    def __init__(self, *args, rij, **kwargs):
        super().__init__(*args, **kwargs)
        self.rij = rij
        self.fields["netto_taakstelling"].label = _("Netto taakstelling %(periode)s") % {"periode": rij.label}
        self.fields["netto_taakstelling"].help_text = _("Aantal personen, %(begin)s t/m %(eind)s.") % {
            "begin": getallen.datum(rij.begindatum),
            "eind": getallen.datum(rij.einddatum),
        }
        self.fields["bron"].label = _("Bron %(periode)s") % {"periode": rij.label}
        stijl_velden(self)

    @property
    def ingevuld(self) -> bool:
        return self.cleaned_data.get("netto_taakstelling") is not None

    def clean(self):
        cleaned = super().clean()
        bron = (cleaned.get("bron") or "").strip()
        if cleaned.get("netto_taakstelling") is not None and not bron:
            self.add_error("bron", _("Vul de bron in: de brief van het Rijk met de netto taakstelling."))
        if cleaned.get("netto_taakstelling") is None and bron and "netto_taakstelling" not in self.errors:
            self.add_error("netto_taakstelling", _("Vul de netto taakstelling in, of laat ook de bron leeg."))
        return cleaned


class BaseNieuwePeriodenFormSet(forms.BaseFormSet):
    """The missing half years in a row, in one form: fill them from the first; a later one without the
    earlier ones would leave a gap."""

    def __init__(self, *args, rijen, **kwargs):
        self.rijen = rijen
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "rij": self.rijen[index]}

    def clean(self):
        if any(self.errors):
            return
        ingevuld = [form.ingevuld for form in self.forms]
        if not any(ingevuld):
            raise forms.ValidationError(_("Vul de netto taakstelling van ten minste één periode in."))
        for i, form in enumerate(self.forms):
            if ingevuld[i] and not all(ingevuld[:i]):
                eerste = self.rijen[ingevuld.index(False)].label
                form.add_error(
                    "netto_taakstelling",
                    _("Vul eerst periode %(eerste)s in: perioden sluiten op elkaar aan.") % {"eerste": eerste},
                )


def nieuwe_perioden_formset(rijen, data=None):
    klasse = forms.formset_factory(
        NieuwePeriodeForm,
        formset=BaseNieuwePeriodenFormSet,
        extra=len(rijen),
        max_num=len(rijen),
        absolute_max=len(rijen),
        validate_max=True,
    )
    return klasse(data, rijen=rijen, prefix="perioden")
