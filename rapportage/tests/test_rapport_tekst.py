"""What the reports say and how they read, checked through the PDF text as a councillor gets it:
the half year that just ended on page 1–2, one notation for numbers, dates and periods, no template
code or developer text, every "Meetbaar door" question answered, and no nearly empty page or split
table row."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from noordwijk_migratie.getallen import lange_datum
from rapportage.models import Rapport, Toelichting
from rapportage.services import bouw_rapport, vraag_aan

from . import pdfcontrole

pytestmark = pytest.mark.django_db

HALFJAAR, EVALUATIE = "halfjaarrapportage", "evaluatierapport"

# What must never reach a reader: template code, Python's None, the old English chart comment,
# screen notations the report writes otherwise.
VERBODEN = ("{#", "#}", "{%", "%}", "{{", "None", "noordwijk_migratie", "Chart in the PDF", "zonder_tabel")
KORTE_DATUM = re.compile(r"\b\d{2}-\d{2}-\d{4}\b")
STREEPJE_ALS_MIN = re.compile(r"(?<![\w\-–])-\d")
SCHERMPERIODE = re.compile(r"\b\d{4}-H[12]\b")


def maak(soort, peildatum, gebruiker):
    rapport = vraag_aan(soort, peildatum, gebruiker)
    bouw_rapport(rapport.pk)
    rapport = Rapport.objects.get(pk=rapport.pk)
    assert rapport.status == "klaar", rapport.foutmelding
    return rapport, pdfcontrole.paginas(rapport.pdf.path)


def controleer_notatie(paginas: list[str]):
    tekst = " ".join(paginas)
    for woord in VERBODEN:
        assert woord not in tekst, woord
    assert not KORTE_DATUM.findall(tekst), "datums voluit: 1 juli 2025"
    assert not STREEPJE_ALS_MIN.findall(tekst), "het minteken is −, geen streepje"
    assert not SCHERMPERIODE.findall(tekst), "één periodenotatie: 1e halfjaar 2025"
    assert "Nog geen toelichting ingevuld" not in tekst
    assert not re.search(r"\([^()]*\(", tekst.replace("(sub)", "")), "geen geneste haakjes"


def hoofdstukken(rapport) -> list[str]:
    return ["Inhoud", *(s["titel"] for s in rapport.snapshot.values())]


def controleer_opmaak(rapport):
    assert pdfcontrole.gesplitste_rijen(rapport.pdf.path) == []
    assert pdfcontrole.bijna_lege_paginas(rapport.pdf.path, hoofdstukken(rapport)) == []


def test_geen_template_heeft_meerregelig_hekje_commentaar():
    """``{# #}`` is a Django comment on one line only; over several lines it is printed as text."""
    basis = Path(settings.BASE_DIR)
    templates = [
        p
        for p in basis.rglob("*.html")
        if "templates" in p.parts and not {".venv", "node_modules", "var"} & set(p.relative_to(basis).parts)
    ]
    assert len(templates) > 50
    fout = [str(p.relative_to(basis)) for p in templates if re.search(r"\{#(?:(?!#\}).)*\n", p.read_text(), re.S)]
    assert fout == []


def test_halfjaarrapportage_baseline_kernboodschap_over_het_afgesloten_halfjaar(basisgegevens, maak_gebruiker):
    rapport, paginas = maak(HALFJAAR, datetime.date(2025, 7, 1), maak_gebruiker("opgavemanager"))
    begin = " ".join(paginas[:2])
    assert "Kernboodschap" in begin
    # 1 July 2025: the first half of 2025 just ended: 25 housed against 63, saldo −38
    assert "Statushouders: niet gehaald" in begin
    assert "Gecorrigeerde taakstelling 1e halfjaar 2025: 63 personen" in begin
    assert "25 personen gehuisvest" in begin and "saldo eind −38" in begin
    assert "Lopend halfjaar: de taakstelling is nog niet ingevoerd; startpositie −38" in begin
    assert "Oekraïense ontheemden: Op schema" in begin and "Overschot (beschikbaar − opgave): 69" in begin
    assert "Er is geen eerdere halfjaarrapportage om mee te vergelijken." in begin
    assert "Peildatum 1 juli 2025" in paginas[0]
    tekst = " ".join(paginas)
    assert "Resultaat 1e halfjaar 2025" in tekst and "Lopende periode: geen periode ingevoerd" not in tekst
    assert "Gat" not in tekst
    # the COA page says why it cannot compare per month instead of a column of zeros
    assert "bevat de eigen registratie geen plaatsingen" in tekst
    controleer_notatie(paginas)
    controleer_opmaak(rapport)


def test_halfjaarrapportage_vergelijkt_met_de_vorige_en_drukt_geschreven_teksten_af(basisgegevens, maak_gebruiker):
    gebruiker = maak_gebruiker("opgavemanager")
    maak(HALFJAAR, datetime.date(2025, 1, 1), gebruiker)
    Toelichting.objects.update_or_create(
        soort=HALFJAAR,
        peildatum=datetime.date(2025, 7, 1),
        sectie="samenvatting",
        defaults={"tekst": "Wij sturen bij."},
    )
    rapport, paginas = maak(HALFJAAR, datetime.date(2025, 7, 1), gebruiker)
    begin = " ".join(paginas[:3])
    assert "Op 1 januari 2025 was de status niet gehaald." in begin  # 2024 closed with saldo −25
    assert "Wij sturen bij." in " ".join(paginas)
    controleer_notatie(paginas)


def test_halfjaarrapportage_zegt_het_als_het_afgesloten_halfjaar_niet_is_ingevoerd(basisgegevens, maak_gebruiker):
    rapport, paginas = maak(HALFJAAR, datetime.date(2026, 7, 1), maak_gebruiker("opgavemanager"))
    begin = " ".join(paginas[:2])
    assert (
        "Het 1e halfjaar 2026 is (nog) niet als periode ingevoerd; hieronder de laatst afgesloten periode, 1e halfjaar 2025."
        in begin
    )
    assert "realisatie 0, COA-norm 0" not in " ".join(paginas)
    controleer_notatie(paginas)


def test_halfjaarrapportage_synthetisch_met_lopend_halfjaar_en_eigen_telling(basisgegevens, maak_gebruiker):
    call_command("genereer_testdata", "--schaal", "klein", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rapport, paginas = maak(HALFJAAR, datetime.date(2021, 7, 1), maak_gebruiker("opgavemanager"))
    kern = rapport.snapshot["statushouders_kerncijfers"]["data"]
    assert kern["afgesloten"]["label"] == "2021-H1" and kern["periode"]["label"] == "2021-H2"
    begin = " ".join(paginas[:2])
    afgesloten = kern["afgesloten"]
    assert afgesloten["gecorrigeerd"] < 0  # the synthetic history has a voorsprong
    assert f"Netto taakstelling 1e halfjaar 2021: {afgesloten['netto']} personen, geheel gedekt door" in begin
    assert f"{afgesloten['realisatie']} personen gehuisvest" in begin
    assert "Lopend halfjaar 2e halfjaar 2021: startpositie" in begin
    coa = rapport.snapshot["coa_afstemming"]["data"]
    assert coa["periode"] == "2021-H1" and coa["eigen_totaal"] > 0
    assert "Eigen registratie en COA-stand per maand, 1e halfjaar 2021" in " ".join(paginas)
    controleer_notatie(paginas)
    controleer_opmaak(rapport)


def test_evaluatierapport_beantwoordt_elke_vraag_meetbaar_door(basisgegevens, maak_gebruiker):
    rapport, paginas = maak(EVALUATIE, datetime.date(2027, 6, 1), maak_gebruiker("opgavemanager"))
    tekst = " ".join(paginas)
    indicatoren = [i for n in range(1, 5) for i in rapport.snapshot[f"programmalijn_{n}"]["data"]["indicatoren"]]
    assert len(indicatoren) == 17
    for i in indicatoren:
        assert i["antwoord"]["tekst"], i["code"]
        assert i["antwoord"]["soort"] in ("berekend", "gemeten", "ontbreekt")
    antwoorden = re.findall(
        r"Berekend op \d|Gemeten op \d|Bijsturing volgens het programma: \d|Ontbreekt sinds 1 juli 2025: [^.]*aan te leveren door",
        tekst,
    )
    assert len(antwoorden) == 17
    assert "Berekend op 1 juni 2027: nee." in tekst  # M-1-01 taakstelling voldaan, computed
    assert "Bijsturing volgens het programma:" in tekst  # M-1-02 from the programme's actions
    assert "nog geen metingen" not in tekst.lower()
    # the legend says "roze gestreepte lijn: berekend": a computed-only series (M-1-01) is drawn so
    from rapportage.pdf import render_html

    veelvouden = re.findall(r'<figure class="pdf-veelvoud">.*?</figure>', render_html(rapport), flags=re.S)
    m101 = next(pdfcontrole.grafieken(f)[0] for f in veelvouden if "M-1-01" in f)
    assert 'class="series"' in m101 and 'stroke="#ca005d"' in m101 and 'stroke-dasharray="8 4"' in m101
    # Conclusies and vervolgopdracht are not empty pages in a concept
    assert "De conclusies zijn nog niet geschreven" in tekst
    assert "Het voorstel voor een vervolgopdracht is nog niet geschreven" in tekst
    controleer_notatie(paginas)
    controleer_opmaak(rapport)


def test_evaluatierapport_drukt_conclusies_en_voorstel_af(basisgegevens, maak_gebruiker):
    peildatum = datetime.date(2027, 6, 1)
    for sectie, tekst in (("conclusies", "Het programma heeft gewerkt."), ("vervolgopdracht", "Ja, twee jaar.")):
        Toelichting.objects.update_or_create(
            soort=EVALUATIE, peildatum=peildatum, sectie=sectie, defaults={"tekst": tekst}
        )
    rapport, paginas = maak(EVALUATIE, peildatum, maak_gebruiker("opgavemanager"))
    tekst = " ".join(paginas)
    assert "Het programma heeft gewerkt." in tekst and "Ja, twee jaar." in tekst
    assert "nog niet geschreven" not in tekst


def test_grafiek_zonder_verloop_wordt_een_zin_en_de_alt_tekst_noemt_trend_en_laatste_waarde():
    from noordwijk_migratie.charts import grafiek_lijn, grafiek_staaf
    from rapportage.secties import GeenGrafiek, te_tekenen

    een_punt = te_tekenen(grafiek_staaf("Regio", ["Noordwijk"], {"%": [("Noordwijk", 39.7)]}))
    nullen = te_tekenen(grafiek_staaf("Fasen", ["A", "B"], {"Plaatsen": [("A", 0), ("B", 0)]}))
    assert isinstance(een_punt, GeenGrafiek) and "minder dan twee meetpunten" in een_punt.zin
    assert isinstance(nullen, GeenGrafiek) and "alle waarden zijn 0" in nullen.zin
    lijn = te_tekenen(grafiek_lijn("Bezet", {"Bezet": [("2025-01-31", 200), ("2025-06-30", 230)]}))
    assert "Bezet: gestegen van 200 naar 230, laatste waarde 230 op 30-06-2025." in lijn.description
    staaf = te_tekenen(
        grafiek_staaf("Fasen", ["Collegebesluit", "Raadsbesluit"], {"P": [("Collegebesluit", 3), ("Raadsbesluit", 1)]})
    )
    assert "Collegebesluit" in staaf.svg and "…" not in staaf.svg
    assert "Source Sans 3" in staaf.svg


def maak_definitief(rapport, gebruiker, teksten: dict[str, str]) -> list[str]:
    """Write the required texts (and a toelichting where a figure is stale), finalise, return the pages."""
    from rapportage import services

    for sectie, inhoud in teksten.items():
        Toelichting.objects.update_or_create(
            soort=rapport.soort, peildatum=rapport.peildatum, sectie=sectie, defaults={"tekst": inhoud}
        )
    for v in services.verouderde_gegevens(rapport.snapshot):
        Toelichting.objects.update_or_create(
            soort=rapport.soort,
            peildatum=rapport.peildatum,
            sectie=v["sectie"],
            defaults={"tekst": "De telling wordt opnieuw opgevraagd."},
        )
    assert services.ontbreekt_voor_definitief(rapport) == []
    rapport = services.maak_definitief(rapport, gebruiker)
    assert rapport.definitief
    # the PDF's metadata title writes the peildatum as the report does (the one date path, getallen.py)
    titel = f"{rapport.snapshot['omslag']['data']['titel']} {lange_datum(rapport.peildatum)} (definitief)"
    assert PdfReader(rapport.pdf.path).metadata.title == titel
    return pdfcontrole.paginas(rapport.pdf.path)


def test_definitieve_halfjaarrapportage_baseline_zonder_code_of_plaatshouders(basisgegevens, maak_gebruiker):
    gebruiker = maak_gebruiker("opgavemanager")
    rapport, _paginas = maak(HALFJAAR, datetime.date(2025, 7, 1), gebruiker)
    paginas = maak_definitief(rapport, gebruiker, {"samenvatting": "De taakstelling is niet gehaald."})
    tekst = " ".join(paginas)
    assert "Halfjaarrapportage taakstelling · definitief" in tekst and "concept" not in tekst.lower()
    assert "De taakstelling is niet gehaald." in tekst
    assert "Gecorrigeerde taakstelling 1e halfjaar 2025: 63 personen" in " ".join(paginas[:2])
    controleer_notatie(paginas)


def test_definitief_evaluatierapport_synthetisch_beantwoordt_elke_vraag(basisgegevens, maak_gebruiker):
    """The evaluatierapport on the synthetic history (made after its peildatum, so it can become definitief):
    every "Meetbaar door" item answered, clean text and layout in the definitief PDF."""
    call_command("genereer_testdata", "--schaal", "klein", stdout=open("/dev/null", "w"))  # noqa: SIM115
    gebruiker = maak_gebruiker("opgavemanager")
    rapport, _paginas = maak(EVALUATIE, datetime.date(2026, 6, 1), gebruiker)
    indicatoren = [i for n in range(1, 5) for i in rapport.snapshot[f"programmalijn_{n}"]["data"]["indicatoren"]]
    bijlage1 = [i for i in indicatoren if i["code"].startswith("M-")]  # the 17 of Bijlage 1 (plus synthetic ones)
    assert len(bijlage1) == 17 and all(i["antwoord"]["tekst"] for i in indicatoren)
    teksten = {
        "samenvatting": "Het programma loopt.",
        "conclusies": "- De opvang is op orde\n- De taakstelling vraagt bijsturing",
        "vervolgopdracht": "Een vervolgopdracht van twee jaar.",
    }
    paginas = maak_definitief(rapport, gebruiker, teksten)
    tekst = " ".join(paginas)
    assert "Evaluatierapport juni 2027 · definitief" in tekst and "nog niet geschreven" not in tekst
    assert "De taakstelling vraagt bijsturing" in tekst and "Een vervolgopdracht van twee jaar." in tekst
    for i in indicatoren:
        assert i["code"] in tekst
    controleer_notatie(paginas)
    rapport.refresh_from_db()
    controleer_opmaak(rapport)
