"""Pure key figures of programme line 2: attendance, follow-ups on time, partner involvement."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from themasessies.services import (
    SessieFeit,
    VervolgFeit,
    bereken_kerncijfers,
    niet_uitgenodigd,
    partners_betrokken_pct,
    vervolg_te_laat,
)

PEIL = date(2026, 6, 30)
datums = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))
partners = st.frozensets(st.integers(min_value=1, max_value=12), max_size=12)


@st.composite
def sessies(draw):
    uitgenodigd = draw(partners)
    aanwezig = draw(st.frozensets(st.sampled_from(sorted(uitgenodigd)))) if uitgenodigd else frozenset()
    return SessieFeit(draw(datums), uitgenodigd, aanwezig)


def test_kerncijfers_van_een_concreet_jaar():
    s = [
        SessieFeit(date(2025, 10, 1), frozenset({1, 2, 3, 4}), frozenset({1, 2, 3})),
        SessieFeit(date(2026, 3, 1), frozenset({1, 2, 3, 4}), frozenset({1})),
        SessieFeit(date(2026, 9, 1), frozenset({1, 2}), frozenset()),  # planned
        SessieFeit(date(2025, 3, 1), frozenset({5}), frozenset({5})),  # older than 12 months
    ]
    v = [
        VervolgFeit(date(2025, 11, 1), date(2025, 10, 20)),  # on time
        VervolgFeit(date(2025, 12, 1), date(2026, 1, 15)),  # late but done
        VervolgFeit(date(2026, 5, 1), None),  # overdue
        VervolgFeit(date(2026, 9, 1), None),  # not yet due
    ]
    k = bereken_kerncijfers(s, v, PEIL)
    assert k.sessies_per_jaar == {2025: 2, 2026: 1}
    assert k.sessies_afgelopen_jaar == 2
    assert (k.aanwezigen_afgelopen_jaar, k.uitnodigingen_afgelopen_jaar, k.aanwezigheid_pct) == (4, 8, 50.0)
    assert (k.vervolg_vervallen, k.vervolg_op_tijd, k.vervolg_op_tijd_pct) == (3, 1, 33.3)
    assert k.vervolg_te_laat == 1
    assert k.volgende_sessie == date(2026, 9, 1)


def test_zonder_gegevens_is_een_percentage_onbekend_en_geen_nul():
    k = bereken_kerncijfers([], [], PEIL)
    assert k.aanwezigheid_pct is None and k.vervolg_op_tijd_pct is None and k.volgende_sessie is None


def test_vervolg_te_laat_kijkt_naar_de_peildatum():
    assert vervolg_te_laat("open", date(2026, 1, 1), None, date(2026, 1, 2))
    assert not vervolg_te_laat("open", date(2026, 1, 1), None, date(2026, 1, 1))
    assert not vervolg_te_laat("afgerond", date(2026, 1, 1), date(2026, 1, 5), date(2026, 2, 1))
    # finished after the peildatum: on the peildatum it was still overdue
    assert vervolg_te_laat("afgerond", date(2026, 1, 1), date(2026, 3, 1), date(2026, 2, 1))


def test_niet_uitgenodigd():
    assert niet_uitgenodigd({1, 2}, {2, 3}) == {3}
    assert niet_uitgenodigd({1, 2}, {1}) == set()


@given(st.lists(sessies(), max_size=8), st.lists(st.tuples(datums, st.none() | datums), max_size=8), datums)
def test_kerncijfers_blijven_binnen_hun_grenzen(s, v, peildatum):
    k = bereken_kerncijfers(s, [VervolgFeit(d, a) for d, a in v], peildatum)
    assert sum(k.sessies_per_jaar.values()) == sum(x.datum <= peildatum for x in s)
    assert k.aanwezigen_afgelopen_jaar <= k.uitnodigingen_afgelopen_jaar
    for pct in (k.aanwezigheid_pct, k.vervolg_op_tijd_pct):
        assert pct is None or 0 <= pct <= 100
    assert k.vervolg_op_tijd <= k.vervolg_vervallen <= len(v)
    assert k.vervolg_te_laat <= k.vervolg_vervallen
    assert k.volgende_sessie is None or k.volgende_sessie > peildatum


@given(partners, st.lists(sessies(), max_size=8), datums)
def test_partners_betrokken_telt_alleen_basispartners_binnen_twaalf_maanden(basis, s, peildatum):
    uitkomst = partners_betrokken_pct(basis, s, peildatum)
    verwacht = set()
    for x in s:
        if peildatum - timedelta(days=365) < x.datum <= peildatum:
            verwacht |= x.aanwezig
    assert uitkomst.aantal == len(verwacht & basis)
    assert uitkomst.totaal == len(basis)
    assert (uitkomst.percentage is None) == (not basis)
    if basis:
        assert 0 <= uitkomst.percentage <= 100
