"""The carry-over rule of domain.md §1 as pure functions: examples, edge cases and properties."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from noordwijk_migratie.getallen import procent
from taakstelling import rules as s


def halfjaar(jaar, helft, netto, **kw):
    begin = date(jaar, 1, 1) if helft == 1 else date(jaar, 7, 1)
    eind = date(jaar, 6, 30) if helft == 1 else date(jaar, 12, 31)
    return s.PeriodeInvoer(label=f"{jaar}-H{helft}", begindatum=begin, einddatum=eind, netto=netto, **kw)


def jaar(j, netto, **kw):
    return s.PeriodeInvoer(label=str(j), begindatum=date(j, 1, 1), einddatum=date(j, 12, 31), netto=netto, **kw)


def test_de_tabel_uit_de_bestuursopdracht_klopt_met_de_regel():
    keten = [
        jaar(2022, 62, realisatie_officieel=81),
        jaar(2023, 98, realisatie_officieel=62),
        jaar(2024, 91, realisatie_officieel=83),
        halfjaar(2025, 1, 38, realisatie_officieel=25),
    ]
    r = s.bereken_keten(keten, date(2025, 6, 30))
    assert [(x.gecorrigeerd, x.realisatie, x.saldo_eind) for x in r[:3]] == [
        (62, 81, 19),
        (79, 62, -17),
        (108, 83, -25),
    ]
    assert (r[3].netto, r[3].saldo_begin, r[3].gecorrigeerd, r[3].status) == (38, -25, 63, "lopend")
    assert r[3].bron == s.BRON_OFFICIEEL


def test_eigen_registratie_wordt_gebruikt_zonder_officieel_totaal():
    r = s.bereken_keten([halfjaar(2026, 1, 30, realisatie_eigen=12, realisatie_coa=9)], date(2026, 7, 1))[0]
    assert (r.realisatie, r.bron, r.verschil_eigen_coa, r.saldo_eind, r.nog_te_realiseren) == (12, "eigen", 3, -18, 18)


def test_officieel_beginsaldo_vervangt_het_doorgeschoven_saldo():
    keten = [halfjaar(2026, 1, 10, realisatie_eigen=4), halfjaar(2026, 2, 10, saldo_begin_officieel=-3)]
    r = s.bereken_keten(keten, date(2027, 1, 1))
    assert r[0].saldo_eind == -6
    assert (r[1].saldo_begin, r[1].gecorrigeerd) == (-3, 13)
    assert r[1].saldo_begin_bron == s.SALDO_BRON_TEKST["officieel"]


def test_voorsprong_groter_dan_de_volgende_netto():
    keten = [halfjaar(2026, 1, 10, realisatie_eigen=30), halfjaar(2026, 2, 5, realisatie_eigen=0)]
    r = s.bereken_keten(keten, date(2026, 9, 15))
    assert r[0].saldo_eind == 20
    assert r[1].gecorrigeerd == -15  # nothing left to do
    assert r[1].nog_te_realiseren == 0
    assert r[1].op_schema_norm == 0 and r[1].op_schema is True
    assert r[1].saldo_eind == 15


def test_norm_is_een_zesde_per_verstreken_maand_naar_boven_afgerond():
    begin, eind = date(2026, 1, 1), date(2026, 6, 30)
    assert s.op_schema_norm(63, begin, eind, date(2026, 1, 1)) == 0
    assert s.op_schema_norm(63, begin, eind, date(2026, 1, 31)) == 0
    assert s.op_schema_norm(63, begin, eind, date(2026, 2, 1)) == 11  # 10.5 -> 11
    assert s.op_schema_norm(63, begin, eind, date(2026, 4, 15)) == 32  # 3/6 of 63 = 31.5
    assert s.op_schema_norm(63, begin, eind, date(2026, 6, 30)) == 53  # 5 months complete
    assert s.op_schema_norm(63, begin, eind, date(2026, 7, 1)) == 63
    # a whole (historical) year: 1/12 per month
    assert s.op_schema_norm(120, date(2024, 1, 1), date(2024, 12, 31), date(2024, 4, 1)) == 30


def test_telmomenten_geannuleerde_plaatsing_telt_niet_en_nareizigers_in_hun_eigen_periode():
    plaatsingen = [
        s.PlaatsingInvoer(
            date(2026, 1, 5), 3, datum_gehuisvest=date(2026, 6, 30), nareizigers=((date(2026, 7, 1), 2),)
        ),
        s.PlaatsingInvoer(date(2026, 1, 5), 4, beeindigd=True, nareizigers=((date(2026, 3, 1), 1),)),
        s.PlaatsingInvoer(date(2026, 2, 5), 1, datum_woning_aangeboden=date(2026, 3, 1)),
    ]
    momenten = s.telmomenten(plaatsingen)
    assert s.realisatie_in(momenten, date(2026, 1, 1), date(2026, 6, 30)) == 3  # housed on the last day of H1
    assert s.realisatie_in(momenten, date(2026, 7, 1), date(2026, 12, 31)) == 2  # nareizigers on 1 July


def test_telmoment_op_de_grens_van_perioden():
    momenten = [(date(2026, 6, 30), 1), (date(2026, 7, 1), 10), (date(2026, 12, 31), 100), (date(2027, 1, 1), 1000)]
    assert s.realisatie_in(momenten, date(2026, 1, 1), date(2026, 6, 30)) == 1
    assert s.realisatie_in(momenten, date(2026, 7, 1), date(2026, 12, 31)) == 110


def test_termijnsignalen_tien_weken_en_twee_weken():
    k = date(2026, 1, 1)
    assert not s.koppeling_over_termijn(k, None, None, False, k + timedelta(weeks=10))
    assert s.koppeling_over_termijn(k, None, None, False, k + timedelta(weeks=10, days=1))
    assert not s.koppeling_over_termijn(k, date(2026, 2, 1), None, False, date(2026, 6, 1))
    assert not s.koppeling_over_termijn(k, None, None, True, date(2026, 6, 1))  # ended
    assert not s.koppeling_over_termijn(k, None, date(2026, 3, 1), False, date(2026, 6, 1))  # housed
    huur = date(2026, 3, 1)
    assert not s.verhuizing_over_termijn(huur, None, False, huur + timedelta(days=14))
    assert s.verhuizing_over_termijn(huur, None, False, huur + timedelta(days=15))
    assert not s.verhuizing_over_termijn(huur, date(2026, 3, 20), False, date(2026, 6, 1))
    assert not s.verhuizing_over_termijn(huur, None, True, date(2026, 6, 1))


def test_tijdlijn_toont_overschreden_termijn():
    stappen = s.tijdlijn(date(2026, 1, 1), date(2026, 4, 1), None, None, "", None, date(2026, 5, 1))
    assert stappen[1].te_laat is True and "12-03-2026" in stappen[1].termijn


def test_tijdlijn_gebruikt_de_signaalregels_en_meldt_ook_een_te_late_stap():
    k, peil = date(2026, 1, 1), date(2026, 6, 1)

    def te_laat(aangeboden=None, huur=None, gehuisvest=None, beeindiging=""):
        stappen = s.tijdlijn(k, aangeboden, huur, gehuisvest, beeindiging, None, peil)
        return stappen[1].te_laat, stappen[3].te_laat

    assert te_laat() == (True, False)  # still waiting after 10 weeks: the signal
    assert te_laat(beeindiging="ontkoppeld") == (False, False)  # ended: no term runs
    assert te_laat(aangeboden=date(2026, 3, 12)) == (False, False)  # offered on the last day
    assert te_laat(aangeboden=date(2026, 2, 1), huur=date(2026, 3, 1)) == (False, True)  # not moved after 2 weeks
    assert te_laat(aangeboden=date(2026, 2, 1), huur=date(2026, 3, 1), gehuisvest=date(2026, 3, 15)) == (False, False)
    assert te_laat(aangeboden=date(2026, 2, 1), huur=date(2026, 3, 1), gehuisvest=date(2026, 3, 16)) == (False, True)


def test_telmomenten_op_een_peildatum_en_de_periode_waarin_een_huishouden_telt():
    gezin = s.PlaatsingInvoer(
        date(2026, 1, 5), 3, datum_gehuisvest=date(2026, 6, 30), nareizigers=((date(2026, 7, 1), 2),)
    )
    assert s.telmomenten([gezin], date(2026, 6, 30)) == [(date(2026, 6, 30), 3)]  # the nareizigers came later
    assert s.telmomenten([gezin]) == [(date(2026, 6, 30), 3), (date(2026, 7, 1), 2)]
    h1 = s.PeriodeInvoer("2026-H1", date(2026, 1, 1), date(2026, 6, 30), 10)
    h2 = s.PeriodeInvoer("2026-H2", date(2026, 7, 1), date(2026, 12, 31), 10)
    assert s.periode_van(s.telmoment(date(2026, 6, 30), False), [h1, h2]) == h1
    assert s.periode_van(s.telmoment(date(2026, 6, 30), True), [h1, h2]) is None  # ended: counts nowhere
    assert s.periode_van(date(2027, 1, 1), [h1, h2]) is None


def test_interventiestatus_trede_op_de_peildatum_en_waarschuwing_bij_de_drempel():
    keten = s.bereken_keten(
        [jaar(2023, 10, realisatie_officieel=0), jaar(2024, 10, realisatie_officieel=0)], date(2025, 3, 1)
    )
    historie = [s.TredeStap(2, "Twee", date(2024, 1, 1), "brief"), s.TredeStap(3, "Drie", date(2025, 3, 2))]
    status = s.interventiestatus(date(2025, 3, 1), keten, historie, drempel=2)
    assert (status.trede, status.sinds, status.bron, status.achterstand_perioden) == (2, "01-01-2024", "brief", 2)
    assert status.waarschuwing and status.toelichting.startswith("Waarschuwing")
    assert [h["trede"] for h in status.historie] == [3, 2]  # newest first
    assert not s.interventiestatus(date(2025, 3, 1), keten, historie, drempel=3).waarschuwing
    assert s.interventiestatus(date(2023, 1, 1), keten, historie, drempel=3).trede is None


def test_kerncijfers_prognose_uit_de_pijplijn_bepaalt_risico_of_achter():
    keten = s.bereken_keten([halfjaar(2026, 1, 60, realisatie_eigen=5)], date(2026, 4, 1))  # norm 30
    ladder = s.interventiestatus(date(2026, 4, 1), keten, [], drempel=4)
    risico = s.kerncijfers(date(2026, 4, 1), keten, 55, (1, 2), ladder)
    assert (risico.status, risico.prognose_realisatie, risico.prognose_saldo_eind) == ("risico", 60, 0)
    assert (risico.koppelingen_over_termijn, risico.verhuizingen_over_termijn) == (1, 2)
    assert s.kerncijfers(date(2026, 4, 1), keten, 54, (0, 0), ladder).status == "achter"
    geen = s.kerncijfers(date(2027, 1, 1), [], 0, (0, 0), ladder)
    assert geen.status == "onbekend" and "01-01-2027" in geen.toelichting


def test_periode_label_en_vorm():
    assert s.periode_label(date(2025, 1, 1), date(2025, 6, 30)) == "2025-H1"
    assert s.periode_label(date(2025, 7, 1), date(2025, 12, 31)) == "2025-H2"
    assert s.periode_label(date(2024, 1, 1), date(2024, 12, 31)) == "2024"
    assert s.periode_label(date(2025, 2, 1), date(2025, 6, 30)) is None


def test_keten_meldt_overlap_en_gat_in_het_nederlands():
    fouten = s.valideer_keten(
        [
            ("2024", date(2024, 1, 1), date(2024, 12, 31)),
            ("2024-H2", date(2024, 7, 1), date(2024, 12, 31)),
        ]
    )
    assert fouten and "overlapt" in fouten[0]
    fouten = s.valideer_keten(
        [
            ("2024", date(2024, 1, 1), date(2024, 12, 31)),
            ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        ]
    )
    assert fouten and "gat" in fouten[0]
    assert (
        s.valideer_keten(
            [("2024", date(2024, 1, 1), date(2024, 12, 31)), ("2025-H1", date(2025, 1, 1), date(2025, 6, 30))]
        )
        == []
    )


def test_opeenvolgende_achterstand_telt_alleen_afgesloten_perioden_terug():
    keten = [
        jaar(2022, 10, realisatie_officieel=5),
        jaar(2023, 10, realisatie_officieel=30),
        jaar(2024, 30, realisatie_officieel=0),
        halfjaar(2025, 1, 10, realisatie_officieel=0),
        halfjaar(2025, 2, 10, realisatie_officieel=0),
    ]
    r = s.bereken_keten(keten, date(2025, 9, 1))  # 2025-H2 still running
    assert [x.saldo_eind for x in r[:4]] == [-5, 15, -15, -25]
    assert s.opeenvolgende_achterstand(r) == 2


def test_afstemming_per_maand():
    momenten = [(date(2026, 1, 10), 2), (date(2026, 2, 3), 3), (date(2026, 2, 28), 1)]
    rijen = s.afstemming(date(2026, 1, 1), date(2026, 6, 30), momenten, {date(2026, 1, 1): 1, date(2026, 2, 1): 5})
    assert len(rijen) == 6
    assert (rijen[0].eigen_cumulatief, rijen[0].coa_cumulatief, rijen[0].verschil) == (2, 1, 1)
    assert (rijen[1].eigen, rijen[1].eigen_cumulatief, rijen[1].coa, rijen[1].verschil) == (4, 6, 4, 1)
    assert rijen[2].coa_cumulatief is None and rijen[2].verschil is None


def test_regio_relatieve_maten():
    r = s.regio_rij("A", "GM1", True, False, netto=40, realisatie=30, saldo_eind=-10, inwoners=40000)
    assert (r.gecorrigeerd, r.pct_gerealiseerd, r.saldo_per_1000) == (40, 75.0, -0.25)
    eigen = s.regio_rij("N", "GM2", True, True, netto=38, realisatie=25, saldo_eind=-38, inwoners=45000)
    assert s.slechter_dan(eigen, 75.0, -0.25) is True
    assert s.slechter_dan(None, 75.0, -0.25) is None


def test_percentages_ronden_half_naar_boven_af():
    """1 of 16 is 6,25 %: 6,3 % as everywhere else in the application (round() on floats gave 6,2)."""
    assert (
        s.regio_rij("A", "GM1", True, False, netto=16, realisatie=1, saldo_eind=-15, inwoners=None).pct_gerealiseerd
        == 6.3
    )
    assert s.succesratio(1, 16) == 6.3
    assert procent(6.3) == "6,3 %" and procent(65.0) == "65,0 %" and procent(None) == "onbekend"


def test_regiovergelijking_tegen_het_gemiddelde_van_de_andere_gemeenten():
    rijen = [
        s.regio_rij("Noordwijk", "GM0575", True, True, 91, 83, -25, 45000),  # 76,9 %
        s.regio_rij("Katwijk", "GM0537", True, False, 120, 120, 0, 66000),  # 100 %
        s.regio_rij("Lisse", "GM0553", True, False, 40, 36, -4, 23000),  # 90 %
        s.regio_rij("Leiden", "GM0546", False, False, 200, 100, -100, 128000),  # 50 %
    ]
    v = s.vergelijk_regio("2024", rijen, "geïmporteerde regiocijfers")
    assert (v.eigen.gemeente, v.subregio_gemiddeld_pct, v.regio_gemiddeld_pct) == ("Noordwijk", 95.0, 80.0)
    assert v.slechter_dan_subregio is True and v.slechter_dan_regio is True
    assert "76,9 %" in v.toelichting and "95,0 %" in v.toelichting
    zonder_eigen = s.vergelijk_regio("2024", rijen[1:], "")
    assert (
        zonder_eigen.slechter_dan_subregio is None and "Geen cijfers van de eigen gemeente" in zonder_eigen.toelichting
    )


def test_succesratio_en_complete_cohort():
    assert s.succesratio(12, 20) == 60.0
    assert s.succesratio(0, 0) is None
    assert not s.cohort_compleet(2022, date(2025, 12, 31))
    assert s.cohort_compleet(2022, date(2026, 1, 1))


# ----------------------------------------------------------------------------- properties


@st.composite
def ketens(draw):
    """Any chain of consecutive half years, optionally starting with whole years."""
    n_jaren = draw(st.integers(0, 3))
    n_half = draw(st.integers(0 if n_jaren else 1, 6))
    perioden, j = [], 2010
    for _ in range(n_jaren):
        perioden.append(
            jaar(
                j,
                draw(st.integers(0, 300)),
                realisatie_eigen=draw(st.integers(0, 300)),
                realisatie_officieel=draw(st.none() | st.integers(0, 300)),
            )
        )
        j += 1
    for k in range(n_half):
        perioden.append(
            halfjaar(
                j + k // 2,
                k % 2 + 1,
                draw(st.integers(0, 300)),
                realisatie_eigen=draw(st.integers(0, 300)),
                realisatie_officieel=draw(st.none() | st.integers(0, 300)),
            )
        )
    return perioden


@given(ketens(), st.integers(-200, 200), st.dates(date(2005, 1, 1), date(2030, 12, 31)))
def test_saldo_eind_laatste_periode_is_opening_plus_realisatie_min_netto(keten, opening, peildatum):
    r = s.bereken_keten(keten, peildatum, opening_saldo=opening)
    assert r[-1].saldo_eind == opening + sum(x.realisatie for x in r) - sum(x.netto for x in r)
    for vorige, volgende in zip(r, r[1:], strict=False):
        assert volgende.saldo_begin == vorige.saldo_eind
    for p, x in zip(keten, r, strict=True):
        assert x.gecorrigeerd == x.netto - x.saldo_begin
        assert x.nog_te_realiseren == max(0, x.gecorrigeerd - x.realisatie)
        # the official total when entered and known on the peildatum (a fact of its date, without one of
        # the period's last day), else the own registration: checked for both cases
        officieel = p.realisatie_officieel is not None and (p.realisatie_officieel_per or p.einddatum) <= peildatum
        assert (x.realisatie, x.bron) == (
            (p.realisatie_officieel, s.BRON_OFFICIEEL) if officieel else (p.realisatie_eigen, s.BRON_EIGEN)
        )
    assert s.valideer_keten([(p.label, p.begindatum, p.einddatum) for p in keten]) == []


@given(st.integers(-500, 500), st.dates(date(2024, 12, 1), date(2026, 2, 1)), st.integers(0, 400))
def test_norm_is_monotoon_en_begrensd(gecorrigeerd, dag, stap):
    begin, eind = date(2025, 1, 1), date(2025, 6, 30)
    later = dag + timedelta(days=stap)
    a = s.op_schema_norm(gecorrigeerd, begin, eind, dag)
    b = s.op_schema_norm(gecorrigeerd, begin, eind, later)
    assert 0 <= a <= b <= max(0, gecorrigeerd)


@given(st.lists(st.tuples(st.dates(date(2025, 1, 1), date(2026, 12, 31)), st.integers(1, 9)), max_size=40))
def test_elke_persoon_telt_in_precies_een_aaneengesloten_periode(momenten):
    perioden = [
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert sum(s.realisatie_in(momenten, b, e) for b, e in perioden) == sum(n for _d, n in momenten)


DAG = st.dates(date(2024, 12, 1), date(2027, 1, 31))


@given(
    st.lists(st.tuples(DAG, st.integers(0, 9)), max_size=60),
    st.lists(st.tuples(DAG, DAG), max_size=12),
)
def test_telling_geeft_per_periode_precies_de_realisatie_van_de_regel(momenten, perioden):
    """The fast path behind the period overview and the COA reconciliation (per-day sums, binary search)
    counts in every period, boundary days and reversed or empty periods included, exactly the persons
    :func:`realisatie_in` counts."""
    telling = s.Telling(momenten)
    grenzen = [*perioden, *((d, d) for d, _n in momenten), *((d, d + timedelta(days=1)) for d, _n in momenten)]
    for begin, eind in grenzen:
        assert telling.realisatie_in(begin, eind) == s.realisatie_in(momenten, begin, eind)
