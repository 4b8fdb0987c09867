"""Validation in the model layer: clear Dutch errors, nothing saved; the toetsingskader rule holds for
forms, imports and admin alike because it lives in clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from internationale_werknemers import forms, models

from .factories import (
    BeoordelingFactory,
    HuisvestingsinitiatiefFactory,
    InspectieFactory,
    ToetsingscriteriumFactory,
    WoningFactory,
)

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()
MORGEN = VANDAAG + datetime.timedelta(days=1)


def fouten(obj):
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    return exc.value.message_dict


@pytest.fixture
def criteria():
    return [
        ToetsingscriteriumFactory(code="bed-voor-bed", naam="Bed-voor-bed", volgorde=1),
        ToetsingscriteriumFactory(code="economische-binding", naam="Economische binding", volgorde=2),
    ]


def test_initiatief_niet_goedkeuren_als_criterium_niet_voldaan(criteria):
    initiatief = HuisvestingsinitiatiefFactory()
    BeoordelingFactory(initiatief=initiatief, criterium=criteria[0], oordeel="voldaan")
    BeoordelingFactory(
        initiatief=initiatief, criterium=criteria[1], oordeel="niet_voldaan", toelichting="Geen werkgever"
    )
    initiatief.status = models.Huisvestingsinitiatief.Status.GOEDGEKEURD
    melding = fouten(initiatief)["status"][0]
    assert "niet voldaan: Economische binding" in melding
    initiatief.refresh_from_db()
    assert initiatief.status == models.Huisvestingsinitiatief.Status.AANVRAAG


def test_niet_beoordeelde_criteria_blokkeren_ook_gerealiseerd(criteria):
    initiatief = HuisvestingsinitiatiefFactory()
    initiatief.status = models.Huisvestingsinitiatief.Status.GEREALISEERD
    assert "nog niet beoordeeld: Bed-voor-bed, Economische binding" in fouten(initiatief)["status"][0]


def test_afwijkingsreden_staat_goedkeuring_toe_en_legt_wie_en_wanneer_vast(criteria, maak_gebruiker):
    from auditlog.context import set_actor

    adviseur = maak_gebruiker("beleidsadviseur", username="adviseur")
    initiatief = HuisvestingsinitiatiefFactory()
    BeoordelingFactory(initiatief=initiatief, criterium=criteria[0], oordeel="niet_voldaan", toelichting="x")
    initiatief.status = models.Huisvestingsinitiatief.Status.GOEDGEKEURD
    initiatief.afwijking_reden = "  Collegebesluit 1-7-2025: maatwerk  "
    initiatief.full_clean()
    with set_actor(adviseur):
        initiatief.save()
    initiatief.refresh_from_db()
    assert initiatief.afwijking_reden == "Collegebesluit 1-7-2025: maatwerk"
    assert initiatief.afwijking_door == adviseur and initiatief.afwijking_op is not None
    # clearing the reason clears who/when, and then approval is refused again
    initiatief.afwijking_reden = ""
    assert "status" in fouten(initiatief)


def test_beoordeling_kan_goedgekeurd_initiatief_niet_ongemerkt_laten_falen(criteria):
    initiatief = HuisvestingsinitiatiefFactory()
    b1 = BeoordelingFactory(initiatief=initiatief, criterium=criteria[0], oordeel="voldaan")
    BeoordelingFactory(initiatief=initiatief, criterium=criteria[1], oordeel="voldaan")
    initiatief.status = models.Huisvestingsinitiatief.Status.GOEDGEKEURD
    initiatief.full_clean()
    initiatief.save()
    b1.oordeel = "niet_voldaan"
    b1.toelichting = "Bij controle bleek dat bedden dubbel worden verhuurd"
    assert "al goedgekeurd" in fouten(b1)["oordeel"][0]


def test_niet_voldaan_vraagt_een_toelichting(criteria):
    b = BeoordelingFactory.build(
        initiatief=HuisvestingsinitiatiefFactory(), criterium=criteria[0], oordeel="niet_voldaan"
    )
    assert fouten(b)["toelichting"] == ["Licht toe waarom het criterium niet is voldaan."]


def test_form_weigert_negatieve_bedden_en_termijn_boven_15_jaar():
    form = forms.HuisvestingsinitiatiefForm(
        data={"naam": "Nieuw", "locatie": "Weg 1", "geplande_bedden": "-5", "termijn_jaren": "20", "status": "aanvraag"}
    )
    assert not form.is_valid()
    assert form.errors["geplande_bedden"] == ["Dit getal kan niet negatief zijn."]
    assert "maximaal 15 jaar" in form.errors["termijn_jaren"][0]
    assert not models.Huisvestingsinitiatief.objects.exists()


def test_database_weigert_termijn_boven_15_jaar_ook_buiten_clean():
    with pytest.raises(IntegrityError), transaction.atomic():
        HuisvestingsinitiatiefFactory(termijn_jaren=16)


def test_inspectie_in_de_toekomst_wordt_geweigerd():
    inspectie = InspectieFactory.build(woning=WoningFactory(), datum=MORGEN)
    assert "in de toekomst" in fouten(inspectie)["datum"][0]


def test_inspectie_zonder_enig_gecontroleerd_punt_wordt_geweigerd():
    inspectie = models.Inspectie(woning=WoningFactory(), datum=VANDAAG)
    assert "geen enkel normpunt" in fouten(inspectie)["__all__"][0]


def test_inspectieresultaat_volgt_uit_de_checklist():
    inspectie = InspectieFactory(toiletten="voldoet_niet")
    assert inspectie.resultaat == "voldoet_niet"
    inspectie.toiletten = "voldoet"
    inspectie.save()
    assert inspectie.resultaat == "voldoet"


def test_woning_terug_in_voorraad_vraagt_eerst_een_onttrekking():
    w = WoningFactory.build(terug_in_voorraad_op=VANDAAG)
    assert "datum van onttrekking" in fouten(w)["terug_in_voorraad_op"][0]
    w.onttrokken_op = VANDAAG + datetime.timedelta(days=-1)
    w.terug_in_voorraad_op = VANDAAG + datetime.timedelta(days=-10)
    assert "vóór de onttrekking" in fouten(w)["terug_in_voorraad_op"][0]


def test_actielijn_nummer_1_tot_en_met_8():
    from .factories import ActielijnFactory

    lijn = ActielijnFactory.build(beleidsplan=ActielijnFactory().beleidsplan, nummer=9)
    assert "1 tot en met 8" in fouten(lijn)["nummer"][0]
    lijn.nummer = 1
    assert "al een actielijn met dit nummer" in fouten(lijn)["nummer"][0]


def test_budget_negatief_bedrag_geweigerd():
    from .factories import BudgetjaarFactory

    jaar = BudgetjaarFactory.build(post=BudgetjaarFactory().post, jaar=2026, besteed=-1)
    assert fouten(jaar)["besteed"] == ["Een bedrag kan niet negatief zijn."]


def test_registratiestand_vraagt_rni_of_brp_en_geen_toekomst():
    stand = models.Registratiestand(peildatum=MORGEN)
    melding = fouten(stand)
    assert "RNI, de BRP of allebei" in melding["__all__"][0]
    assert "in de toekomst" in melding["peildatum"][0]


def test_pilotstand_negatief_en_toekomst():
    from .factories import PilotlocatieFactory

    stand = models.Pilotstand(pilot=PilotlocatieFactory(), peildatum=MORGEN, geplande_bedden=-1)
    melding = fouten(stand)
    assert "peildatum" in melding
    assert melding["geplande_bedden"] == ["Zorg ervoor dat deze waarde minstens 0 is."]
