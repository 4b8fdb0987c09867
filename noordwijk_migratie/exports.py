"""CSV/XLSX export for Dutch Excel: `;`-separated UTF-8 CSV with BOM, formula injection neutralised."""

import datetime
import re
from decimal import Decimal

from django.utils import timezone
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
        rows = [tuple(neutraliseer(cel) for cel in rij) for rij in dataset]
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
        return self.dataset.export(self.format)
