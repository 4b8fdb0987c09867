"""CSV for Excel and Power BI: the rows of a page (``results``) in the project's export format
(:mod:`noordwijk_migratie.exports`: ``;``, BOM, dates dd-mm-jjjj, formula injection neutralised).
Nested values (a list of phases, a status history) are flattened into ``ouder.kind`` columns."""

from rest_framework.renderers import BaseRenderer
from tablib import Dataset

from noordwijk_migratie.exports import csv_waarde, neutraliseer


def _plat(rij: dict, voorvoegsel: str = "") -> dict:
    uit = {}
    for sleutel, waarde in rij.items():
        naam = f"{voorvoegsel}{sleutel}"
        if isinstance(waarde, dict):
            uit.update(_plat(waarde, f"{naam}."))
        elif isinstance(waarde, list):
            uit[naam] = " | ".join(
                ", ".join(f"{k}: {v}" for k, v in w.items()) if isinstance(w, dict) else str(w) for w in waarde
            )
        else:
            uit[naam] = waarde
    return uit


class CsvRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if isinstance(data, dict) and "results" in data:
            rijen = data["results"]
        elif isinstance(data, list):
            rijen = data
        else:  # an error: one row with its messages
            rijen = [data]
        rijen = [_plat(r) for r in rijen]
        kolommen = list(dict.fromkeys(k for r in rijen for k in r))
        tabel = Dataset(headers=kolommen)
        for r in rijen:
            tabel.append(["" if r.get(k) is None else csv_waarde(neutraliseer(r[k])) for k in kolommen])
        return ("\ufeff" + tabel.export("csv", delimiter=";")).encode(self.charset)
