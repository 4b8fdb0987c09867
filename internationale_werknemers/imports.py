"""CSV/XLSX import of the RNI/BRP registrations (all-or-nothing, idempotent on the peildatum)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.imports import Importer

from .forms import RegistratiestandImportForm
from .models import Registratiestand
from .tables import RegistratiestandTable


class RegistratiestandImporter(Importer):
    model = Registratiestand
    form_class = RegistratiestandImportForm
    tabel = RegistratiestandTable
    sleutelvelden = ("peildatum",)
    titel = _("Inschrijvingen RNI/BRP importeren")

    def opslaan(self, waarden):
        waarden = {**waarden, "toelichting": waarden.get("toelichting") or "", "bron": waarden.get("bron") or ""}
        return super().opslaan(waarden)
