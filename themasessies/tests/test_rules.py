"""Pure key figures of programme line 2 (attendance, follow-ups on time, partner involvement), and the
proof that the rules which also run in SQL count the same there."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from themasessies.models import Partner, Sessie, Vervolgactie
from themasessies.rules import (
    Deelname,
    SessieFeit,
    VervolgFeit,
    bereken_kerncijfers,
    deelname,
    deelname_annotaties,
    niet_uitgenodigd,
    partners_betrokken_pct,
    twaalf_maanden,
    vervolg_te_laat,
    vervolg_te_laat_q,
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
    assert (k.aanwezigen_afgelopen_jaar, k.uitnodigingen_afgelopen_jaar, k.aanwezigheid_pct) == (4, 8, Decimal("50.0"))
    assert (k.vervolg_vervallen, k.vervolg_op_tijd, k.vervolg_op_tijd_pct) == (3, 1, Decimal("33.3"))
    assert k.vervolg_te_laat == 1
    assert k.volgende_sessie == date(2026, 9, 1)


def test_zonder_gegevens_is_een_percentage_onbekend_en_geen_nul():
    k = bereken_kerncijfers([], [], PEIL)
    assert k.aanwezigheid_pct is None and k.vervolg_op_tijd_pct is None and k.volgende_sessie is None


def test_vervolg_te_laat_kijkt_naar_de_peildatum():
    assert vervolg_te_laat(date(2026, 1, 1), None, date(2026, 1, 2))
    assert not vervolg_te_laat(date(2026, 1, 1), None, date(2026, 1, 1))
    assert not vervolg_te_laat(date(2026, 1, 1), date(2026, 1, 5), date(2026, 2, 1))
    # finished after the peildatum: on the peildatum it was still overdue
    assert vervolg_te_laat(date(2026, 1, 1), date(2026, 3, 1), date(2026, 2, 1))


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


def test_aanwezigheid_rondt_half_naar_boven_af():
    """1 of 16 invited partners attended: 6,25 % is written 6,3 %, as on every other page."""
    s = [SessieFeit(date(2026, 3, 1), frozenset(range(1, 17)), frozenset({1}))]
    assert bereken_kerncijfers(s, [], PEIL).aanwezigheid_pct == Decimal("6.3")
    assert partners_betrokken_pct(set(range(1, 17)), s, PEIL).percentage == Decimal("6.3")


def test_deelname_telt_alleen_aanwezigheid_van_uitgenodigden_binnen_de_periode():
    s = [
        SessieFeit(date(2025, 10, 1), frozenset({1, 2}), frozenset({1, 3})),  # 3 came uninvited: not counted
        SessieFeit(date(2026, 2, 1), frozenset({1}), frozenset({1})),
        SessieFeit(date(2026, 7, 1), frozenset({1, 2}), frozenset({2})),  # after the period
    ]
    assert deelname(s, date(2025, 7, 1), PEIL) == {
        1: Deelname(uitgenodigd=2, aanwezig=2, laatste_aanwezig=date(2026, 2, 1)),
        2: Deelname(uitgenodigd=1, aanwezig=0, laatste_aanwezig=None),
    }


def test_twaalf_maanden_tot_en_met_de_peildatum():
    assert twaalf_maanden(PEIL) == (date(2025, 7, 1), PEIL)
    assert twaalf_maanden(date(2025, 12, 31)) == (date(2025, 1, 1), date(2025, 12, 31))


# --- the SQL twins, on generated data in PostgreSQL ---------------------------------------------

IN_DE_DATABASE = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@IN_DE_DATABASE
@given(st.lists(st.tuples(datums, st.none() | datums), min_size=1, max_size=12), datums)
def test_vervolg_te_laat_in_sql_telt_precies_wat_de_regel_te_laat_noemt(feiten, peildatum):
    """The list filter "over de deadline" is the same rule as the key figures and the programme line page."""
    with transaction.atomic():
        sessie = Sessie.objects.create(titel="Sessie", datum=date(2024, 1, 1))
        Vervolgactie.objects.bulk_create(
            Vervolgactie(
                sessie=sessie,
                omschrijving="Vervolg",
                eigenaar="Opgaveteam",
                deadline=deadline,
                afgerond_op=afgerond_op,
                status="afgerond" if afgerond_op else "open",
            )
            for deadline, afgerond_op in feiten
        )
        verwacht = {v.pk for v in Vervolgactie.objects.all() if vervolg_te_laat(v.deadline, v.afgerond_op, peildatum)}
        gevonden = set(Vervolgactie.objects.filter(vervolg_te_laat_q(peildatum)).values_list("pk", flat=True))
        assert gevonden == verwacht
        transaction.set_rollback(True)


@st.composite
def sessies_met_partners(draw):
    """Sessions over partners 0..5; attendance need not be a subset of the invited (data written before
    the rule, or around the forms), so the twins must agree on that too."""
    deelnemers = st.frozensets(st.integers(min_value=0, max_value=5), max_size=6)
    return draw(st.lists(st.tuples(datums, deelnemers, deelnemers), max_size=8))


@pytest.mark.django_db
@IN_DE_DATABASE
@given(sessies_met_partners(), datums, datums)
def test_deelname_in_sql_telt_precies_wat_de_regel_telt(gegenereerd, van, tot):
    """The per-partner figures of the evaluation report (SQL) are the rule the key figures and the
    indicator use (Python)."""
    with transaction.atomic():
        partners = Partner.objects.bulk_create(Partner(naam=f"Gegenereerd {i}", categorie="overig") for i in range(6))
        sessies = Sessie.objects.bulk_create(Sessie(titel="Sessie", datum=d) for d, _u, _a in gegenereerd)
        # through the m2m tables directly: no signal refuses uninvited attendance here
        Sessie.uitgenodigd.through.objects.bulk_create(
            Sessie.uitgenodigd.through(sessie=s, partner=partners[i])
            for s, (_d, uit, _a) in zip(sessies, gegenereerd, strict=True)
            for i in uit
        )
        Sessie.aanwezig.through.objects.bulk_create(
            Sessie.aanwezig.through(sessie=s, partner=partners[i])
            for s, (_d, _u, aan) in zip(sessies, gegenereerd, strict=True)
            for i in aan
        )
        feiten = [
            SessieFeit(d, frozenset(partners[i].pk for i in uit), frozenset(partners[i].pk for i in aan))
            for d, uit, aan in gegenereerd
        ]
        regel = deelname(feiten, van, tot)
        sql = Partner.objects.filter(pk__in=[p.pk for p in partners]).annotate(**deelname_annotaties(van, tot))
        for p in sql:
            assert Deelname(p.n_uitgenodigd, p.n_aanwezig, p.laatste_aanwezig) == regel.get(p.pk, Deelname())
        transaction.set_rollback(True)
