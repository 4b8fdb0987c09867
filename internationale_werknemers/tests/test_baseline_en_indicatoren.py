"""The baseline from the source document, the computed indicators and the key figures for reports."""

import dataclasses
import datetime
import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from internationale_werknemers import models, queries, rules
from noordwijk_migratie.indicatoren import bereken

from . import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date


def test_baseline_laadt_bronfeiten_zonder_verzonnen_getallen(basisgegevens):
    from django.core.management import call_command

    call_command("laad_basisgegevens", stdout=open("/dev/null", "w"))  # noqa: SIM115 - idempotent
    plan = models.Beleidsplan.objects.get()
    assert plan.raadsbesluit_verwacht == D(2025, 7, 17) and plan.raadsbesluit_datum is None
    assert plan.doel_bedden == 500 and plan.doel_bedden_indicatief and plan.max_termijn_jaren == 15
    lijnen = list(plan.actielijnen.values_list("nummer", "naam", "te_benoemen"))
    assert lijnen == [(n, f"Actielijn {n}", True) for n in range(1, 9)]
    structureel = models.Budgetpost.objects.get(soort="structureel")
    assert structureel.bedrag_per_jaar == Decimal("300000") and structureel.bedrag_indicatief
    regiodeal = models.Budgetpost.objects.get(soort="cofinanciering")
    assert regiodeal.maximum_totaal == Decimal("10000000") and regiodeal.aandeel_noordwijk is None
    assert set(models.Toetsingscriterium.objects.values_list("naam", flat=True)) == {
        "Bed-voor-bed",
        "Economische binding",
    }
    assert sorted(models.Pilotlocatie.objects.values_list("adres", flat=True)) == [
        "Gerleeweg 10",
        "Maandagsewetering 80",
        "Schippersvaartweg 44",
    ]
    assert not models.Pilotstand.objects.exists()  # beds per pilot are not in the document
    assert not models.Budgetjaar.objects.exists()
    cijfers = queries.iw_kerncijfers(D(2025, 7, 1))
    assert cijfers.pilot_bedden_gepland is None and cijfers.doel_bedden == 500


def test_indicator_inschrijvingen_met_trend():
    f.RegistratiestandFactory(peildatum=D(2025, 1, 1), rni=1000, brp=300)
    f.RegistratiestandFactory(peildatum=D(2025, 4, 1), rni=1100, brp=320)
    uitkomst = bereken("iw_inschrijvingen_rni_brp", D(2025, 6, 30))
    assert uitkomst.waarde == 1420
    assert "RNI 1.100, BRP 320" in uitkomst.toelichting and "+120 (stijgend)" in uitkomst.toelichting
    assert bereken("iw_inschrijvingen_rni_brp", D(2024, 12, 31)) is None


def test_indicator_woningen_die_voldoen_en_terug_in_voorraad():
    goed = f.WoningFactory(onttrokken_op=D(2023, 1, 1), terug_in_voorraad_op=D(2025, 3, 1))
    f.InspectieFactory(woning=goed, datum=D(2025, 1, 10))
    slecht = f.WoningFactory()
    f.InspectieFactory(woning=slecht, datum=D(2025, 1, 10), douches="voldoet_niet")
    f.WoningFactory()  # licensed, not inspected
    f.WoningFactory(vergunning="geen")
    normen = bereken("iw_woningen_voldoen_normen", D(2025, 6, 30))
    assert normen.waarde == Decimal("33.3") and "1 van 3" in normen.toelichting
    assert bereken("iw_woningen_terug_in_voorraad", D(2025, 6, 30)).waarde == 1
    assert bereken("iw_woningen_terug_in_voorraad", D(2025, 2, 1)).waarde == 0


def test_indicator_initiatieven_en_bereik():
    crit = f.ToetsingscriteriumFactory()
    f.BeoordelingFactory(criterium=crit, oordeel="voldaan")
    f.BeoordelingFactory(criterium=crit, oordeel="niet_voldaan", toelichting="x")
    f.HuisvestingsinitiatiefFactory()  # not judged: not counted
    assert bereken("iw_initiatieven_voldoen", D(2025, 6, 30)).waarde == Decimal("50.0")
    f.InformatiebereikFactory(
        kanaal="informatieapp", periode_start=D(2025, 4, 1), periode_eind=D(2025, 6, 30), bereik=500
    )
    f.InformatiebereikFactory(
        kanaal="informatiepunt", periode_start=D(2025, 4, 1), periode_eind=D(2025, 6, 30), bereik=80
    )
    bereik = bereken("iw_informatiebereik", D(2025, 7, 1))
    assert bereik.waarde == 580 and "informatieapp 500, informatiepunt 80" in bereik.toelichting


def test_kerncijfers_en_reeksen_zijn_json_serialiseerbaar():
    plan = f.BeleidsplanFactory(doel_bedden=500)
    a = f.PilotlocatieFactory(beleidsplan=plan)
    b = f.PilotlocatieFactory(beleidsplan=plan)
    f.PilotstandFactory(pilot=a, peildatum=D(2025, 2, 1), geplande_bedden=200, gerealiseerde_bedden=0)
    f.PilotstandFactory(pilot=b, peildatum=D(2025, 3, 1), geplande_bedden=150, gerealiseerde_bedden=40)
    f.RegistratiestandFactory(peildatum=D(2025, 1, 1), rni=1000, brp=300)
    f.RegistratiestandFactory(peildatum=D(2025, 4, 1), rni=900, brp=300)
    f.BudgetjaarFactory(jaar=2025, begroot=Decimal(300000), toegezegd=Decimal(200000), besteed=Decimal(350000))
    f.HuisvestingsinitiatiefFactory(status="afgewezen")
    cijfers = queries.iw_kerncijfers(D(2025, 6, 30))
    assert (cijfers.pilot_bedden_gepland, cijfers.pilot_bedden_gerealiseerd) == (350, 40)
    assert (cijfers.rni, cijfers.brp, cijfers.registraties_verschil, cijfers.registraties_trend) == (
        900,
        300,
        -100,
        "dalend",
    )
    assert cijfers.budget_besteed == Decimal(350000)
    assert cijfers.status == rules.ACHTER and len(cijfers.status_signalen) == 2
    assert {s.status: s.aantal for s in cijfers.initiatieven_per_status}["afgewezen"] == 1
    reeks = queries.pilot_reeks(D(2025, 1, 1), D(2025, 3, 31))
    assert [(p.gepland, p.gerealiseerd) for p in reeks.totaal] == [(None, None), (None, None), (350, 40)]
    assert [p.totaal for p in queries.registratie_reeks(D(2025, 2, 1), D(2025, 12, 31)).punten] == [1200]
    assert len(queries.kwaliteit_reeks(D(2025, 1, 1), D(2025, 6, 30)).punten) == 6
    for obj in (cijfers, reeks, queries.kwaliteit_reeks(D(2025, 1, 1), D(2025, 2, 1))):
        json.dumps(dataclasses.asdict(obj), cls=DjangoJSONEncoder)


def test_indicator_inschrijvingen_daling_met_echt_minteken():
    f.RegistratiestandFactory(peildatum=D(2025, 1, 1), rni=1000, brp=300)
    f.RegistratiestandFactory(peildatum=D(2025, 4, 1), rni=900, brp=300)
    assert "\u2212100 (dalend)" in bereken("iw_inschrijvingen_rni_brp", D(2025, 6, 30)).toelichting


def test_paneel_schrijft_het_aandeel_woningen_op_zijn_nederlands():
    from internationale_werknemers.panelen import internationale_werknemers
    from noordwijk_migratie.registry import Peil

    goed = f.WoningFactory()
    f.InspectieFactory(woning=goed, datum=D(2025, 1, 10))
    f.WoningFactory()
    f.WoningFactory()
    paneel = internationale_werknemers(Peil(D(2025, 6, 30)))
    cijfers = {c["label"]: c["waarde"] for c in paneel["cijfers"]}
    assert cijfers["Vergunde woningen die voldoen"] == "33,3 %"
