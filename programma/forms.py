from django import forms
from django.utils import timezone
from django.utils.translation import gettext as gettext_nu
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.forms import BaseModelForm
from noordwijk_migratie.getallen import datum

from .models import Actie, Indicator, Meting, Programmalijn, Voortgangsnotitie


class GetalField(forms.DecimalField):
    """Accepts Dutch (62,5) and international (62.5) decimal notation; no thousands separators."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        return {}  # no step/min/max: the text input takes Dutch notation


class ProgrammalijnForm(BaseModelForm):
    class Meta:
        model = Programmalijn
        fields = ("naam", "omschrijving", "trekker")


class ActieForm(BaseModelForm):
    status_sinds = forms.DateField(
        label=_("Status sinds"),
        required=False,
        help_text=_(
            "De datum waarop de status is ingegaan (leeg = vandaag). Een rapportage op een eerdere peildatum "
            "toont de status van die datum."
        ),
    )

    def clean_status_sinds(self):
        sinds = self.cleaned_data.get("status_sinds")
        vandaag = timezone.localdate()
        if sinds is None:
            return None
        if sinds > vandaag:
            raise forms.ValidationError(gettext_nu("Een status kan niet in de toekomst ingaan."))
        if self.instance.pk:
            laatste = (
                self.instance.statuswijzigingen.filter(datum__gt=sinds)
                .order_by("-datum")
                .values_list("datum", flat=True)
                .first()
            )
            if laatste is not None:
                raise forms.ValidationError(
                    gettext_nu(
                        "Er is al een statuswijziging op %(datum)s; een nieuwe status gaat op of na die datum in."
                    )
                    % {"datum": datum(laatste)}
                )
        return sinds

    def save(self, commit=True):
        self.instance.status_sinds = self.cleaned_data.get("status_sinds")
        return super().save(commit)

    class Meta:
        model = Actie
        fields = (
            "programmalijn",
            "subthema",
            "tekst",
            "actielijn",
            "doelgroepen",
            "trekker",
            "status",
            "status_sinds",
            "reden_niet_uitvoeren",
            "gepland_start",
            "gepland_eind",
            "werkelijk_start",
            "werkelijk_eind",
        )
        widgets = {"doelgroepen": forms.CheckboxSelectMultiple(attrs={"class": "nw-checkboxes"})}


class VoortgangsnotitieForm(BaseModelForm):
    class Meta:
        model = Voortgangsnotitie
        fields = ("actie", "datum", "tekst")


class IndicatorForm(BaseModelForm):
    streefwaarde = GetalField(
        label=_("Streefwaarde"),
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text=_("Alleen invullen als er een vastgestelde streefwaarde is."),
    )

    class Meta:
        model = Indicator
        fields = ("programmalijn", "tekst", "type", "richting", "streefwaarde", "eenheid", "berekening")


class MetingForm(BaseModelForm):
    waarde_getal = GetalField(
        label=_("Waarde (getal)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text=_("Voor een aantal, percentage (0–100) of score (0–10). Bijvoorbeeld 62,5."),
    )
    waarde_ja_nee = forms.NullBooleanField(
        label=_("Waarde (ja/nee)"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("— niet van toepassing —")), ("true", _("ja")), ("false", _("nee"))]
        ),
        help_text=_("Alleen voor een ja/nee-indicator."),
    )

    class Meta:
        model = Meting
        fields = ("indicator", "datum", "waarde_getal", "waarde_ja_nee", "waarde_tekst", "bron", "toelichting")
