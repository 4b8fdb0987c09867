"""Every importable list reads its own export back unchanged, and an import reports every error at once.

Found from the URL configuration (every ImportView and the list of its model), so a new import is held
to this without a test of its own."""

import datetime
import io

import openpyxl
import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, reverse

from internationale_werknemers.tests.factories import RegistratiestandFactory
from noordwijk_migratie.generic import ImportView
from noordwijk_migratie.models import Corporatie
from noordwijk_migratie.testdata.paginas import alle_urls
from opvang.tests.factories import BezettingFactory, OekraineMaandcijferFactory
from taakstelling.imports import PlaatsingImporter
from taakstelling.models import Plaatsing
from taakstelling.tests.factories import CoaStandFactory, PlaatsingFactory, RegioCijferFactory
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def _imports():
    gevonden = {}
    for naam, pattern in alle_urls(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class and issubclass(view_class, ImportView):
            importer = pattern.callback.view_initkwargs.get("importer_class") or view_class.importer_class
            gevonden[naam.rsplit("_import", 1)[0] + "_list"] = importer
    return sorted(gevonden.items())


IMPORTS = _imports()


@pytest.fixture
def beheer_client(client, maak_gebruiker):
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    return client


def _gegevens():
    """A row or two of every importable list, with empty optional values and a choice label."""
    PlaatsingFactory(koppeldatum=datetime.date(2025, 3, 7), samenstelling="gezin", volwassenen=2, minderjarigen=3)
    PlaatsingFactory(
        koppeldatum=datetime.date(2025, 4, 1),
        woonvorm="corporatiewoning",
        corporatie=Corporatie.objects.create(naam="Woonstichting Voorbeeld"),
        datum_woning_aangeboden=datetime.date(2025, 4, 20),
        minderjarigen=0,
    )
    BezettingFactory(amv_aantal=None)
    OekraineMaandcijferFactory()
    RegistratiestandFactory(brp=None)
    CoaStandFactory()
    RegioCijferFactory(gemeente=GemeenteFactory(cbs_code="GM9998"))


def test_alle_importeerbare_lijsten_gevonden():
    assert {lijst for lijst, _i in IMPORTS} >= {
        "kern:gemeente_list",
        "opvang:bezetting_list",
        "taakstelling:plaatsing_list",
        "taakstelling:coastand_list",
        "taakstelling:regiocijfer_list",
        "internationale_werknemers:registratiestand_list",
    }


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
@pytest.mark.parametrize(("lijst", "importer"), IMPORTS, ids=[lijst for lijst, _i in IMPORTS])
def test_export_leest_ongewijzigd_terug(beheer_client, basisgegevens, lijst, importer, formaat):
    _gegevens()
    aantal = importer.model.objects.count()
    assert aantal, f"{lijst}: geen gegevens om te exporteren"
    response = beheer_client.get(reverse(lijst), {"export": formaat})
    assert response.status_code == 200
    bestand = SimpleUploadedFile(f"export.{formaat}", response.content)
    resultaat = importer().importeer(bestand)
    assert resultaat.fouten == []
    assert (resultaat.aangemaakt, resultaat.bijgewerkt, resultaat.ongewijzigd) == (0, 0, aantal)
    assert importer.model.objects.count() == aantal


def test_plaatsingen_export_heeft_volwassenen_en_minderjarigen(manager_client):
    PlaatsingFactory(koppeldatum=datetime.date(2025, 3, 7), volwassenen=2, minderjarigen=3)
    response = manager_client.get(reverse("taakstelling:plaatsing_list"), {"export": "xlsx"})
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
    koppen = [c.value for c in blad[1]]
    assert "Volwassenen" in koppen and "Minderjarigen" in koppen and "Personen" not in koppen
    rij = dict(zip(koppen, blad[2], strict=True))
    assert (rij["Volwassenen"].value, rij["Minderjarigen"].value) == (2, 3)
    assert rij["Koppeldatum COA"].value == datetime.datetime(2025, 3, 7)
    assert rij["Koppeldatum COA"].number_format == "dd-mm-yyyy"
    assert blad.freeze_panes == "A2" and blad.auto_filter.ref.startswith("A1:")


def _csv(*regels):
    return SimpleUploadedFile("p.csv", ("\ufeff" + "\r\n".join(regels) + "\r\n").encode())


KOP = "koppeldatum;samenstelling;volgnummer;volwassenen;minderjarigen;datum_gehuisvest"


def test_label_en_code_beide_goed(basisgegevens):
    resultaat = PlaatsingImporter().importeer(
        _csv(KOP, "07-03-2025;Gezin met kinderen;1;2;1;", "07-03-2025;alleenstaande;1;1;0;")
    )
    assert resultaat.fouten == [] and resultaat.aangemaakt == 2


def test_type_en_regelfouten_in_een_ronde_met_de_waarde(basisgegevens):
    resultaat = PlaatsingImporter().importeer(
        _csv(
            KOP,
            # a type error (volwassenen) and a rule error (gehuisvest before the koppeldatum) in one row
            "07-03-2025;gezin;1;twee;0;01-01-2025",
            "32-13-2025;Onbekend soort;1;1;0;",
        )
    )
    fouten = {(f.rij, f.kolom): f.melding for f in resultaat.fouten}
    assert "«twee»" in fouten[2, "volwassenen"]
    assert any(rij == 2 and kolom != "volwassenen" for rij, kolom in fouten), fouten  # the rule, same round
    assert "«32-13-2025»" in fouten[3, "koppeldatum"]
    assert "«Onbekend soort»" in fouten[3, "samenstelling"]
    assert resultaat.aangemaakt == 0


@pytest.mark.parametrize(("lijst", "importer"), IMPORTS, ids=[lijst for lijst, _i in IMPORTS])
def test_sjabloon_met_voorbeeldregel_die_niet_wordt_ingelezen(basisgegevens, lijst, importer):
    blad = openpyxl.load_workbook(io.BytesIO(importer().sjabloon_xlsx()))
    gegevens, toelichting = blad["Gegevens"], blad["Toelichting"]
    assert gegevens.max_row == 2 and gegevens["A2"].comment is not None
    assert [c.value for c in toelichting[1]][-1] == "toegestane waarden"
    assert all(c.value for c in toelichting["D"][1 : len(importer().kolommen()) + 1])  # allowed values per column
    voor = importer.model.objects.count()
    for naam, sjabloon in (("s.xlsx", importer().sjabloon_xlsx()), ("s.csv", importer().sjabloon_csv().encode())):
        resultaat = importer().importeer(SimpleUploadedFile(naam, sjabloon))
        assert resultaat.fouten == [] and resultaat.aangemaakt == 0, resultaat
    assert importer.model.objects.count() == voor


def test_corporatie_is_een_keuzelijst_van_de_functioneel_beheerder(maak_gebruiker, beheer_client, basisgegevens):
    lijst = reverse("kern:corporatie_list")
    assert "Er zijn nog geen corporaties" in beheer_client.get(lijst).text  # the clear empty state
    adviseur = Client()
    adviseur.force_login(maak_gebruiker("beleidsadviseur"))
    assert adviseur.post(reverse("kern:corporatie_add"), {"naam": "X"}).status_code == 403
    assert beheer_client.post(reverse("kern:corporatie_add"), {"naam": "Woonstichting Voorbeeld"}).status_code == 302
    kop = "koppeldatum;samenstelling;volgnummer;volwassenen;woonvorm;corporatie;datum_woning_aangeboden"
    resultaat = PlaatsingImporter().importeer(
        _csv(
            kop,
            "07-03-2025;gezin;1;2;Corporatiewoning;woonstichting voorbeeld;10-03-2025",
            "07-03-2025;gezin;2;2;;Onbekend BV;",
        )
    )
    assert [(f.rij, f.kolom) for f in resultaat.fouten] == [(3, "corporatie")]
    assert "«Onbekend BV»" in resultaat.fouten[0].melding and "Beheer › Corporaties" in resultaat.fouten[0].melding


def test_migratie_maakt_van_elke_getypte_corporatie_een_keuze():
    from django.core.management import call_command
    from django.db import connection

    a, b, leeg = PlaatsingFactory(), PlaatsingFactory(), PlaatsingFactory()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the migrations alter the table in this transaction
    call_command("migrate", "taakstelling", "0003", verbosity=0)
    with connection.cursor() as cursor:
        for plaatsing, tekst in ((a, "Woonstichting  Noord"), (b, "woonstichting noord "), (leeg, "")):
            cursor.execute("UPDATE taakstelling_plaatsing SET corporatie = %s WHERE id = %s", [tekst, plaatsing.pk])
    call_command("migrate", verbosity=0)
    assert list(Corporatie.objects.values_list("naam", flat=True)) == ["Woonstichting Noord"]
    corporaties = dict(Plaatsing.objects.filter(pk__in=[a.pk, b.pk, leeg.pk]).values_list("pk", "corporatie__naam"))
    assert corporaties == {a.pk: "Woonstichting Noord", b.pk: "Woonstichting Noord", leeg.pk: None}


def _getypte_kolommen(importer) -> list[str]:
    return [
        naam
        for naam, veld in importer.form_class.base_fields.items()
        if isinstance(veld, forms.DateField | forms.IntegerField | forms.DecimalField)
    ]


GETYPT = [(lijst, importer) for lijst, importer in IMPORTS if _getypte_kolommen(importer)]


def test_bijna_elke_import_heeft_datum_of_getalkolommen():
    assert {lijst for lijst, _i in IMPORTS} - {lijst for lijst, _i in GETYPT} == {"kern:gemeente_list"}


@pytest.mark.parametrize(("lijst", "importer"), GETYPT, ids=[lijst for lijst, _i in GETYPT])
def test_elke_import_meldt_alle_typefouten_van_een_rij_tegelijk_met_de_waarde(basisgegevens, lijst, importer):
    """Every date and number column of a row filled with nonsense: one error per column, all in one round, each
    naming what was read."""
    getypt = _getypte_kolommen(importer)
    rij = {**importer().voorbeeld(), **dict.fromkeys(getypt, "x²")}
    resultaat = importer().importeer(_csv(";".join(rij), ";".join(rij.values())))
    fouten = {f.kolom: f.melding for f in resultaat.fouten if f.rij == 2}
    assert {kolom: "«x²»" in fouten.get(kolom, "") for kolom in getypt} == dict.fromkeys(getypt, True), fouten
    assert resultaat.aangemaakt == 0
