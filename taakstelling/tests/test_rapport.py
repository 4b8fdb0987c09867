"""The halfjaarrapportage carries the taakstelling figures of the baseline, as text in the PDF."""

import datetime
import subprocess

import pytest

from rapportage.models import Rapport
from rapportage.services import bouw_rapport, vraag_aan

pytestmark = pytest.mark.django_db


def pdf_tekst(pad) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pad), "-"], capture_output=True, text=True, check=True).stdout


def test_halfjaarrapportage_bevat_de_periodetabel_van_de_basisgegevens(basisgegevens, maak_gebruiker):
    rapport = vraag_aan("halfjaarrapportage", datetime.date(2025, 7, 1), maak_gebruiker("opgavemanager"))
    bouw_rapport(rapport.pk)
    rapport = Rapport.objects.get(pk=rapport.pk)
    assert rapport.status == "klaar"
    perioden = {p["label"]: p for p in rapport.snapshot["taakstelling_perioden"]["data"]["perioden"]}
    assert (perioden["2024"]["gecorrigeerd"], perioden["2024"]["realisatie"], perioden["2024"]["saldo_eind"]) == (
        108, 83, -25)
    assert perioden["2025-H1"]["saldo_begin"] == -25
    regels = [" ".join(r.split()).replace("−", "-") for r in pdf_tekst(rapport.pdf.path).splitlines()]
    assert "2024 91 -17 108 83 -25 officieel totaal van de periode" in regels
    assert "2025-H1 38 -25 63 25 -38 officieel totaal van de periode" in regels
    tekst = " ".join(regels)
    for kop in ("Afstemming met het COA", "interventieladder", "Vergelijking met de (sub)regio"):
        assert kop in tekst
