"""Pages: lists with a constant query budget and CSV/XLSX export, the judging page, the RNI/BRP
import (all-or-nothing), the index linking every list, and the actielijn hook section."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from internationale_werknemers import models

from . import factories as f

pytestmark = pytest.mark.django_db
APP = "internationale_werknemers"

LIJSTEN = {
    "beleidsplan_list": lambda n: f.BeleidsplanFactory.create_batch(n),
    "actielijn_list": lambda n: [f.ActielijnFactory() for _ in range(n)],
    "budgetpost_list": lambda n: f.BudgetpostFactory.create_batch(n),
    "budgetjaar_list": lambda n: f.BudgetjaarFactory.create_batch(n),
    "toetsingscriterium_list": lambda n: f.ToetsingscriteriumFactory.create_batch(n),
    "huisvestingsinitiatief_list": lambda n: f.HuisvestingsinitiatiefFactory.create_batch(n),
    "pilotlocatie_list": lambda n: f.PilotlocatieFactory.create_batch(n),
    "pilotstand_list": lambda n: f.PilotstandFactory.create_batch(n),
    "woning_list": lambda n: f.InspectieFactory.create_batch(n),
    "inspectie_list": lambda n: f.InspectieFactory.create_batch(n),
    "registratiestand_list": lambda n: f.RegistratiestandFactory.create_batch(n),
    "informatiebereik_list": lambda n: f.InformatiebereikFactory.create_batch(n),
}


@pytest.mark.parametrize("naam", sorted(LIJSTEN))
def test_lijst_heeft_vast_aantal_queries_en_exporteert(adviseur_client, naam):
    from tests.queries import GROOT, assert_vast_aantal_queries

    url = reverse(f"{APP}:{naam}")
    assert_vast_aantal_queries(adviseur_client, url, LIJSTEN[naam])
    csv = adviseur_client.get(url, {"export": "csv"})
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").count("\r\n") >= GROOT
    xlsx = adviseur_client.get(url, {"export": "xlsx"})
    werkboek = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert werkboek.active.max_row == GROOT + 1


def test_index_linkt_elke_lijst(adviseur_client):
    html = adviseur_client.get(reverse(f"{APP}:index")).content.decode()
    for naam in [*LIJSTEN, "registratiestand_import"]:
        if naam.endswith("_list"):
            assert f'href="{reverse(f"{APP}:{naam}")}"' in html, naam
    assert "Kerncijfers op" in html
    assert f"Budget {timezone.localdate().year}:" in html  # a year, not "2.025"


def test_budgetjaar_detail_toont_jaar_zonder_scheidingsteken(adviseur_client):
    jaar = f.BudgetjaarFactory(jaar=2025)
    html = adviseur_client.get(jaar.get_absolute_url()).content.decode()
    assert ">2025<" in html and "2.025" not in html


def test_actielijn_detail_toont_sectie_acties_in_het_programma(adviseur_client):
    lijn = f.ActielijnFactory(naam="Actielijn 3", te_benoemen=True)
    html = adviseur_client.get(lijn.get_absolute_url()).content.decode()
    assert "Acties in het programma" in html
    assert "nog te benoemen" in html
    assert "Wijzigingsgeschiedenis" in html


@pytest.fixture
def criteria():
    return [
        f.ToetsingscriteriumFactory(code="bed-voor-bed", naam="Bed-voor-bed", volgorde=1),
        f.ToetsingscriteriumFactory(code="economische-binding", naam="Economische binding", volgorde=2),
    ]


def _beoordeel_data(formulieren, totaal, initieel=0):
    data = {"criteria-TOTAL_FORMS": str(totaal), "criteria-INITIAL_FORMS": str(initieel)}
    for i, (oordeel, toelichting) in enumerate(formulieren):
        data[f"criteria-{i}-oordeel"] = oordeel
        data[f"criteria-{i}-toelichting"] = toelichting
    return data


def test_beoordelen_slaat_alles_of_niets_op(adviseur_client, criteria):
    initiatief = f.HuisvestingsinitiatiefFactory()
    url = reverse(f"{APP}:huisvestingsinitiatief_beoordelen", args=[initiatief.pk])
    pagina = adviseur_client.get(url).content.decode()
    assert "Bed-voor-bed" in pagina and "Economische binding" in pagina
    assert not models.Beoordeling.objects.exists()  # GET writes nothing
    # 'niet voldaan' without a note: Dutch error, nothing saved (not even the valid first row)
    fout = adviseur_client.post(url, _beoordeel_data([("voldaan", ""), ("niet_voldaan", "")], 2))
    assert fout.status_code == 200
    assert "Licht toe waarom het criterium niet is voldaan." in fout.content.decode()
    assert not models.Beoordeling.objects.exists()
    goed = adviseur_client.post(
        url, _beoordeel_data([("voldaan", "Elk bed apart verhuurd"), ("niet_voldaan", "Geen werkgever")], 2)
    )
    assert goed.status_code == 302
    oordelen = dict(models.Beoordeling.objects.values_list("criterium__naam", "oordeel"))
    assert oordelen == {"Bed-voor-bed": "voldaan", "Economische binding": "niet_voldaan"}
    assert set(models.Beoordeling.objects.values_list("beoordeeld_op", flat=True)) == {timezone.localdate()}


def test_goedkeuren_via_formulier_geweigerd_zonder_reden_en_toegestaan_met_reden(adviseur_client, criteria):
    initiatief = f.HuisvestingsinitiatiefFactory(naam="Bollenhof", locatie="Bollenweg 1")
    f.BeoordelingFactory(initiatief=initiatief, criterium=criteria[0], oordeel="voldaan")
    f.BeoordelingFactory(initiatief=initiatief, criterium=criteria[1], oordeel="niet_voldaan", toelichting="x")
    url = reverse(f"{APP}:huisvestingsinitiatief_edit", args=[initiatief.pk])
    data = {
        "naam": "Bollenhof",
        "locatie": "Bollenweg 1",
        "status": "goedgekeurd",
        "geladen_versie": "1",
        "termijn_jaren": "10",
        "geplande_bedden": "40",
    }
    response = adviseur_client.post(url, data)
    assert response.status_code == 200
    assert "kan niet worden goedgekeurd" in response.content.decode()
    initiatief.refresh_from_db()
    assert initiatief.status == "aanvraag"
    response = adviseur_client.post(url, {**data, "afwijking_reden": "Raadsmotie: maatwerk voor seizoensarbeid"})
    assert response.status_code == 302
    initiatief.refresh_from_db()
    assert initiatief.status == "goedgekeurd"
    assert initiatief.afwijking_door.username == "test-beleidsadviseur"
    detail = adviseur_client.get(initiatief.get_absolute_url()).content.decode()
    assert "Raadsmotie: maatwerk voor seizoensarbeid" in detail and "test-beleidsadviseur" in detail


def _upload(regels, naam="inschrijvingen.csv"):
    return SimpleUploadedFile(naam, ("\n".join(regels) + "\n").encode("utf-8"), content_type="text/csv")


def test_import_registraties_alles_of_niets_met_fouten_per_rij(adviseur_client):
    url = reverse(f"{APP}:registratiestand_import")
    fout = adviseur_client.post(
        url, {"bestand": _upload(["peildatum;rni;brp", "2025-01-01;1000;300", "2025-04-01;-5;310", "01-07-2025;;"])}
    )
    html = fout.content.decode()
    assert fout.status_code == 200
    assert "Dit getal kan niet negatief zijn." in html
    assert "Vul het aantal inschrijvingen in de RNI, de BRP of allebei in." in html
    assert not models.Registratiestand.objects.exists()
    goed = adviseur_client.post(
        url, {"bestand": _upload(["peildatum;rni;brp", "2025-01-01;1000;300", "01-04-2025;1100;"])}
    )
    assert goed.status_code == 302
    assert models.Registratiestand.objects.get(peildatum=datetime.date(2025, 4, 1)).brp is None
    # idempotent: the same file again updates instead of duplicating
    adviseur_client.post(url, {"bestand": _upload(["peildatum;rni;brp", "2025-01-01;1001;300"])})
    assert models.Registratiestand.objects.count() == 2
    assert models.Registratiestand.objects.get(peildatum=datetime.date(2025, 1, 1)).rni == 1001


def test_import_neemt_de_datumnotaties_van_de_applicatie(adviseur_client):
    """The import reads dates as every form does (the format module), also dd/mm/jjjj from a spreadsheet."""
    goed = adviseur_client.post(
        reverse(f"{APP}:registratiestand_import"), {"bestand": _upload(["peildatum;rni;brp", "01/04/2025;1100;300"])}
    )
    assert goed.status_code == 302
    assert models.Registratiestand.objects.get().peildatum == datetime.date(2025, 4, 1)


def test_import_xlsx(adviseur_client):
    werkboek = openpyxl.Workbook()
    werkboek.active.append(["peildatum", "rni", "brp", "bron"])
    werkboek.active.append([datetime.datetime(2025, 3, 1), 900, 250, "Burgerzaken"])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    bestand = SimpleUploadedFile("stand.xlsx", buffer.getvalue())
    assert adviseur_client.post(reverse(f"{APP}:registratiestand_import"), {"bestand": bestand}).status_code == 302
    assert models.Registratiestand.objects.get().totaal == 1150


def test_nieuwe_inspectie_in_de_toekomst_niets_opgeslagen(adviseur_client):
    woning = f.WoningFactory()
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    data = {"woning": woning.pk, "datum": morgen.isoformat(), **dict.fromkeys(models.Inspectie.PUNTEN, "voldoet")}
    response = adviseur_client.post(reverse(f"{APP}:inspectie_add"), data)
    assert response.status_code == 200
    assert "De inspectiedatum ligt in de toekomst" in response.content.decode()
    assert not models.Inspectie.objects.exists()


def test_raadpleger_kan_niet_beoordelen(raadpleger_client, criteria):
    initiatief = f.HuisvestingsinitiatiefFactory()
    url = reverse(f"{APP}:huisvestingsinitiatief_beoordelen", args=[initiatief.pk])
    assert raadpleger_client.get(url).status_code == 403
    assert raadpleger_client.post(url, _beoordeel_data([("voldaan", "")], 1)).status_code == 403
    assert not models.Beoordeling.objects.exists()


def test_inschrijvingen_op_de_lijst_en_op_het_dashboard_zijn_dezelfde_grafiek(adviseur_client):
    from internationale_werknemers.panelen import internationale_werknemers
    from noordwijk_migratie.registry import Peil

    vandaag = timezone.localdate()
    for dagen, rni in ((400, 1000), (200, 1100), (10, 1050)):
        f.RegistratiestandFactory(peildatum=vandaag - datetime.timedelta(days=dagen), rni=rni, brp=300)
    lijst = adviseur_client.get(reverse(f"{APP}:registratiestand_list")).context["grafiek"]
    paneel = internationale_werknemers(Peil(vandaag))
    assert paneel["grafieken"] == [lijst]
    assert [r["label"] for r in lijst["reeksen"]] == ["RNI", "BRP", "Totaal"]


def test_inspectie_toevoegen_vanaf_de_woning_kiest_de_woning_en_geeft_nederlandse_fouten(adviseur_client):
    woning = f.WoningFactory()
    detail = adviseur_client.get(woning.get_absolute_url()).content.decode()
    nieuw = f"{reverse(f'{APP}:inspectie_add')}?woning={woning.pk}"
    assert f'href="{nieuw}"' in detail
    formulier = adviseur_client.get(nieuw)
    assert formulier.context["form"]["woning"].value() == woning.pk
    stand = adviseur_client.post(
        reverse(f"{APP}:pilotstand_add"),
        {"pilot": f.PilotlocatieFactory().pk, "peildatum": "01-01-2025", "geplande_bedden": "-1"},
    )
    assert "Dit getal kan niet negatief zijn." in stand.content.decode()
    assert not models.Pilotstand.objects.exists()
