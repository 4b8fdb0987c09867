"""Edit forms of the opvang app, the fast occupancy entry form and the import row forms."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm, QueryDatumVeld
from noordwijk_migratie.models import Doelgroep

from .models import (
    Beleidsdatum,
    Bezetting,
    Capaciteitsstand,
    Mijlpaal,
    OekraineMaandcijfer,
    Opgave,
    Opvanglocatie,
)
from .rules import controleer_bezetting


class _OpvangForm(BaseModelForm):
    """Numbers get one clear Dutch message when negative."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.error_messages["min_value"] = _("Een bedrag kan niet negatief zijn.")
            elif isinstance(field, forms.IntegerField):
                field.error_messages["min_value"] = _("Een aantal kan niet negatief zijn.")


class OpgaveForm(_OpvangForm):
    class Meta:
        model = Opgave
        fields = ("doelgroep", "geldig_vanaf", "plaatsen", "amv_plaatsen", "bron", "cyclus_einde", "toelichting")


class BeleidsdatumForm(_OpvangForm):
    class Meta:
        model = Beleidsdatum
        fields = ("naam", "code", "datum", "geldig_vanaf", "doelgroep", "bron", "toelichting")


class OpvanglocatieForm(_OpvangForm):
    class Meta:
        model = Opvanglocatie
        fields = (
            "naam",
            "adres",
            "type",
            "doelgroepen",
            "eigenaar",
            "beheerder",
            "gemeentegrond",
            "termijn_jaren",
            "geplande_plaatsen",
            "geplande_amv_plaatsen",
            "toelichting",
        )
        widgets = {
            "doelgroepen": forms.CheckboxSelectMultiple,
            "gemeentegrond": forms.Select(choices=((None, _("onbekend")), (True, _("ja")), (False, _("nee")))),
        }


class MijlpaalForm(_OpvangForm):
    class Meta:
        model = Mijlpaal
        fields = ("locatie", "fase", "datum", "gepland", "besluit_referentie", "toelichting")


class CapaciteitsstandForm(_OpvangForm):
    class Meta:
        model = Capaciteitsstand
        fields = (
            "locatie",
            "doelgroep",
            "ingangsdatum",
            "plaatsen",
            "amv_plaatsen",
            "niet_inzetbaar_calamiteiten",
            "niet_inzetbaar_indelingsverlies",
            "niet_inzetbaar_overig",
            "gereserveerd",
            "gereserveerd_voor",
            "toelichting",
        )


class BezettingForm(_OpvangForm):
    class Meta:
        model = Bezetting
        fields = ("locatie", "doelgroep", "datum", "aantal", "amv_aantal", "toelichting")


class OekraineMaandcijferForm(_OpvangForm):
    class Meta:
        model = OekraineMaandcijfer
        fields = (
            "maand",
            "leefgeld_ontvangers",
            "leefgeld_bedrag",
            "eigen_bijdrage_betalers",
            "eigen_bijdrage_bedrag",
            "bron",
            "toelichting",
        )


class SnelInvoerDatumForm(forms.Form):
    datum = QueryDatumVeld(label=_("Datum van de telling"))


class SnelInvoerForm(forms.Form):
    """One date, one row per active (locatie, doelgroep): the advisor's weekly count in one screen.

    ``rijen`` are dicts with locatie, doelgroep, capaciteit and the previous count (computed by the view with a
    constant number of queries). Empty rows are skipped; one invalid row means nothing is saved.
    """

    def __init__(self, *args, rijen, datum, **kwargs):
        super().__init__(*args, **kwargs)
        self.rijen, self.datum = rijen, datum
        for rij in rijen:
            sleutel = rij["sleutel"]
            self.fields[f"aantal_{sleutel}"] = forms.IntegerField(
                label=_("Bezetting %(locatie)s, %(doelgroep)s")
                % {"locatie": rij["locatie"].naam, "doelgroep": rij["doelgroep"].naam},
                required=False,
                widget=forms.NumberInput(
                    attrs={"class": "utrecht-textbox utrecht-textbox--html-input nw-getal", "inputmode": "numeric"}
                ),
                error_messages={"invalid": _("Vul een heel getal in.")},
                initial=rij["huidig"].aantal if rij["huidig"] else None,
            )
            self.fields[f"toelichting_{sleutel}"] = forms.CharField(
                label=_("Toelichting %(locatie)s, %(doelgroep)s")
                % {"locatie": rij["locatie"].naam, "doelgroep": rij["doelgroep"].naam},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
                initial=rij["huidig"].toelichting if rij["huidig"] else "",
            )

    def clean(self):
        schoon = super().clean()
        for rij in self.rijen:
            veld = f"aantal_{rij['sleutel']}"
            aantal = schoon.get(veld)
            fouten = controleer_bezetting(aantal=aantal, capaciteit=rij["capaciteit"])
            if "aantal" in fouten:
                self.add_error(veld, fouten["aantal"])
        return schoon

    def regels(self):
        """(rij, aantal field, toelichting field) for the template."""
        return [(rij, self[f"aantal_{rij['sleutel']}"], self[f"toelichting_{rij['sleutel']}"]) for rij in self.rijen]


class BezettingImportForm(forms.Form):
    locatie = forms.ModelChoiceField(
        Opvanglocatie.objects.all(),
        to_field_name="naam",
        help_text=_("Naam van de opvanglocatie, precies zoals in de lijst."),
        error_messages={"invalid_choice": _("Onbekende locatie.")},
    )
    doelgroep = forms.ModelChoiceField(
        Doelgroep.objects.all(),
        to_field_name="code",
        help_text=_("Code van de doelgroep: oekraine, asielzoekers, statushouders."),
        error_messages={"invalid_choice": _("Onbekende doelgroepcode.")},
    )
    datum = forms.DateField(help_text=_("Datum van de telling (dd-mm-jjjj of jjjj-mm-dd)."))
    aantal = forms.IntegerField(
        min_value=0,
        help_text=_("Aantal bezette plaatsen (personen)."),
        error_messages={"min_value": _("Een aantal kan niet negatief zijn.")},
    )
    amv_aantal = forms.IntegerField(
        min_value=0,
        required=False,
        help_text=_("Waarvan AMV (optioneel)."),
        error_messages={"min_value": _("Een aantal kan niet negatief zijn.")},
    )
    toelichting = forms.CharField(required=False, max_length=300, help_text=_("Toelichting (optioneel)."))

    def clean(self):
        schoon = super().clean()
        locatie, doelgroep, datum = schoon.get("locatie"), schoon.get("doelgroep"), schoon.get("datum")
        if locatie and doelgroep and datum and schoon.get("aantal") is not None:
            fouten = controleer_bezetting(
                aantal=schoon["aantal"],
                amv_aantal=schoon.get("amv_aantal"),
                capaciteit=Capaciteitsstand.objects.capaciteit_voor(locatie.pk, doelgroep.pk, datum),
            )
            for veld, melding in fouten.items():
                self.add_error(veld, melding)
        return schoon


class _BedragVeld(forms.DecimalField):
    """Accepts 1234.56 (XLSX) as well as Dutch 1.234,56 (CSV from Excel)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("€", "").replace(" ", "")
            if "," in value or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", value):
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


class MaandcijferImportForm(forms.Form):
    maand = forms.DateField(help_text=_("Eerste dag van de maand (01-06-2025)."))
    leefgeld_ontvangers = forms.IntegerField(min_value=0, required=False, help_text=_("Aantal ontvangers leefgeld."))
    leefgeld_bedrag = _BedragVeld(
        min_value=0, max_digits=12, decimal_places=2, required=False, help_text=_("Uitgekeerd leefgeld in euro.")
    )
    eigen_bijdrage_betalers = forms.IntegerField(
        min_value=0, required=False, help_text=_("Aantal betalers eigen bijdrage.")
    )
    eigen_bijdrage_bedrag = _BedragVeld(
        min_value=0, max_digits=12, decimal_places=2, required=False, help_text=_("Geïnde eigen bijdrage in euro.")
    )
    bron = forms.CharField(required=False, max_length=200, help_text=_("Bron (standaard ISD Bollenstreek)."))

    def clean_bron(self):
        return self.cleaned_data.get("bron") or "ISD Bollenstreek"
