from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm

from .models import Voorkeur


class GezienForm(forms.Form):
    melding = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    gezien = forms.BooleanField(required=False, widget=forms.HiddenInput)


class VoorkeurForm(BaseModelForm):
    """How reminders arrive, and which of the kinds for the user's roles they receive."""

    ontvangen = forms.MultipleChoiceField(
        label=_("Herinneringen die u ontvangt"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Haal het vinkje weg bij een soort die u niet wilt krijgen, op Mijn werk en per e-mail."),
    )

    class Meta:
        model = Voorkeur
        fields = ("bezorging",)
        widgets = {"bezorging": forms.RadioSelect}

    def __init__(self, *args, soorten, **kwargs):
        super().__init__(*args, **kwargs)
        self.soorten = soorten
        self.fields["ontvangen"].choices = [(s.code, s.titel) for s in soorten]
        self.fields["ontvangen"].error_messages["invalid_choice"] = _("Kies alleen uit de getoonde herinneringen.")
        self.fields["bezorging"].error_messages["invalid_choice"] = _("Kies hoe u herinneringen wilt ontvangen.")
        self.fields["bezorging"].error_messages["required"] = _("Kies hoe u herinneringen wilt ontvangen.")
        self.initial.setdefault(
            "ontvangen", [s.code for s in soorten if s.code not in (self.instance.uitgeschakeld or [])]
        )

    def save(self, commit=True):
        getoond = {s.code for s in self.soorten}
        elders = [c for c in (self.instance.uitgeschakeld or []) if c not in getoond]  # kinds of other roles
        self.instance.uitgeschakeld = sorted({*elders, *(getoond - set(self.cleaned_data["ontvangen"]))})
        return super().save(commit)
