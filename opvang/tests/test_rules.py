"""The opvang rules: examples from the Bestuursopdracht and properties (no database), and the SQL twins of
the rules checked against them on generated data (database)."""

import datetime
import json
from dataclasses import asdict
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from opvang.rules import (
    FASEN,
    BeleidsdatumStand,
    LocatieStand,
    OpgaveWaarde,
    PijplijnLocatie,
    StandWaarde,
    Tijdlijn,
    actief_q,
    beleidsdatum_stand,
    bereken_overzicht,
    bereken_pijplijn,
    beschikbaar,
    controleer_bezetting,
    controleer_capaciteit,
    fase_op,
    fasedatums_in_volgorde,
    geldend_op,
    is_actief,
    locatie_regel,
    locatie_stand,
    meetpunten,
    niet_inzetbaar,
    past_in_capaciteit,
    signalen_voor,
    tijdlijnen,
)

D = datetime.date
OEK_OPGAVE = OpgaveWaarde(D(2025, 7, 1), 221, None, "Veiligheidsregio")
SPREIDINGSWET = OpgaveWaarde(D(2024, 2, 1), 275, 23, "Spreidingswet", D(2026, 1, 31))
aantallen = st.integers(min_value=0, max_value=5000)
optioneel = st.none() | aantallen
datums = st.dates(min_value=D(2022, 1, 1), max_value=D(2030, 12, 31))


def trampoline(**extra):
    velden = {"plaatsen": 300, "gereserveerd": 10, "bezet": 230, "bezet_datum": D(2025, 6, 30)}
    velden.update(extra)
    return LocatieStand(1, "Trampoline II", **velden)


def test_trampoline_volgens_de_bestuursopdracht():
    ov = bereken_overzicht("oekraine", "Oekraïense ontheemden", D(2025, 7, 1), OEK_OPGAVE, [trampoline()])
    assert (ov.capaciteit, ov.gereserveerd, ov.beschikbaar, ov.bezet) == (300, 10, 290, 230)
    assert ov.gat == 221 - 290
    assert ov.vrij == 60
    assert ov.status == "op_schema"
    # the split of not-usable places is not in the document: unknown, and the answer says it is an upper bound
    assert ov.niet_inzetbaar_onbekend is True
    assert ov.locaties[0].niet_inzetbaar is None
    assert "bovengrens" in ov.status_toelichting
    assert ov.bezettingsgraad == Decimal("79.3")


def test_status_regel_op_schema_risico_achter():
    def status(beschikbaar_plaatsen):
        stand = LocatieStand(
            1,
            "L",
            plaatsen=beschikbaar_plaatsen,
            niet_inzetbaar_calamiteiten=0,
            niet_inzetbaar_indelingsverlies=0,
            niet_inzetbaar_overig=0,
        )
        return bereken_overzicht("x", "X", D(2025, 7, 1), OEK_OPGAVE, [stand], marge=10)

    assert status(221).status == "op_schema"
    assert status(199).status == "risico"  # 22 short = 9.95 % of 221
    assert status(198).status == "achter"  # 23 short = 10.4 %
    assert "23 plaatsen" in status(198).status_toelichting
    assert "ten hoogste 10%" in status(221).status_regel
    geen = bereken_overzicht("x", "X", D(2025, 6, 30), None, [])
    assert (geen.status, geen.gat, geen.opgave) == ("geen_opgave", None, None)


@given(plaatsen=aantallen, gereserveerd=aantallen, redenen=st.tuples(optioneel, optioneel, optioneel))
def test_beschikbaar_nooit_negatief_bij_geldige_invoer(plaatsen, gereserveerd, redenen):
    fouten = controleer_capaciteit(plaatsen=plaatsen, gereserveerd=gereserveerd, redenen=redenen)
    vrij = beschikbaar(plaatsen, niet_inzetbaar(*redenen), gereserveerd)
    if fouten:
        assert vrij < 0 and "meer dan de capaciteit" in fouten["gereserveerd"]
    else:
        assert vrij >= 0
        assert vrij == plaatsen - gereserveerd - sum(r for r in redenen if r is not None)


klein = st.integers(min_value=0, max_value=200)
klein_optioneel = st.none() | klein


@given(
    st.lists(
        st.tuples(aantallen, klein, st.tuples(klein_optioneel, klein_optioneel, klein_optioneel), optioneel), max_size=8
    )
)
def test_totalen_zijn_de_som_van_de_locaties_en_nooit_negatief(locaties):
    standen = []
    for i, (plaatsen, gereserveerd, redenen, bezet) in enumerate(locaties):
        assume(not controleer_capaciteit(plaatsen=plaatsen, gereserveerd=gereserveerd, redenen=redenen))
        standen.append(LocatieStand(i, f"L{i}", plaatsen, None, *redenen, gereserveerd, bezet=bezet))
    ov = bereken_overzicht("x", "X", D(2025, 7, 1), OEK_OPGAVE, standen)
    assert ov.beschikbaar >= 0
    assert ov.beschikbaar == ov.capaciteit - ov.niet_inzetbaar - ov.gereserveerd
    assert ov.gat == 221 - ov.beschikbaar
    assert ov.beschikbaar == sum(r.beschikbaar for r in ov.locaties)


@given(st.lists(st.tuples(datums, aantallen), max_size=20), datums, st.lists(st.tuples(datums, aantallen), max_size=5))
def test_antwoord_voor_een_datum_gebruikt_alleen_wijzigingen_tot_en_met_die_datum(wijzigingen, peildatum, later):
    antwoord = geldend_op(wijzigingen, peildatum, lambda w: w[0])
    eerder = [w for w in wijzigingen if w[0] <= peildatum]
    if not eerder:
        assert antwoord is None
    else:
        assert antwoord[0] == max(w[0] for w in eerder)
    # changes dated after the peildatum never change the answer for it
    na = [(peildatum + datetime.timedelta(days=1 + (d - D(2022, 1, 1)).days % 400), a) for d, a in later]
    assert geldend_op(wijzigingen + na, peildatum, lambda w: w[0]) == antwoord


def test_opgave_is_gedateerd():
    opgaven = [OpgaveWaarde(D(2025, 7, 1), 221), OpgaveWaarde(D(2026, 7, 1), 180)]
    assert geldend_op(opgaven, D(2025, 6, 30), lambda o: o.geldig_vanaf) is None
    assert geldend_op(opgaven, D(2025, 7, 1), lambda o: o.geldig_vanaf).plaatsen == 221
    assert geldend_op(opgaven, D(2027, 1, 1), lambda o: o.geldig_vanaf).plaatsen == 180


def test_bezetting_boven_capaciteit_of_negatief_wordt_geweigerd():
    assert "hoger dan de capaciteit" in controleer_bezetting(aantal=301, capaciteit=300)["aantal"]
    assert controleer_bezetting(aantal=300, capaciteit=300) == {}
    assert "negatief" in controleer_bezetting(aantal=-1, capaciteit=300)["aantal"]
    assert controleer_bezetting(aantal=35, capaciteit=None) == {}  # capacity unknown: no upper check
    assert "AMV" in controleer_bezetting(aantal=5, amv_aantal=6, capaciteit=10)["amv_aantal"]


def test_fasedatums_moeten_op_volgorde():
    goed = [("collegebesluit", D(2025, 6, 10)), ("raadsbesluit", D(2025, 9, 25))]
    assert fasedatums_in_volgorde(goed) is None
    fout = fasedatums_in_volgorde([("collegebesluit", D(2025, 6, 10)), ("raadsbesluit", D(2025, 5, 1))])
    assert "niet in volgorde" in fout and "Raadsbesluit" in fout and "01-05-2025" in fout


def test_fase_op_een_datum_telt_geplande_mijlpalen_niet():
    mijlpalen = [("collegebesluit", D(2025, 6, 10), False), ("raadsbesluit", D(2025, 9, 25), True)]
    assert fase_op(mijlpalen, D(2025, 6, 1)) is None  # before the first milestone reached: no phase yet
    assert fase_op(mijlpalen, D(2025, 7, 1)) == "collegebesluit"
    assert fase_op(mijlpalen, D(2025, 10, 1)) == "collegebesluit"
    # a reached milestone whose day is unknown counts from the beginning
    assert fase_op([("in_gebruik", None, False), ("beeindigd", D(2024, 7, 31), False)], D(2020, 1, 1)) == "in_gebruik"


def test_pijplijn_spreidingswet_met_onbekend_aantal_plaatsen():
    pijplijn = bereken_pijplijn(
        D(2025, 7, 1), SPREIDINGSWET, [PijplijnLocatie("Achterweg", "collegebesluit", None, None)], 0, 0
    )
    assert (pijplijn.opgave, pijplijn.opgave_amv) == (275, 23)
    assert (pijplijn.ongedekt, pijplijn.ongedekt_amv) == (275, 23)
    assert pijplijn.ongedekt_na_pijplijn == 275
    assert pijplijn.plaatsen_onbekend == 1
    fase = next(f for f in pijplijn.fasen if f.fase == "collegebesluit")
    assert fase.locaties == ["Achterweg"] and fase.plaatsen_onbekend == 1


def test_pijplijn_telt_voorbereiding_en_gerealiseerd_apart():
    locaties = [
        PijplijnLocatie("A", "raadsbesluit", 100, 10),
        PijplijnLocatie("B", "vergunning", 50, 5),
        PijplijnLocatie("C", "in_gebruik", 60, 0),
        PijplijnLocatie("D", "beeindigd", 80, 0),
    ]
    p = bereken_pijplijn(D(2025, 7, 1), SPREIDINGSWET, locaties, gerealiseerd=60, gerealiseerd_amv=0)
    assert (p.in_voorbereiding, p.in_voorbereiding_amv) == (150, 15)
    assert (p.ongedekt, p.ongedekt_amv) == (215, 23)
    assert (p.ongedekt_na_pijplijn, p.ongedekt_amv_na_pijplijn) == (65, 8)
    ruim = bereken_pijplijn(D(2025, 7, 1), SPREIDINGSWET, [PijplijnLocatie("A", "realisatie", 400, 40)], 0, 0)
    assert ruim.ongedekt_na_pijplijn == 0 and ruim.ongedekt_amv_na_pijplijn == 0


def test_signalen_bezetting_en_naderende_datum():
    vol = bereken_overzicht(
        "oekraine",
        "Oekraïense ontheemden",
        D(2025, 7, 1),
        OEK_OPGAVE,
        [
            trampoline(
                bezet=276, niet_inzetbaar_calamiteiten=0, niet_inzetbaar_indelingsverlies=0, niet_inzetbaar_overig=0
            )
        ],
    )
    rtb = BeleidsdatumStand("rtb-einde", "Einde RTB", D(2026, 3, 4), 89, False, "oekraine", "")
    ver = BeleidsdatumStand("x", "Ver weg", D(2027, 3, 4), 400, False, None, "")
    soorten = [s.soort for s in signalen_voor([vol], [rtb, ver], drempel_procent=95, dagen=90)]
    assert soorten == ["bezetting_hoog", "datum_nadert"]  # 276 / 290 = 95.2 %
    rustig = bereken_overzicht("oekraine", "O", D(2025, 7, 1), OEK_OPGAVE, [trampoline(bezet=275)])
    assert signalen_voor([rustig], [], drempel_procent=95) == []  # 275 / 290 = 94.8 %


@given(datums, st.integers(min_value=0, max_value=2000))
def test_meetpunten(van, dagen):
    tot = van + datetime.timedelta(days=dagen)
    punten = meetpunten(van, tot)
    assert punten[-1] == tot and punten == sorted(set(punten))
    assert all(van <= p <= tot for p in punten)
    assert len(punten) <= 60


def test_resultaten_zijn_json_voor_rapportages():
    ov = bereken_overzicht("oekraine", "O", D(2025, 7, 1), OEK_OPGAVE, [trampoline()])
    tekst = json.dumps(asdict(ov), cls=DjangoJSONEncoder)
    assert '"peildatum": "2025-07-01"' in tekst and '"gat": -69' in tekst


def test_bezettingsgraad_rondt_half_naar_boven_af():
    """1 of 16 places is 6.25 %: shown as 6.3 % everywhere (the old float rounding gave 6.2)."""
    stand = LocatieStand(1, "L", 16, None, 0, 0, 0, bezet=1)
    assert locatie_regel(stand, D(2025, 7, 1)).bezettingsgraad == Decimal("6.3")
    assert bereken_overzicht("x", "X", D(2025, 7, 1), None, [stand]).bezettingsgraad == Decimal("6.3")


@given(st.lists(st.tuples(datums, aantallen), max_size=20), datums)
def test_tijdlijn_geeft_de_laatste_op_of_voor_de_datum_ook_bij_gelijke_datums(items, peildatum):
    eerder = [i for i in items if i[0] <= peildatum]
    verwacht = [i for i in eerder if i[0] == max(e[0] for e in eerder)][-1] if eerder else None
    assert Tijdlijn(items, lambda i: i[0]).op(peildatum) == verwacht == geldend_op(items, peildatum, lambda i: i[0])


def test_locatie_telt_alleen_in_gebruik_en_binnen_start_en_einde():
    gebruikt = [("in_gebruik", D(2024, 1, 1), False), ("beeindigd", D(2024, 8, 1), False)]
    assert is_actief(gebruikt, D(2024, 1, 1)) and is_actief(gebruikt, D(2024, 7, 31))
    assert not is_actief(gebruikt, D(2024, 8, 1))  # the day it ended it no longer counts
    assert not is_actief(gebruikt, D(2023, 12, 31))
    assert is_actief([("in_gebruik", None, False)], D(2024, 1, 1))  # in use since a day unknown
    assert not is_actief([("vergunning", None, False)], D(2024, 1, 1))  # in preparation: pipeline, not capacity
    assert not is_actief([("in_gebruik", D(2024, 1, 1), True)], D(2024, 6, 1))  # only planned


def test_capaciteit_eigen_stand_anders_reservering_anders_onbekend():
    oek, sh = 1, 2
    eigen_oek = StandWaarde(7, oek, D(2025, 1, 1), 300, gereserveerd=10, gereserveerd_voor_id=sh)
    # Trampoline II: the places OEK reserves are the statushouders' capacity there, nothing of it unusable
    voor_sh = locatie_stand(7, "Trampoline II", sh, [eigen_oek], bezet=7)
    assert (voor_sh.plaatsen, voor_sh.capaciteit_is_reservering, voor_sh.bezet) == (10, True, 7)
    regel = locatie_regel(voor_sh, D(2025, 1, 1))
    assert regel.beschikbaar == 10 and not regel.niet_inzetbaar_onbekend
    # an own stand of the statushouders replaces the reservation
    eigen_sh = StandWaarde(7, sh, D(2025, 6, 1), 12)
    assert locatie_stand(7, "Trampoline II", sh, [eigen_oek, eigen_sh]).plaatsen == 12
    assert locatie_stand(7, "Trampoline II", oek, [eigen_oek, eigen_sh]).gereserveerd == 10
    # a stand naming a doelgroep without reserving any places gives it a capacity of 0, wherever it is asked
    nul = StandWaarde(7, oek, D(2025, 1, 1), 300, gereserveerd=0, gereserveerd_voor_id=sh)
    assert locatie_stand(7, "Trampoline II", sh, [nul]).plaatsen == 0
    assert locatie_stand(7, "Elders", sh, []).plaatsen is None


def test_aftelling_naar_een_beleidsdatum():
    rtb = beleidsdatum_stand("rtb-einde", "Einde RTB", D(2026, 3, 4), D(2025, 7, 1), "oekraine", "EU")
    assert (rtb.dagen_resterend, rtb.verstreken) == (246, False)
    voorbij = beleidsdatum_stand("rtb-einde", "Einde RTB", D(2026, 3, 4), D(2026, 3, 5), "oekraine", "EU")
    assert (voorbij.dagen_resterend, voorbij.verstreken) == (-1, True)
    assert beleidsdatum_stand("x", "X", D(2026, 3, 4), D(2026, 3, 4), None, "").verstreken is False


# --- the SQL twins agree with the rules on generated data -----------------------------------------

TWEELING = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
START = D(2025, 1, 1)


def _controleer_en_rol_terug(controle):
    """Run ``controle`` in a transaction that is rolled back, so every generated example starts empty."""
    with transaction.atomic():
        controle()
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["bezetting", "capaciteitsstand"])
def test_geldend_op_in_sql_kiest_per_locatie_en_doelgroep_dezelfde_rij_als_de_regel(model):
    from opvang.models import Bezetting, Capaciteitsstand

    from .factories import OpvanglocatieFactory, doelgroep

    groepen = [doelgroep("oekraine"), doelgroep("statushouders")]
    locaties = [OpvanglocatieFactory(doelgroepen=groepen) for _ in range(3)]
    Model, datumveld = (Bezetting, "datum") if model == "bezetting" else (Capaciteitsstand, "ingangsdatum")

    def rij(loc, dg, dag, aantal):
        waarden = {"locatie": locaties[loc], "doelgroep": groepen[dg], datumveld: START + datetime.timedelta(dag)}
        return (
            Bezetting(**waarden, aantal=aantal) if Model is Bezetting else Capaciteitsstand(**waarden, plaatsen=aantal)
        )

    @TWEELING
    @given(
        st.lists(
            st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(0, 30), st.integers(0, 50)),
            unique_by=lambda r: r[:3],
            max_size=30,
        ),
        st.integers(-2, 32),
        st.integers(0, 10),
    )
    def controleer(rijen, dag, lengte):
        def controle():
            Model.objects.bulk_create(rij(*r) for r in rijen)
            peildatum = START + datetime.timedelta(dag)
            per_groep = tijdlijnen(
                Model.objects.all(), lambda r: (r.locatie_id, r.doelgroep_id), lambda r: getattr(r, datumveld)
            )
            regel = {r.pk for t in per_groep.values() if (r := t.op(peildatum))}
            eerste = per_groep.get((locaties[0].pk, groepen[0].pk))
            verwacht = {r.pk} if eerste and (r := eerste.op(peildatum)) else set()
            groep = Model.objects.filter(locatie=locaties[0], doelgroep=groepen[0])
            for distinct_on in (True, False):  # PostgreSQL's DISTINCT ON and the window SQLite runs
                assert set(Model.objects.geldend_op(peildatum, distinct_on).values_list("pk", flat=True)) == regel
                # filtering on the group's fields first gives that group's row
                assert set(groep.geldend_op(peildatum, distinct_on).values_list("pk", flat=True)) == verwacht
            # a series from the peildatum over ``lengte`` days needs only the rows that hold within that span
            tot = peildatum + datetime.timedelta(lengte)
            tussen = tijdlijnen(
                Model.objects.geldend_tussen(peildatum, tot),
                lambda r: (r.locatie_id, r.doelgroep_id),
                lambda r: getattr(r, datumveld),
            )
            for d in (peildatum + datetime.timedelta(k) for k in range(lengte + 1)):
                for sleutel, t in per_groep.items():
                    assert (tussen[sleutel].op(d) if sleutel in tussen else None) == t.op(d)

        _controleer_en_rol_terug(controle)

    controleer()


@pytest.mark.django_db
def test_locatie_actief_in_sql_is_dezelfde_regel():
    """Whether a location is in use on a date, from its dated milestones: the SQL condition the overviews
    filter on (:func:`actief_q`) and the rule the series apply (:func:`is_actief`) agree."""
    from opvang.models import Mijlpaal, Opvanglocatie

    mijlpaal = st.tuples(st.none() | st.integers(0, 20), st.booleans())  # (day or unknown, gepland)

    @TWEELING
    @given(st.lists(st.dictionaries(st.sampled_from(FASEN), mijlpaal, max_size=4), max_size=8), st.integers(-1, 21))
    def controleer(locaties, dag):
        def controle():
            peildatum = START + datetime.timedelta(dag)
            per_locatie = [
                [
                    (fase, None if d is None else START + datetime.timedelta(d), gepland)
                    for fase, (d, gepland) in m.items()
                ]
                for m in locaties
            ]
            nieuw = Opvanglocatie.objects.bulk_create(
                Opvanglocatie(naam=f"L{i}", type="goo") for i in range(len(locaties))
            )
            Mijlpaal.objects.bulk_create(
                Mijlpaal(locatie=loc, fase=fase, datum=d, gepland=gepland)
                for loc, mijlpalen in zip(nieuw, per_locatie, strict=True)
                for fase, d, gepland in mijlpalen
            )
            regel = {f"L{i}" for i, m in enumerate(per_locatie) if is_actief(m, peildatum)}
            assert set(Opvanglocatie.objects.filter(actief_q(peildatum)).values_list("naam", flat=True)) == regel

        _controleer_en_rol_terug(controle)

    controleer()


@pytest.mark.django_db
def test_capaciteitscontrole_in_de_database_is_dezelfde_regel():
    from opvang.models import Capaciteitsstand

    from .factories import OpvanglocatieFactory, doelgroep

    locatie, oek, sh = OpvanglocatieFactory(), doelgroep("oekraine"), doelgroep("statushouders")

    @TWEELING
    @given(klein, klein, st.tuples(klein_optioneel, klein_optioneel, klein_optioneel))
    def controleer(plaatsen, gereserveerd, redenen):
        stand = Capaciteitsstand(
            locatie=locatie,
            doelgroep=oek,
            ingangsdatum=START,
            plaatsen=plaatsen,
            gereserveerd=gereserveerd,
            gereserveerd_voor=sh,
            niet_inzetbaar_calamiteiten=redenen[0],
            niet_inzetbaar_indelingsverlies=redenen[1],
            niet_inzetbaar_overig=redenen[2],
        )
        try:
            with transaction.atomic():
                stand.save()
                transaction.set_rollback(True)
        except IntegrityError:
            toegelaten = False
        else:
            toegelaten = True
        assert toegelaten == past_in_capaciteit(plaatsen, gereserveerd, *redenen)
        assert toegelaten == (
            "gereserveerd" not in controleer_capaciteit(plaatsen=plaatsen, gereserveerd=gereserveerd, redenen=redenen)
        )

    controleer()
