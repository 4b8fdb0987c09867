"""Taakstelling huisvesting statushouders: the rules of domain.md §1 as PURE functions.

Plain values and dataclasses in, dataclasses out: this module never touches the models, querysets
or the database (``queries.py`` loads the data and calls these; the models may import this module,
never the other way round). Where a rule also runs in SQL — the counting rule and the two legal
terms, counted and filtered in the database — its query form (``*_q``) stands right beside it, and
``tests/test_regels_sql.py`` proves on generated placements that both agree.

Carry-over rule (saldo > 0 = voorsprong, saldo < 0 = achterstand)::

    saldo_begin(p)         = saldo_eind(p-1)   (the anchor: the "beginsaldo van de keten" entered with its
                                                 source; an official COA beginsaldo overrides the carry-over;
                                                 a first period without either opens at 0)
    gecorrigeerd(p)        = netto(p) - saldo_begin(p)
    realisatie(p)          = persons housed with counting date inside p (nareizigers included:
                             counted once the household is housed, on the later of both dates),
                             or the official total of the period when one is known on the peildatum
    saldo_eind(p)          = saldo_begin(p) + realisatie(p) - netto(p)
    nog_te_realiseren(p)   = max(0, gecorrigeerd(p) - realisatie(p))
    op_schema_norm(p, dag) = max(0, gecorrigeerd(p)) * verstreken maanden / maanden in p
                             (COA's "1/6 per maand", rounded up to whole persons)

History never changes by adding periods: the period with the beginsaldo van de keten keeps it, and a
period added before it is reconciled against it (``aansluitverschil``) instead of shifting every later
saldo. A figure with a date (an official total, a COA stand) older than its limit is *verouderd*
(:func:`noordwijk_migratie.actualiteit.is_verouderd`) and yields no status.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from noordwijk_migratie import actualiteit
from noordwijk_migratie.actualiteit import STATUS_VEROUDERD, is_verouderd
from noordwijk_migratie.getallen import afgerond, datum, getal, percentage, procent, saldo

KOPPEL_TERMIJN = timedelta(weeks=10)  # woning aanbieden binnen 10 weken na koppeling
VERHUIS_TERMIJN = timedelta(weeks=2)  # verhuizen binnen 2 weken na ingang huurovereenkomst
INBURGERING_TERMIJN_JAREN = 3
GROOT_HUISHOUDEN = 15  # more persons than this asks for a confirmation

BRON_OFFICIEEL = "officieel"
BRON_EIGEN = "eigen"
BRON_TEKST = {
    BRON_OFFICIEEL: "officieel totaal van de periode",
    BRON_EIGEN: "eigen registratie (plaatsingen en nareizigers)",
}
SALDO_BRON_TEKST = {
    "anker": "beginsaldo van de keten",
    "officieel": "officieel beginsaldo (COA), in plaats van het saldo eind van de vorige periode",
    "opening": "geen beginsaldo van de keten ingevoerd: 0",
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


def is_afgesloten(einddatum: date, vandaag: date) -> bool:
    """A period is closed from the day after its last day: its figures are final."""
    return einddatum < vandaag


def periode_van(dag: date | None, perioden: Iterable):
    """The period (anything with ``begindatum``/``einddatum``) that holds ``dag``; None if none does."""
    if dag is None:
        return None
    return next((p for p in perioden if in_periode(dag, p.begindatum, p.einddatum)), None)


def halfjaar_van(dag: date) -> tuple[date, date]:
    return (
        (date(dag.year, 1, 1), date(dag.year, 6, 30))
        if dag.month <= 6
        else (date(dag.year, 7, 1), date(dag.year, 12, 31))
    )


@dataclass(frozen=True)
class NieuwePeriode:
    label: str
    begindatum: date
    einddatum: date
    afgesloten: bool  # only who may change closed periods adds it


def ontbrekende_perioden(laatste_einddatum: date | None, vandaag: date) -> list[NieuwePeriode]:
    """The half years still to be entered: from the day after the last period through the running half
    year, and the next one (its netto taakstelling may already be known from the Rijk's letter). Without
    any period: the running and the next half year."""
    begin = laatste_einddatum + timedelta(days=1) if laatste_einddatum else halfjaar_van(vandaag)[0]
    tot = halfjaar_van(halfjaar_van(vandaag)[1] + timedelta(days=1))[1]
    rijen = []
    while begin <= tot:
        begin, eind = halfjaar_van(begin)
        rijen.append(NieuwePeriode(periode_label(begin, eind), begin, eind, is_afgesloten(eind, vandaag)))
        begin = eind + timedelta(days=1)
    return rijen


@dataclass(frozen=True)
class PeriodeInvoer:
    label: str
    begindatum: date
    einddatum: date
    netto: int
    realisatie_eigen: int = 0
    realisatie_officieel: int | None = None
    realisatie_officieel_per: date | None = None  # the date of the official total (None: the period's end)
    realisatie_coa: int | None = None
    coa_stand_datum: date | None = None  # COA's stand of the latest month: the 1st of the next month
    saldo_begin_officieel: int | None = None
    beginsaldo_keten: int | None = None  # the anchor of the chain
    beginsaldo_keten_bron: str = ""
    id: int | None = None


@dataclass
class PeriodeResultaat:
    """One period with every figure side by side (JSON-serialisable: dates as ISO strings or dd-mm-jjjj)."""

    id: int | None
    label: str
    begindatum: str
    einddatum: str
    looptijd: str
    status: str  # "afgesloten", "lopend" or "toekomstig" on the peildatum
    netto: int
    saldo_begin: int
    saldo_begin_soort: str  # "anker", "officieel", "opening" or "vorige" (SALDO_BRON_TEKST)
    saldo_begin_bron: str
    gecorrigeerd: int
    realisatie: int  # the count used: official total when known, else own registration
    bron: str  # BRON_OFFICIEEL or BRON_EIGEN
    bron_tekst: str
    realisatie_per: str  # dd-mm-jjjj: the date the count used stands on ("" when unknown)
    realisatie_verouderd: bool  # an official total older than its limit: no status from it
    realisatie_eigen: int
    realisatie_coa: int | None
    coa_stand_datum: str  # dd-mm-jjjj or ""
    coa_verouderd: bool
    coa_tekst: str  # the COA figure with its date: "9 (COA-stand 01-06-2025)", "9 (COA-stand 01-06-2025, verouderd)"
    verschil_eigen_coa: int | None
    saldo_eind: int
    nog_te_realiseren: int
    op_schema_norm: int
    op_schema: bool
    verstreken_maanden: int
    maanden: int
    voor_anker: bool = False  # before the period with the beginsaldo van de keten
    aansluitverschil: int | None = None  # saldo begin − saldo eind of the previous period, where they differ
    aansluiting: str = ""

    @property
    def saldo_begin_tekst(self) -> str:
        return saldo(self.saldo_begin)

    @property
    def saldo_eind_tekst(self) -> str:
        return saldo(self.saldo_eind)


def _beoordeeld_op(peildatum: date, einddatum: date) -> date:
    """A figure of a period is judged on the peildatum, or on the day after the period ended: a closed
    period's final figure does not age."""
    return min(peildatum, einddatum + timedelta(days=1))


def bereken_periode(
    p: PeriodeInvoer, saldo_begin: int, saldo_begin_soort: str, peildatum: date, max_dagen: int
) -> PeriodeResultaat:
    gecorrigeerd = p.netto - saldo_begin
    if peildatum > p.einddatum:
        status = "afgesloten"
    elif peildatum >= p.begindatum:
        status = "lopend"
    else:
        status = "toekomstig"
    # an official total is a fact of its date (without one: the period's final figure, of its last day);
    # before that date it is not known, and the own registration counts
    officieel_per = p.realisatie_officieel_per or p.einddatum
    beoordeeld_op = _beoordeeld_op(peildatum, p.einddatum)
    if p.realisatie_officieel is not None and officieel_per <= peildatum:
        realisatie, bron, per = p.realisatie_officieel, BRON_OFFICIEEL, officieel_per
        verouderd = is_verouderd(per, beoordeeld_op, max_dagen)
    else:
        realisatie, bron, per, verouderd = p.realisatie_eigen, BRON_EIGEN, min(peildatum, p.einddatum), False
    # no COA stand at all is unknown, not verouderd
    coa_verouderd = is_verouderd(p.coa_stand_datum, beoordeeld_op, max_dagen)
    coa_tekst = ""
    if p.realisatie_coa is not None:
        coa_tekst = (
            f"{p.realisatie_coa} ({actualiteit.label(p.coa_stand_datum, beoordeeld_op, max_dagen, _('COA-stand'))})"
        )
    norm = op_schema_norm(gecorrigeerd, p.begindatum, p.einddatum, peildatum)
    bron_saldo = SALDO_BRON_TEKST[saldo_begin_soort]
    if saldo_begin_soort == "anker" and p.beginsaldo_keten_bron:
        bron_saldo = f"{bron_saldo}; bron: {p.beginsaldo_keten_bron}"
    return PeriodeResultaat(
        id=p.id,
        label=p.label,
        begindatum=p.begindatum.isoformat(),
        einddatum=p.einddatum.isoformat(),
        looptijd=f"{datum(p.begindatum)} t/m {datum(p.einddatum)}",
        status=status,
        netto=p.netto,
        saldo_begin=saldo_begin,
        saldo_begin_soort=saldo_begin_soort,
        saldo_begin_bron=bron_saldo,
        gecorrigeerd=gecorrigeerd,
        realisatie=realisatie,
        bron=bron,
        bron_tekst=BRON_TEKST[bron],
        realisatie_per=datum(per),
        realisatie_verouderd=verouderd,
        realisatie_eigen=p.realisatie_eigen,
        realisatie_coa=p.realisatie_coa,
        coa_stand_datum=datum(p.coa_stand_datum),
        coa_verouderd=coa_verouderd,
        coa_tekst=coa_tekst,
        verschil_eigen_coa=None if p.realisatie_coa is None else p.realisatie_eigen - p.realisatie_coa,
        saldo_eind=saldo_begin + realisatie - p.netto,
        nog_te_realiseren=max(0, gecorrigeerd - realisatie),
        op_schema_norm=norm,
        op_schema=realisatie >= norm,
        verstreken_maanden=verstreken_maanden(p.begindatum, p.einddatum, peildatum),
        maanden=maanden_in(p.begindatum, p.einddatum),
    )


def bereken_keten(
    perioden: Sequence[PeriodeInvoer], peildatum: date, opening_saldo: int = 0, max_dagen: int = 45
) -> list[PeriodeResultaat]:
    """Apply the carry-over rule along the chain (sorted by begindatum). The period with the beginsaldo van
    de keten starts from it whatever comes before; periods before it are reconciled against it: the
    difference is shown (``aansluitverschil``, ``aansluiting``), it never shifts the later saldi. An
    official COA beginsaldo replaces the carry-over; its difference with it is shown too. ``max_dagen``:
    the age in days from which an official total or COA stand is verouderd."""
    rij = sorted(perioden, key=lambda x: x.begindatum)
    anker = next((i for i, p in enumerate(rij) if p.beginsaldo_keten is not None), None)
    resultaten: list[PeriodeResultaat] = []
    vorige = None
    for i, p in enumerate(rij):
        if p.beginsaldo_keten is not None:
            begin, soort = p.beginsaldo_keten, "anker"
        elif p.saldo_begin_officieel is not None:
            begin, soort = p.saldo_begin_officieel, "officieel"
        elif vorige is None:
            begin, soort = opening_saldo, "opening"
        else:
            begin, soort = vorige.saldo_eind, "vorige"
        r = bereken_periode(p, begin, soort, peildatum, max_dagen)
        r.voor_anker = anker is not None and i < anker
        if vorige is not None and begin != vorige.saldo_eind:
            r.aansluitverschil = verschil = begin - vorige.saldo_eind
            if soort == "anker":
                r.aansluiting = _(
                    "Het beginsaldo van de keten van %(periode)s (%(begin)s) sluit niet aan op het saldo eind van "
                    "%(vorige)s (%(eind)s): verschil %(verschil)s. De cijfers vanaf %(periode)s veranderen daardoor "
                    "niet; stem de perioden vóór %(periode)s af op het beginsaldo van de keten."
                )
            else:
                r.aansluiting = _(
                    "Het officiële beginsaldo (COA) van %(periode)s (%(begin)s) wijkt %(verschil)s af van het "
                    "saldo eind van %(vorige)s (%(eind)s)."
                )
            r.aansluiting %= {
                "periode": p.label,
                "begin": saldo(begin),
                "vorige": vorige.label,
                "eind": saldo(vorige.saldo_eind),
                "verschil": saldo(verschil),
            }
        resultaten.append(r)
        vorige = r
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


def nareiziger_telmoment(aankomst: date, gehuisvest: date | None, beeindigd: bool) -> date | None:
    """Nareizigers count once their household is housed: on the later of its housing date and their
    own arrival. None while the household is not housed (or was ended)."""
    huishouden = telmoment(gehuisvest, beeindigd)
    return None if huishouden is None else max(huishouden, aankomst)


def telmomenten(plaatsingen: Iterable[PlaatsingInvoer], peildatum: date | None = None) -> list[tuple[date, int]]:
    """(counting date, persons) known on ``peildatum`` (all when None): a housed household on its
    housing date, each group of its nareizigers on :func:`nareiziger_telmoment`. Households not housed
    or ended don't count, nor do their nareizigers. In SQL: :func:`telt_mee_q` for households,
    :func:`nareiziger_telt_mee_q` and :func:`nareiziger_telmoment_expr` for nareizigers."""
    momenten = []
    for p in plaatsingen:
        dag = telmoment(p.datum_gehuisvest, p.beeindigd)
        if dag is None:
            continue
        momenten.append((dag, p.personen))
        momenten.extend((nareiziger_telmoment(aankomst, dag, False), n) for aankomst, n in p.nareizigers)
    return [(dag, n) for dag, n in momenten if peildatum is None or dag <= peildatum]


def telt_mee_q(peildatum: date | None = None) -> Q:
    """:func:`telmomenten` for households, as a condition on placements (counted on datum_gehuisvest)."""
    q = Q(beeindiging="", datum_gehuisvest__isnull=False)
    return q if peildatum is None else q & Q(datum_gehuisvest__lte=peildatum)


def nareiziger_telmoment_expr():
    """:func:`nareiziger_telmoment` of a counting nareiziger (see :func:`nareiziger_telt_mee_q`) in SQL."""
    return Greatest("datum", "plaatsing__datum_gehuisvest")


def nareiziger_telt_mee_q(peildatum: date | None = None) -> Q:
    """:func:`telmomenten` for nareizigers, as a condition on them: their household is housed and not
    ended, and both their arrival and its housing date lie on or before ``peildatum``."""
    q = Q(plaatsing__beeindiging="", plaatsing__datum_gehuisvest__isnull=False)
    return q if peildatum is None else q & Q(datum__lte=peildatum, plaatsing__datum_gehuisvest__lte=peildatum)


@dataclass(frozen=True)
class GeraaktePeriode:
    """A closed period whose figures a change would alter: the persons of the changed households
    counted in it before and after the change."""

    label: str
    begindatum: date
    einddatum: date
    voor: int
    na: int


def geraakte_afgesloten_perioden(
    voor: Iterable[tuple[date, int]],
    na: Iterable[tuple[date, int]],
    perioden: Iterable[tuple[str, date, date]],
    vandaag: date,
) -> list[GeraaktePeriode]:
    """The closed periods (label, begindatum, einddatum) whose figures differ between the counting
    moments (:func:`telmomenten`) before and after a change: a different number of persons, or the
    same persons on other days (the month-by-month reconciliation with the COA changes too). A change
    that touches no closed period returns []."""
    voor, na = list(voor), list(na)
    if sorted(voor) == sorted(na):  # the same moments: no period can differ (an import asks this per row)
        return []
    momenten = [d for d, _n in voor + na]
    geraakt = []
    for label, begin, eind in perioden:
        # a period that holds none of the moments has none before and none after
        if not is_afgesloten(eind, vandaag) or not any(in_periode(d, begin, eind) for d in momenten):
            continue
        oud = sorted((d, n) for d, n in voor if in_periode(d, begin, eind))
        nieuw = sorted((d, n) for d, n in na if in_periode(d, begin, eind))
        if _per_dag(oud) != _per_dag(nieuw):
            geraakt.append(GeraaktePeriode(label, begin, eind, sum(n for _d, n in oud), sum(n for _d, n in nieuw)))
    return geraakt


def _per_dag(momenten) -> dict[date, int]:
    som: dict[date, int] = {}
    for d, n in momenten:
        som[d] = som.get(d, 0) + n
    return {d: n for d, n in som.items() if n}


MINDERJARIGE_ZONDER_VOLWASSENE = "minderjarige"  # the composition of a household without adults
ALLEENSTAANDE = "alleenstaande"


def huishouden_fouten(
    samenstelling: str, volwassenen: int, minderjarigen: int, groot_bevestigd: bool = False
) -> dict[str, list[str]]:
    """Dutch errors per field for an implausible household: an alleenstaande is one adult without
    minors; a household without adults only with the composition that says so (a minor under guardianship
    of Nidos); more than GROOT_HUISHOUDEN persons only when confirmed."""
    fouten: dict[str, list[str]] = {}

    def fout(veld, melding):
        fouten.setdefault(veld, []).append(melding)

    personen = volwassenen + minderjarigen
    if personen < 1:
        fout("volwassenen", _("Een huishouden bestaat uit ten minste één persoon."))
        return fouten
    if samenstelling == ALLEENSTAANDE and (volwassenen, minderjarigen) != (1, 0):
        fout(
            "samenstelling",
            _(
                "Een alleenstaande is één volwassene zonder minderjarigen, niet %(v)s volwassene(n) en "
                "%(m)s minderjarige(n): pas de samenstelling of de aantallen aan."
            )
            % {"v": getal(volwassenen), "m": getal(minderjarigen)},
        )
        if volwassenen != 1:
            fout("volwassenen", _("Een alleenstaande is precies één volwassene."))
        if minderjarigen:
            fout("minderjarigen", _("Een alleenstaande heeft geen minderjarigen bij zich."))
    elif volwassenen == 0 and samenstelling != MINDERJARIGE_ZONDER_VOLWASSENE:
        fout(
            "volwassenen",
            _(
                "Een huishouden zonder volwassenen (bijvoorbeeld een minderjarige onder voogdij van Nidos) kan "
                "alleen met de samenstelling ‘Minderjarige(n) zonder volwassene’."
            ),
        )
        fout("samenstelling", _("Kies ‘Minderjarige(n) zonder volwassene’ of vul de volwassenen in."))
    elif samenstelling == MINDERJARIGE_ZONDER_VOLWASSENE and volwassenen:
        fout("samenstelling", _("‘Minderjarige(n) zonder volwassene’ betekent: geen volwassenen in het huishouden."))
        fout("volwassenen", _("Vul 0 in, of kies een andere samenstelling."))
    if personen > GROOT_HUISHOUDEN and not groot_bevestigd:
        fout(
            "groot_huishouden_bevestigd",
            _(
                "Een huishouden van %(n)s personen is ongebruikelijk groot (meer dan %(grens)s). Controleer het "
                "aantal volwassenen en minderjarigen; klopt het, vink dan ‘groot huishouden bevestigd’ aan."
            )
            % {"n": getal(personen), "grens": GROOT_HUISHOUDEN},
        )
        for veld, aantal in (("volwassenen", volwassenen), ("minderjarigen", minderjarigen)):
            if aantal and veld not in fouten:
                fout(veld, _("Samen meer dan %(grens)s personen: controleer dit aantal.") % {"grens": GROOT_HUISHOUDEN})
    return fouten


# (field, the date as the subject of a sentence, the step as its object, how to ask for it, what it says done)
PIJPLIJN = (
    ("koppeldatum", gettext_lazy("De koppeldatum"), gettext_lazy("de koppeling"), "", ""),
    (
        "datum_woning_aangeboden",
        gettext_lazy("De datum woning aangeboden"),
        gettext_lazy("het woningaanbod"),
        gettext_lazy("Vul de datum in waarop de woning is aangeboden"),
        "",
    ),
    (
        "datum_huurovereenkomst",
        gettext_lazy("De ingangsdatum van de huurovereenkomst"),
        gettext_lazy("de ingang van de huurovereenkomst"),
        gettext_lazy("Vul de ingangsdatum van de huurovereenkomst in"),
        gettext_lazy("de huurovereenkomst is al ingegaan op %(datum)s"),
    ),
    (
        "datum_gehuisvest",
        gettext_lazy("De datum gehuisvest"),
        gettext_lazy("de huisvesting"),
        "",
        gettext_lazy("het huishouden is al gehuisvest op %(datum)s"),
    ),
)


def pijplijn_fouten(datums: dict[str, date | None]) -> dict[str, str]:
    """Dutch errors per field for the dates of the pipeline (koppeling → aanbod → huur → gehuisvest):
    every date that lies before an earlier step, and every earlier step left empty while a later one is
    filled in. Each wrong field gets its own message naming the real problem."""
    fouten = {}
    for i, (veld, onderwerp, _stap, _vraag, _gedaan) in enumerate(PIJPLIJN):
        dag = datums.get(veld)
        if dag is None:
            continue
        eerder = next(((stap, d) for v, _o, stap, _q, _g in PIJPLIJN[:i] if (d := datums.get(v)) and dag < d), None)
        if eerder:
            fouten[veld] = _("%(onderwerp)s (%(dag)s) ligt vóór %(stap)s (%(eerder)s).") % {
                "onderwerp": onderwerp,
                "dag": datum(dag),
                "stap": eerder[0],
                "eerder": datum(eerder[1]),
            }
    gevuld = [i for i, stap in enumerate(PIJPLIJN) if datums.get(stap[0])]
    if gevuld:
        laatste_veld, *_rest, gedaan = PIJPLIJN[gevuld[-1]]
        for veld, _o, _s, vraag, _g in PIJPLIJN[1 : gevuld[-1]]:
            if datums.get(veld) is None:
                fouten[veld] = f"{vraag}: {gedaan % {'datum': datum(datums[laatste_veld])}}."
    return fouten


def nareizigers_boven_verwacht(verwacht: int, geregistreerd: int) -> int:
    """How many more nareizigers are recorded than the household expected (0 when not more)."""
    return max(0, geregistreerd - verwacht)


def realisatie_in(momenten: Iterable[tuple[date, int]], begindatum: date, einddatum: date) -> int:
    """Persons counted in the period; both boundary days belong to it."""
    return sum(aantal for dag, aantal in momenten if in_periode(dag, begindatum, einddatum))


class Telling:
    """:func:`realisatie_in` for many periods over the same counting moments: the persons summed per day
    once, then each period by two binary searches over the days (the days :func:`in_periode` keeps are one
    run of the sorted days), so 44 periods over 20 years of placements cost no more than one pass."""

    def __init__(self, momenten: Iterable[tuple[date, int]]):
        per_dag: dict[date, int] = {}
        for dag, aantal in momenten:
            per_dag[dag] = per_dag.get(dag, 0) + aantal
        self.dagen = sorted(per_dag)
        self.cumulatief = [0, *accumulate(per_dag[d] for d in self.dagen)]

    def realisatie_in(self, begindatum: date, einddatum: date) -> int:
        if einddatum < begindatum:
            return 0
        return (
            self.cumulatief[bisect_right(self.dagen, einddatum)] - self.cumulatief[bisect_left(self.dagen, begindatum)]
        )


def bakgrenzen(perioden: Iterable[tuple[date, date]]) -> list[date]:
    """Boundaries that cut time into buckets of which every period (begindatum, einddatum, both included) is
    a run of whole ones: each begindatum and each day after an einddatum, sorted. Bucket ``i`` (1-based)
    runs from ``grenzen[i - 1]`` up to the next boundary; bucket 0 lies before the first."""
    return sorted({d for begin, eind in perioden for d in (begin, eind + timedelta(days=1))})


def naar_bakken(momenten: Iterable[tuple[date, int]], grenzen: Sequence[date]) -> list[tuple[date, int]]:
    """The counting moments moved to the first day of their bucket (:func:`bakgrenzen`), those before the first
    boundary left out: :meth:`Telling.realisatie_in` of each period the boundaries came from stays the same,
    with one moment per bucket instead of one per counting day of the history. In SQL: :func:`bak_expr`."""
    return [(grenzen[bak - 1], n) for dag, n in momenten if (bak := bisect_right(grenzen, dag))]


def bak_expr(veld, grenzen: Sequence[date]):
    """The bucket number of :func:`naar_bakken` (``bisect_right(grenzen, dag)``) in SQL: PostgreSQL's
    ``width_bucket(dag, grenzen)`` (0 before the first boundary, ``i`` from ``grenzen[i - 1]`` on)."""
    from django.contrib.postgres.fields import ArrayField
    from django.db.models import DateField, Func, IntegerField, Value

    grenzen_sql = Value(list(grenzen), output_field=ArrayField(DateField()))
    return Func(veld, grenzen_sql, function="width_bucket", output_field=IntegerField())


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
    "verouderd": str(STATUS_VEROUDERD),
}
STATUS_REGEL = (
    "Op schema als de realisatie ten minste de COA-norm haalt (1/6 van de gecorrigeerde taakstelling per "
    "verstreken maand); risico als de realisatie onder die norm ligt maar de prognose (realisatie plus de "
    "personen met een aangeboden woning of huurovereenkomst) de gecorrigeerde taakstelling haalt; achter als "
    "ook de prognose tekortschiet. Onbekend als de gebruikte officiële telling verouderd is."
)


def beoordeel(periode: PeriodeResultaat | None, in_pijplijn: int) -> str:
    """'op_schema', 'risico', 'achter', 'onbekend', or 'verouderd' when the count used is stale (see
    STATUS_REGEL): a stale figure never yields a status."""
    if periode is None:
        return "onbekend"
    if periode.realisatie_verouderd:
        return "verouderd"
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
    ontbrekend: list[str] = field(default_factory=list)  # the half years through the peildatum still to enter


def kerncijfers(
    peildatum: date,
    overzicht: Sequence[PeriodeResultaat],
    in_pijplijn: int,
    over_termijn: tuple[int, int],
    ladder: Interventiestatus,
) -> Kerncijfers:
    """Current period, forecast for its end from the pipeline, status with its rule, the two signals
    (``over_termijn``: koppelingen, verhuizingen past their term), the interventieladder, and the half
    years still to be entered when no period holds the peildatum."""
    periode = huidige_periode(overzicht)
    status = beoordeel(periode, in_pijplijn)
    ontbrekend = []
    if periode is None:
        prognose = prognose_saldo = None
        laatste = max((date.fromisoformat(r.einddatum) for r in overzicht), default=None)
        if laatste is None or laatste < peildatum:
            ontbrekend = [n.label for n in ontbrekende_perioden(laatste, peildatum) if n.begindatum <= peildatum]
        toelichting = f"Er is geen periode ingevoerd die {datum(peildatum)} bevat."
        if ontbrekend:
            toelichting += f" Nog in te voeren: {', '.join(ontbrekend)} (netto taakstelling uit de brief van het Rijk)."
    else:
        prognose = periode.realisatie + in_pijplijn
        prognose_saldo = periode.saldo_begin + prognose - periode.netto
        toelichting = (
            f"Periode {periode.label}: realisatie {periode.realisatie} ({periode.bron_tekst}, stand "
            f"{periode.realisatie_per or 'onbekend'}) tegen een COA-norm van {periode.op_schema_norm} na "
            f"{periode.verstreken_maanden} van {periode.maanden} maanden; gecorrigeerde taakstelling "
            f"{periode.gecorrigeerd}; prognose {prognose} (nog {in_pijplijn} in de pijplijn)."
        )
        if periode.realisatie_verouderd:
            toelichting += (
                f" De officiële telling ({periode.realisatie_per or 'zonder datum'}) is verouderd: daaruit volgt "
                "geen status. Voer een nieuwe stand in."
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
        ontbrekend=ontbrekend,
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
    telling = Telling(momenten)
    rijen, cumulatief, vorige_coa = [], 0, 0
    maand = date(begindatum.year, begindatum.month, 1)
    while maand <= einddatum:
        einde = volgende_maand(maand) - timedelta(days=1)
        eigen = telling.realisatie_in(max(maand, begindatum), min(einde, einddatum))
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
    stand_per: str = ""  # dd-mm-jjjj of the figures, or ""
    bron: str = ""


@dataclass
class InburgeringOverzicht:
    peildatum: str
    definitie: str
    cohorten: list[CohortResultaat]
    laatste_complete: CohortResultaat | None


def cohort_resultaat(aantallen: dict, peildatum: date) -> CohortResultaat:
    """``aantallen``: the counts of one cohort, keyed as :data:`COHORT_AANTALLEN` (optionally with the date of
    the figures, ``peildatum_cijfers``, and their ``bron``)."""
    return CohortResultaat(
        **{k: aantallen[k] for k in COHORT_AANTALLEN},
        succesratio=succesratio(aantallen["voldaan_binnen_termijn"], aantallen["inburgeringsplichtig"]),
        termijn_einde=datum(cohort_termijn_einde(aantallen["cohort"])),
        compleet=cohort_compleet(aantallen["cohort"], peildatum),
        stand_per=datum(aantallen.get("peildatum_cijfers")),
        bron=aantallen.get("bron") or "",
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
