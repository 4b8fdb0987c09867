"""The rules that also run in SQL say exactly what their pure form says, on generated placements and
nareizigers (ended households and odd combinations of dates included): the counting rule
(``telmomenten`` / ``telt_mee_q`` + ``nareiziger_telt_mee_q``, also per bucket of period boundaries:
``naar_bakken`` / ``bak_expr``) and the two legal terms
(``koppeling_over_termijn`` / ``_q``, ``verhuizing_over_termijn`` / ``_q``)."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taakstelling import queries, rules
from taakstelling.models import Nareiziger, Plaatsing

BEGIN = date(2026, 1, 1)
VOORBEELDEN = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def dag(tot):
    return st.integers(0, tot).map(lambda n: BEGIN + timedelta(days=n))


@st.composite
def huishouden(draw):
    """(PlaatsingInvoer, volwassenen, minderjarigen, beeindiging): each step present or not, some days
    after the previous one, so both terms are met and missed; the test also checks every boundary day."""
    koppel = draw(dag(60))
    stappen, vorige = [], koppel
    for _stap in ("aangeboden", "huur", "gehuisvest"):
        if draw(st.booleans()):
            vorige += timedelta(days=draw(st.integers(0, 40)))
            stappen.append(vorige)
        else:
            stappen.append(None)
    volwassenen, minderjarigen = draw(st.tuples(st.integers(0, 4), st.integers(0, 4)).filter(lambda t: sum(t) > 0))
    beeindiging = draw(st.sampled_from(("", "", "ontkoppeld", "geannuleerd")))
    nareizigers = draw(st.lists(st.tuples(dag(200), st.integers(1, 3)), max_size=2))
    invoer = rules.PlaatsingInvoer(
        koppel,
        volwassenen + minderjarigen,
        *stappen,
        beeindigd=bool(beeindiging),
        nareizigers=tuple(nareizigers),
    )
    return invoer, volwassenen, minderjarigen, beeindiging


def rond(dagen) -> set[date]:
    """Each day with the day before and after: where a rule turns."""
    return {d + timedelta(days=n) for d in dagen if d for n in (-1, 0, 1)}


def schrijf(huishoudens) -> list[int]:
    """The households as rows (bulk: exactly these values, no clean()), with their nareizigers."""
    plaatsingen = Plaatsing.objects.bulk_create(
        Plaatsing(
            koppeldatum=p.koppeldatum,
            samenstelling="gezin",
            volgnummer=nr,
            volwassenen=volwassenen,
            minderjarigen=minderjarigen,
            datum_woning_aangeboden=p.datum_woning_aangeboden,
            datum_huurovereenkomst=p.datum_huurovereenkomst,
            datum_gehuisvest=p.datum_gehuisvest,
            beeindiging=beeindiging,
        )
        for nr, (p, volwassenen, minderjarigen, beeindiging) in enumerate(huishoudens, start=1)
    )
    Nareiziger.objects.bulk_create(
        Nareiziger(plaatsing=rij, datum=d, aantal=n)
        for rij, (p, *_rest) in zip(plaatsingen, huishoudens, strict=True)
        for d, n in p.nareizigers
    )
    return [rij.pk for rij in plaatsingen]


def per_dag(momenten) -> Counter:
    som = Counter()
    for d, n in momenten:
        som[d] += n
    return som


@pytest.mark.django_db
def test_telregel_en_termijnen_in_sql_zijn_precies_de_pure_regels():
    @VOORBEELDEN
    @given(st.lists(huishouden(), max_size=5), dag(200))
    def vergelijk(huishoudens, peil):
        invoer = [h[0] for h in huishoudens]
        telmomenten = rond(d for p in invoer for d in (p.datum_gehuisvest, *(d for d, _n in p.nareizigers)))
        huur = [p.datum_huurovereenkomst for p in invoer if p.datum_huurovereenkomst]
        termijnen = rond(
            [*(rules.aanbod_uiterlijk(p.koppeldatum) for p in invoer), *map(rules.verhuizing_uiterlijk, huur)]
        )
        with transaction.atomic():
            pks = schrijf(huishoudens)
            for peildatum in (None, peil, *telmomenten):
                assert per_dag(queries.momenten(peildatum)) == per_dag(rules.telmomenten(invoer, peildatum))
            # only the moments of one span (a period's COA afstemming): the same days, the others left out
            for van, tot in ((BEGIN, peil), (peil, peil), *((d, d) for d in telmomenten)):
                binnen = [(d, n) for d, n in rules.telmomenten(invoer, peil) if van <= d <= tot]
                assert per_dag(queries.momenten(peil, (van, tot))) == per_dag(binnen)
            # per bucket of the periods' boundaries (the period chain): SQL says what the pure rule says, and
            # every period counts as many persons as from the moments per day (periods on a turning day,
            # one reversed when peil comes early, moments before the first boundary left out)
            perioden = [(BEGIN + timedelta(days=30), peil), (peil, peil + timedelta(days=40))]
            perioden += [(d, d + timedelta(days=n)) for n, d in enumerate(sorted(telmomenten)[:4])]
            grenzen = rules.bakgrenzen(perioden)
            for peildatum in (None, peil):
                pure = rules.telmomenten(invoer, peildatum)
                in_sql = queries.momenten(peildatum, grenzen=grenzen)
                assert per_dag(in_sql) == per_dag(rules.naar_bakken(pure, grenzen))
                per_dag_telling, per_bak_telling = rules.Telling(pure), rules.Telling(in_sql)
                for begin, eind in perioden:
                    assert per_bak_telling.realisatie_in(begin, eind) == per_dag_telling.realisatie_in(begin, eind)
            for peildatum in (peil, *termijnen):
                koppelingen = {
                    pk
                    for pk, p in zip(pks, invoer, strict=True)
                    if rules.koppeling_over_termijn(
                        p.koppeldatum, p.datum_woning_aangeboden, p.datum_gehuisvest, p.beeindigd, peildatum
                    )
                }
                verhuizingen = {
                    pk
                    for pk, p in zip(pks, invoer, strict=True)
                    if rules.verhuizing_over_termijn(
                        p.datum_huurovereenkomst, p.datum_gehuisvest, p.beeindigd, peildatum
                    )
                }
                in_sql = Plaatsing.objects.values_list("pk", flat=True)
                assert set(in_sql.filter(rules.koppeling_over_termijn_q(peildatum))) == koppelingen
                assert set(in_sql.filter(rules.verhuizing_over_termijn_q(peildatum))) == verhuizingen
                if peildatum == peil:
                    assert queries.signalen(peil) == (len(koppelingen), len(verhuizingen))
            transaction.set_rollback(True)

    vergelijk()
