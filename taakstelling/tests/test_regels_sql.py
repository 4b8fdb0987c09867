"""The rules that also run in SQL say exactly what their pure form says, on generated placements and
nareizigers (ended households and odd combinations of dates included): the counting rule
(``telmomenten`` / ``telt_mee_q`` + ``nareiziger_telt_mee_q``) and the two legal terms
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
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def dag(tot):
    return st.integers(0, tot).map(lambda n: BEGIN + timedelta(days=n))


@st.composite
def huishouden(draw):
    """(PlaatsingInvoer, volwassenen, minderjarigen, beeindiging): the steps are each present or not,
    a few days after the previous one, so both terms are met, missed and hit to the day."""
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
    nareizigers = draw(st.lists(st.tuples(dag(200), st.integers(1, 3)), max_size=3))
    invoer = rules.PlaatsingInvoer(
        koppel,
        volwassenen + minderjarigen,
        *stappen,
        beeindigd=bool(beeindiging),
        nareizigers=tuple(nareizigers),
    )
    return invoer, volwassenen, minderjarigen, beeindiging


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
    @given(st.lists(huishouden(), max_size=6), dag(200))
    def vergelijk(huishoudens, peil):
        with transaction.atomic():
            pks = schrijf(huishoudens)
            invoer = [h[0] for h in huishoudens]
            for peildatum in (peil, None):
                assert per_dag(queries.momenten(peildatum)) == per_dag(rules.telmomenten(invoer, peildatum))

            koppelingen = {
                pk
                for pk, p in zip(pks, invoer, strict=True)
                if rules.koppeling_over_termijn(
                    p.koppeldatum, p.datum_woning_aangeboden, p.datum_gehuisvest, p.beeindigd, peil
                )
            }
            verhuizingen = {
                pk
                for pk, p in zip(pks, invoer, strict=True)
                if rules.verhuizing_over_termijn(p.datum_huurovereenkomst, p.datum_gehuisvest, p.beeindigd, peil)
            }
            in_sql = Plaatsing.objects.values_list("pk", flat=True)
            assert set(in_sql.filter(rules.koppeling_over_termijn_q(peil))) == koppelingen
            assert set(in_sql.filter(rules.verhuizing_over_termijn_q(peil))) == verhuizingen
            assert queries.signalen(peil) == (len(koppelingen), len(verhuizingen))
            transaction.set_rollback(True)

    vergelijk()


@pytest.mark.django_db
def test_de_termijnen_op_de_dag_zelf_in_sql_en_in_python():
    """Hit to the day: 10 weeks after the koppeling (2 weeks after the lease) is still in time, a day later not."""
    koppel, huur = date(2026, 1, 1), date(2026, 3, 1)
    wacht = Plaatsing.objects.create(koppeldatum=koppel, samenstelling="gezin")
    verhuist = Plaatsing.objects.create(
        koppeldatum=koppel,
        samenstelling="gezin",
        datum_woning_aangeboden=date(2026, 2, 1),
        woonvorm="corporatiewoning",
        datum_huurovereenkomst=huur,
    )
    for peil, verwacht in ((koppel + timedelta(weeks=10), set()), (koppel + timedelta(weeks=10, days=1), {wacht.pk})):
        assert (
            set(Plaatsing.objects.filter(rules.koppeling_over_termijn_q(peil)).values_list("pk", flat=True)) == verwacht
        )
        assert rules.koppeling_over_termijn(koppel, None, None, False, peil) == bool(verwacht)
    for peil, verwacht in ((huur + timedelta(weeks=2), set()), (huur + timedelta(weeks=2, days=1), {verhuist.pk})):
        assert (
            set(Plaatsing.objects.filter(rules.verhuizing_over_termijn_q(peil)).values_list("pk", flat=True))
            == verwacht
        )
        assert rules.verhuizing_over_termijn(huur, None, False, peil) == bool(verwacht)
