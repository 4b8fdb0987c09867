"""The reminder kinds the apps register: when each is due, with which text, and that doing the work ends it."""

from datetime import date

import pytest

from herinneringen import diensten
from herinneringen.models import Melding
from noordwijk_migratie import registry
from opvang.models import Fase
from opvang.tests.factories import (
    BeleidsdatumFactory,
    BezettingFactory,
    CapaciteitsstandFactory,
    MijlpaalFactory,
    OpgaveFactory,
    OpvanglocatieFactory,
    doelgroep,
)
from taakstelling.models import Periode
from taakstelling.tests.factories import CoaStandFactory, PlaatsingFactory

pytestmark = pytest.mark.django_db


def due(code: str, vandaag: date) -> dict[str, tuple[date, str]]:
    """Per object: (current due moment, text) of kind ``code`` on ``vandaag``."""
    return {k: (moment, a.tekst) for k, (a, moment) in diensten.actueel(vandaag)[code].items()}


def test_woningaanbod_een_week_voor_en_op_de_termijn():
    p = PlaatsingFactory(koppeldatum=date(2026, 9, 1), volwassenen=2, minderjarigen=1, coa_referentie="KOP-2026/17")
    sleutel, termijn = str(p.pk), date(2026, 11, 10)  # 10 weeks after the koppeling
    assert sleutel not in due("taakstelling.woningaanbod", date(2026, 11, 2))
    moment, tekst = due("taakstelling.woningaanbod", date(2026, 11, 3))[sleutel]
    assert moment == date(2026, 11, 3)
    assert tekst == (
        "Huishouden van 3 personen, gekoppeld 01-09-2026: uiterlijk 10-11-2026 een woning aanbieden "
        "(10 weken na de koppeling)."
    )
    assert "KOP" not in tekst and "alleenstaande" not in tekst
    assert due("taakstelling.woningaanbod", date(2026, 11, 10))[sleutel][0] == termijn
    assert due("taakstelling.woningaanbod", date(2027, 1, 1))[sleutel][0] == termijn  # open until done
    p.datum_woning_aangeboden, p.woonvorm = date(2026, 11, 12), "corporatiewoning"
    p.save()
    assert sleutel not in due("taakstelling.woningaanbod", date(2027, 1, 1))


def test_verhuizing_drie_dagen_voor_en_op_de_termijn():
    p = PlaatsingFactory(
        koppeldatum=date(2026, 9, 1),
        datum_woning_aangeboden=date(2026, 9, 20),
        woonvorm="corporatiewoning",
        datum_huurovereenkomst=date(2026, 10, 1),
    )
    sleutel = str(p.pk)
    assert sleutel not in due("taakstelling.verhuizing", date(2026, 10, 11))
    assert sleutel not in due("taakstelling.woningaanbod", date(2026, 12, 1))  # the offer was made
    moment, tekst = due("taakstelling.verhuizing", date(2026, 10, 12))[sleutel]
    assert moment == date(2026, 10, 12) and "uiterlijk 15-10-2026 verhuizen" in tekst
    assert due("taakstelling.verhuizing", date(2026, 10, 20))[sleutel][0] == date(2026, 10, 15)
    p.datum_gehuisvest = date(2026, 10, 14)
    p.save()
    assert sleutel not in due("taakstelling.verhuizing", date(2026, 10, 20))


def _periode(begin, eind):
    return Periode.objects.create(begindatum=begin, einddatum=eind, netto_taakstelling=10)


def test_ontbrekende_perioden_tot_en_met_het_volgende_halfjaar_vanaf_twee_weken_ervoor():
    assert set(due("taakstelling.periode_ontbreekt", date(2026, 5, 1))) == {"2026-H1"}  # no chain yet
    _periode(date(2024, 1, 1), date(2024, 12, 31))
    _periode(date(2025, 1, 1), date(2025, 6, 30))
    assert set(due("taakstelling.periode_ontbreekt", date(2026, 6, 16))) == {"2025-H2", "2026-H1"}
    op_tijd = due("taakstelling.periode_ontbreekt", date(2026, 6, 17))
    assert set(op_tijd) == {"2025-H2", "2026-H1", "2026-H2"}
    assert op_tijd["2026-H2"] == (
        date(2026, 6, 17),
        "Periode 2026-H2 (01-07-2026 t/m 31-12-2026) ontbreekt: voer de netto taakstelling in.",
    )
    _periode(date(2025, 7, 1), date(2025, 12, 31))
    assert set(due("taakstelling.periode_ontbreekt", date(2026, 6, 17))) == {"2026-H1", "2026-H2"}


def test_coa_stand_ouder_dan_de_grens(settings):
    stand = CoaStandFactory(periode=_periode(date(2026, 7, 1), date(2026, 12, 31)), maand=date(2026, 9, 1))
    assert due("taakstelling.coa_stand_verouderd", date(2026, 11, 15)) == {}  # published 01-10, 45 days old
    moment, tekst = due("taakstelling.coa_stand_verouderd", date(2026, 11, 16))["2026-H2-2026-09-01"]
    assert moment == date(2026, 10, 1) and tekst.startswith("Realisatie volgens COA 2026-H2: ")
    assert "01-10-2026" in tekst and "verouderd" in tekst
    settings.TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN = 60
    assert due("taakstelling.coa_stand_verouderd", date(2026, 11, 16)) == {}
    settings.TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN = 45
    CoaStandFactory(periode=stand.periode, maand=date(2026, 10, 1))  # a new stand: a new reminder, later
    assert due("taakstelling.coa_stand_verouderd", date(2026, 12, 16)) == {}
    assert set(due("taakstelling.coa_stand_verouderd", date(2026, 12, 17))) == {"2026-H2-2026-10-01"}
    # a closed period's last stand does not age (issue 14), and a period without any stand is unknown
    assert due("taakstelling.coa_stand_verouderd", date(2027, 3, 1)) == {}
    _periode(date(2027, 1, 1), date(2027, 6, 30))
    assert due("taakstelling.coa_stand_verouderd", date(2027, 3, 1)) == {}


def test_interventieladder_drempel_bereikt(settings):
    settings.TAAKSTELLING_ACHTERSTAND_DREMPEL = 2
    for begin, eind in ((date(2025, 1, 1), date(2025, 6, 30)), (date(2025, 7, 1), date(2025, 12, 31))):
        _periode(begin, eind)  # nothing realised: behind
    assert due("taakstelling.interventieladder", date(2025, 12, 31)) == {}  # one closed period
    moment, tekst = due("taakstelling.interventieladder", date(2026, 1, 1))["2025-H2"]
    assert moment == date(2026, 1, 1) and tekst.startswith("Waarschuwing: 2 afgesloten periode(n) op rij")


def test_beleidsdatum_90_30_en_7_dagen_vooraf_en_het_einde_van_een_cyclus():
    rtb = BeleidsdatumFactory(code="rtb-einde", naam="Einde RTB", datum=date(2027, 3, 4), doelgroep=doelgroep())
    OpgaveFactory(doelgroep=doelgroep("asielzoekers"), geldig_vanaf=date(2026, 2, 1), cyclus_einde=date(2027, 1, 31))
    assert "rtb-einde" not in due("opvang.beleidsdatum", date(2026, 12, 3))
    assert due("opvang.beleidsdatum", date(2026, 12, 4))["rtb-einde"] == (date(2026, 12, 4), "Einde RTB: 04-03-2027.")
    assert due("opvang.beleidsdatum", date(2027, 2, 1))["rtb-einde"][0] == date(2026, 12, 4)
    assert due("opvang.beleidsdatum", date(2027, 2, 2))["rtb-einde"][0] == date(2027, 2, 2)
    assert due("opvang.beleidsdatum", date(2027, 3, 4))["rtb-einde"][0] == date(2027, 2, 25)
    assert "rtb-einde" not in due("opvang.beleidsdatum", date(2027, 3, 5))  # passed
    assert due("opvang.beleidsdatum", date(2027, 1, 1))["cyclus-einde-asielzoekers"][0] == date(2027, 1, 1)
    [item] = (
        a for a, _m in diensten.actueel(date(2027, 1, 1))["opvang.beleidsdatum"].values() if a.sleutel == rtb.code
    )
    assert item.url == rtb.get_absolute_url() and item.doelgroepen == ("oekraine",)


def test_mijlpaal_over_datum_nog_gepland():
    m = MijlpaalFactory(fase=Fase.RAADSBESLUIT, datum=date(2025, 9, 25), gepland=True)
    assert str(m.pk) not in due("opvang.mijlpaal_verlopen", date(2025, 9, 25))
    moment, tekst = due("opvang.mijlpaal_verlopen", date(2025, 9, 26))[str(m.pk)]
    assert moment == date(2025, 9, 26) and f"Mijlpaal raadsbesluit van {m.locatie} stond gepland op 25-09-2025" in tekst
    m.gepland = False
    m.save()
    assert due("opvang.mijlpaal_verlopen", date(2025, 10, 1)) == {}
    # a location stopped (beëindigd) by then: its plan lapsed with it (the dashboard's rule, issue 14)
    gestopt = MijlpaalFactory(fase=Fase.RAADSBESLUIT, datum=date(2025, 9, 25), gepland=True)
    assert str(gestopt.pk) in due("opvang.mijlpaal_verlopen", date(2025, 10, 1))
    MijlpaalFactory(locatie=gestopt.locatie, fase=Fase.BEEINDIGD, datum=date(2025, 9, 25), gepland=False)
    assert due("opvang.mijlpaal_verlopen", date(2025, 10, 1)) == {}


def test_bezetting_en_capaciteit_ouder_dan_hun_grens(settings):
    locatie = OpvanglocatieFactory(naam="Trampoline", startdatum=date(2024, 7, 1))
    CapaciteitsstandFactory(locatie=locatie, ingangsdatum=date(2025, 6, 30), plaatsen=300)
    BezettingFactory(locatie=locatie, datum=date(2025, 6, 30), aantal=230)
    assert due("opvang.bezetting_verouderd", date(2025, 8, 14)) == {}
    [(moment, tekst)] = due("opvang.bezetting_verouderd", date(2025, 8, 15)).values()
    assert moment == date(2025, 6, 30)  # the count's own date: one reminder while it stays the latest
    assert tekst == (
        "De bezetting van Trampoline (Oekraïense ontheemden) is het laatst geteld op 30-06-2025, "
        "meer dan 45 dagen geleden."
    )
    assert due("opvang.capaciteit_verouderd", date(2025, 12, 27)) == {}
    assert [m for m, _t in due("opvang.capaciteit_verouderd", date(2025, 12, 28)).values()] == [date(2025, 6, 30)]
    BezettingFactory(locatie=locatie, datum=date(2025, 12, 1), aantal=240)  # counted again
    assert [m for m, _t in due("opvang.bezetting_verouderd", date(2025, 12, 28)).values()] == []
    settings.OPVANG_CAPACITEIT_VEROUDERD_DAGEN = 365
    assert due("opvang.capaciteit_verouderd", date(2025, 12, 28)) == {}
    # a location no longer in use is not counted any more
    gestopt = OpvanglocatieFactory(fase=Fase.BEEINDIGD, startdatum=date(2024, 7, 1), einddatum=date(2025, 1, 31))
    CapaciteitsstandFactory(locatie=gestopt, ingangsdatum=date(2024, 7, 1), plaatsen=50)
    BezettingFactory(locatie=gestopt, datum=date(2024, 7, 1), aantal=40)
    assert [t for _m, t in due("opvang.bezetting_verouderd", date(2026, 6, 1)).values() if str(gestopt) in t] == []
    assert [t for _m, t in due("opvang.capaciteit_verouderd", date(2026, 6, 1)).values() if str(gestopt) in t] == []


def test_module_uit_haalt_zijn_herinneringen_weg(settings, maak_gebruiker):
    adviseur = maak_gebruiker("beleidsadviseur")
    PlaatsingFactory(koppeldatum=date(2026, 1, 5))
    diensten.bijwerken(date(2026, 12, 2))
    assert diensten.open_meldingen(adviseur).filter(soort="taakstelling.woningaanbod").exists()
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    assert not {c for c in registry.herinneringen() if c.startswith("taakstelling.")}
    diensten.bijwerken(date(2026, 12, 2))
    assert not diensten.open_meldingen(adviseur).filter(soort__startswith="taakstelling.").exists()
    assert Melding.objects.filter(soort="taakstelling.woningaanbod").exclude(vervallen_op=None).exists()


def test_elke_soort_is_goed_gedeclareerd():
    from noordwijk_migratie.roles import ROLLEN

    codes = [h.code for a in registry.apps() for h in a.herinneringen]
    assert len(codes) == len(set(codes)) >= 12
    for a in registry.apps():
        for h in a.herinneringen:
            assert h.code.startswith(f"{a.label}.") and h.titel and h.omschrijving
            assert set(h.rollen) <= {r.code for r in ROLLEN} and all(d >= 0 for d in h.vooraf)
