"""CSV/XLSX imports: occupancy counts and the monthly Oekraïne aggregates (all-or-nothing, idempotent)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.imports import Importer

from .forms import BezettingImportForm, MaandcijferImportForm
from .models import Bezetting, OekraineMaandcijfer
from .tables import BezettingTable, OekraineMaandcijferTable


class BezettingImporter(Importer):
    model = Bezetting
    form_class = BezettingImportForm
    tabel = BezettingTable
    sleutelvelden = ("locatie", "doelgroep", "datum")
    titel = _("Bezetting importeren")


class MaandcijferImporter(Importer):
    model = OekraineMaandcijfer
    form_class = MaandcijferImportForm
    tabel = OekraineMaandcijferTable
    sleutelvelden = ("maand",)
    titel = _("Maandcijfers Oekraïne importeren")
