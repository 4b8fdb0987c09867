"""CSV/XLSX export for Dutch Excel: `;`-separated UTF-8 CSV with BOM, formula injection neutralised."""

from django_tables2.export import TableExport

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def neutraliseer(waarde):
    """Prefix text that a spreadsheet would run as a formula (CSV/formula injection) with a quote.

    Numbers stay numbers; only text is touched, so "-25" from a number column is exported as -25.
    """
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        try:
            float(waarde.replace(".", "").replace(",", "."))
        except ValueError:
            return "'" + waarde
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
            return "\ufeff" + self.dataset.export("csv", delimiter=";")
        return self.dataset.export(self.format)
