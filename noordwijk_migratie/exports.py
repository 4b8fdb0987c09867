"""CSV/XLSX export for Dutch Excel: `;`-separated UTF-8 CSV with BOM, formula injection neutralised.

Headers are those of the page; an empty value (shown as "—" or "onbekend" on the page) is an empty cell.
The XLSX has real date cells shown as dd-mm-jjjj, numbers as numbers, a frozen header row with an
autofilter. Every export of a list with an import reads back unchanged (``imports.Importer.tabel``).
"""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tables2.export import TableExport
from tablib import Dataset

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
# A negative number as the lists render it (-25, -1.234,5, -3,5%): harmless, stays a number.
# Anything else with a formula character in front, "+1" too, gets a quote.
NEGATIEF_GETAL = re.compile(r"-\d{1,3}(\.\d{3})*(,\d+)?%?|-\d+([.,]\d+)?%?")


def neutraliseer(waarde):
    """Prefix text that a spreadsheet would run as a formula (CSV/formula injection) with a quote.

    Numbers stay numbers; only text is touched, so "-25" from a number column is exported as -25,
    but "+1" or "-2+3" typed into a text field is quoted.
    """
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        if waarde.startswith("-") and NEGATIEF_GETAL.fullmatch(waarde):
            return waarde
        return "'" + waarde
    return waarde


LEGE_WAARDEN = ("", "—", "onbekend")


def exportwaarde(waarde):
    """One empty value in every export (what the page shows for "nothing" is an empty cell) and yes/no
    in words, as the page and the imports write them."""
    if waarde is None or (isinstance(waarde, str) and waarde.strip() in LEGE_WAARDEN):
        return ""
    if isinstance(waarde, bool):
        return str(_("ja") if waarde else _("nee"))
    return waarde


def csv_waarde(waarde):
    """Dates as dd-mm-jjjj and decimals with a comma, as Dutch Excel reads a CSV; XLSX keeps real types."""
    if isinstance(waarde, datetime.datetime):
        return f"{timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, datetime.date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, float | Decimal):
        return str(waarde).replace(".", ",")
    return waarde


class NederlandseTableExport(TableExport):
    FORMATS = {
        TableExport.CSV: "text/csv; charset=utf-8",
        TableExport.XLSX: TableExport.FORMATS[TableExport.XLSX],
    }

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        rows = [tuple(neutraliseer(exportwaarde(cel)) for cel in rij) for rij in dataset]
        headers = dataset.headers
        dataset.wipe()
        dataset.headers = headers
        for rij in rows:
            dataset.append(rij)
        return dataset

    def export(self):
        if self.format == TableExport.CSV:
            csv = Dataset(headers=self.dataset.headers)
            for rij in self.dataset:
                csv.append([csv_waarde(cel) for cel in rij])
            return "\ufeff" + csv.export("csv", delimiter=";")
        return xlsx(self.dataset.headers, self.dataset)


def xlsx(koppen, rijen) -> bytes:
    """A workbook of one sheet: bold frozen header with an autofilter, dates as date cells (dd-mm-jjjj)."""
    import openpyxl  # ~18 MB: loaded by the process that writes a workbook, not by every web worker
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    werkboek = openpyxl.Workbook()
    blad = werkboek.active
    blad.title = "Gegevens"
    blad.append([str(k) for k in koppen])
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        blad.append([_xlsx_waarde(cel) for cel in rij])
    for rij in blad.iter_rows(min_row=2):
        for cel in rij:
            if isinstance(cel.value, datetime.datetime):
                cel.number_format = "dd-mm-yyyy hh:mm"
            elif isinstance(cel.value, datetime.date):
                cel.number_format = "dd-mm-yyyy"
    blad.freeze_panes = "A2"
    if koppen:
        blad.auto_filter.ref = f"A1:{get_column_letter(len(koppen))}{max(blad.max_row, 1)}"
    for i, kop in enumerate(koppen, start=1):
        blad.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(kop)) + 2))
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def _xlsx_waarde(waarde):
    if isinstance(waarde, datetime.datetime):
        return timezone.make_naive(waarde) if timezone.is_aware(waarde) else waarde
    if isinstance(waarde, bool | int | float | Decimal | datetime.date):
        return waarde
    return str(waarde) if waarde is not None else None
