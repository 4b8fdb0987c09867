"""Import limits (security issue #12, point 2): crafted files are refused quickly with a Dutch error,
a file is read only within bounds (rows, header columns, cells, markup), and an import of more than
SYNCHROON_MAX_RIJEN rows runs as a task whose page only its own user sees."""

import os
import time

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from noordwijk_migratie.importers import GemeenteImporter
from noordwijk_migratie.imports import SYNCHROON_MAX_RIJEN
from noordwijk_migratie.models import Gemeente, ImportTaak
from taakstelling.models import Plaatsing

from . import bommen


def _importeer(naam, inhoud):
    begin = time.monotonic()
    resultaat = GemeenteImporter().importeer(SimpleUploadedFile(naam, inhoud))
    return resultaat, time.monotonic() - begin


def _meldingen(resultaat):
    return " ".join(f.melding for f in resultaat.fouten)


def test_xlsx_met_gedeclareerde_dimensie_van_16384_kolommen_leest_alleen_de_kolommen_van_de_kopregel(basisgegevens):
    resultaat, duur = _importeer("dimensie.xlsx", bommen.dimensie_bom(rijen=10_000))
    assert (resultaat.aangemaakt, resultaat.fouten) == (1, [])
    assert duur < 2, f"{duur:.1f} s: de gedeclareerde dimensie is niet genegeerd"


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (bommen.reuzenrij_bom, "Een rij van het XLSX-bestand bevat te veel cellen."),
        (bommen.cellen_bom, "Het bestand bevat te veel cellen: hoogstens 25.000 rijen van 5 kolommen."),
        (bommen.opmaak_bom, "Het XLSX-bestand bevat te veel opmaak om in te lezen"),
        (bommen.teksten_bom, "Het bestand bevat te veel cellen"),
    ],
    ids=["reuzenrij", "cellen", "opmaak", "gedeelde-teksten"],
)
def test_xlsx_bom_wordt_snel_geweigerd_met_nederlandse_melding(basisgegevens, maak, melding):
    data = maak()
    assert len(data) < 400_000  # small on the wire
    resultaat, duur = _importeer("bom.xlsx", data)
    assert melding in _meldingen(resultaat)
    assert duur < 3, f"{duur:.1f} s"
    assert Gemeente.objects.count() == 13


def test_csv_met_miljoenen_lege_kopkolommen_wordt_geweigerd_voordat_de_regel_wordt_gesplitst(basisgegevens):
    resultaat, duur = _importeer("breed.csv", bommen.brede_kop_csv())
    assert _meldingen(resultaat) == "De kopregel heeft meer dan 50 kolommen; gebruik het sjabloon."
    assert duur < 1
    assert Gemeente.objects.count() == 13


def test_csv_veld_van_meer_dan_128_kb_is_een_nederlandse_fout_geen_500(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    antwoord = client.post(
        reverse("kern:gemeente_import"), {"bestand": SimpleUploadedFile("lang.csv", bommen.lang_veld_csv())}
    )
    assert antwoord.status_code == 200
    assert "Regel 2 van het CSV-bestand bevat een veld van meer dan 128 kB" in antwoord.content.decode()
    assert Gemeente.objects.count() == 13


def test_csv_met_alleen_cr_als_regeleinde_wordt_gewoon_gelezen(basisgegevens):
    inhoud = ";".join(bommen.GEMEENTE_KOP) + "\rGM0518;'s-Gravenhage;nee;nee;Haaglanden\r"
    resultaat, _duur = _importeer("mac.csv", inhoud.encode())
    assert (resultaat.aangemaakt, resultaat.fouten) == (1, [])


# --------------------------------------------------------------------------- large imports: a task


@pytest.fixture
def groot_bestand():
    return SimpleUploadedFile("plaatsingen.csv", bommen.plaatsingen_csv(SYNCHROON_MAX_RIJEN + 500))


def test_groot_bestand_wordt_een_taak_met_statuspagina_voor_alleen_de_eigen_gebruiker(
    client, maak_gebruiker, groot_bestand, django_capture_on_commit_callbacks
):
    """Celery runs eagerly in the test settings: the task is done when the upload returns (the worker
    test, tests/test_import_werker.py, follows it running)."""
    adviseur = maak_gebruiker("beleidsadviseur")
    client.force_login(adviseur)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("taakstelling:plaatsing_import"), {"bestand": groot_bestand})
    taak = ImportTaak.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("importtaak", args=[taak.pk])
    assert (taak.gebruiker, taak.status, taak.aangemaakt, bytes(taak.inhoud)) == (adviseur, "klaar", 2500, b"")
    assert Plaatsing.objects.count() == 2500

    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Import geslaagd: 2.500 nieuw, 0 bijgewerkt, 0 ongewijzigd." in pagina
    assert "hx-trigger" not in pagina  # done: no more polling

    # the same file again (as the direct import says): every row is unchanged, and nothing is written
    entries = LogEntry.objects.get_for_model(Plaatsing).count()
    groot_bestand.seek(0)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("taakstelling:plaatsing_import"), {"bestand": groot_bestand})
    taak = ImportTaak.objects.get(pk=antwoord["Location"].rstrip("/").split("/")[-1])
    assert (taak.status, taak.aangemaakt, taak.bijgewerkt, taak.ongewijzigd) == ("klaar", 0, 0, 2500)
    assert (
        "Import geslaagd: 0 nieuw, 0 bijgewerkt, 2.500 ongewijzigd."
        in client.get(antwoord["Location"]).content.decode()
    )
    assert LogEntry.objects.get_for_model(Plaatsing).count() == entries

    client.force_login(maak_gebruiker("opgavemanager"))
    assert client.get(antwoord["Location"]).status_code == 404
    assert client.get(antwoord["Location"], headers={"HX-Request": "true"}).status_code == 404


def test_groot_bestand_met_een_foute_rij_slaat_niets_op_en_toont_de_fout_per_rij(
    adviseur_client, django_capture_on_commit_callbacks
):
    bestand = SimpleUploadedFile(
        "plaatsingen.csv", bommen.plaatsingen_csv(SYNCHROON_MAX_RIJEN + 500, fout_in_laatste=True)
    )
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = adviseur_client.post(reverse("taakstelling:plaatsing_import"), {"bestand": bestand})
    assert antwoord.status_code == 302
    fragment = adviseur_client.get(antwoord["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "Er is 1 fout gevonden. Er is niets opgeslagen." in fragment
    assert "<td>2.501</td><td>koppeldatum</td>" in fragment
    assert Plaatsing.objects.count() == 0
    assert bytes(ImportTaak.objects.get().inhoud) == b""


# --------------------------------------------------------------------------- XML entities (openpyxl's parser)

DTD_MELDING = "Het XLSX-bestand bevat een DTD (XML-entiteiten) en wordt niet ingelezen; sla het opnieuw op in Excel."


def test_openpyxl_leest_met_de_xml_parser_van_de_standaardbibliotheek():
    """lees_xml_met_expat (the app's ready()) switched defusedxml off: the DTD tests below then show that the
    import's own check, not defusedxml, keeps entities out."""
    import openpyxl

    assert openpyxl.DEFUSEDXML is False


@pytest.mark.parametrize(
    "maak",
    [bommen.billion_laughs_xlsx, lambda: bommen.dtd_xlsx(b'SYSTEM "http://127.0.0.1:9/extern.dtd"', b"Leiden")],
    ids=["billion-laughs", "externe-dtd"],
)
def test_xlsx_met_dtd_wordt_geweigerd_met_nederlandse_melding_en_niets_opgeslagen(basisgegevens, maak):
    entries = LogEntry.objects.count()
    resultaat, duur = _importeer("entiteiten.xlsx", maak())
    assert _meldingen(resultaat) == DTD_MELDING
    assert duur < 1, f"{duur:.1f} s"
    assert (resultaat.aangemaakt, Gemeente.objects.count(), LogEntry.objects.count()) == (0, 13, entries)


def test_xlsx_met_externe_entiteit_leest_geen_lokaal_bestand(basisgegevens, tmp_path):
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GM0999-GEHEIM")
    resultaat, _duur = _importeer("extern.xlsx", bommen.externe_entiteit_xlsx(geheim))
    assert _meldingen(resultaat) == DTD_MELDING
    assert not Gemeente.objects.filter(naam__contains="GEHEIM").exists()
    assert Gemeente.objects.count() == 13


def test_systeemcheck_weigert_een_expat_zonder_eigen_bescherming_en_laat_openpyxl_dan_op_defusedxml(monkeypatch):
    from xml.parsers import expat

    from noordwijk_migratie.imports import controleer_expat, lees_xml_met_expat

    assert controleer_expat(None) == []
    monkeypatch.setattr(expat, "version_info", (2, 4, 0))
    assert [m.id for m in controleer_expat(None)] == ["kern.E002"]
    monkeypatch.delenv("OPENPYXL_DEFUSEDXML", raising=False)
    lees_xml_met_expat()
    assert "OPENPYXL_DEFUSEDXML" not in os.environ  # openpyxl's default: defusedxml when it is installed
