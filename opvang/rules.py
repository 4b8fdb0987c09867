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

from django.db.models import F, Q, TextChoices, Window
from django.db.models.functions import Coalesce, RowNumber
from django.db.models.lookups import Exact
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


# --- locations in use -------------------------------------------------------------------------


def is_actief(fase: str, startdatum: datetime.date | None, einddatum: datetime.date | None, datum) -> bool:
    """A location counts on ``datum`` when it is (or was) in use and ``datum`` lies within its start and end."""
    return (
        fase in OPERATIONELE_FASEN
        and (startdatum is None or startdatum <= datum)
        and (einddatum is None or einddatum >= datum)
    )


def actief_q(datum: datetime.date, prefix: str = "") -> Q:
    """:func:`is_actief` as a query condition on locations (``prefix`` e.g. ``"locatie__"``)."""
    return (
        (Q(**{f"{prefix}startdatum__isnull": True}) | Q(**{f"{prefix}startdatum__lte": datum}))
        & (Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gte": datum}))
        & Q(**{f"{prefix}fase__in": OPERATIONELE_FASEN})
    )


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


def fasedatums_in_volgorde(mijlpalen: Iterable[tuple[str, datetime.date]]) -> str | None:
    """A Dutch error when a later phase is dated before an earlier one, else None."""
    gesorteerd = sorted(mijlpalen, key=lambda m: FASEN.index(m[0]))
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


def fase_op(mijlpalen: Iterable[tuple[str, datetime.date, bool]], datum: datetime.date, huidige_fase: str) -> str:
    """Phase of a location on ``datum``: the furthest milestone reached (not planned) on or before it.

    Without any reached milestone the registered current phase is used.
    """
    bereikt = [fase for fase, d, gepland in mijlpalen if not gepland and d <= datum]
    return max(bereikt, key=FASEN.index) if bereikt else huidige_fase


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
    plaatsen: int
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
    reserveringen = [s.gereserveerd for s in standen if s.gereserveerd_voor_id == doelgroep_id]
    if eigen is not None:
        stand.plaatsen, stand.amv_plaatsen, stand.gereserveerd = eigen.plaatsen, eigen.amv_plaatsen, eigen.gereserveerd
        stand.niet_inzetbaar_calamiteiten = eigen.niet_inzetbaar_calamiteiten
        stand.niet_inzetbaar_indelingsverlies = eigen.niet_inzetbaar_indelingsverlies
        stand.niet_inzetbaar_overig = eigen.niet_inzetbaar_overig
    elif reserveringen:
        stand.plaatsen, stand.capaciteit_is_reservering = sum(reserveringen), True
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
) -> Tijdlijn[tuple[datetime.date, int | None]]:
    """The available places for a doelgroep at one location, from every date one of its stands (of any
    doelgroep) starts: ``op(datum)`` gives (date of the last change, beschikbaar) as on ``datum``."""
    per_doelgroep = tijdlijnen(standen, lambda s: s.doelgroep_id, lambda s: s.ingangsdatum).values()
    wijzigingen = sorted({s.ingangsdatum for t in per_doelgroep for s in t.items})
    return Tijdlijn(
        [
            (
                d,
                beschikbaar_op_locatie(
                    locatie_stand(0, "", doelgroep_id, [s for t in per_doelgroep if (s := t.op(d))])
                ),
            )
            for d in wijzigingen
        ],
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


def locatie_regel(stand: LocatieStand) -> LocatieRegel:
    if stand.plaatsen is None:
        return LocatieRegel(
            stand.locatie_id, stand.locatie, None, None, False, 0, None, stand.bezet, stand.bezet_datum, None, False
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
    )


STATUS_LABELS = {
    "op_schema": "Op schema",
    "risico": "Risico",
    "achter": "Achter",
    "geen_opgave": "Geen opgave",
}


def status_regel(marge: int) -> str:
    return _(
        "Op schema als het aantal beschikbare plaatsen minstens gelijk is aan de opgave; risico als het tekort "
        "ten hoogste %(marge)s%% van de opgave is; anders achter."
    ) % {"marge": marge}


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


def bereken_overzicht(
    code: str,
    naam: str,
    peildatum: datetime.date,
    opgave: OpgaveWaarde | None,
    standen: list[LocatieStand],
    marge: int = 10,
) -> DoelgroepOverzicht:
    """Totals for one doelgroep on one date from the per-location stands."""
    regels = [locatie_regel(s) for s in standen]
    met_cap = [r for r in regels if r.capaciteit is not None]
    capaciteit = sum(r.capaciteit for r in met_cap)
    nb = sum(r.niet_inzetbaar or 0 for r in met_cap)
    gereserveerd = sum(r.gereserveerd for r in met_cap)
    vrij = sum(r.beschikbaar for r in met_cap)
    bezet = sum(r.bezet or 0 for r in regels)
    status, toelichting = bepaal_status(opgave.plaatsen if opgave else None, vrij, marge)
    onbekend_nb = any(r.niet_inzetbaar_onbekend for r in met_cap)
    if onbekend_nb and status != "geen_opgave":
        toelichting += " " + _(
            "Het aantal niet-inzetbare plaatsen is (deels) onbekend, dus het aantal beschikbare "
            "plaatsen is een bovengrens."
        )
    return DoelgroepOverzicht(
        doelgroep_code=code,
        doelgroep_naam=naam,
        peildatum=peildatum,
        opgave=opgave.plaatsen if opgave else None,
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
        gat=(opgave.plaatsen - vrij) if opgave else None,
        bezettingsgraad=percentage(bezet, vrij),
        status=status,
        status_label=_(STATUS_LABELS[status]),
        status_toelichting=toelichting,
        status_regel=status_regel(marge),
        locaties=regels,
    )


# --- the Spreidingswet pipeline -----------------------------------------------------------------


@dataclass
class PijplijnLocatie:
    naam: str
    fase: str
    plaatsen: int | None
    amv_plaatsen: int | None


@dataclass
class PijplijnFase:
    fase: str
    label: str
    aantal_locaties: int
    plaatsen: int
    amv_plaatsen: int
    plaatsen_onbekend: int  # locations in this phase whose planned places are not known yet
    locaties: list[str]


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


def beleidsdatum_stand(
    code: str, naam: str, datum: datetime.date, peildatum: datetime.date, doelgroep_code: str | None, bron: str
) -> BeleidsdatumStand:
    """The countdown to a policy date seen from ``peildatum``."""
    return BeleidsdatumStand(code, naam, datum, (datum - peildatum).days, datum < peildatum, doelgroep_code, bron)


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
) -> list[Signaal]:
    """Warnings for the dashboard."""
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
            if r.bezet is None or r.beschikbaar is None:
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
    datum: datetime.date
    opgave: int | None
    beschikbaar: int
    bezet: int | None  # None: no occupancy recorded on or before this date


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
