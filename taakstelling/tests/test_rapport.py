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
        108,
        83,
        -25,
    )
    assert perioden["2025-H1"]["saldo_begin"] == -25
    regels = [" ".join(r.split()).replace("−", "-") for r in pdf_tekst(rapport.pdf.path).splitlines()]
    assert "2024 91 -17 108 83 -25 officieel totaal van de periode" in regels
    assert "1e halfjaar 2025 38 -25 63 25 -38 officieel totaal van de periode" in regels
    tekst = " ".join(regels)
    for kop in ("Afstemming met het COA", "interventieladder", "Vergelijking met de (sub)regio"):
        assert kop in tekst


def test_pagina_dashboard_en_rapport_tekenen_dezelfde_grafieken(basisgegevens, adviseur_client):
    """Each chart is defined once (taakstelling.grafieken): the regional comparison on its page and in the
    report, the periods on the index page, the dashboard panel and in the report."""
    from django.urls import reverse
    from django.utils import timezone

    from noordwijk_migratie.models import Gemeente
    from noordwijk_migratie.registry import Peil
    from taakstelling import panelen, rapportsecties
    from taakstelling.models import Periode, RegioCijfer

    periode = Periode.objects.get(label="2024")
    for code, realisatie, saldo_eind in (("GM0575", 83, -25), ("GM0537", 120, 0), ("GM0553", 36, -4)):
        RegioCijfer.objects.create(
            gemeente=Gemeente.objects.get(cbs_code=code),
            periode=periode,
            netto_taakstelling=realisatie - saldo_eind,
            realisatie=realisatie,
            saldo_eind=saldo_eind,
            inwoners=40000,
        )
    pagina = adviseur_client.get(reverse("taakstelling:regio_vergelijking"), {"periode": "2024"}).context["grafieken"]
    rapport = rapportsecties.regio_vergelijking(Peil(datetime.date(2025, 1, 1)))["grafieken"]
    assert pagina == rapport and len(pagina) == 1
    assert pagina[0]["referentielijnen"] == [["gemiddelde Duin- en Bollenstreek", 95.0]]

    vandaag = timezone.localdate()
    index = adviseur_client.get(reverse("taakstelling:index")).context["grafieken"]
    assert index == panelen.statushouders(Peil(vandaag))["grafieken"]
    assert index == rapportsecties.taakstelling_perioden(Peil(vandaag))["grafieken"]
    assert [r["label"] for r in index[0]["reeksen"]] == ["Gecorrigeerd", "Realisatie", "Saldo eind"]
