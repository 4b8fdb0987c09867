"""Both reports carry the domain content of the baseline, as text in the generated PDF."""

import datetime
import subprocess

import pytest

from programma.models import Actie
from rapportage.models import Rapport
from rapportage.services import bouw_rapport, vraag_aan

pytestmark = pytest.mark.django_db


def maak(soort, peildatum, gebruiker):
    rapport = vraag_aan(soort, peildatum, gebruiker)
    bouw_rapport(rapport.pk)
    rapport = Rapport.objects.get(pk=rapport.pk)
    assert rapport.status == "klaar", rapport.foutmelding
    tekst = subprocess.run(["pdftotext", rapport.pdf.path, "-"], capture_output=True, text=True, check=True).stdout
    return rapport, " ".join(tekst.split())


def test_halfjaarrapportage_toont_de_dashboardpanelen(basisgegevens, maak_gebruiker):
    rapport, tekst = maak("halfjaarrapportage", datetime.date(2025, 7, 1), maak_gebruiker("opgavemanager"))
    oekraine = {c["label"]: c["waarde"] for c in rapport.snapshot["oekraine"]["data"]["cijfers"]}
    assert (oekraine["Opgave"], oekraine["Beschikbaar"], oekraine["Bezet"]) == (221, 290, 230)
    assert "Opgave 221" in tekst and "Bezet 230" in tekst
    assert "Asielzoekers: Spreidingswet" in tekst and "275 (AMV 23)" in tekst
    assert "Internationale werknemers" in tekst
    assert "Voortgang van de acties uit het programma" in tekst


def test_evaluatierapport_per_programmalijn_met_acties_indicatoren_en_sessies(basisgegevens, maak_gebruiker):
    actie = Actie.objects.filter(programmalijn__nummer=1).order_by("code").first()
    actie.status = "bewust_niet"
    actie.reden_niet_uitvoeren = "Na overleg met de provincie niet nodig gebleken."
    actie.save()
    rapport, tekst = maak("evaluatierapport", datetime.date(2027, 6, 1), maak_gebruiker("opgavemanager"))
    for nummer in range(1, 5):
        assert f"Programmalijn {nummer}:" in tekst
    assert "Na overleg met de provincie niet nodig gebleken." in tekst
    assert "Voldoen we aan taakstelling?" in tekst
    assert "Themasessies en betrokkenheid van partners" in tekst
    assert "Vervolgopdracht" in tekst and "Conclusies" in tekst
    lijn1 = rapport.snapshot["programmalijn_1"]["data"]
    assert [a["code"] for a in lijn1["bewust_niet"]] == [actie.code]
    assert len(lijn1["indicatoren"]) == 6
