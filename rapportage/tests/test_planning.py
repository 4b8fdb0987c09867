"""The planning rule of the daily beat task, as a pure function."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from rapportage.secties import EVALUATIE, HALFJAAR, is_halfjaar_peildatum
from rapportage.services import Aanvraag, laatste_peildatum, te_plannen

EVALUATIE_DATUM = date(2027, 6, 1)


def plan(vandaag, bestaande=(), dagen=14):
    return te_plannen(vandaag, set(bestaande), dagen_na_peildatum=dagen, evaluatie_datum=EVALUATIE_DATUM)


def test_halfjaarrapportage_komt_veertien_dagen_na_de_peildatum():
    assert plan(date(2025, 7, 14)) == [Aanvraag(HALFJAAR, date(2025, 1, 1))]
    assert plan(date(2025, 7, 15)) == [Aanvraag(HALFJAAR, date(2025, 7, 1))]
    assert plan(date(2026, 1, 15)) == [Aanvraag(HALFJAAR, date(2026, 1, 1))]


def test_niets_als_het_rapport_voor_die_peildatum_al_bestaat():
    assert plan(date(2025, 7, 15), {(HALFJAAR, date(2025, 7, 1))}) == []
    assert plan(date(2025, 12, 31), {(HALFJAAR, date(2025, 7, 1))}) == []


def test_oudere_peildata_worden_niet_ingehaald():
    # nothing exists at all, but only the latest due peildatum is planned
    assert plan(date(2026, 3, 1)) == [Aanvraag(HALFJAAR, date(2026, 1, 1))]


def test_aantal_dagen_is_instelbaar():
    assert plan(date(2025, 7, 5), dagen=5, bestaande={(HALFJAAR, date(2025, 1, 1))}) == []
    assert plan(date(2025, 7, 6), dagen=5, bestaande={(HALFJAAR, date(2025, 1, 1))}) == [
        Aanvraag(HALFJAAR, date(2025, 7, 1))
    ]


def test_evaluatierapport_op_de_ingestelde_datum_en_maar_een_keer():
    vooraf = {(HALFJAAR, date(2027, 1, 1))}
    assert plan(date(2027, 5, 31), vooraf) == []
    assert plan(date(2027, 6, 1), vooraf) == [Aanvraag(EVALUATIE, EVALUATIE_DATUM)]
    assert plan(date(2027, 6, 2), vooraf | {(EVALUATIE, EVALUATIE_DATUM)}) == []
    # an evaluatierapport made on demand on another date does not replace the scheduled one
    assert plan(date(2027, 6, 1), vooraf | {(EVALUATIE, date(2027, 3, 1))}) == [Aanvraag(EVALUATIE, EVALUATIE_DATUM)]


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)), st.integers(0, 150))
def test_eigenschappen_van_de_planning(vandaag, dagen):
    eerste = plan(vandaag, dagen=dagen)
    halfjaar = [a for a in eerste if a.soort == HALFJAAR]
    assert len(halfjaar) == 1
    peildatum = halfjaar[0].peildatum
    assert is_halfjaar_peildatum(peildatum)
    assert peildatum + timedelta(days=dagen) <= vandaag
    # the latest such peildatum: the next one is not yet due
    volgende = date(peildatum.year, 7, 1) if peildatum.month == 1 else date(peildatum.year + 1, 1, 1)
    assert volgende + timedelta(days=dagen) > vandaag
    # idempotent: once created, the same day plans nothing more
    assert plan(vandaag, {(a.soort, a.peildatum) for a in eerste}, dagen=dagen) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_laatste_peildatum(op):
    p = laatste_peildatum(op)
    assert is_halfjaar_peildatum(p) and p <= op and (op - p).days < 184
