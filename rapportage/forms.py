from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm, DatumInput

from . import secties, services
from .models import Toelichting, Voorblad


class AanvraagForm(forms.Form):
    """Request a report: kind and peildatum (halfjaarrapportage: 1 January or 1 July)."""

    soort = forms.ChoiceField(label=_("Soort rapport"), choices=secties.soort_keuzes)
    peildatum = forms.DateField(
        label=_("Peildatum"),
        help_text=_("Halfjaarrapportage: 1 januari of 1 juli. Evaluatierapport: elke datum."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=DatumInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    zaaknummer = forms.CharField(
        label=_("Zaaknummer"),
        max_length=40,
        required=False,
        help_text=_("Het zaaknummer in het zaaksysteem; komt op het voorblad (ook van latere versies)."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("soort") and cleaned.get("peildatum"):
            try:
                services.controleer_aanvraag(cleaned["soort"], cleaned["peildatum"])
            except ValidationError as fout:
                self.add_error(None, fout)
        return cleaned


class ToelichtingForm(BaseModelForm):
    class Meta:
        model = Toelichting
        fields = ("tekst",)
        labels = {"tekst": _("Tekst")}
        help_texts = {
            "tekst": _(
                "Gewone tekst. Een lege regel begint een nieuwe alinea; regels die beginnen met ‘- ’ worden "
                "een opsomming. Met ‘Voorbeeld bekijken’ ziet u de opmaak zonder op te slaan."
            )
        }
        widgets = {"tekst": forms.Textarea(attrs={"rows": 14})}


class VoorbladForm(BaseModelForm):
    class Meta:
        model = Voorblad
        fields = ("gemeente", "portefeuillehouder", "opsteller", "contact")
