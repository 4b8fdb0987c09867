"""Taakstelling huisvesting statushouders: the rule of domain.md §1.

The first part holds PURE functions (plain values and dataclasses in, dataclasses out, no ORM),
unit-tested with hypothesis. The second part ("Query functions") loads the data and calls them;
views, exports, indicators and reports only use those results, so every figure is computed once.

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


def datum_tekst(d: date | None) -> str:
    return "" if d is None else f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def getal_tekst(n: int | None) -> str:
    """Signed Dutch number for saldi: +19, −17, 0 (with a real minus sign)."""
    if n is None:
        return "onbekend"
    if n > 0:
        return f"+{n}"
    return f"−{abs(n)}" if n < 0 else "0"


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
                f"Periode {label_b} ({datum_tekst(begin_b)} t/m {datum_tekst(eind_b)}) overlapt met periode "
                f"{label_a} ({datum_tekst(begin_a)} t/m {datum_tekst(eind_a)})."
            )
        elif begin_b != eind_a + timedelta(days=1):
            fouten.append(
                f"Er zit een gat tussen periode {label_a} (t/m {datum_tekst(eind_a)}) en periode {label_b} "
                f"(vanaf {datum_tekst(begin_b)}): perioden moeten aaneensluiten."
            )
    return fouten


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
        return getal_tekst(self.saldo_begin)

    @property
    def saldo_eind_tekst(self) -> str:
        return getal_tekst(self.saldo_eind)


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
        looptijd=f"{datum_tekst(p.begindatum)} t/m {datum_tekst(p.einddatum)}",
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
    saldo, bron = opening_saldo, "opening"
    for p in sorted(perioden, key=lambda x: x.begindatum):
        if p.saldo_begin_officieel is not None:
            saldo, bron = p.saldo_begin_officieel, "officieel"
        r = bereken_periode(p, saldo, SALDO_BRON_TEKST[bron], peildatum)
        resultaten.append(r)
        saldo, bron = r.saldo_eind, "vorige"
    return resultaten


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


def telmomenten(plaatsingen: Iterable[PlaatsingInvoer]) -> list[tuple[date, int]]:
    """(counting date, persons): a housed household on its housing date, each group of
    nareizigers on its own arrival date. Ended (ontkoppeld/geannuleerd) households never count."""
    momenten = []
    for p in plaatsingen:
        if p.beeindigd:
            continue
        if p.datum_gehuisvest is not None:
            momenten.append((p.datum_gehuisvest, p.personen))
        momenten.extend(p.nareizigers)
    return momenten


def realisatie_in(momenten: Iterable[tuple[date, int]], begindatum: date, einddatum: date) -> int:
    """Persons counted in the period; both boundary days belong to it."""
    return sum(aantal for datum, aantal in momenten if begindatum <= datum <= einddatum)


def koppeling_over_termijn(koppeldatum: date, aangeboden: date | None, afgerond: bool, peildatum: date) -> bool:
    """No housing offered within 10 weeks of the koppeling (and the household is still waiting)."""
    return not afgerond and aangeboden is None and peildatum > koppeldatum + KOPPEL_TERMIJN


def verhuizing_over_termijn(huur: date | None, gehuisvest: date | None, beeindigd: bool, peildatum: date) -> bool:
    """No move within 2 weeks of the start of the lease."""
    return not beeindigd and huur is not None and gehuisvest is None and peildatum > huur + VERHUIS_TERMIJN


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
    """The dated pipeline of one placement with its two legal terms."""
    uiterlijk_aanbod = koppeldatum + KOPPEL_TERMIJN
    aanbod_te_laat = (aangeboden or peildatum) > uiterlijk_aanbod and not (beeindiging and aangeboden is None)
    stappen = [
        TijdlijnStap("Gekoppeld door het COA", datum_tekst(koppeldatum), "", False),
        TijdlijnStap(
            "Woning aangeboden",
            datum_tekst(aangeboden),
            f"uiterlijk {datum_tekst(uiterlijk_aanbod)} (10 weken na koppeling)",
            aanbod_te_laat and (aangeboden is not None or not gehuisvest),
        ),
        TijdlijnStap("Huurovereenkomst ingegaan", datum_tekst(huur), "", False),
    ]
    if huur:
        uiterlijk_verhuizing = huur + VERHUIS_TERMIJN
        verhuis_te_laat = (gehuisvest or peildatum) > uiterlijk_verhuizing and not beeindiging
        termijn = f"uiterlijk {datum_tekst(uiterlijk_verhuizing)} (2 weken na ingang huur)"
    else:
        verhuis_te_laat, termijn = False, "2 weken na ingang huurovereenkomst"
    stappen.append(TijdlijnStap("Gehuisvest (telt mee)", datum_tekst(gehuisvest), termijn, verhuis_te_laat))
    if beeindiging:
        stappen.append(TijdlijnStap(beeindiging.capitalize(), datum_tekst(datum_beeindigd), "", False))
    return stappen


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


# --------------------------------------------------------------------------- COA-afstemming


def volgende_maand(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


@dataclass
class AfstemmingsRij:
    maand: str  # "jan 2025"
    maand_iso: str
    eigen: int
    eigen_cumulatief: int
    coa_cumulatief: int | None
    coa: int | None  # COA's increase this month (from consecutive stands)
    verschil: int | None  # eigen_cumulatief - coa_cumulatief


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
                maand=f"{MAANDNAMEN[maand.month - 1]} {maand.year}",
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


def regio_rij(gemeente, cbs_code, subregio, eigen, netto, realisatie, saldo_eind, inwoners) -> RegioRij:
    """Relative measures: saldo_eind = saldo_begin + realisatie - netto, so
    gecorrigeerd = netto - saldo_begin = realisatie - saldo_eind."""
    gecorrigeerd = realisatie - saldo_eind
    pct = round(100 * realisatie / gecorrigeerd, 1) if gecorrigeerd > 0 else None
    per_1000 = round(1000 * saldo_eind / inwoners, 2) if inwoners else None
    return RegioRij(
        gemeente, cbs_code, subregio, eigen, netto, realisatie, saldo_eind, inwoners, gecorrigeerd, pct, per_1000
    )


def gemiddelde(waarden: Iterable[float | None]) -> float | None:
    lijst = [w for w in waarden if w is not None]
    return round(sum(lijst) / len(lijst), 2) if lijst else None


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


# --------------------------------------------------------------------------- inburgering

SUCCESRATIO_DEFINITIE = (
    "Succesratio = aantal inburgeringsplichtigen van het cohort dat binnen de termijn van 3 jaar aan de "
    "inburgeringsplicht heeft voldaan, gedeeld door het aantal inburgeringsplichtigen van het cohort. "
    "Er bestaat geen officiële definitie; dit is de definitie van het opgaveteam."
)


def succesratio(voldaan_binnen_termijn: int, cohort: int) -> float | None:
    return round(100 * voldaan_binnen_termijn / cohort, 1) if cohort > 0 else None


def cohort_termijn_einde(jaar: int) -> date:
    """The last member of cohort ``jaar`` (plicht started during that year) must be done by then."""
    return date(jaar + INBURGERING_TERMIJN_JAREN, 12, 31)


def cohort_compleet(jaar: int, peildatum: date) -> bool:
    return peildatum > cohort_termijn_einde(jaar)


# =========================================================================== Query functions
# Thin loaders around the pure functions above. Every result is a plain dataclass of numbers and
# strings: ``json.dumps(dataclasses.asdict(result))`` works, so reports can snapshot them.


def _momenten(peildatum: date | None = None) -> list[tuple[date, int]]:
    """Counting moments known on ``peildatum`` (all when None), straight from the database."""
    from django.db.models import F, Sum

    from .models import Nareiziger, Plaatsing

    plaatsingen = Plaatsing.objects.filter(datum_gehuisvest__isnull=False, beeindiging="")
    nareizigers = Nareiziger.objects.filter(plaatsing__beeindiging="")
    if peildatum is not None:
        plaatsingen = plaatsingen.filter(datum_gehuisvest__lte=peildatum)
        nareizigers = nareizigers.filter(datum__lte=peildatum)
    # summed per day in SQL: the periods only need persons per counting date, not one row per household
    momenten = list(
        plaatsingen.order_by()
        .values("datum_gehuisvest")
        .annotate(n=Sum(F("volwassenen") + F("minderjarigen")))
        .values_list("datum_gehuisvest", "n")
    )
    momenten += list(nareizigers.order_by().values("datum").annotate(n=Sum("aantal")).values_list("datum", "n"))
    return momenten


def _coa_standen(peildatum: date) -> dict[int, dict[date, int]]:
    """Per period id: month -> COA's cumulative stand, for stands published by ``peildatum``
    (the stand of a month is known on the 1st of the next month)."""
    from .models import CoaStand

    standen: dict[int, dict[date, int]] = {}
    for periode_id, maand, aantal in CoaStand.objects.order_by("maand").values_list(
        "periode_id", "maand", "realisatie_cumulatief"
    ):
        if volgende_maand(maand) <= peildatum:
            standen.setdefault(periode_id, {})[maand] = aantal
    return standen


def periode_invoer(peildatum: date) -> list[PeriodeInvoer]:
    from .models import Periode

    momenten = _momenten(peildatum)
    standen = _coa_standen(peildatum)
    invoer = []
    for p in Periode.objects.order_by("begindatum"):
        coa = standen.get(p.pk)
        invoer.append(
            PeriodeInvoer(
                id=p.pk,
                label=p.label,
                begindatum=p.begindatum,
                einddatum=p.einddatum,
                netto=p.netto_taakstelling,
                realisatie_eigen=realisatie_in(momenten, p.begindatum, p.einddatum),
                realisatie_officieel=p.realisatie_officieel,
                realisatie_coa=coa[max(coa)] if coa else None,
                saldo_begin_officieel=p.saldo_begin_officieel,
            )
        )
    return invoer


def periode_overzicht(peildatum: date) -> list[PeriodeResultaat]:
    """Every period with netto, saldo begin, gecorrigeerd, realisatie (the count used, with its
    bron), realisatie eigen and COA, saldo eind, nog te realiseren and the COA norm on peildatum."""
    return bereken_keten(periode_invoer(peildatum), peildatum)


def huidige_periode(overzicht: Sequence[PeriodeResultaat]) -> PeriodeResultaat | None:
    return next((r for r in overzicht if r.status == "lopend"), None)


def laatste_afgesloten(overzicht: Sequence[PeriodeResultaat]) -> PeriodeResultaat | None:
    return next((r for r in reversed(overzicht) if r.status == "afgesloten"), None)


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


def interventieladder_status(peildatum: date, overzicht: Sequence[PeriodeResultaat] | None = None) -> Interventiestatus:
    from django.conf import settings

    from .models import TredeHistorie

    overzicht = periode_overzicht(peildatum) if overzicht is None else overzicht
    drempel = settings.TAAKSTELLING_ACHTERSTAND_DREMPEL
    achter = opeenvolgende_achterstand(overzicht)
    historie = list(TredeHistorie.objects.select_related("trede").order_by("-datum_vanaf"))
    huidig = next((h for h in historie if h.datum_vanaf <= peildatum), None)
    waarschuwing = achter >= drempel
    toelichting = (
        f"{achter} afgesloten periode(n) op rij met een achterstand (saldo eind onder 0); de waarschuwingsdrempel "
        f"is {drempel}. Na vier halfjaren achter elkaar een achterstand kan de provincie ingrijpen."
    )
    if waarschuwing:
        toelichting = "Waarschuwing: " + toelichting
    return Interventiestatus(
        peildatum=peildatum.isoformat(),
        trede=huidig.trede.nummer if huidig else None,
        trede_naam=huidig.trede.naam if huidig else "",
        sinds=datum_tekst(huidig.datum_vanaf) if huidig else "",
        bron=huidig.bron if huidig else "",
        notities=huidig.notities if huidig else "",
        achterstand_perioden=achter,
        drempel=drempel,
        waarschuwing=waarschuwing,
        toelichting=toelichting,
        historie=[
            {"trede": h.trede.nummer, "naam": h.trede.naam, "vanaf": datum_tekst(h.datum_vanaf), "bron": h.bron}
            for h in historie
        ],
    )


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


def signalen(peildatum: date) -> tuple[int, int]:
    """(koppelingen without an offer after 10 weeks, households not moved 2 weeks after the lease)."""
    from .models import Plaatsing

    koppelingen = Plaatsing.objects.filter(
        beeindiging="",
        datum_gehuisvest__isnull=True,
        datum_woning_aangeboden__isnull=True,
        koppeldatum__lt=peildatum - KOPPEL_TERMIJN,
    ).count()
    verhuizingen = Plaatsing.objects.filter(
        beeindiging="",
        datum_gehuisvest__isnull=True,
        datum_huurovereenkomst__lt=peildatum - VERHUIS_TERMIJN,
    ).count()
    return koppelingen, verhuizingen


def statushouders_kerncijfers(peildatum: date, overzicht: Sequence[PeriodeResultaat] | None = None) -> Kerncijfers:
    """Current period, forecast for its end from the pipeline, status with its rule, signals.

    ``overzicht``: :func:`periode_overzicht` on ``peildatum`` if the caller already has it."""
    from django.db.models import F, Sum

    from .models import Plaatsing

    overzicht = periode_overzicht(peildatum) if overzicht is None else overzicht
    periode = huidige_periode(overzicht)
    in_pijplijn = (
        Plaatsing.objects.filter(
            beeindiging="", datum_gehuisvest__isnull=True, datum_woning_aangeboden__isnull=False
        ).aggregate(n=Sum(F("volwassenen") + F("minderjarigen")))["n"]
        or 0
    )
    status = beoordeel(periode, in_pijplijn)
    if periode is None:
        prognose = prognose_saldo = None
        toelichting = f"Er is geen periode ingevoerd die {datum_tekst(peildatum)} bevat."
    else:
        prognose = periode.realisatie + in_pijplijn
        prognose_saldo = periode.saldo_begin + prognose - periode.netto
        toelichting = (
            f"Periode {periode.label}: realisatie {periode.realisatie} ({periode.bron_tekst}) tegen een COA-norm van "
            f"{periode.op_schema_norm} na {periode.verstreken_maanden} van {periode.maanden} maanden; gecorrigeerde "
            f"taakstelling {periode.gecorrigeerd}; prognose {prognose} (nog {in_pijplijn} in de pijplijn)."
        )
    koppelingen, verhuizingen = signalen(peildatum)
    ladder = interventieladder_status(peildatum, overzicht)
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


def coa_afstemming(periode, peildatum: date | None = None) -> list[AfstemmingsRij]:
    """Per month of ``periode`` (a Periode or its label): own count, COA stand, difference."""
    from django.utils import timezone

    from .models import Periode

    if isinstance(periode, str):
        periode = Periode.objects.get(label=periode)
    peildatum = peildatum or timezone.localdate()
    standen = _coa_standen(peildatum).get(periode.pk, {})
    return afstemming(periode.begindatum, periode.einddatum, _momenten(peildatum), standen)


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


REGIO_DEFINITIE = (
    "Vergeleken worden relatieve cijfers: het percentage van de gecorrigeerde taakstelling dat is gerealiseerd "
    "(gecorrigeerd = realisatie − saldo eind) en het saldo eind per 1.000 inwoners. Het gemiddelde is het "
    "ongewogen gemiddelde van de ándere gemeenten in de (sub)regio met cijfers voor deze periode. 'Slechter' "
    "betekent een lager percentage gerealiseerd (of, als dat ontbreekt, een lager saldo per 1.000 inwoners)."
)


def _pct(w: float | None) -> str:
    return "onbekend" if w is None else f"{w:.1f}".replace(".", ",") + " %"


def regio_vergelijking(periode, peildatum: date | None = None) -> RegioVergelijking:
    """Compare our gemeente with the Duin- en Bollenstreek and Holland Rijnland for one period
    (a Periode, its label, or a (begindatum, einddatum) tuple)."""
    from django.conf import settings
    from django.utils import timezone

    from noordwijk_migratie.models import Gemeente

    from .models import Periode, RegioCijfer

    if isinstance(periode, str):
        periode = Periode.objects.get(label=periode)
    elif isinstance(periode, tuple):
        periode = Periode.objects.get(begindatum=periode[0], einddatum=periode[1])
    eigen_code = settings.TAAKSTELLING_GEMEENTE_CBS_CODE
    rijen = [
        regio_rij(
            c.gemeente.naam,
            c.gemeente.cbs_code,
            c.gemeente.duin_en_bollenstreek,
            c.gemeente.cbs_code == eigen_code,
            c.netto_taakstelling,
            c.realisatie,
            c.saldo_eind,
            c.inwoners,
        )
        for c in RegioCijfer.objects.filter(periode=periode, gemeente__holland_rijnland=True)
        .select_related("gemeente")
        .order_by("gemeente__naam")
    ]
    eigen = next((r for r in rijen if r.eigen), None)
    eigen_bron = "geïmporteerde regiocijfers"
    if eigen is None:
        # Our own chain, so the comparison still works before our row is imported (inwoners unknown).
        resultaat = next((r for r in periode_overzicht(peildatum or timezone.localdate()) if r.id == periode.pk), None)
        gemeente = Gemeente.objects.filter(cbs_code=eigen_code).first()
        if resultaat is not None:
            eigen = regio_rij(
                gemeente.naam if gemeente else eigen_code,
                eigen_code,
                bool(gemeente and gemeente.duin_en_bollenstreek),
                True,
                resultaat.netto,
                resultaat.realisatie,
                resultaat.saldo_eind,
                None,
            )
            rijen.append(eigen)
            rijen.sort(key=lambda r: r.gemeente)
            eigen_bron = f"eigen periodecijfers ({resultaat.bron_tekst}); inwoners onbekend"
    anderen = [r for r in rijen if not r.eigen]
    sub = [r for r in anderen if r.subregio]
    sub_pct = gemiddelde(r.pct_gerealiseerd for r in sub)
    sub_saldo = gemiddelde(r.saldo_per_1000 for r in sub)
    regio_pct = gemiddelde(r.pct_gerealiseerd for r in anderen)
    regio_saldo = gemiddelde(r.saldo_per_1000 for r in anderen)
    slechter_sub = slechter_dan(eigen, sub_pct, sub_saldo)
    slechter_regio = slechter_dan(eigen, regio_pct, regio_saldo)
    if eigen is None:
        toelichting = f"Geen cijfers van de eigen gemeente voor periode {periode.label}."
    else:
        oordeel = {True: "slechter dan", False: "niet slechter dan", None: "niet te vergelijken met"}
        toelichting = (
            f"Periode {periode.label}: {eigen.gemeente} realiseerde {_pct(eigen.pct_gerealiseerd)} van de gecorrigeerde "
            f"taakstelling ({eigen.realisatie} van {eigen.gecorrigeerd}); gemiddelde Duin- en Bollenstreek "
            f"{_pct(sub_pct)} ({len(sub)} andere gemeenten), gemiddelde Holland Rijnland {_pct(regio_pct)} "
            f"({len(anderen)} andere gemeenten). Dat is {oordeel[slechter_sub]} het subregionale gemiddelde."
        )
    return RegioVergelijking(
        periode=periode.label,
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


def cohort_resultaat(c, peildatum: date) -> CohortResultaat:
    return CohortResultaat(
        cohort=c.cohort,
        inburgeringsplichtig=c.inburgeringsplichtig,
        brede_intake=c.brede_intake,
        pip_op_tijd=c.pip_op_tijd,
        leerroute_b1=c.leerroute_b1,
        leerroute_onderwijs=c.leerroute_onderwijs,
        leerroute_z=c.leerroute_z,
        voldaan_binnen_termijn=c.voldaan_binnen_termijn,
        succesratio=succesratio(c.voldaan_binnen_termijn, c.inburgeringsplichtig),
        termijn_einde=datum_tekst(cohort_termijn_einde(c.cohort)),
        compleet=cohort_compleet(c.cohort, peildatum),
    )


def inburgering_overzicht(peildatum: date | None = None) -> InburgeringOverzicht:
    """Per cohort the counts and succesratio; the latest cohort whose 3-year term has ended."""
    from django.utils import timezone

    from .models import InburgeringCohort

    peildatum = peildatum or timezone.localdate()
    cohorten = [cohort_resultaat(c, peildatum) for c in InburgeringCohort.objects.order_by("cohort")]
    return InburgeringOverzicht(
        peildatum=peildatum.isoformat(),
        definitie=SUCCESRATIO_DEFINITIE,
        cohorten=cohorten,
        laatste_complete=next((c for c in reversed(cohorten) if c.compleet), None),
    )
