"""Both reports carry the domain content of the baseline, as text in the generated PDF."""

import datetime
import subprocess

import pytest

from programma.models import Actie
from rapportage.models import Rapport
from rapportage.services import bouw_rapport, vraag_aan

from . import pdfcontrole

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


def test_evaluatierapport_tekent_elke_indicator_als_kleine_grafiek_en_lijst_alle_relevante_acties(
    basisgegevens, maak_gebruiker
):
    """Every numeric indicator keeps a chart (a small multiple: lean SVG, so 200 indicators stay fast),
    and each line lists exactly its own completed, late and deliberately skipped actions."""

    from programma import queries as programma_queries
    from programma.models import Indicator, Meting
    from rapportage.pdf import render_html

    indicator = (
        Indicator.objects.exclude(type__in=["tekst", "ja_nee"]).order_by("programmalijn__nummer", "code").first()
    )
    for maand in range(1, 16):
        Meting.objects.create(
            indicator=indicator,
            datum=datetime.date(2026, 1, 1) + datetime.timedelta(days=30 * maand),
            waarde_getal=maand % 10,
            bron="test",
        )
    actie = Actie.objects.filter(programmalijn__nummer=2).order_by("code").first()
    actie.status = "afgerond"
    actie.save()
    peildatum = datetime.date(2027, 6, 1)
    rapport, tekst = maak("evaluatierapport", peildatum, maak_gebruiker("opgavemanager"))
    html = render_html(rapport)
    assert "Verloop per indicator" in tekst
    # a chart for every indicator with a course (two values or more); one point is no course
    met_grafiek = [
        i
        for n in range(1, 5)
        for i in rapport.snapshot[f"programmalijn_{n}"]["data"]["indicatoren"]
        if i["grafiek"] and len(i["handmatig"]) + len(i["berekend"]) >= 2
    ]
    assert met_grafiek and html.count('<figure class="pdf-veelvoud">') == len(met_grafiek)
    svgs = pdfcontrole.grafieken(html)
    assert len(svgs) == len(met_grafiek)
    for svg in svgs:
        assert svg.count("<") - svg.count("</") <= 12  # lean: no element per measurement
    # the 12 latest measurements, drawn as one line with a dot per measurement
    lijn = rapport.snapshot[f"programmalijn_{indicator.programmalijn.nummer}"]["data"]["indicatoren"]
    reeks = next(i for i in lijn if i["code"] == indicator.code)
    assert len(reeks["handmatig"]) == 12 and len(reeks["grafiek"]["reeksen"][0]["punten"]) == 12
    per_lijn = {la.nummer: la.acties for la in programma_queries.acties_per_lijn(peildatum)}
    for nummer in range(1, 5):
        data = rapport.snapshot[f"programmalijn_{nummer}"]["data"]
        acties = per_lijn[nummer]
        assert [a["code"] for a in data["afgerond"]] == [a.code for a in acties if a.status == "afgerond"]
        assert [a["code"] for a in data["te_laat"]] == [a.code for a in acties if a.te_laat]
        assert [a["code"] for a in data["bewust_niet"]] == [a.code for a in acties if a.status == "bewust_niet"]
    assert actie.code in [a["code"] for a in rapport.snapshot["programmalijn_2"]["data"]["afgerond"]]
