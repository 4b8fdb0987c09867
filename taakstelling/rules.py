"""Taakstelling huisvesting statushouders: the rules of domain.md §1 as PURE functions.

Plain values and dataclasses in, dataclasses out: this module never touches the models, querysets
or the database (``queries.py`` loads the data and calls these; the models may import this module,
never the other way round). Where a rule also runs in SQL — the counting rule and the two legal
terms, counted and filtered in the database — its query form (``*_q``) stands right beside it, and
``tests/test_regels_sql.py`` proves on generated placements that both agree.

Carry-over rule (saldo > 0 = voorsprong, saldo < 0 = achterstand)::

    saldo_begin(p)         = saldo_eind(p-1)   (first period: entered opening saldo, default 0;
                                                 an official COA figure overrides it)
    gecorrigeerd(p)        = netto(p) - saldo_begin(p)
    realisatie(p)          = persons housed with counting date inside p (nareizigers included),
                             or the official total of the period when one is entered
    saldo_eind(p)          = saldo_begin(p) + realisatie(p) - netto(p)
    nog_te_realiseren(p)   = max(0, gecorrigeerd(p) - realisatie(p))
    op_schema_norm(p, dag) = max(0, gecorrigeerd(p)) * verstreken maanden / maanden in p
                             (COA's "1/6 per maand", rounded up to whole persons)
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import F, Q

from noordwijk_migratie.getallen import afgerond, datum, percentage, procent, saldo

KOPPEL_TERMIJN = timedelta(weeks=10)  # woning aanbieden binnen 10 weken na koppeling
VERHUIS_TERMIJN = timedelta(weeks=2)  # verhuizen binnen 2 weken na ingang huurovereenkomst
INBURGERING_TERMIJN_JAREN = 3

BRON_OFFICIEEL = "officieel"
BRON_EIGEN = "eigen"
BRON_TEKST = {
    BRON_OFFICIEEL: "officieel totaal van de periode",
    BRON_EIGEN: "eigen registratie (plaatsingen en nareizigers)",
}
SALDO_BRON_TEKST = {
    "opening": "beginsaldo van de eerste periode (standaard 0)",
    "officieel": "officieel beginsaldo (COA)",
    "vorige": "saldo eind van de vorige periode",
}

MAANDNAMEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


# --------------------------------------------------------------------------- perioden


def periode_label(begindatum: date, einddatum: date) -> str | None:
    """'2025-H1', '2025-H2' or '2022' (whole year); None when the dates are no such period."""
    if begindatum.year != einddatum.year or begindatum.day != 1:
        return None
    jaar = begindatum.year
    if (begindatum.month, einddatum.month, einddatum.day) == (1, 6, 30):
        return f"{jaar}-H1"
    if (begindatum.month, einddatum.month, einddatum.day) == (7, 12, 31):
        return f"{jaar}-H2"
    if (begindatum.month, einddatum.month, einddatum.day) == (1, 12, 31):
        return str(jaar)
    return None


def maanden_in(begindatum: date, einddatum: date) -> int:
    return (einddatum.year - begindatum.year) * 12 + einddatum.month - begindatum.month + 1


def verstreken_maanden(begindatum: date, einddatum: date, peildatum: date) -> int:
    """Whole calendar months of the period completed before ``peildatum`` (COA's month stand
    on the 1st): 0 on the first day, all months after the last day."""
    if peildatum <= begindatum:
        return 0
    if peildatum > einddatum:
        return maanden_in(begindatum, einddatum)
    return (peildatum.year - begindatum.year) * 12 + peildatum.month - begindatum.month


def op_schema_norm(gecorrigeerd: int, begindatum: date, einddatum: date, peildatum: date) -> int:
    """COA norm: 1/6 of the gecorrigeerde taakstelling per elapsed month of a half year (1/12
    for a whole year), rounded up to whole persons; 0 when a voorsprong covers the period."""
    maanden = maanden_in(begindatum, einddatum)
    verstreken = verstreken_maanden(begindatum, einddatum, peildatum)
    return -(-max(0, gecorrigeerd) * verstreken // maanden)


def valideer_keten(perioden: Iterable[tuple[str, date, date]]) -> list[str]:
    """Dutch messages for overlaps and gaps in a chain of (label, begindatum, einddatum)."""
    fouten = []
    rij = sorted(perioden, key=lambda p: (p[1], p[2]))
    for (label_a, begin_a, eind_a), (label_b, begin_b, eind_b) in zip(rij, rij[1:], strict=False):
        if begin_b <= eind_a:
            fouten.append(
                f"Periode {label_b} ({datum(begin_b)} t/m {datum(eind_b)}) overlapt met periode "
                f"{label_a} ({datum(begin_a)} t/m {datum(eind_a)})."
            )
        elif begin_b != eind_a + timedelta(days=1):
            fouten.append(
                f"Er zit een gat tussen periode {label_a} (t/m {datum(eind_a)}) en periode {label_b} "
                f"(vanaf {datum(begin_b)}): perioden moeten aaneensluiten."
            )
    return fouten


def in_periode(dag: date, begindatum: date, einddatum: date) -> bool:
    """A day belongs to a period from its first through its last day (both boundary days)."""
    return begindatum <= dag <= einddatum


def periode_van(dag: date | None, perioden: Iterable):
    """The period (anything with ``begindatum``/``einddatum``) that holds ``dag``; None if none does."""
    if dag is None:
        return None
    return next((p for p in perioden if in_periode(dag, p.begindatum, p.einddatum)), None)


@dataclass(frozen=True)
class PeriodeInvoer:
    label: str
    begindatum: date
    einddatum: date
    netto: int
    realisatie_eigen: int = 0
    realisatie_officieel: int | None = None
    realisatie_coa: int | None = None
    saldo_begin_officieel: int | None = None
    id: int | None = None


@dataclass
class PeriodeResultaat:
    """One period with every figure side by side (JSON-serialisable: dates as ISO strings)."""

    id: int | None
    label: str
    begindatum: str
    einddatum: str
    looptijd: str
    status: str  # "afgesloten", "lopend" or "toekomstig" on the peildatum
    netto: int
    saldo_begin: int
    saldo_begin_bron: str
    gecorrigeerd: int
    realisatie: int  # the count used: official total when entered, else own registration
    bron: str  # BRON_OFFICIEEL or BRON_EIGEN
    bron_tekst: str
    realisatie_eigen: int
    realisatie_coa: int | None
    verschil_eigen_coa: int | None
    saldo_eind: int
    nog_te_realiseren: int
    op_schema_norm: int
    op_schema: bool
    verstreken_maanden: int
    maanden: int

    @property
    def saldo_begin_tekst(self) -> str:
        return saldo(self.saldo_begin)

    @property
    def saldo_eind_tekst(self) -> str:
        return saldo(self.saldo_eind)


def bereken_periode(p: PeriodeInvoer, saldo_begin: int, saldo_begin_bron: str, peildatum: date) -> PeriodeResultaat:
    gecorrigeerd = p.netto - saldo_begin
    if p.realisatie_officieel is not None:
        realisatie, bron = p.realisatie_officieel, BRON_OFFICIEEL
    else:
        realisatie, bron = p.realisatie_eigen, BRON_EIGEN
    norm = op_schema_norm(gecorrigeerd, p.begindatum, p.einddatum, peildatum)
    if peildatum > p.einddatum:
        status = "afgesloten"
    elif peildatum >= p.begindatum:
        status = "lopend"
    else:
        status = "toekomstig"
    return PeriodeResultaat(
        id=p.id,
        label=p.label,
        begindatum=p.begindatum.isoformat(),
        einddatum=p.einddatum.isoformat(),
        looptijd=f"{datum(p.begindatum)} t/m {datum(p.einddatum)}",
        status=status,
        netto=p.netto,
        saldo_begin=saldo_begin,
        saldo_begin_bron=saldo_begin_bron,
        gecorrigeerd=gecorrigeerd,
        realisatie=realisatie,
        bron=bron,
        bron_tekst=BRON_TEKST[bron],
        realisatie_eigen=p.realisatie_eigen,
        realisatie_coa=p.realisatie_coa,
        verschil_eigen_coa=None if p.realisatie_coa is None else p.realisatie_eigen - p.realisatie_coa,
        saldo_eind=saldo_begin + realisatie - p.netto,
        nog_te_realiseren=max(0, gecorrigeerd - realisatie),
        op_schema_norm=norm,
        op_schema=realisatie >= norm,
        verstreken_maanden=verstreken_maanden(p.begindatum, p.einddatum, peildatum),
        maanden=maanden_in(p.begindatum, p.einddatum),
    )


def bereken_keten(perioden: Sequence[PeriodeInvoer], peildatum: date, opening_saldo: int = 0) -> list[PeriodeResultaat]:
    """Apply the carry-over rule along the chain (sorted by begindatum)."""
    resultaten = []
    saldo_begin, bron = opening_saldo, "opening"
    for p in sorted(perioden, key=lambda x: x.begindatum):
        if p.saldo_begin_officieel is not None:
            saldo_begin, bron = p.saldo_begin_officieel, "officieel"
        r = bereken_periode(p, saldo_begin, SALDO_BRON_TEKST[bron], peildatum)
        resultaten.append(r)
        saldo_begin, bron = r.saldo_eind, "vorige"
    return resultaten


def huidige_periode(overzicht: Sequence[PeriodeResultaat]) -> PeriodeResultaat | None:
    return next((r for r in overzicht if r.status == "lopend"), None)


def laatste_afgesloten(overzicht: Sequence[PeriodeResultaat]) -> PeriodeResultaat | None:
    return next((r for r in reversed(overzicht) if r.status == "afgesloten"), None)


def opeenvolgende_achterstand(resultaten: Sequence[PeriodeResultaat]) -> int:
    """Number of consecutive closed periods, counted back from the latest, with saldo eind < 0."""
    aantal = 0
    for r in reversed([r for r in resultaten if r.status == "afgesloten"]):
        if r.saldo_eind >= 0:
            break
        aantal += 1
    return aantal


# --------------------------------------------------------------------------- plaatsingen


@dataclass(frozen=True)
class PlaatsingInvoer:
    koppeldatum: date
    personen: int
    datum_woning_aangeboden: date | None = None
    datum_huurovereenkomst: date | None = None
    datum_gehuisvest: date | None = None
    beeindigd: bool = False
    nareizigers: tuple[tuple[date, int], ...] = ()


def personen_expr():
    """The persons of a household (``Plaatsing.personen``) as a query expression."""
    return F("volwassenen") + F("minderjarigen")


def plaatsing_status(aangeboden: date | None, huur: date | None, gehuisvest: date | None, beeindiging: str) -> str:
    if beeindiging:
        return beeindiging
    if gehuisvest:
        return "gehuisvest"
    if huur:
        return "huurovereenkomst"
    if aangeboden:
        return "woning_aangeboden"
    return "gekoppeld"


def telmoment(gehuisvest: date | None, beeindigd: bool) -> date | None:
    """The day a household counts towards the taakstelling: its housing date, unless it was ended
    (ontkoppeld/geannuleerd). None while it does not count."""
    return None if beeindigd else gehuisvest


def telmomenten(plaatsingen: Iterable[PlaatsingInvoer], peildatum: date | None = None) -> list[tuple[date, int]]:
    """(counting date, persons) known on ``peildatum`` (all when None): a housed household on its
    housing date, each group of nareizigers on its own arrival date. Ended households never count,
    nor do their nareizigers. In SQL: :func:`telt_mee_q` and :func:`nareiziger_telt_mee_q`."""
    momenten = []
    for p in plaatsingen:
        dag = telmoment(p.datum_gehuisvest, p.beeindigd)
        if dag is not None:
            momenten.append((dag, p.personen))
        if not p.beeindigd:
            momenten.extend(p.nareizigers)
    return [(dag, n) for dag, n in momenten if peildatum is None or dag <= peildatum]


def telt_mee_q(peildatum: date | None = None) -> Q:
    """:func:`telmomenten` for households, as a condition on placements (counted on datum_gehuisvest)."""
    q = Q(beeindiging="", datum_gehuisvest__isnull=False)
    return q if peildatum is None else q & Q(datum_gehuisvest__lte=peildatum)


def nareiziger_telt_mee_q(peildatum: date | None = None) -> Q:
    """:func:`telmomenten` for nareizigers, as a condition on them (counted on their own date)."""
    q = Q(plaatsing__beeindiging="")
    return q if peildatum is None else q & Q(datum__lte=peildatum)


def realisatie_in(momenten: Iterable[tuple[date, int]], begindatum: date, einddatum: date) -> int:
    """Persons counted in the period; both boundary days belong to it."""
    return sum(aantal for dag, aantal in momenten if in_periode(dag, begindatum, einddatum))


def aanbod_uiterlijk(koppeldatum: date) -> date:
    return koppeldatum + KOPPEL_TERMIJN


def verhuizing_uiterlijk(huur: date) -> date:
    return huur + VERHUIS_TERMIJN


def koppeling_over_termijn(
    koppeldatum: date, aangeboden: date | None, gehuisvest: date | None, beeindigd: bool, peildatum: date
) -> bool:
    """Still waiting for a housing offer more than 10 weeks after the koppeling (not housed, not ended).
    In SQL: :func:`koppeling_over_termijn_q`."""
    return not beeindigd and gehuisvest is None and aangeboden is None and peildatum > aanbod_uiterlijk(koppeldatum)


def koppeling_over_termijn_q(peildatum: date) -> Q:
    return Q(
        beeindiging="",
        datum_gehuisvest__isnull=True,
        datum_woning_aangeboden__isnull=True,
        koppeldatum__lt=peildatum - KOPPEL_TERMIJN,
    )


def verhuizing_over_termijn(huur: date | None, gehuisvest: date | None, beeindigd: bool, peildatum: date) -> bool:
    """Not moved more than 2 weeks after the start of the lease (not ended).
    In SQL: :func:`verhuizing_over_termijn_q`."""
    return not beeindigd and huur is not None and gehuisvest is None and peildatum > verhuizing_uiterlijk(huur)


def verhuizing_over_termijn_q(peildatum: date) -> Q:
    return Q(beeindiging="", datum_gehuisvest__isnull=True, datum_huurovereenkomst__lt=peildatum - VERHUIS_TERMIJN)


def in_pijplijn_q() -> Q:
    """Households expected to be housed soon: a housing offer or a lease, not yet housed, not ended."""
    return Q(beeindiging="", datum_gehuisvest__isnull=True, datum_woning_aangeboden__isnull=False)


@dataclass
class TijdlijnStap:
    stap: str
    datum: str  # dd-mm-jjjj or ""
    termijn: str
    te_laat: bool


def tijdlijn(
    koppeldatum: date,
    aangeboden: date | None,
    huur: date | None,
    gehuisvest: date | None,
    beeindiging: str,
    datum_beeindigd: date | None,
    peildatum: date,
) -> list[TijdlijnStap]:
    """The dated pipeline of one placement with its two legal terms: a step is late when it was
    taken after its deadline, or is still open past it (the signal rules above)."""
    beeindigd = bool(beeindiging)
    uiterlijk_aanbod = aanbod_uiterlijk(koppeldatum)
    if aangeboden:
        aanbod_te_laat = aangeboden > uiterlijk_aanbod
    else:
        aanbod_te_laat = koppeling_over_termijn(koppeldatum, aangeboden, gehuisvest, beeindigd, peildatum)
    stappen = [
        TijdlijnStap("Gekoppeld door het COA", datum(koppeldatum), "", False),
        TijdlijnStap(
            "Woning aangeboden",
            datum(aangeboden),
            f"uiterlijk {datum(uiterlijk_aanbod)} (10 weken na koppeling)",
            aanbod_te_laat,
        ),
        TijdlijnStap("Huurovereenkomst ingegaan", datum(huur), "", False),
    ]
    if huur:
        uiterlijk = verhuizing_uiterlijk(huur)
        if gehuisvest:
            verhuis_te_laat = gehuisvest > uiterlijk
        else:
            verhuis_te_laat = verhuizing_over_termijn(huur, gehuisvest, beeindigd, peildatum)
        termijn = f"uiterlijk {datum(uiterlijk)} (2 weken na ingang huur)"
    else:
        verhuis_te_laat, termijn = False, "2 weken na ingang huurovereenkomst"
    stappen.append(TijdlijnStap("Gehuisvest (telt mee)", datum(gehuisvest), termijn, verhuis_te_laat))
    if beeindiging:
        stappen.append(TijdlijnStap(beeindiging.capitalize(), datum(datum_beeindigd), "", False))
    return stappen


# --------------------------------------------------------------------------- interventieladder


@dataclass(frozen=True)
class TredeStap:
    """From ``vanaf`` the province placed the gemeente on rung ``nummer``."""

    nummer: int
    naam: str
    vanaf: date
    bron: str = ""
    notities: str = ""


@dataclass
class Interventiestatus:
    peildatum: str
    trede: int | None
    trede_naam: str
    sinds: str  # dd-mm-jjjj or ""
    bron: str
    notities: str
    achterstand_perioden: int
    drempel: int
    waarschuwing: bool
    toelichting: str
    historie: list[dict] = field(default_factory=list)


def interventiestatus(
    peildatum: date, overzicht: Sequence[PeriodeResultaat], historie: Sequence[TredeStap], drempel: int
) -> Interventiestatus:
    """The rung on ``peildatum`` (the latest step from on or before it) and the warning: ``drempel``
    closed periods in a row behind."""
    historie = sorted(historie, key=lambda h: h.vanaf, reverse=True)
    huidig = next((h for h in historie if h.vanaf <= peildatum), None)
    achter = opeenvolgende_achterstand(overzicht)
    waarschuwing = achter >= drempel
    toelichting = (
        f"{achter} afgesloten periode(n) op rij met een achterstand (saldo eind onder 0); de waarschuwingsdrempel "
        f"is {drempel}. Na vier halfjaren achter elkaar een achterstand kan de provincie ingrijpen."
    )
    if waarschuwing:
        toelichting = "Waarschuwing: " + toelichting
    return Interventiestatus(
        peildatum=peildatum.isoformat(),
        trede=huidig.nummer if huidig else None,
        trede_naam=huidig.naam if huidig else "",
        sinds=datum(huidig.vanaf) if huidig else "",
        bron=huidig.bron if huidig else "",
        notities=huidig.notities if huidig else "",
        achterstand_perioden=achter,
        drempel=drempel,
        waarschuwing=waarschuwing,
        toelichting=toelichting,
        historie=[{"trede": h.nummer, "naam": h.naam, "vanaf": datum(h.vanaf), "bron": h.bron} for h in historie],
    )


# --------------------------------------------------------------------------- kerncijfers


STATUS_TEKST = {
    "op_schema": "op schema",
    "risico": "risico",
    "achter": "achter",
    "onbekend": "onbekend",
}
STATUS_REGEL = (
    "Op schema als de realisatie ten minste de COA-norm haalt (1/6 van de gecorrigeerde taakstelling per "
    "verstreken maand); risico als de realisatie onder die norm ligt maar de prognose (realisatie plus de "
    "personen met een aangeboden woning of huurovereenkomst) de gecorrigeerde taakstelling haalt; achter als "
    "ook de prognose tekortschiet."
)


def beoordeel(periode: PeriodeResultaat | None, in_pijplijn: int) -> str:
    """'op_schema', 'risico', 'achter' or 'onbekend' (see STATUS_REGEL)."""
    if periode is None:
        return "onbekend"
    if periode.op_schema:
        return "op_schema"
    if periode.realisatie + in_pijplijn >= periode.gecorrigeerd:
        return "risico"
    return "achter"


@dataclass
class Kerncijfers:
    peildatum: str
    periode: PeriodeResultaat | None  # the running period (None when none is entered)
    in_pijplijn: int  # persons with woning aangeboden or huurovereenkomst, expected to be housed
    prognose_realisatie: int | None
    prognose_saldo_eind: int | None
    status: str  # "op_schema", "risico", "achter", "onbekend"
    status_tekst: str
    regel: str
    toelichting: str
    koppelingen_over_termijn: int
    verhuizingen_over_termijn: int
    trede: int | None
    achterstand_perioden: int
    drempel: int
    trede_waarschuwing: bool
    trede_toelichting: str
    laatste_afgesloten: PeriodeResultaat | None


def kerncijfers(
    peildatum: date,
    overzicht: Sequence[PeriodeResultaat],
    in_pijplijn: int,
    over_termijn: tuple[int, int],
    ladder: Interventiestatus,
) -> Kerncijfers:
    """Current period, forecast for its end from the pipeline, status with its rule, the two signals
    (``over_termijn``: koppelingen, verhuizingen past their term) and the interventieladder."""
    periode = huidige_periode(overzicht)
    status = beoordeel(periode, in_pijplijn)
    if periode is None:
        prognose = prognose_saldo = None
        toelichting = f"Er is geen periode ingevoerd die {datum(peildatum)} bevat."
    else:
        prognose = periode.realisatie + in_pijplijn
        prognose_saldo = periode.saldo_begin + prognose - periode.netto
        toelichting = (
            f"Periode {periode.label}: realisatie {periode.realisatie} ({periode.bron_tekst}) tegen een COA-norm van "
            f"{periode.op_schema_norm} na {periode.verstreken_maanden} van {periode.maanden} maanden; gecorrigeerde "
            f"taakstelling {periode.gecorrigeerd}; prognose {prognose} (nog {in_pijplijn} in de pijplijn)."
        )
    koppelingen, verhuizingen = over_termijn
    return Kerncijfers(
        peildatum=peildatum.isoformat(),
        periode=periode,
        in_pijplijn=in_pijplijn,
        prognose_realisatie=prognose,
        prognose_saldo_eind=prognose_saldo,
        status=status,
        status_tekst=STATUS_TEKST[status],
        regel=STATUS_REGEL,
        toelichting=toelichting,
        koppelingen_over_termijn=koppelingen,
        verhuizingen_over_termijn=verhuizingen,
        trede=ladder.trede,
        achterstand_perioden=ladder.achterstand_perioden,
        drempel=ladder.drempel,
        trede_waarschuwing=ladder.waarschuwing,
        trede_toelichting=ladder.toelichting,
        laatste_afgesloten=laatste_afgesloten(overzicht),
    )


# --------------------------------------------------------------------------- COA-afstemming


def volgende_maand(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def coa_stand_bekend(maand: date, peildatum: date) -> bool:
    """COA publishes the stand of a month on the 1st of the next month."""
    return volgende_maand(maand) <= peildatum


@dataclass
class AfstemmingsRij:
    maand: str  # "jan 2025"
    maand_iso: str
    eigen: int
    eigen_cumulatief: int
    coa_cumulatief: int | None
    coa: int | None  # COA's increase this month (from consecutive stands)
    verschil: int | None  # eigen_cumulatief - coa_cumulatief


def maand_tekst(maand: date) -> str:
    return f"{MAANDNAMEN[maand.month - 1]} {maand.year}"


def afstemming(
    begindatum: date, einddatum: date, momenten: Iterable[tuple[date, int]], coa_standen: dict[date, int]
) -> list[AfstemmingsRij]:
    """Per month of the period: own count, COA's cumulative stand for that month, difference."""
    momenten = list(momenten)
    rijen, cumulatief, vorige_coa = [], 0, 0
    maand = date(begindatum.year, begindatum.month, 1)
    while maand <= einddatum:
        einde = volgende_maand(maand) - timedelta(days=1)
        eigen = realisatie_in(momenten, max(maand, begindatum), min(einde, einddatum))
        cumulatief += eigen
        coa_cum = coa_standen.get(maand)
        coa = None
        if coa_cum is not None:
            coa, vorige_coa = coa_cum - vorige_coa, coa_cum
        rijen.append(
            AfstemmingsRij(
                maand=maand_tekst(maand),
                maand_iso=maand.isoformat(),
                eigen=eigen,
                eigen_cumulatief=cumulatief,
                coa_cumulatief=coa_cum,
                coa=coa,
                verschil=None if coa_cum is None else cumulatief - coa_cum,
            )
        )
        maand = volgende_maand(maand)
    return rijen


# --------------------------------------------------------------------------- regio


@dataclass
class RegioRij:
    gemeente: str
    cbs_code: str
    subregio: bool
    eigen: bool
    netto: int
    realisatie: int
    saldo_eind: int
    inwoners: int | None
    gecorrigeerd: int
    pct_gerealiseerd: float | None
    saldo_per_1000: float | None


def _getal(waarde: Decimal | None) -> float | None:
    """A rounded figure as a float, so the results stay plain JSON (report snapshots)."""
    return None if waarde is None else float(waarde)


def regio_rij(gemeente, cbs_code, subregio, eigen, netto, realisatie, saldo_eind, inwoners) -> RegioRij:
    """Relative measures: saldo_eind = saldo_begin + realisatie - netto, so
    gecorrigeerd = netto - saldo_begin = realisatie - saldo_eind."""
    gecorrigeerd = realisatie - saldo_eind
    pct = percentage(realisatie, gecorrigeerd) if gecorrigeerd > 0 else None
    per_1000 = afgerond(Decimal(1000 * saldo_eind) / inwoners, 2) if inwoners else None
    return RegioRij(
        gemeente,
        cbs_code,
        subregio,
        eigen,
        netto,
        realisatie,
        saldo_eind,
        inwoners,
        gecorrigeerd,
        _getal(pct),
        _getal(per_1000),
    )


def gemiddelde(waarden: Iterable[float | None]) -> float | None:
    lijst = [Decimal(str(w)) for w in waarden if w is not None]
    return _getal(afgerond(sum(lijst) / len(lijst), 2)) if lijst else None


def slechter_dan(eigen: RegioRij | None, gem_pct: float | None, gem_saldo: float | None) -> bool | None:
    """Worse than average: a lower % of the gecorrigeerde taakstelling realised; when that measure
    is missing, a lower (more negative) saldo per 1,000 inwoners. None when nothing compares."""
    if eigen is None:
        return None
    if eigen.pct_gerealiseerd is not None and gem_pct is not None:
        return eigen.pct_gerealiseerd < gem_pct
    if eigen.saldo_per_1000 is not None and gem_saldo is not None:
        return eigen.saldo_per_1000 < gem_saldo
    return None


REGIO_DEFINITIE = (
    "Vergeleken worden relatieve cijfers: het percentage van de gecorrigeerde taakstelling dat is gerealiseerd "
    "(gecorrigeerd = realisatie − saldo eind) en het saldo eind per 1.000 inwoners. Het gemiddelde is het "
    "ongewogen gemiddelde van de ándere gemeenten in de (sub)regio met cijfers voor deze periode. 'Slechter' "
    "betekent een lager percentage gerealiseerd (of, als dat ontbreekt, een lager saldo per 1.000 inwoners)."
)


@dataclass
class RegioVergelijking:
    periode: str
    rijen: list[RegioRij]
    eigen: RegioRij | None
    eigen_bron: str
    subregio_gemiddeld_pct: float | None
    subregio_gemiddeld_saldo_per_1000: float | None
    regio_gemiddeld_pct: float | None
    regio_gemiddeld_saldo_per_1000: float | None
    slechter_dan_subregio: bool | None
    slechter_dan_regio: bool | None
    definitie: str
    toelichting: str


def vergelijk_regio(periode: str, rijen: Sequence[RegioRij], eigen_bron: str) -> RegioVergelijking:
    """Our gemeente (the row marked ``eigen``) against the unweighted averages of the other gemeenten
    of the Duin- en Bollenstreek (``subregio``) and of all of Holland Rijnland (all rows)."""
    rijen = list(rijen)
    eigen = next((r for r in rijen if r.eigen), None)
    anderen = [r for r in rijen if not r.eigen]
    sub = [r for r in anderen if r.subregio]
    sub_pct = gemiddelde(r.pct_gerealiseerd for r in sub)
    sub_saldo = gemiddelde(r.saldo_per_1000 for r in sub)
    regio_pct = gemiddelde(r.pct_gerealiseerd for r in anderen)
    regio_saldo = gemiddelde(r.saldo_per_1000 for r in anderen)
    slechter_sub = slechter_dan(eigen, sub_pct, sub_saldo)
    slechter_regio = slechter_dan(eigen, regio_pct, regio_saldo)
    if eigen is None:
        toelichting = f"Geen cijfers van de eigen gemeente voor periode {periode}."
    else:
        oordeel = {True: "slechter dan", False: "niet slechter dan", None: "niet te vergelijken met"}
        toelichting = (
            f"Periode {periode}: {eigen.gemeente} realiseerde {procent(eigen.pct_gerealiseerd)} van de gecorrigeerde "
            f"taakstelling ({eigen.realisatie} van {eigen.gecorrigeerd}); gemiddelde Duin- en Bollenstreek "
            f"{procent(sub_pct)} ({len(sub)} andere gemeenten), gemiddelde Holland Rijnland {procent(regio_pct)} "
            f"({len(anderen)} andere gemeenten). Dat is {oordeel[slechter_sub]} het subregionale gemiddelde."
        )
    return RegioVergelijking(
        periode=periode,
        rijen=rijen,
        eigen=eigen,
        eigen_bron=eigen_bron,
        subregio_gemiddeld_pct=sub_pct,
        subregio_gemiddeld_saldo_per_1000=sub_saldo,
        regio_gemiddeld_pct=regio_pct,
        regio_gemiddeld_saldo_per_1000=regio_saldo,
        slechter_dan_subregio=slechter_sub,
        slechter_dan_regio=slechter_regio,
        definitie=REGIO_DEFINITIE,
        toelichting=toelichting,
    )


# --------------------------------------------------------------------------- inburgering

SUCCESRATIO_DEFINITIE = (
    "Succesratio = aantal inburgeringsplichtigen van het cohort dat binnen de termijn van 3 jaar aan de "
    "inburgeringsplicht heeft voldaan, gedeeld door het aantal inburgeringsplichtigen van het cohort. "
    "Er bestaat geen officiële definitie; dit is de definitie van het opgaveteam."
)
# the counts of a cohort that are part of its inburgeringsplichtigen, and all counts of a cohort
COHORT_DEELAANTALLEN = (
    "brede_intake",
    "pip_op_tijd",
    "leerroute_b1",
    "leerroute_onderwijs",
    "leerroute_z",
    "voldaan_binnen_termijn",
)
COHORT_AANTALLEN = ("cohort", "inburgeringsplichtig", *COHORT_DEELAANTALLEN)


def succesratio(voldaan_binnen_termijn: int, cohort: int) -> float | None:
    return _getal(percentage(voldaan_binnen_termijn, cohort)) if cohort > 0 else None


def cohort_termijn_einde(jaar: int) -> date:
    """The last member of cohort ``jaar`` (plicht started during that year) must be done by then."""
    return date(jaar + INBURGERING_TERMIJN_JAREN, 12, 31)


def cohort_compleet(jaar: int, peildatum: date) -> bool:
    return peildatum > cohort_termijn_einde(jaar)


@dataclass
class CohortResultaat:
    cohort: int
    inburgeringsplichtig: int
    brede_intake: int
    pip_op_tijd: int
    leerroute_b1: int
    leerroute_onderwijs: int
    leerroute_z: int
    voldaan_binnen_termijn: int
    succesratio: float | None
    termijn_einde: str
    compleet: bool


@dataclass
class InburgeringOverzicht:
    peildatum: str
    definitie: str
    cohorten: list[CohortResultaat]
    laatste_complete: CohortResultaat | None


def cohort_resultaat(aantallen: dict, peildatum: date) -> CohortResultaat:
    """``aantallen``: the counts of one cohort, keyed as :data:`COHORT_AANTALLEN`."""
    return CohortResultaat(
        **{k: aantallen[k] for k in COHORT_AANTALLEN},
        succesratio=succesratio(aantallen["voldaan_binnen_termijn"], aantallen["inburgeringsplichtig"]),
        termijn_einde=datum(cohort_termijn_einde(aantallen["cohort"])),
        compleet=cohort_compleet(aantallen["cohort"], peildatum),
    )


def inburgering(peildatum: date, cohorten: Iterable[dict]) -> InburgeringOverzicht:
    """Per cohort the counts and succesratio; the latest cohort whose 3-year term has ended."""
    resultaten = [cohort_resultaat(c, peildatum) for c in sorted(cohorten, key=lambda c: c["cohort"])]
    return InburgeringOverzicht(
        peildatum=peildatum.isoformat(),
        definitie=SUCCESRATIO_DEFINITIE,
        cohorten=resultaten,
        laatste_complete=next((c for c in reversed(resultaten) if c.compleet), None),
    )
