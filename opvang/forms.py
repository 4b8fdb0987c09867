"""Edit forms of the opvang app, the fast occupancy entry form and the import row forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm, DatumInput
from noordwijk_migratie.models import Doelgroep

from . import services
from .models import (
    Beleidsdatum,
    Bezetting,
    Capaciteitsstand,
    Mijlpaal,
    OekraineMaandcijfer,
    Opgave,
    Opvanglocatie,
)


class OpgaveForm(BaseModelForm):
    class Meta:
        model = Opgave
        fields = ("doelgroep", "geldig_vanaf", "plaatsen", "amv_plaatsen", "bron", "cyclus_einde", "toelichting")


class BeleidsdatumForm(BaseModelForm):
    class Meta:
        model = Beleidsdatum
        fields = ("naam", "code", "datum", "doelgroep", "bron", "toelichting")


class OpvanglocatieForm(BaseModelForm):
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
            "startdatum",
            "einddatum",
            "termijn_jaren",
            "fase",
            "geplande_plaatsen",
            "geplande_amv_plaatsen",
            "toelichting",
        )
        widgets = {
            "doelgroepen": forms.CheckboxSelectMultiple,
            "gemeentegrond": forms.Select(choices=((None, _("onbekend")), (True, _("ja")), (False, _("nee")))),
        }


class MijlpaalForm(BaseModelForm):
    class Meta:
        model = Mijlpaal
        fields = ("locatie", "fase", "datum", "gepland", "besluit_referentie", "toelichting")


class CapaciteitsstandForm(BaseModelForm):
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


class BezettingForm(BaseModelForm):
    class Meta:
        model = Bezetting
        fields = ("locatie", "doelgroep", "datum", "aantal", "amv_aantal", "toelichting")


class OekraineMaandcijferForm(BaseModelForm):
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


class PeildatumForm(forms.Form):
    peildatum = forms.DateField(
        label=_("Peildatum"),
        widget=DatumInput(attrs={"class": "utrecht-textbox"}),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        required=False,
    )


class SnelInvoerDatumForm(forms.Form):
    datum = forms.DateField(
        label=_("Datum van de telling"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=DatumInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )


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
            fouten = services.controleer_bezetting(aantal=aantal, capaciteit=rij["capaciteit"])
            if "aantal" in fouten:
                self.add_error(veld, fouten["aantal"])
        return schoon

    def regels(self):
        """(rij, aantal field, toelichting field) for the template."""
        return [(rij, self[f"aantal_{rij['sleutel']}"], self[f"toelichting_{rij['sleutel']}"]) for rij in self.rijen]


class _DatumVeld(forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d", "%d-%m-%Y"])
        super().__init__(**kwargs)


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
    datum = _DatumVeld(help_text=_("Datum van de telling (dd-mm-jjjj of jjjj-mm-dd)."))
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


class _BedragVeld(forms.DecimalField):
    """Accepts 1234.56 (XLSX) as well as Dutch 1.234,56 (CSV from Excel)."""

    def to_python(self, value):
        if isinstance(value, str) and "," in value:
            value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


class MaandcijferImportForm(forms.Form):
    maand = _DatumVeld(help_text=_("Eerste dag van de maand (01-06-2025)."))
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
