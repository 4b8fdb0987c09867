"""Opvang rules (domain.md §2–3): pure functions on plain values and dataclasses, no ORM.

Every quantity that changes over time is a dated row, so "what was true on date X" is the latest
row dated on or before X (:func:`geldend_op`). Where a rule also runs in SQL its query form sits
right beside it (:func:`geldend_op_q`, :func:`actief_q`, :func:`past_in_capaciteit_q`) and a test
proves both agree on generated data. The query modules (:mod:`opvang.queries`,
:mod:`opvang.reeksen`, :mod:`opvang.invoer`) load data and call these.

* beschikbaar = capaciteit − niet inzetbaar − gereserveerd voor een andere doelgroep;
  niet-inzetbare plaatsen die onbekend zijn tellen als 0 en worden gemeld ("ten hoogste").
* Plaatsen die binnen de capaciteit van een andere doelgroep voor doelgroep D gereserveerd zijn
  (Trampoline II: max. 10 statushouders) zijn de capaciteit van D op die locatie, zolang er voor D
  daar geen eigen capaciteitsstand is. Zo telt geen plaats twee keer (:func:`locatie_stand`).
* Het antwoord voor datum X gebruikt alleen gegevens gedateerd op of vóór X.
* gat = opgave − beschikbaar (positief = tekort).
"""

import bisect
import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from operator import itemgetter

from django.db.models import Exists, F, OuterRef, Q, TextChoices, Window
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.lookups import Exact
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from noordwijk_migratie.actualiteit import STATUS_VEROUDERD, is_verouderd, label
from noordwijk_migratie.getallen import datum as datum_tekst
from noordwijk_migratie.getallen import percentage


class Fase(TextChoices):
    """The phases of a location, in order."""

    VERKENNING = "verkenning", gettext_lazy("Verkenning")
    COLLEGEBESLUIT = "collegebesluit", gettext_lazy("Collegebesluit")
    RAADSBESLUIT = "raadsbesluit", gettext_lazy("Raadsbesluit")
    VERGUNNING = "vergunning", gettext_lazy("Vergunning")
    REALISATIE = "realisatie", gettext_lazy("Realisatie")
    IN_GEBRUIK = "in_gebruik", gettext_lazy("In gebruik")
    BEEINDIGD = "beeindigd", gettext_lazy("Beëindigd")


FASEN = tuple(Fase.values)
VOORBEREIDINGSFASEN = FASEN[: FASEN.index(Fase.IN_GEBRUIK)]
OPERATIONELE_FASEN = (Fase.IN_GEBRUIK, Fase.BEEINDIGD)
EIGEN_BIJDRAGE_SINDS = datetime.date(2024, 11, 1)


def fase_label(fase: str) -> str:
    return str(Fase(fase).label)


# --- the latest row on or before a date -------------------------------------------------------


class Tijdlijn[T]:
    """The dated items of one series (one location and doelgroep, one doelgroep's opgaven), sorted
    once so that :meth:`op` answers each date by binary search."""

    def __init__(self, items: Iterable[T], sleutel: Callable[[T], datetime.date | None]):
        gedateerd = sorted(((d, i) for i in items if (d := sleutel(i)) is not None), key=itemgetter(0))
        self._datums = [d for d, _i in gedateerd]
        self.items = [i for _d, i in gedateerd]

    def op(self, datum: datetime.date) -> T | None:
        """The item with the latest date on or before ``datum`` (of equal dates the last given), else None.

        Items dated after ``datum`` are never looked at, so later changes cannot alter the past."""
        i = bisect.bisect_right(self._datums, datum)
        return self.items[i - 1] if i else None


def geldend_op[T](items: Iterable[T], datum: datetime.date, sleutel: Callable[[T], datetime.date | None]) -> T | None:
    """The item with the latest date on or before ``datum`` (None if there is none); see :class:`Tijdlijn`."""
    return Tijdlijn(items, sleutel).op(datum)


def tijdlijnen[T, K](
    items: Iterable[T], groep: Callable[[T], K], sleutel: Callable[[T], datetime.date | None]
) -> dict[K, Tijdlijn[T]]:
    """One :class:`Tijdlijn` per group (e.g. per (locatie, doelgroep))."""
    per_groep: dict[K, list[T]] = {}
    for item in items:
        per_groep.setdefault(groep(item), []).append(item)
    return {k: Tijdlijn(v, sleutel) for k, v in per_groep.items()}


def geldend_op_q(datum: datetime.date, datumveld: str, groep: Sequence[str]) -> Q:
    """:func:`geldend_op` per group as a query condition: the row is the latest of its group (the fields
    ``groep``) dated on or before ``datum``. One window function (ROW_NUMBER per group, newest first)
    over the rows on or before the date; other conditions of the same query apply before the
    numbering, so filter on the group's fields only (or select ``pk__in`` these rows)."""
    rang = Window(RowNumber(), partition_by=[F(veld) for veld in groep], order_by=F(datumveld).desc())
    return Q(**{f"{datumveld}__lte": datum}) & Q(Exact(rang, 1))


# --- phases and locations in use ---------------------------------------------------------------
# The dated milestones are the one source of a location's phase: the phase on a date is the furthest
# milestone reached (not "gepland") on or before it; a reached milestone without a date (day unknown)
# counts from the beginning. A location is in use on a date when its phase then is "in gebruik".
# ``Opvanglocatie.fase``, ``startdatum`` and ``einddatum`` are copies derived from the milestones.


def fase_op(mijlpalen: Iterable[tuple[str, datetime.date | None, bool]], datum: datetime.date) -> str | None:
    """Phase of a location on ``datum`` from its (fase, datum, gepland) milestones; None before the first one."""
    bereikt = [fase for fase, d, gepland in mijlpalen if not gepland and (d is None or d <= datum)]
    return max(bereikt, key=FASEN.index) if bereikt else None


def huidige_fase(mijlpalen: Iterable[tuple[str, datetime.date | None, bool]]) -> str | None:
    """The furthest milestone reached at all (a reached milestone is never dated in the future)."""
    return fase_op(mijlpalen, datetime.date.max)


def is_actief(mijlpalen: Iterable[tuple[str, datetime.date | None, bool]], datum: datetime.date) -> bool:
    """A location counts on ``datum`` when its phase on that date is "in gebruik"."""
    return fase_op(mijlpalen, datum) == Fase.IN_GEBRUIK


def _bereikt(fase: str, datum: datetime.date, locatie: str):
    from django.apps import apps

    return Exists(
        apps.get_model("opvang", "Mijlpaal").objects.filter(
            Q(datum__isnull=True) | Q(datum__lte=datum), locatie=OuterRef(locatie), fase=fase, gepland=False
        )
    )


def actief_q(datum: datetime.date, prefix: str = "") -> Q:
    """:func:`is_actief` as a query condition on locations (``prefix`` e.g. ``"locatie__"``): "in gebruik"
    reached on or before ``datum`` and "beëindigd" not (the only phase after it)."""
    return Q(_bereikt(Fase.IN_GEBRUIK, datum, f"{prefix}pk")) & ~Q(_bereikt(Fase.BEEINDIGD, datum, f"{prefix}pk"))


def mijlpaal_over_datum(
    gepland: bool, datum: datetime.date | None, locatie_fase: str | None, peildatum: datetime.date
) -> bool:
    """A milestone still "gepland" after its date is a signal, unless its location was stopped (beëindigd) by
    the peildatum: then the plan lapsed with it. ``locatie_fase``: the location's phase on the peildatum."""
    return gepland and datum is not None and datum < peildatum and locatie_fase != Fase.BEEINDIGD


def mijlpaal_over_datum_q(peildatum: datetime.date) -> Q:
    """:func:`mijlpaal_over_datum` as a query condition on milestones."""
    return Q(gepland=True, datum__lt=peildatum) & ~Q(_bereikt(Fase.BEEINDIGD, peildatum, "locatie_id"))


# --- capacity arithmetic and validation ------------------------------------------------------


def niet_inzetbaar(*redenen: int | None) -> int:
    """Sum of the known not-usable places; unknown (None) counts as 0 (see :func:`onbekend`)."""
    return sum(r for r in redenen if r is not None)


def onbekend(*redenen: int | None) -> bool:
    return any(r is None for r in redenen)


def beschikbaar(plaatsen: int, niet_inzetbaar_plaatsen: int, gereserveerd: int) -> int:
    """Available places = capacity − not usable − reserved for another doelgroep."""
    return plaatsen - niet_inzetbaar_plaatsen - gereserveerd


def past_in_capaciteit(plaatsen: int, gereserveerd: int, *redenen: int | None) -> bool:
    """Reserved plus (known) not-usable places fit within the capacity."""
    return gereserveerd + niet_inzetbaar(*redenen) <= plaatsen


def past_in_capaciteit_q() -> Q:
    """:func:`past_in_capaciteit` as a condition on capacity stands (the database's check constraint)."""
    return Q(
        plaatsen__gte=F("gereserveerd")
        + Coalesce("niet_inzetbaar_calamiteiten", 0)
        + Coalesce("niet_inzetbaar_indelingsverlies", 0)
        + Coalesce("niet_inzetbaar_overig", 0)
    )


def controleer_capaciteit(*, plaatsen, amv_plaatsen=None, gereserveerd=0, redenen=()) -> dict[str, str]:
    """Dutch errors per field for a capacity stand (empty dict = valid)."""
    fouten = {}
    if plaatsen is None:
        return fouten
    if plaatsen < 0:
        fouten["plaatsen"] = _("Een aantal kan niet negatief zijn.")
    if gereserveerd is not None and gereserveerd < 0:
        fouten["gereserveerd"] = _("Een aantal kan niet negatief zijn.")
    if any(n is not None and n < 0 for n in redenen):
        fouten["niet_inzetbaar_overig"] = _("Een aantal kan niet negatief zijn.")
    if fouten:
        return fouten
    if amv_plaatsen is not None and amv_plaatsen > plaatsen:
        fouten["amv_plaatsen"] = _("Het aantal AMV-plaatsen kan niet groter zijn dan de capaciteit.")
    if not past_in_capaciteit(plaatsen, gereserveerd or 0, *redenen):
        fouten["gereserveerd"] = _(
            "Gereserveerde plus niet-inzetbare plaatsen (%(som)s) zijn meer dan de capaciteit (%(plaatsen)s)."
        ) % {"som": (gereserveerd or 0) + niet_inzetbaar(*redenen), "plaatsen": plaatsen}
    return fouten


def controleer_bezetting(*, aantal, amv_aantal=None, capaciteit: int | None) -> dict[str, str]:
    """Dutch errors for an occupancy figure; ``capaciteit`` None means no capacity is known."""
    fouten = {}
    if aantal is None:
        return fouten
    if aantal < 0:
        fouten["aantal"] = _("Een aantal kan niet negatief zijn.")
        return fouten
    if amv_aantal is not None and amv_aantal < 0:
        fouten["amv_aantal"] = _("Een aantal kan niet negatief zijn.")
    elif amv_aantal is not None and amv_aantal > aantal:
        fouten["amv_aantal"] = _("Het aantal AMV kan niet groter zijn dan de bezetting.")
    if capaciteit is not None and aantal > capaciteit:
        fouten["aantal"] = _("De bezetting (%(aantal)s) is hoger dan de capaciteit op die datum (%(capaciteit)s).") % {
            "aantal": aantal,
            "capaciteit": capaciteit,
        }
    return fouten


def fasedatums_in_volgorde(mijlpalen: Iterable[tuple[str, datetime.date | None]]) -> str | None:
    """A Dutch error when a later phase is dated before an earlier one, else None (undated ones are skipped)."""
    gesorteerd = sorted((m for m in mijlpalen if m[1] is not None), key=lambda m: FASEN.index(m[0]))
    for (fase_a, datum_a), (fase_b, datum_b) in zip(gesorteerd, gesorteerd[1:], strict=False):
        if datum_b < datum_a:
            return _(
                "De fasedatums zijn niet in volgorde: %(later)s (%(datum_b)s) ligt vóór %(eerder)s (%(datum_a)s)."
            ) % {
                "later": fase_label(fase_b),
                "datum_b": datum_tekst(datum_b),
                "eerder": fase_label(fase_a),
                "datum_a": datum_tekst(datum_a),
            }
    return None


def controleer_mijlpaal(gepland: bool, datum: datetime.date | None, vandaag: datetime.date) -> dict[str, str]:
    """Dutch errors for a milestone: a planned one has a date; a reached one is not dated in the future."""
    if gepland and datum is None:
        return {"datum": _("Geef de geplande datum op.")}
    if not gepland and datum is not None and datum > vandaag:
        return {
            "gepland": _("Een mijlpaal op %(datum)s is nog niet bereikt: vink 'gepland' aan, of verbeter de datum.")
            % {"datum": datum_tekst(datum)}
        }
    return {}


def controleer_maandcijfer(maand, leefgeld_bedrag, eigen_bijdrage_betalers, eigen_bijdrage_bedrag) -> dict[str, str]:
    fouten = {}
    if maand is not None and maand.day != 1:
        fouten["maand"] = _("Geef de eerste dag van de maand op (bijvoorbeeld 01-06-2025).")
    for veld, bedrag in (("leefgeld_bedrag", leefgeld_bedrag), ("eigen_bijdrage_bedrag", eigen_bijdrage_bedrag)):
        if bedrag is not None and bedrag < 0:
            fouten[veld] = _("Een bedrag kan niet negatief zijn.")
    if maand is not None and maand < EIGEN_BIJDRAGE_SINDS and (eigen_bijdrage_betalers or eigen_bijdrage_bedrag):
        fouten["eigen_bijdrage_betalers"] = _("De eigen bijdrage wordt pas sinds 1 november 2024 geïnd.")
    return fouten


# --- one doelgroep on one date -----------------------------------------------------------------


@dataclass
class OpgaveWaarde:
    geldig_vanaf: datetime.date
    plaatsen: int | None  # None: an opgave is in force but its number is not known yet (a new cycle)
    amv_plaatsen: int | None = None
    bron: str = ""
    cyclus_einde: datetime.date | None = None


@dataclass
class StandWaarde:
    """One capacity stand (a ``Capaciteitsstand`` has the same attributes)."""

    locatie_id: int
    doelgroep_id: int
    ingangsdatum: datetime.date
    plaatsen: int
    amv_plaatsen: int | None = None
    niet_inzetbaar_calamiteiten: int | None = None
    niet_inzetbaar_indelingsverlies: int | None = None
    niet_inzetbaar_overig: int | None = None
    gereserveerd: int = 0
    gereserveerd_voor_id: int | None = None


STAND_VELDEN = tuple(f.name for f in fields(StandWaarde))  # load a stand with .values_list(*STAND_VELDEN)


@dataclass
class LocatieStand:
    """Input for one location and one doelgroep on the peildatum (latest stands already chosen)."""

    locatie_id: int
    locatie: str
    plaatsen: int | None = None  # None: no capacity known
    amv_plaatsen: int | None = None
    niet_inzetbaar_calamiteiten: int | None = None
    niet_inzetbaar_indelingsverlies: int | None = None
    niet_inzetbaar_overig: int | None = None
    gereserveerd: int = 0
    capaciteit_is_reservering: bool = False  # capacity = places reserved for this doelgroep in another stand
    bezet: int | None = None
    bezet_datum: datetime.date | None = None
    capaciteit_datum: datetime.date | None = None  # start of the (oldest) stand the capacity comes from


@dataclass(frozen=True)
class Grenzen:
    """How old a figure may be before it is *verouderd* (settings ``OPVANG_*_VEROUDERD_DAGEN``)."""

    bezetting_dagen: int = 45
    capaciteit_dagen: int = 180


def locatie_stand(
    locatie_id: int,
    locatie: str,
    doelgroep_id: int,
    standen: Iterable[StandWaarde],
    bezet: int | None = None,
    bezet_datum: datetime.date | None = None,
) -> LocatieStand:
    """Capacity of one location for a doelgroep from the latest stand of each doelgroep there: its own stand;
    without one, the places the other doelgroepen's stands reserve for it (then nothing of it is not usable);
    without those, unknown. ``plaatsen`` of the result caps an occupancy figure."""
    standen = list(standen)
    stand = LocatieStand(locatie_id, locatie, bezet=bezet, bezet_datum=bezet_datum)
    eigen = next((s for s in standen if s.doelgroep_id == doelgroep_id), None)
    reserveringen = [s for s in standen if s.gereserveerd_voor_id == doelgroep_id]
    if eigen is not None:
        stand.plaatsen, stand.amv_plaatsen, stand.gereserveerd = eigen.plaatsen, eigen.amv_plaatsen, eigen.gereserveerd
        stand.capaciteit_datum = eigen.ingangsdatum
        stand.niet_inzetbaar_calamiteiten = eigen.niet_inzetbaar_calamiteiten
        stand.niet_inzetbaar_indelingsverlies = eigen.niet_inzetbaar_indelingsverlies
        stand.niet_inzetbaar_overig = eigen.niet_inzetbaar_overig
    elif reserveringen:
        stand.plaatsen, stand.capaciteit_is_reservering = sum(s.gereserveerd for s in reserveringen), True
        stand.capaciteit_datum = min(s.ingangsdatum for s in reserveringen)
        stand.niet_inzetbaar_calamiteiten = stand.niet_inzetbaar_indelingsverlies = stand.niet_inzetbaar_overig = 0
    return stand


def beschikbaar_op_locatie(stand: LocatieStand) -> int | None:
    """The available places of a location stand (None when its capacity is unknown)."""
    if stand.plaatsen is None:
        return None
    redenen = (stand.niet_inzetbaar_calamiteiten, stand.niet_inzetbaar_indelingsverlies, stand.niet_inzetbaar_overig)
    return beschikbaar(stand.plaatsen, niet_inzetbaar(*redenen), stand.gereserveerd)


def beschikbaar_verloop(
    doelgroep_id: int, standen: Iterable[StandWaarde]
) -> Tijdlijn[tuple[datetime.date, LocatieStand]]:
    """The capacity for a doelgroep at one location, from every date one of its stands (of any doelgroep)
    starts: ``op(datum)`` gives (date of the last change, the :class:`LocatieStand`) as on ``datum``."""
    per_doelgroep = tijdlijnen(standen, lambda s: s.doelgroep_id, lambda s: s.ingangsdatum).values()
    wijzigingen = sorted({s.ingangsdatum for t in per_doelgroep for s in t.items})
    return Tijdlijn(
        [(d, locatie_stand(0, "", doelgroep_id, [s for t in per_doelgroep if (s := t.op(d))])) for d in wijzigingen],
        itemgetter(0),
    )


@dataclass
class LocatieRegel:
    locatie_id: int
    locatie: str
    capaciteit: int | None
    niet_inzetbaar: int | None
    niet_inzetbaar_onbekend: bool
    gereserveerd: int
    beschikbaar: int | None
    bezet: int | None
    bezet_datum: datetime.date | None
    bezettingsgraad: Decimal | None
    capaciteit_is_reservering: bool
    capaciteit_datum: datetime.date | None = None
    bezet_verouderd: bool = False
    capaciteit_verouderd: bool = False
    bezet_stand: str = ""  # the date the count carries: "telling 30-06-2025, verouderd"
    capaciteit_stand: str = ""


def locatie_regel(stand: LocatieStand, peildatum: datetime.date, grenzen: Grenzen = Grenzen()) -> LocatieRegel:
    """The figures of one location on ``peildatum``, each with its date and whether it is verouderd then."""
    bezet_oud = is_verouderd(stand.bezet_datum, peildatum, grenzen.bezetting_dagen)
    datums = {
        "bezet_verouderd": bezet_oud,
        "bezet_stand": label(stand.bezet_datum, peildatum, grenzen.bezetting_dagen) if stand.bezet is not None else "",
    }
    if stand.plaatsen is None:
        return LocatieRegel(
            stand.locatie_id,
            stand.locatie,
            None,
            None,
            False,
            0,
            None,
            stand.bezet,
            stand.bezet_datum,
            None,
            False,
            **datums,
        )
    redenen = (stand.niet_inzetbaar_calamiteiten, stand.niet_inzetbaar_indelingsverlies, stand.niet_inzetbaar_overig)
    vrij = beschikbaar_op_locatie(stand)
    return LocatieRegel(
        stand.locatie_id,
        stand.locatie,
        stand.plaatsen,
        niet_inzetbaar(*redenen) if not all(r is None for r in redenen) else None,
        onbekend(*redenen) and not stand.capaciteit_is_reservering,
        stand.gereserveerd,
        vrij,
        stand.bezet,
        stand.bezet_datum,
        percentage(stand.bezet, vrij),
        stand.capaciteit_is_reservering,
        stand.capaciteit_datum,
        capaciteit_verouderd=is_verouderd(stand.capaciteit_datum, peildatum, grenzen.capaciteit_dagen),
        capaciteit_stand=label(stand.capaciteit_datum, peildatum, grenzen.capaciteit_dagen, _("stand")),
        **datums,
    )


@dataclass
class Telling:
    """The latest occupancy count of one location and doelgroep on a peildatum (see
    :func:`opvang.queries.laatste_tellingen`)."""

    locatie_id: int
    locatie: str
    doelgroep_code: str
    datum: datetime.date | None  # None: never counted
    aantal: int | None
    verouderd: bool
    stand: str  # "telling 30-06-2025, verouderd" or "geen telling"


def telling(locatie_id, locatie, doelgroep_code, datum, aantal, peildatum, grenzen: Grenzen = Grenzen()) -> Telling:
    return Telling(
        locatie_id,
        locatie,
        doelgroep_code,
        datum,
        aantal,
        is_verouderd(datum, peildatum, grenzen.bezetting_dagen),
        label(datum, peildatum, grenzen.bezetting_dagen),
    )


STATUS_LABELS = {
    "op_schema": "Op schema",
    "risico": "Risico",
    "achter": "Achter",
    "geen_opgave": "Geen opgave",
    "onbekend": "Onbekend",
}


def status_regel(marge: int, capaciteit_dagen: int = 180) -> str:
    return _(
        "Op schema als het aantal beschikbare plaatsen minstens gelijk is aan de opgave; risico als het tekort "
        "ten hoogste %(marge)s%% van de opgave is; anders achter. Onbekend als de opgave nog niet bekend is of "
        "een capaciteitsstand op de peildatum ouder is dan %(dagen)s dagen."
    ) % {"marge": marge, "dagen": capaciteit_dagen}


def bepaal_status(opgave: int | None, beschikbaar_plaatsen: int, marge: int) -> tuple[str, str]:
    """(status code, Dutch explanation) for an opgave and the available places."""
    if opgave is None:
        return "geen_opgave", _("Er is op deze datum geen opgave vastgelegd.")
    gat = opgave - beschikbaar_plaatsen
    if gat <= 0:
        return "op_schema", _("Er zijn %(beschikbaar)s plaatsen beschikbaar; de opgave is %(opgave)s.") % {
            "beschikbaar": beschikbaar_plaatsen,
            "opgave": opgave,
        }
    if gat * 100 <= marge * opgave:
        return "risico", _(
            "Er ontbreken %(gat)s plaatsen; dat is ten hoogste %(marge)s%% van de opgave (%(opgave)s)."
        ) % {"gat": gat, "marge": marge, "opgave": opgave}
    return "achter", _("Er ontbreken %(gat)s plaatsen; dat is meer dan %(marge)s%% van de opgave (%(opgave)s).") % {
        "gat": gat,
        "marge": marge,
        "opgave": opgave,
    }


@dataclass
class DoelgroepOverzicht:
    doelgroep_code: str
    doelgroep_naam: str
    peildatum: datetime.date
    opgave: int | None
    opgave_amv: int | None
    opgave_bron: str
    opgave_geldig_vanaf: datetime.date | None
    cyclus_einde: datetime.date | None
    capaciteit: int
    capaciteit_amv: int
    niet_inzetbaar: int
    niet_inzetbaar_onbekend: bool
    gereserveerd: int
    beschikbaar: int
    bezet: int
    bezet_onbekend: int  # locations with capacity but no occupancy on or before the peildatum
    vrij: int  # beschikbaar − bezet: places still free for newcomers
    gat: int | None
    bezettingsgraad: Decimal | None
    status: str
    status_label: str
    status_toelichting: str
    status_regel: str
    locaties: list[LocatieRegel] = field(default_factory=list)
    opgave_onbekend: bool = False  # an opgave is in force but its number is not known yet
    # the date each total carries: that of its oldest part, and whether any part is verouderd
    bezet_datum: datetime.date | None = None
    bezet_verouderd: bool = False
    bezet_stand: str = ""
    capaciteit_datum: datetime.date | None = None
    capaciteit_verouderd: bool = False
    capaciteit_stand: str = ""


def _oudste(datums) -> datetime.date | None:
    return min((d for d in datums if d is not None), default=None)


def bereken_overzicht(
    code: str,
    naam: str,
    peildatum: datetime.date,
    opgave: OpgaveWaarde | None,
    standen: list[LocatieStand],
    marge: int = 10,
    grenzen: Grenzen = Grenzen(),
) -> DoelgroepOverzicht:
    """Totals for one doelgroep on one date from the per-location stands.

    The status compares the opgave with the available places, so it is never derived from a capacity stand
    that is verouderd on the peildatum, nor from an opgave whose number is unknown: then it is "onbekend"."""
    regels = [locatie_regel(s, peildatum, grenzen) for s in standen]
    met_cap = [r for r in regels if r.capaciteit is not None]
    capaciteit = sum(r.capaciteit for r in met_cap)
    nb = sum(r.niet_inzetbaar or 0 for r in met_cap)
    gereserveerd = sum(r.gereserveerd for r in met_cap)
    vrij = sum(r.beschikbaar for r in met_cap)
    bezet = sum(r.bezet or 0 for r in regels)
    bezet_datum = _oudste(r.bezet_datum for r in regels if r.bezet is not None)
    capaciteit_datum = _oudste(r.capaciteit_datum for r in met_cap)
    verouderd = [r for r in met_cap if r.capaciteit_verouderd]
    plaatsen = opgave.plaatsen if opgave else None
    if opgave is not None and plaatsen is None:
        status, toelichting = (
            "onbekend",
            _("De opgave vanaf %(vanaf)s is nog niet bekend (%(bron)s); zonder opgave is er geen status.")
            % {"vanaf": datum_tekst(opgave.geldig_vanaf), "bron": opgave.bron},
        )
    elif opgave is not None and verouderd:
        status, toelichting = (
            "verouderd",
            _("De capaciteitsstand van %(locaties)s is ouder dan %(dagen)s dagen; leg een nieuwe stand vast.")
            % {
                "locaties": ", ".join(f"{r.locatie} ({r.capaciteit_stand})" for r in verouderd),
                "dagen": grenzen.capaciteit_dagen,
            },
        )
    else:
        status, toelichting = bepaal_status(plaatsen, vrij, marge)
    onbekend_nb = any(r.niet_inzetbaar_onbekend for r in met_cap)
    if onbekend_nb and status not in ("geen_opgave", "onbekend"):
        toelichting += " " + _(
            "Het aantal niet-inzetbare plaatsen is (deels) onbekend, dus het aantal beschikbare "
            "plaatsen is een bovengrens."
        )
    return DoelgroepOverzicht(
        doelgroep_code=code,
        doelgroep_naam=naam,
        peildatum=peildatum,
        opgave=plaatsen,
        opgave_amv=opgave.amv_plaatsen if opgave else None,
        opgave_bron=opgave.bron if opgave else "",
        opgave_geldig_vanaf=opgave.geldig_vanaf if opgave else None,
        cyclus_einde=opgave.cyclus_einde if opgave else None,
        capaciteit=capaciteit,
        capaciteit_amv=sum(s.amv_plaatsen or 0 for s in standen if s.plaatsen is not None),
        niet_inzetbaar=nb,
        niet_inzetbaar_onbekend=onbekend_nb,
        gereserveerd=gereserveerd,
        beschikbaar=vrij,
        bezet=bezet,
        bezet_onbekend=sum(1 for r in met_cap if r.bezet is None),
        vrij=vrij - sum(r.bezet or 0 for r in met_cap),
        gat=(plaatsen - vrij) if plaatsen is not None else None,
        bezettingsgraad=percentage(bezet, vrij),
        status="onbekend" if status == "verouderd" else status,
        status_label=str(STATUS_VEROUDERD) if status == "verouderd" else _(STATUS_LABELS[status]),
        status_toelichting=toelichting,
        status_regel=status_regel(marge, grenzen.capaciteit_dagen),
        locaties=regels,
        opgave_onbekend=opgave is not None and plaatsen is None,
        bezet_datum=bezet_datum,
        bezet_verouderd=any(r.bezet_verouderd for r in regels),
        bezet_stand=label(bezet_datum, peildatum, grenzen.bezetting_dagen) if bezet_datum else "",
        capaciteit_datum=capaciteit_datum,
        capaciteit_verouderd=bool(verouderd),
        capaciteit_stand=label(capaciteit_datum, peildatum, grenzen.capaciteit_dagen, _("stand"))
        if capaciteit_datum
        else "",
    )


# --- the Spreidingswet pipeline -----------------------------------------------------------------


@dataclass
class PijplijnLocatie:
    naam: str
    fase: str | None  # the phase on the peildatum (None: no milestone reached yet)
    plaatsen: int | None
    amv_plaatsen: int | None
    fase_datum: datetime.date | None = None  # the date of the milestone that set the phase
    besluit: str = ""  # its decision document
    url: str = ""  # the location's page


@dataclass
class PijplijnFase:
    fase: str
    label: str
    aantal_locaties: int
    plaatsen: int
    amv_plaatsen: int
    plaatsen_onbekend: int  # locations in this phase whose planned places are not known yet
    locaties: list[str]
    links: list[tuple[str, str]] = field(default_factory=list)  # (name, page) of each location


@dataclass
class SpreidingswetPijplijn:
    peildatum: datetime.date
    opgave: int | None
    opgave_amv: int | None
    cyclus_einde: datetime.date | None
    fasen: list[PijplijnFase]
    gerealiseerd: int
    gerealiseerd_amv: int
    in_voorbereiding: int
    in_voorbereiding_amv: int
    plaatsen_onbekend: int
    ongedekt: int | None
    ongedekt_amv: int | None
    ongedekt_na_pijplijn: int | None
    ongedekt_amv_na_pijplijn: int | None
    toelichting: str
    locaties: list[PijplijnLocatie] = field(default_factory=list)


def bereken_pijplijn(
    peildatum: datetime.date,
    opgave: OpgaveWaarde | None,
    locaties: list[PijplijnLocatie],
    gerealiseerd: int,
    gerealiseerd_amv: int,
) -> SpreidingswetPijplijn:
    """Planned places per phase against the opgave.

    ``gerealiseerd`` are the available places of locations in use (capacity arithmetic); planned
    places count as pipeline only while a location is in a preparation phase.
    """
    fasen = []
    for fase in FASEN:
        hier = [loc for loc in locaties if loc.fase == fase]
        fasen.append(
            PijplijnFase(
                fase=fase,
                label=fase_label(fase),
                aantal_locaties=len(hier),
                plaatsen=sum(loc.plaatsen or 0 for loc in hier),
                amv_plaatsen=sum(loc.amv_plaatsen or 0 for loc in hier),
                plaatsen_onbekend=sum(1 for loc in hier if loc.plaatsen is None),
                locaties=[loc.naam for loc in hier],
                links=[(loc.naam, loc.url) for loc in hier],
            )
        )
    voorbereiding = [f for f in fasen if f.fase in VOORBEREIDINGSFASEN]
    in_voorbereiding = sum(f.plaatsen for f in voorbereiding)
    in_voorbereiding_amv = sum(f.amv_plaatsen for f in voorbereiding)
    onbekend_aantal = sum(f.plaatsen_onbekend for f in voorbereiding)

    def rest(doel, *af):
        return None if doel is None else max(0, doel - sum(af))

    o, o_amv = (opgave.plaatsen, opgave.amv_plaatsen) if opgave else (None, None)
    toelichting = _(
        "Gerealiseerd zijn de beschikbare plaatsen van locaties in gebruik; in voorbereiding zijn de "
        "geplande plaatsen van locaties van verkenning tot en met realisatie."
    )
    if onbekend_aantal:
        toelichting += " " + _("Van %(n)s locatie(s) in voorbereiding is het aantal plaatsen nog onbekend.") % {
            "n": onbekend_aantal
        }
    return SpreidingswetPijplijn(
        peildatum=peildatum,
        opgave=o,
        opgave_amv=o_amv,
        cyclus_einde=opgave.cyclus_einde if opgave else None,
        fasen=fasen,
        gerealiseerd=gerealiseerd,
        gerealiseerd_amv=gerealiseerd_amv,
        in_voorbereiding=in_voorbereiding,
        in_voorbereiding_amv=in_voorbereiding_amv,
        plaatsen_onbekend=onbekend_aantal,
        ongedekt=rest(o, gerealiseerd),
        ongedekt_amv=rest(o_amv, gerealiseerd_amv),
        ongedekt_na_pijplijn=rest(o, gerealiseerd, in_voorbereiding),
        ongedekt_amv_na_pijplijn=rest(o_amv, gerealiseerd_amv, in_voorbereiding_amv),
        toelichting=toelichting,
        locaties=locaties,
    )


# --- policy dates and signals -------------------------------------------------------------------


@dataclass
class BeleidsdatumStand:
    code: str
    naam: str
    datum: datetime.date
    dagen_resterend: int  # negative once the date has passed
    verstreken: bool
    doelgroep_code: str | None
    bron: str
    geldig_vanaf: datetime.date | None = None  # since when this value holds (None: since always)


def beleidsdatum_stand(
    code: str,
    naam: str,
    datum: datetime.date,
    peildatum: datetime.date,
    doelgroep_code: str | None,
    bron: str,
    geldig_vanaf: datetime.date | None = None,
) -> BeleidsdatumStand:
    """The countdown to a policy date seen from ``peildatum``."""
    return BeleidsdatumStand(
        code, naam, datum, (datum - peildatum).days, datum < peildatum, doelgroep_code, bron, geldig_vanaf
    )


@dataclass
class Signaal:
    soort: str  # bezetting_hoog, bezetting_boven_beschikbaar, datum_nadert, opgave_tekort
    ernst: str  # waarschuwing, kritiek
    tekst: str
    doelgroep_code: str | None = None
    locatie: str | None = None


def signalen_voor(
    overzichten: list[DoelgroepOverzicht],
    datums: list[BeleidsdatumStand],
    *,
    drempel_procent: int = 95,
    dagen: int = 90,
    grenzen: Grenzen = Grenzen(),
    mijlpalen: Iterable[tuple[str, str, datetime.date]] = (),
) -> list[Signaal]:
    """Warnings for the dashboard. No warning is derived from a verouderd figure: instead it asks for a new
    count or stand. ``mijlpalen``: (locatie, fase, datum) of the milestones over their date (see
    :func:`mijlpaal_over_datum`)."""
    uit = []
    for ov in overzichten:
        if ov.status in ("achter", "risico"):
            uit.append(
                Signaal(
                    "opgave_tekort",
                    "kritiek" if ov.status == "achter" else "waarschuwing",
                    _("%(doelgroep)s: %(toelichting)s")
                    % {"doelgroep": ov.doelgroep_naam, "toelichting": ov.status_toelichting},
                    ov.doelgroep_code,
                )
            )
        for r in ov.locaties:
            context = {"locatie": r.locatie, "doelgroep": ov.doelgroep_naam}
            if r.bezet_verouderd:
                uit.append(
                    Signaal(
                        "bezetting_verouderd",
                        "waarschuwing",
                        _(
                            "%(locatie)s (%(doelgroep)s): de laatste telling is van %(datum)s, meer dan %(dagen)s "
                            "dagen oud. Voer een nieuwe telling in."
                        )
                        % {**context, "datum": datum_tekst(r.bezet_datum), "dagen": grenzen.bezetting_dagen},
                        ov.doelgroep_code,
                        r.locatie,
                    )
                )
            if r.capaciteit_verouderd:
                uit.append(
                    Signaal(
                        "capaciteit_verouderd",
                        "waarschuwing",
                        _(
                            "%(locatie)s (%(doelgroep)s): de capaciteitsstand is van %(datum)s, meer dan %(dagen)s "
                            "dagen oud. Leg een nieuwe stand vast."
                        )
                        % {**context, "datum": datum_tekst(r.capaciteit_datum), "dagen": grenzen.capaciteit_dagen},
                        ov.doelgroep_code,
                        r.locatie,
                    )
                )
            if r.bezet is None or r.beschikbaar is None or r.bezet_verouderd or r.capaciteit_verouderd:
                continue
            if r.bezet > r.beschikbaar:
                uit.append(
                    Signaal(
                        "bezetting_boven_beschikbaar",
                        "kritiek",
                        _(
                            "%(locatie)s (%(doelgroep)s): bezetting %(bezet)s is hoger dan de %(vrij)s beschikbare plaatsen."
                        )
                        % {
                            "locatie": r.locatie,
                            "doelgroep": ov.doelgroep_naam,
                            "bezet": r.bezet,
                            "vrij": r.beschikbaar,
                        },
                        ov.doelgroep_code,
                        r.locatie,
                    )
                )
            elif r.bezet * 100 >= drempel_procent * r.beschikbaar:
                uit.append(
                    Signaal(
                        "bezetting_hoog",
                        "waarschuwing",
                        _(
                            "%(locatie)s (%(doelgroep)s): bezetting %(bezet)s is %(procent)s%% of meer van de %(vrij)s "
                            "beschikbare plaatsen."
                        )
                        % {
                            "locatie": r.locatie,
                            "doelgroep": ov.doelgroep_naam,
                            "bezet": r.bezet,
                            "procent": drempel_procent,
                            "vrij": r.beschikbaar,
                        },
                        ov.doelgroep_code,
                        r.locatie,
                    )
                )
    for locatie, fase, d in mijlpalen:
        uit.append(
            Signaal(
                "mijlpaal_over_datum",
                "waarschuwing",
                _(
                    "%(locatie)s: de mijlpaal %(fase)s stond gepland op %(datum)s en is nog niet bereikt. Leg vast "
                    "dat hij is bereikt, verschuif de datum of beëindig de locatie."
                )
                % {"locatie": locatie, "fase": fase_label(fase).lower(), "datum": datum_tekst(d)},
                locatie=locatie,
            )
        )
    for d in datums:
        if 0 <= d.dagen_resterend <= dagen:
            uit.append(
                Signaal(
                    "datum_nadert",
                    "waarschuwing",
                    _("%(naam)s: nog %(dagen)s dagen (%(datum)s).")
                    % {"naam": d.naam, "dagen": d.dagen_resterend, "datum": datum_tekst(d.datum)},
                    d.doelgroep_code,
                )
            )
    return uit


# --- series -------------------------------------------------------------------------------------


@dataclass
class ReeksPunt:
    """One point of a series; a figure verouderd on its date is not drawn (the series is not extended past
    its last measurement): None, as when nothing was measured at all."""

    datum: datetime.date
    opgave: int | None
    beschikbaar: int | None
    bezet: int | None


def meetpunten(van: datetime.date, tot: datetime.date, max_punten: int = 60) -> list[datetime.date]:
    """Dates for a time series: weekly for spans up to 13 weeks, else month ends; always ``tot``."""
    if tot < van:
        return []
    if (tot - van).days <= 91:
        punten = [van + datetime.timedelta(days=7 * k) for k in range((tot - van).days // 7 + 1)]
    else:
        punten, jaar, maand = [], van.year, van.month
        while True:
            volgende = datetime.date(jaar + maand // 12, maand % 12 + 1, 1)
            einde = volgende - datetime.timedelta(days=1)
            if einde >= tot:
                break
            if einde >= van:
                punten.append(einde)
            jaar, maand = volgende.year, volgende.month
        stap = -(-len(punten) // (max_punten - 1)) if len(punten) >= max_punten else 1
        punten = punten[::stap]
    if not punten or punten[-1] != tot:
        punten.append(tot)
    return punten


@dataclass
class Maandcijfer:
    maand: datetime.date
    leefgeld_ontvangers: int | None
    leefgeld_bedrag: Decimal | None
    eigen_bijdrage_betalers: int | None
    eigen_bijdrage_bedrag: Decimal | None
