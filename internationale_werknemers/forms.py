"""Edit forms (Dutch messages); the rules themselves live in the models' clean()."""

from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm

from . import models

NIET_NEGATIEF = _("Dit getal kan niet negatief zijn.")


class IwForm(BaseModelForm):
    """Dutch message for negative numbers on every numeric field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld, forms.IntegerField | forms.DecimalField):
                veld.error_messages["min_value"] = NIET_NEGATIEF


class BeleidsplanForm(IwForm):
    class Meta:
        model = models.Beleidsplan
        fields = (
            "naam",
            "status",
            "raadsbesluit_verwacht",
            "raadsbesluit_datum",
            "doel_bedden",
            "doel_bedden_indicatief",
            "max_termijn_jaren",
            "toelichting",
        )


class ActielijnForm(IwForm):
    class Meta:
        model = models.Actielijn
        fields = ("beleidsplan", "nummer", "naam", "te_benoemen", "omschrijving")


class BudgetpostForm(IwForm):
    class Meta:
        model = models.Budgetpost
        fields = (
            "beleidsplan",
            "naam",
            "soort",
            "status",
            "bedrag_per_jaar",
            "bedrag_indicatief",
            "maximum_totaal",
            "aandeel_noordwijk",
            "bron",
            "toelichting",
        )


class BudgetjaarForm(IwForm):
    class Meta:
        model = models.Budgetjaar
        fields = ("post", "jaar", "begroot", "toegezegd", "besteed", "toelichting")


class ToetsingscriteriumForm(IwForm):
    class Meta:
        model = models.Toetsingscriterium
        fields = ("code", "naam", "omschrijving", "bron", "actief", "volgorde")


class HuisvestingsinitiatiefForm(IwForm):
    class Meta:
        model = models.Huisvestingsinitiatief
        fields = (
            "naam",
            "locatie",
            "initiatiefnemer",
            "geplande_bedden",
            "termijn_jaren",
            "status",
            "datum_aanvraag",
            "datum_besluit",
            "afwijking_reden",
            "toelichting",
        )


class BeoordelingForm(IwForm):
    """One row of the judging page: the criterion is fixed, the advisor picks the judgement."""

    class Meta:
        model = models.Beoordeling
        fields = ("oordeel", "toelichting", "beoordeeld_op")
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}


class PilotlocatieForm(IwForm):
    class Meta:
        model = models.Pilotlocatie
        fields = ("beleidsplan", "adres", "initiatief", "max_termijn_jaren", "toelichting")


class PilotstandForm(IwForm):
    class Meta:
        model = models.Pilotstand
        fields = ("pilot", "peildatum", "geplande_bedden", "gerealiseerde_bedden", "toelichting")


class WoningForm(IwForm):
    class Meta:
        model = models.Woning
        fields = (
            "adres",
            "soort",
            "bedden",
            "vergunning",
            "vergunningnummer",
            "vergunning_geldig_tot",
            "certificaat",
            "certificaat_geldig_tot",
            "onttrokken_op",
            "terug_in_voorraad_op",
            "toelichting",
        )


class InspectieForm(IwForm):
    class Meta:
        model = models.Inspectie
        fields = ("woning", "datum", "uitgevoerd_door", *models.Inspectie.PUNTEN, "toelichting")


class RegistratiestandForm(IwForm):
    class Meta:
        model = models.Registratiestand
        fields = ("peildatum", "rni", "brp", "bron", "toelichting")


class InformatiebereikForm(IwForm):
    class Meta:
        model = models.Informatiebereik
        fields = ("kanaal", "periode_start", "periode_eind", "bereik", "toelichting")


class RegistratiestandImportForm(forms.Form):
    """One row of the RNI/BRP import; the column names equal the field names."""

    peildatum = forms.DateField(help_text=_("Peildatum (jjjj-mm-dd of dd-mm-jjjj)."))
    rni = forms.IntegerField(
        required=False,
        min_value=0,
        error_messages={"min_value": NIET_NEGATIEF},
        help_text=_("Aantal ingeschreven in de RNI (leeg = onbekend)."),
    )
    brp = forms.IntegerField(
        required=False,
        min_value=0,
        error_messages={"min_value": NIET_NEGATIEF},
        help_text=_("Aantal ingeschreven in de BRP (leeg = onbekend)."),
    )
    bron = forms.CharField(required=False, max_length=200, help_text=_("Bron van de cijfers."))
    toelichting = forms.CharField(required=False, help_text=_("Toelichting."))

    def clean(self):
        data = super().clean()
        if data.get("rni") is None and data.get("brp") is None and not self.errors:
            raise forms.ValidationError(_("Vul het aantal inschrijvingen in de RNI, de BRP of allebei in."))
        return data
