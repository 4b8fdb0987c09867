"""The generic list machinery (filter, sort, htmx partial, export, query budget) and the
all-or-nothing import, shown on the gemeenten reference list."""

import csv
import io
import warnings

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from noordwijk_migratie.exports import neutraliseer
from noordwijk_migratie.importers import GemeenteImporter
from noordwijk_migratie.models import Gemeente

from .factories import GemeenteFactory
from .queries import assert_vast_aantal_queries

pytestmark = pytest.mark.django_db


def test_filter_en_htmx_partial(adviseur_client, basisgegevens):
    url = reverse("kern:gemeente_list")
    volledig = adviseur_client.get(url, {"duin_en_bollenstreek": "true"})
    assert volledig.status_code == 200
    inhoud = volledig.content.decode()
    assert "<html" in inhoud and "Hillegom" in inhoud and "Leiden" not in inhoud
    partieel = adviseur_client.get(url, {"q": "noord"}, headers={"HX-Request": "true"})
    tekst = partieel.content.decode()
    assert "<html" not in tekst and 'id="resultaten"' in tekst
    assert "Noordwijk" in tekst and "Katwijk" not in tekst


def test_sorteren_op_kolom(adviseur_client, basisgegevens):
    response = adviseur_client.get(reverse("kern:gemeente_list"), {"sort": "-naam"})
    namen = [g.naam for g in response.context["table"].page.object_list.data]
    assert namen == sorted(namen, reverse=True)


@pytest.mark.parametrize("sort", [["1047.944348"], ["naam.lower"], ["-gemeente.naam", "-naam"]])
def test_sorteren_op_iets_anders_dan_een_kolom_wordt_genegeerd(adviseur_client, basisgegevens, sort):
    """A crafted ``?sort=`` is not read as a path into the data (django-tables2 deprecates dotted accessors):
    the list keeps its order, with only the real column names of the value applied."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        response = adviseur_client.get(reverse("kern:gemeente_list"), {"sort": sort})
    assert response.status_code == 200
    tabel = response.context["table"]
    assert list(tabel.order_by) == [s for s in sort if s == "-naam"]


def test_csv_export_voor_nederlandse_excel(adviseur_client, basisgegevens):
    response = adviseur_client.get(reverse("kern:gemeente_list"), {"export": "csv", "duin_en_bollenstreek": "true"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert rijen[0][:2] == ["Gemeente", "CBS-code"]
    assert sorted(r[0] for r in rijen[1:]) == ["Hillegom", "Katwijk", "Lisse", "Noordwijk", "Teylingen"]


def test_datums_in_lijst_csv_en_xlsx_zoals_nederlandse_gebruikers_ze_lezen(adviseur_client):
    """Page and CSV: dd-mm-jjjj (Dutch Excel reads it as a date); XLSX: a real date cell."""
    import datetime

    from taakstelling.tests.factories import PlaatsingFactory

    PlaatsingFactory(koppeldatum=datetime.date(2025, 3, 7))
    url = reverse("taakstelling:plaatsing_list")
    assert "07-03-2025" in adviseur_client.get(url, headers={"HX-Request": "true"}).text
    tekst = adviseur_client.get(url, {"export": "csv"}).content.decode("utf-8-sig")
    rij = next(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert rij["Koppeldatum COA"] == "07-03-2025"
    blad = openpyxl.load_workbook(io.BytesIO(adviseur_client.get(url, {"export": "xlsx"}).content)).active
    kop = [c.value for c in blad[1]]
    cel = blad.cell(row=2, column=kop.index("Koppeldatum COA") + 1).value
    assert isinstance(cel, datetime.datetime) and cel.date() == datetime.date(2025, 3, 7)


def test_xlsx_export_neutraliseert_formules(adviseur_client, basisgegevens):
    GemeenteFactory(naam='=HYPERLINK("http://x")', cbs_code="GM9999")
    response = adviseur_client.get(reverse("kern:gemeente_list"), {"export": "xlsx"})
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
    waarden = [c.value for rij in blad.iter_rows() for c in rij]
    assert '\'=HYPERLINK("http://x")' in waarden
    assert not any(isinstance(w, str) and w.startswith("=") for w in waarden)


@pytest.mark.parametrize(
    ("invoer", "uitvoer"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-25", "-25"),
        ("-1.234,5", "-1.234,5"),
        ("Noordwijk", "Noordwijk"),
        (-25, -25),
    ],
)
def test_neutraliseer(invoer, uitvoer):
    assert neutraliseer(invoer) == uitvoer


def test_paginagrootte_is_begrensd(adviseur_client, basisgegevens):
    response = adviseur_client.get(reverse("kern:gemeente_list"), {"per_page": "100000"})
    assert response.context["table"].paginator.per_page == 100


def test_querybudget_lijst_onafhankelijk_van_aantal(adviseur_client):
    lijst = reverse("kern:gemeente_list")
    params = {"per_page": 100, "sort": "naam"}
    assert_vast_aantal_queries(adviseur_client, lijst, GemeenteFactory.create_batch, params=params, budget=10)


def _upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud)


GELDIG = "cbs_code;gemeente;holland_rijnland;duin_en_bollenstreek;veiligheidsregio\nGM0518;'s-Gravenhage;nee;nee;Haaglanden\nGM0599;Rotterdam;nee;nee;Rotterdam-Rijnmond\n"


def test_import_is_idempotent(basisgegevens):
    eerste = GemeenteImporter().importeer(_upload("g.csv", GELDIG))
    assert (eerste.aangemaakt, eerste.bijgewerkt, eerste.fouten) == (2, 0, [])
    tweede = GemeenteImporter().importeer(_upload("g.csv", GELDIG))
    assert (tweede.aangemaakt, tweede.bijgewerkt, tweede.ongewijzigd) == (0, 0, 2)  # nothing changed, nothing written
    assert Gemeente.objects.count() == 15


def test_import_alles_of_niets_met_fout_per_rij_en_kolom(basisgegevens):
    fout = GELDIG + "X0001;Nergens;misschien;nee;\n"
    resultaat = GemeenteImporter().importeer(_upload("g.csv", fout))
    assert resultaat.aangemaakt == 0
    assert {(f.rij, f.kolom) for f in resultaat.fouten} == {(4, "cbs_code"), (4, "holland_rijnland")}
    assert any("GM0575" in f.melding for f in resultaat.fouten)
    assert Gemeente.objects.count() == 13


def test_import_xlsx_en_dubbele_sleutel(basisgegevens):
    werkboek = openpyxl.Workbook()
    werkboek.active.append(["cbs_code", "gemeente", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio"])
    werkboek.active.append(["GM0518", "Den Haag", "nee", "nee", "Haaglanden"])
    werkboek.active.append(["GM0518", "Den Haag", "nee", "nee", "Haaglanden"])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    resultaat = GemeenteImporter().importeer(_upload("g.xlsx", buffer.getvalue()))
    assert [(f.rij, f.melding) for f in resultaat.fouten] == [(3, "Dubbel met rij 2.")]
    assert not Gemeente.objects.filter(cbs_code="GM0518").exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("leeg.csv", b"", "leeg"),
        ("latin1.csv", "cbs_code;gemeente\nGM0001;Súdwest\n".encode("cp1252"), "UTF-8"),
        ("kapot.xlsx", b"PK\x03\x04 niet echt", "geen geldig XLSX"),
        ("plaatje.png", b"\x89PNG....", "Alleen CSV- en XLSX"),
        ("kop.csv", "plaats;aantal\nx;1\n", "ontbreekt"),
    ],
)
def test_onleesbare_bestanden_geven_nederlandse_melding(basisgegevens, naam, inhoud, melding):
    resultaat = GemeenteImporter().importeer(_upload(naam, inhoud))
    assert not resultaat.geslaagd
    assert melding in " ".join(f.melding for f in resultaat.fouten)
    assert Gemeente.objects.count() == 13


def test_importpagina_toont_fouten_en_sjabloon(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    url = reverse("kern:gemeente_import")
    sjabloon = client.get(url, {"sjabloon": "xlsx"})
    kop = [c.value for c in next(openpyxl.load_workbook(io.BytesIO(sjabloon.content)).active.iter_rows())]
    assert kop == ["cbs_code", "gemeente", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio"]
    response = client.post(url, {"bestand": _upload("g.csv", GELDIG + "GM12;;ja;ja;\n")})
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in response.content.decode()
    assert Gemeente.objects.count() == 13
    response = client.post(url, {"bestand": _upload("g.csv", GELDIG)})
    assert response.status_code == 302
    assert Gemeente.objects.count() == 15


def test_csv_datums_en_decimalen_voor_nederlandse_excel():
    import datetime
    from decimal import Decimal

    from noordwijk_migratie.exports import csv_waarde

    assert csv_waarde(datetime.date(2025, 7, 1)) == "01-07-2025"
    assert csv_waarde(Decimal("12.5")) == "12,5"
    assert csv_waarde(3) == 3 and csv_waarde("tekst") == "tekst"


def test_sorteren_is_stabiel_over_paginas(adviseur_client):
    """Equal sort values never make a row appear on two pages or on none."""
    GemeenteFactory.create_batch(30, veiligheidsregio="Zelfde")
    gezien = []
    for pagina in (1, 2, 3):
        response = adviseur_client.get(
            reverse("kern:gemeente_list"), {"sort": "veiligheidsregio", "per_page": 10, "page": pagina}
        )
        assert response.status_code == 200, response.status_code
        gezien += [g.pk for g in response.context["table"].page.object_list.data]
    assert len(gezien) == len(set(gezien)) == 30


def test_lijst_uit_cache_toont_direct_elke_toevoeging_wijziging_en_verwijdering(adviseur_client):
    """Rendered rows are cached, but no list ever shows data older than the last save or delete."""
    url, filter_ = reverse("kern:gemeente_list"), {"q": "Cachestad"}
    gemeente = GemeenteFactory(naam="Cachestad", veiligheidsregio="Oud")
    assert "Oud" in adviseur_client.get(url, filter_).text
    assert "Oud" in adviseur_client.get(url, filter_).text  # second time from the cache
    gemeente.veiligheidsregio = "Nieuw"
    gemeente.save()
    assert "Nieuw" in adviseur_client.get(url, filter_).text
    GemeenteFactory(naam="Cachestad-Noord")
    assert "Cachestad-Noord" in adviseur_client.get(url, filter_).text
    gemeente.delete()
    tekst = adviseur_client.get(url, filter_).text
    assert "Nieuw" not in tekst and "1 resultaat" in tekst
