"""Closed periods stay closed (issue 14), on every write path: the forms (add, edit, delete of a
placement or nareiziger), the import and the admin. A write that changes a closed period's figures is
refused for the beleidsadviseur with a Dutch message naming the period; the opgavemanager makes it only
with a reason, which is in the audit trail and on the period's page as a correction after closing."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from taakstelling import rules
from taakstelling.imports import PlaatsingImporter
from taakstelling.models import Correctie, Nareiziger, Periode, Plaatsing

from .factories import NareizigerFactory, PlaatsingFactory
from .test_imports_lijsten import PLAATSING_KOP, csv
from .test_paginas import _plaatsing_post

pytestmark = pytest.mark.django_db

WEIGERING = "alleen de opgavemanager mag haar cijfers nog corrigeren"
REDEN_NODIG = "Vul de reden van deze correctie na afsluiten in"


@pytest.fixture
def perioden():
    """The half year that closed last (H1 or H2 before today) and the running one."""
    lopend_begin, lopend_eind = rules.halfjaar_van(timezone.localdate())
    begin, eind = rules.halfjaar_van(lopend_begin - timedelta(days=1))
    afgesloten = Periode.objects.create(
        begindatum=begin, einddatum=eind, netto_taakstelling=20, beginsaldo_keten=0, beginsaldo_keten_bron="brief"
    )
    lopend = Periode.objects.create(begindatum=lopend_begin, einddatum=lopend_eind, netto_taakstelling=20)
    return afgesloten, lopend


def gehuisvest(dag, **kw):
    """A household of 3 housed on ``dag``, its steps a few weeks before."""
    return PlaatsingFactory(
        koppeldatum=dag - timedelta(days=60),
        samenstelling="gezin",
        volwassenen=2,
        minderjarigen=1,
        woonvorm="corporatiewoning",
        datum_woning_aangeboden=dag - timedelta(days=30),
        datum_huurovereenkomst=dag - timedelta(days=5),
        datum_gehuisvest=dag,
        **kw,
    )


def post_gehuisvest(p, dag, **wijzig):
    return _plaatsing_post(
        p,
        woonvorm="corporatiewoning",
        datum_woning_aangeboden=p.datum_woning_aangeboden.isoformat(),
        datum_huurovereenkomst=p.datum_huurovereenkomst.isoformat(),
        datum_gehuisvest=dag.isoformat(),
        **wijzig,
    )


def melding(periode):
    return f"afgesloten periode {periode.label}"


def test_adviseur_wijzigt_geen_plaatsing_die_een_afgesloten_periode_raakt(client, maak_gebruiker, perioden):
    afgesloten, lopend = perioden
    client.force_login(maak_gebruiker("beleidsadviseur"))
    laatste_dag = gehuisvest(afgesloten.einddatum)
    # edit: "gehuisvest op" from the closed period's last day into the running period
    url = reverse("taakstelling:plaatsing_edit", args=[laatste_dag.pk])
    response = client.post(url, post_gehuisvest(laatste_dag, lopend.begindatum + timedelta(days=1)))
    html = response.content.decode()
    assert response.status_code == 200 and melding(afgesloten) in html and WEIGERING in html
    assert "daar telden 3 personen, na de wijziging 0" in html
    laatste_dag.refresh_from_db()
    assert laatste_dag.datum_gehuisvest == afgesloten.einddatum
    # add: housed in the closed period
    begin = afgesloten.begindatum
    nieuw = Plaatsing(koppeldatum=begin - timedelta(days=40), samenstelling="stel", volgnummer=99, volwassenen=2)
    nieuw.datum_woning_aangeboden, nieuw.datum_huurovereenkomst = begin - timedelta(days=20), begin - timedelta(days=9)
    data = {**post_gehuisvest(nieuw, begin + timedelta(days=14)), "geladen_versie": ""}
    response = client.post(reverse("taakstelling:plaatsing_add"), data)
    assert response.status_code == 200 and melding(afgesloten) in response.content.decode()
    assert not Plaatsing.objects.filter(volgnummer=99).exists()
    # delete
    url = reverse("taakstelling:plaatsing_delete", args=[laatste_dag.pk])
    assert melding(afgesloten) in client.get(url).content.decode()  # said before confirming
    response = client.post(url)
    assert response.status_code == 200 and WEIGERING in response.content.decode()
    assert Plaatsing.objects.filter(pk=laatste_dag.pk).exists()
    # a change that touches no closed figure stays allowed: the corporatie, or a household of the running period
    edit = reverse("taakstelling:plaatsing_edit", args=[laatste_dag.pk])
    from noordwijk_migratie.models import Corporatie

    data = post_gehuisvest(laatste_dag, afgesloten.einddatum, corporatie=Corporatie.objects.create(naam="Stek").pk)
    assert client.post(edit, data).status_code == 302
    lopende = gehuisvest(lopend.begindatum)
    assert client.post(reverse("taakstelling:plaatsing_delete", args=[lopende.pk])).status_code == 302
    assert not Correctie.objects.exists()


def test_opgavemanager_corrigeert_alleen_met_reden_die_op_de_periode_staat(client, maak_gebruiker, perioden):
    afgesloten, lopend = perioden
    manager = maak_gebruiker("opgavemanager")
    client.force_login(manager)
    p = gehuisvest(afgesloten.einddatum)
    url = reverse("taakstelling:plaatsing_edit", args=[p.pk])
    data = post_gehuisvest(p, lopend.begindatum + timedelta(days=1))
    response = client.post(url, data)
    assert response.status_code == 200 and REDEN_NODIG in response.content.decode()
    assert client.post(url, {**data, "reden_correctie": "huurcontract later ingegaan"}).status_code == 302
    p.refresh_from_db()
    assert p.datum_gehuisvest == lopend.begindatum + timedelta(days=1)
    correctie = Correctie.objects.get()
    assert (correctie.periode, correctie.voor, correctie.na, correctie.door) == (afgesloten, 3, 0, manager)
    entry = LogEntry.objects.get_for_object(p).latest("timestamp")
    assert entry.additional_data == {
        "correctie_na_afsluiten": {"perioden": [afgesloten.label], "reden": "huurcontract later ingegaan"}
    }
    html = client.get(afgesloten.get_absolute_url()).content.decode()
    assert "correctie na afsluiten" in html and "huurcontract later ingegaan" in html and "3 → 0" in html
    # a delete, with its reason too
    weg = gehuisvest(afgesloten.begindatum + timedelta(days=3))
    url = reverse("taakstelling:plaatsing_delete", args=[weg.pk])
    assert REDEN_NODIG in client.post(url).content.decode()
    assert client.post(url, {"reden_correctie": "dubbel ingevoerd"}).status_code == 302
    assert not Plaatsing.objects.filter(pk=weg.pk).exists()
    assert afgesloten.correcties.filter(reden="dubbel ingevoerd", voor=3, na=0).exists()
    assert LogEntry.objects.filter(
        action=LogEntry.Action.DELETE, additional_data__correctie_na_afsluiten__reden="dubbel ingevoerd"
    ).exists()


def test_nareiziger_in_afgesloten_periode_alleen_met_reden(client, maak_gebruiker, perioden):
    afgesloten, lopend = perioden
    huishouden = gehuisvest(afgesloten.begindatum + timedelta(days=5))
    data = {"plaatsing": huishouden.pk, "datum": (afgesloten.begindatum + timedelta(days=40)).isoformat(), "aantal": 2}
    client.force_login(maak_gebruiker("beleidsadviseur"))
    response = client.post(reverse("taakstelling:nareiziger_add"), data)
    assert response.status_code == 200 and melding(afgesloten) in response.content.decode()
    assert not Nareiziger.objects.exists()
    # arrived in the running period: counts there, allowed
    later = {**data, "datum": lopend.begindatum.isoformat()}
    assert client.post(reverse("taakstelling:nareiziger_add"), later).status_code == 302
    n = Nareiziger.objects.get()
    # moving it back into the closed period, or deleting one that counts there: refused
    response = client.post(reverse("taakstelling:nareiziger_edit", args=[n.pk]), {**data, "geladen_versie": n.versie})
    assert melding(afgesloten) in response.content.decode()
    oud = NareizigerFactory(plaatsing=huishouden, datum=afgesloten.begindatum + timedelta(days=6))
    response = client.post(reverse("taakstelling:nareiziger_delete", args=[oud.pk]))
    assert WEIGERING in response.content.decode() and Nareiziger.objects.filter(pk=oud.pk).exists()
    client.force_login(maak_gebruiker("opgavemanager"))
    assert client.post(reverse("taakstelling:nareiziger_add"), data).status_code == 200  # no reason
    response = client.post(reverse("taakstelling:nareiziger_add"), {**data, "reden_correctie": "COA-bericht"})
    assert response.status_code == 302
    assert afgesloten.correcties.get().na == 3 + 2 + 2  # household, the earlier nareiziger, this one


def test_import_rij_die_een_afgesloten_periode_raakt(maak_gebruiker, perioden):
    afgesloten, _lopend = perioden
    dag = afgesloten.begindatum + timedelta(days=10)
    rij = (
        f"{dag - timedelta(days=60)};stel;1;2;0;corporatiewoning;{dag - timedelta(days=30)};"
        f"{dag - timedelta(days=5)};{dag};"
    )
    adviseur, manager = maak_gebruiker("beleidsadviseur", "a"), maak_gebruiker("opgavemanager", "m")
    resultaat = PlaatsingImporter().importeer(csv("p.csv", [PLAATSING_KOP, rij]), door=adviseur)
    assert resultaat.aangemaakt == 0 and not Plaatsing.objects.exists()
    [fout] = resultaat.fouten
    assert fout.rij == 2 and melding(afgesloten) in fout.melding and WEIGERING in fout.melding
    resultaat = PlaatsingImporter().importeer(csv("p.csv", [PLAATSING_KOP, rij]), door=manager)
    assert [(f.kolom, REDEN_NODIG in f.melding) for f in resultaat.fouten] == [("reden_correctie", True)]
    kop = f"{PLAATSING_KOP};reden_correctie"
    resultaat = PlaatsingImporter().importeer(csv("p.csv", [kop, f"{rij};COA-lijst aangevuld"]), door=manager)
    assert resultaat.fouten == [] and resultaat.aangemaakt == 1
    correctie = afgesloten.correcties.get()
    assert (correctie.reden, correctie.voor, correctie.na, correctie.door) == ("COA-lijst aangevuld", 0, 2, manager)


def test_admin_volgt_dezelfde_regel(client, maak_gebruiker, django_user_model, perioden):
    afgesloten, lopend = perioden
    p = gehuisvest(afgesloten.einddatum)
    adviseur = maak_gebruiker("beleidsadviseur")
    adviseur.is_staff = True
    adviseur.save()
    client.force_login(adviseur)
    data = {
        **post_gehuisvest(p, lopend.begindatum + timedelta(days=1)),
        "volwassenen": 2,
        "minderjarigen": 1,
        "samenstelling": "gezin",
    }
    data.pop("geladen_versie")
    response = client.post(reverse("admin:taakstelling_plaatsing_change", args=[p.pk]), data)
    assert response.status_code == 200 and melding(afgesloten) in response.content.decode()
    p.refresh_from_db()
    assert p.datum_gehuisvest == afgesloten.einddatum
    # deleting in the admin asks no reason: refused there even for a superuser
    client.force_login(django_user_model.objects.create_superuser("root", password="x-geheim-123456"))
    url = reverse("admin:taakstelling_plaatsing_delete", args=[p.pk])
    response = client.post(url, {"post": "yes"})
    assert melding(afgesloten) in response.content.decode()
    assert Plaatsing.objects.filter(pk=p.pk).exists()


def test_periodepagina_meldt_correctie_na_definitieve_rapportage(client, maak_gebruiker, perioden):
    from rapportage.models import Rapport
    from rapportage.secties import HALFJAAR

    afgesloten, lopend = perioden
    manager = maak_gebruiker("opgavemanager")
    rapport = Rapport.objects.create(
        soort=HALFJAAR,
        status="klaar",
        peildatum=lopend.begindatum,
        definitief=True,
        definitief_door=manager,
        definitief_op=timezone.now() - timedelta(days=1),
        aangevraagd_door=manager,
        snapshot={"taakstelling_perioden": {"data": {"perioden": [{"label": afgesloten.label, "realisatie": 0}]}}},
    )
    client.force_login(manager)
    html = client.get(afgesloten.get_absolute_url()).content.decode()
    assert "Gecorrigeerd na definitieve rapportage" not in html
    p = gehuisvest(lopend.begindatum + timedelta(days=1))
    data = post_gehuisvest(p, afgesloten.einddatum, reden_correctie="toch eerder gehuisvest")
    assert client.post(reverse("taakstelling:plaatsing_edit", args=[p.pk]), data).status_code == 302
    html = client.get(afgesloten.get_absolute_url()).content.decode()
    assert f"Gecorrigeerd na definitieve rapportage van {rapport.peildatum:%d-%m-%Y}" in html
    rapport.refresh_from_db()
    assert rapport.snapshot["taakstelling_perioden"]["data"]["perioden"][0]["realisatie"] == 0  # keeps its figures


def test_afgesloten_periode_toevoegen_alleen_door_opgavemanager(client, maak_gebruiker, perioden):
    afgesloten, _lopend = perioden
    begin, eind = rules.halfjaar_van(afgesloten.begindatum - timedelta(days=1))
    data = {"begindatum": begin.isoformat(), "einddatum": eind.isoformat(), "netto_taakstelling": 12, "bron": "brief"}
    client.force_login(maak_gebruiker("beleidsadviseur"))
    response = client.post(reverse("taakstelling:periode_add"), data)
    label = rules.periode_label(begin, eind)
    assert response.status_code == 200 and f"afgesloten periode {label}" in response.content.decode()
    assert not Periode.objects.filter(begindatum=begin).exists()
    # the source and notes of a closed period are no figures: the beleidsadviseur may add them
    edit = reverse("taakstelling:periode_edit", args=[afgesloten.pk])
    bewerkt = {
        "begindatum": afgesloten.begindatum.isoformat(),
        "einddatum": afgesloten.einddatum.isoformat(),
        "netto_taakstelling": 20,
        "beginsaldo_keten": 0,
        "beginsaldo_keten_bron": "brief",
        "bron": "brief van het Rijk, kenmerk 123",
        "geladen_versie": afgesloten.versie,
    }
    assert client.post(edit, bewerkt).status_code == 302
    client.force_login(maak_gebruiker("opgavemanager"))
    assert client.post(reverse("taakstelling:periode_add"), data).status_code == 302  # new: no correction
    assert not Correctie.objects.exists()
