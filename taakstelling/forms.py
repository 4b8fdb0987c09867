"""Edit forms (Dutch validation messages come from the models' clean())."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm

from . import rules
from .models import (
    CoaStand,
    InburgeringCohort,
    Periode,
    Plaatsing,
    RegioCijfer,
    TijdelijkeLocatie,
    Trede,
    TredeHistorie,
)

AFGESLOTEN_MELDING = _(
    "Deze periode is afgesloten (de einddatum ligt in het verleden). Alleen de opgavemanager mag een "
    "afgesloten periode wijzigen of toevoegen. Er is niets opgeslagen."
)


class PeriodeForm(BaseModelForm):
    class Meta:
        model = Periode
        fields = (
            "begindatum",
            "einddatum",
            "netto_taakstelling",
            "saldo_begin_officieel",
            "realisatie_officieel",
            "bron",
            "notities",
        )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.was_afgesloten = bool(self.instance.pk and self.instance.is_afgesloten())

    def mag_afgesloten_wijzigen(self):
        return self.user is not None and self.user.has_perm("taakstelling.wijzig_afgesloten_periode")

    def clean(self):
        cleaned = super().clean()
        einddatum = cleaned.get("einddatum")
        wordt_afgesloten = einddatum is not None and einddatum < timezone.localdate()
        if (self.was_afgesloten or wordt_afgesloten) and not self.mag_afgesloten_wijzigen():
            raise ValidationError(AFGESLOTEN_MELDING)
        return cleaned


class PlaatsingForm(BaseModelForm):
    class Meta:
        model = Plaatsing
        fields = (
            "koppeldatum",
            "samenstelling",
            "volwassenen",
            "minderjarigen",
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
        )


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
