"""Import of gemeenten (for the regional comparison beyond the 13 shipped Holland Rijnland ones)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import JaNeeVeld
from .imports import Importer
from .models import Gemeente
from .tables import GemeenteTable


class GemeenteImportForm(forms.Form):
    cbs_code = forms.RegexField(
        regex=r"^GM\d{4}$",
        label=_("CBS-code"),
        help_text=_("CBS-gemeentecode, bijvoorbeeld GM0575"),
        error_messages={"invalid": _("Gebruik de CBS-code in de vorm GM0575.")},
    )
    gemeente = forms.CharField(max_length=100, help_text=_("Naam van de gemeente"))
    holland_rijnland = JaNeeVeld(help_text=_("ja of nee"))
    duin_en_bollenstreek = JaNeeVeld(help_text=_("ja of nee"))
    veiligheidsregio = forms.CharField(max_length=100, required=False, help_text=_("Naam van de veiligheidsregio"))


class GemeenteImporter(Importer):
    model = Gemeente
    form_class = GemeenteImportForm
    sleutelvelden = ("cbs_code",)
    tabel = GemeenteTable

    def model_waarden(self, waarden):
        waarden = dict(waarden)
        waarden["naam"] = waarden.pop("gemeente", None)
        return waarden

    def opslaan(self, waarden):
        return super().opslaan(self.model_waarden(waarden))
