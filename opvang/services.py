"""Opvang arithmetic: pure functions on plain values/dataclasses, plus thin query functions.

The pure core (no ORM) is unit-tested with hypothesis. The query functions at the bottom load
only what one answer needs, with aggregates computed in SQL (latest row on or before a date per
location via a correlated ``Subquery``, portable to SQLite and PostgreSQL), and hand plain
dataclasses to the pure functions. Everything returned is a plain dataclass, so reports can
snapshot it with :func:`als_json` (``dataclasses.asdict`` with ISO dates and Decimals as text).

Rules (domain.md §2–3):

* beschikbaar = capaciteit − niet inzetbaar − gereserveerd voor een andere doelgroep;
  niet-inzetbare plaatsen die onbekend zijn tellen als 0 en worden gemeld ("ten hoogste").
* Plaatsen die binnen de capaciteit van een andere doelgroep voor doelgroep D gereserveerd zijn
  (Trampoline II: max. 10 statushouders) zijn de capaciteit van D op die locatie, zolang er voor D
  daar geen eigen capaciteitsstand is. Zo telt geen plaats twee keer.
* Het antwoord voor datum X gebruikt alleen gegevens gedateerd op of vóór X.
* gat = opgave − beschikbaar (positief = tekort).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

FASEN = ("verkenning", "collegebesluit", "raadsbesluit", "vergunning", "realisatie", "in_gebruik", "beeindigd")
VOORBEREIDINGSFASEN = FASEN[:5]
EIGEN_BIJDRAGE_SINDS = datetime.date(2024, 11, 1)


def _instelling(naam: str, standaard):
    return getattr(settings, naam, standaard)


# --------------------------------------------------------------------------------------------
# Pure functions
# --------------------------------------------------------------------------------------------


def geldend_op[T](items: Iterable[T], datum: datetime.date, sleutel: Callable[[T], datetime.date]) -> T | None:
    """The item with the latest date on or before ``datum`` (None if there is none).

    Items dated after ``datum`` are never looked at, so later changes cannot alter the past.
    """
    beste = None
    for item in items:
        d = sleutel(item)
        if d is not None and d <= datum and (beste is None or d >= sleutel(beste)):
            beste = item
    return beste


def niet_inzetbaar(*redenen: int | None) -> int:
    """Sum of the known not-usable places; unknown (None) counts as 0 (see :func:`onbekend`)."""
    return sum(r for r in redenen if r is not None)


def onbekend(*redenen: int | None) -> bool:
    return any(r is None for r in redenen)


def beschikbaar(plaatsen: int, niet_inzetbaar_plaatsen: int, gereserveerd: int) -> int:
    """Available places = capacity − not usable − reserved for another doelgroep."""
    return plaatsen - niet_inzetbaar_plaatsen - gereserveerd


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
    som = (gereserveerd or 0) + niet_inzetbaar(*redenen)
    if som > plaatsen:
        fouten["gereserveerd"] = _(
            "Gereserveerde plus niet-inzetbare plaatsen (%(som)s) zijn meer dan de capaciteit (%(plaatsen)s)."
        ) % {"som": som, "plaatsen": plaatsen}
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
                "datum_b": datum_b.strftime("%d-%m-%Y"),
                "eerder": fase_label(fase_a),
                "datum_a": datum_a.strftime("%d-%m-%Y"),
            }
    return None


def fase_label(fase: str) -> str:
    from .models import Fase

    return str(Fase(fase).label)


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


def percentage(deel: int | None, geheel: int | None) -> float | None:
    if deel is None or not geheel or geheel <= 0:
        return None
    return round(100 * deel / geheel, 1)


@dataclass
class OpgaveWaarde:
    geldig_vanaf: datetime.date
    plaatsen: int
    amv_plaatsen: int | None = None
    bron: str = ""
    cyclus_einde: datetime.date | None = None


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
    bezettingsgraad: float | None
    capaciteit_is_reservering: bool


def locatie_regel(stand: LocatieStand) -> LocatieRegel:
    if stand.plaatsen is None:
        return LocatieRegel(
            stand.locatie_id, stand.locatie, None, None, False, 0, None, stand.bezet, stand.bezet_datum, None, False
        )
    redenen = (stand.niet_inzetbaar_calamiteiten, stand.niet_inzetbaar_indelingsverlies, stand.niet_inzetbaar_overig)
    nb = niet_inzetbaar(*redenen)
    vrij = beschikbaar(stand.plaatsen, nb, stand.gereserveerd)
    return LocatieRegel(
        stand.locatie_id,
        stand.locatie,
        stand.plaatsen,
        nb if not all(r is None for r in redenen) else None,
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
    bezettingsgraad: float | None
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
    """Totals for one doelgroep on one date from the per-location stands (pure)."""
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
    """Planned places per phase against the opgave (pure).

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


@dataclass
class BeleidsdatumStand:
    code: str
    naam: str
    datum: datetime.date
    dagen_resterend: int  # negative once the date has passed
    verstreken: bool
    doelgroep_code: str | None
    bron: str


def dagen_tot(peildatum: datetime.date, datum: datetime.date) -> int:
    return (datum - peildatum).days


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
    """Warnings for the dashboard (pure)."""
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
                    % {"naam": d.naam, "dagen": d.dagen_resterend, "datum": d.datum.strftime("%d-%m-%Y")},
                    d.doelgroep_code,
                )
            )
    return uit


@dataclass
class ReeksPunt:
    datum: datetime.date
    opgave: int | None
    beschikbaar: int
    bezet: int | None  # None: no occupancy recorded on or before this date

    def __iter__(self):  # allows ``for datum, opgave, beschikbaar, bezet in reeks``
        return iter((self.datum, self.opgave, self.beschikbaar, self.bezet))


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


def als_json(obj: Any) -> Any:
    """``dataclasses.asdict`` with dates as ISO text and Decimals as text: ready for json.dumps."""

    def omzetten(w):
        if isinstance(w, dict):
            return {k: omzetten(v) for k, v in w.items()}
        if isinstance(w, list | tuple):
            return [omzetten(v) for v in w]
        if isinstance(w, datetime.date):
            return w.isoformat()
        if isinstance(w, Decimal):
            return str(w)
        return w

    if isinstance(obj, list):
        return [als_json(o) for o in obj]
    return omzetten(asdict(obj))


# --------------------------------------------------------------------------------------------
# Query functions (thin: load with a constant number of queries, then call the pure core)
# --------------------------------------------------------------------------------------------


def _actief_op(datum, prefix=""):
    from django.db.models import Q

    from .models import OPERATIONELE_FASEN

    return (
        (Q(**{f"{prefix}startdatum__isnull": True}) | Q(**{f"{prefix}startdatum__lte": datum}))
        & (Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gte": datum}))
        & Q(**{f"{prefix}fase__in": OPERATIONELE_FASEN})
    )


def _laatste_stand(datum):
    """Subquery: pk of the latest capacity stand on or before ``datum`` of the outer (locatie, doelgroep)."""
    from django.db.models import OuterRef, Subquery

    from .models import Capaciteitsstand

    return Subquery(
        Capaciteitsstand.objects.filter(
            locatie=OuterRef("locatie"), doelgroep=OuterRef("doelgroep"), ingangsdatum__lte=datum
        )
        .order_by("-ingangsdatum")
        .values("pk")[:1]
    )


def actuele_standen(datum):
    """QuerySet of the latest capacity stand per (locatie, doelgroep) on ``datum``, active locations only."""
    from .models import Capaciteitsstand

    return Capaciteitsstand.objects.filter(ingangsdatum__lte=datum, pk=_laatste_stand(datum)).filter(
        _actief_op(datum, "locatie__")
    )


def actuele_bezettingen(datum):
    """QuerySet of the latest occupancy per (locatie, doelgroep) on ``datum``, active locations only.

    The latest rows are found with one DISTINCT ON over the (locatie, doelgroep, datum) index, not with a
    subquery per occupancy row (which made every overview slower with each week of history)."""
    from django.db import connection
    from django.db.models import OuterRef, Subquery

    from .models import Bezetting

    if connection.features.can_distinct_on_fields:  # PostgreSQL
        laatste = (
            Bezetting.objects.filter(datum__lte=datum)
            .order_by("locatie_id", "doelgroep_id", "-datum")
            .distinct("locatie_id", "doelgroep_id")
            .values("pk")
        )
        return Bezetting.objects.filter(pk__in=laatste).filter(_actief_op(datum, "locatie__"))
    # the embedded default (SQLite, `make run`): a correlated subquery, fine at that size
    recentste = Bezetting.objects.filter(
        locatie=OuterRef("locatie"), doelgroep=OuterRef("doelgroep"), datum__lte=datum
    ).order_by("-datum")
    return Bezetting.objects.filter(datum__lte=datum, pk=Subquery(recentste.values("pk")[:1])).filter(
        _actief_op(datum, "locatie__")
    )


def opgaven_van(doelgroep_code: str) -> list[OpgaveWaarde]:
    from .models import Opgave

    return [
        OpgaveWaarde(o.geldig_vanaf, o.plaatsen, o.amv_plaatsen, o.bron, o.cyclus_einde)
        for o in Opgave.objects.filter(doelgroep__code=doelgroep_code).order_by("geldig_vanaf")
    ]


class Referentie:
    """Doelgroepen and opgaven (a handful of reference rows), read once per request or report.

    Pass one instance to the functions below that accept ``ref`` so a page that shows several
    overviews does not read the same rows again for each of them.
    """

    def __init__(self):
        self._doelgroepen = None
        self._opgaven = None
        self._per_datum = {}

    def per_datum(self, naam: str, datum, maak):
        """``maak()`` once per (naam, datum): the stands of all doelgroepen at once, split per doelgroep later."""
        if (naam, datum) not in self._per_datum:
            self._per_datum[naam, datum] = maak()
        return self._per_datum[naam, datum]

    def doelgroepen(self) -> dict:
        if self._doelgroepen is None:
            from noordwijk_migratie.models import Doelgroep

            self._doelgroepen = {d.code: d for d in Doelgroep.objects.all()}
        return self._doelgroepen

    def doelgroep(self, code):
        from noordwijk_migratie.models import Doelgroep

        try:
            return self.doelgroepen()[code]
        except KeyError:
            raise Doelgroep.DoesNotExist(code) from None

    def opgaven(self, doelgroep_code: str) -> list[OpgaveWaarde]:
        if self._opgaven is None:
            from .models import Opgave

            self._opgaven = {}
            for o in Opgave.objects.select_related("doelgroep").order_by("geldig_vanaf"):
                self._opgaven.setdefault(o.doelgroep.code, []).append(
                    OpgaveWaarde(o.geldig_vanaf, o.plaatsen, o.amv_plaatsen, o.bron, o.cyclus_einde)
                )
        return self._opgaven.get(doelgroep_code, [])


def opgave_op(doelgroep_code: str, datum, ref: Referentie | None = None) -> OpgaveWaarde | None:
    opgaven = ref.opgaven(doelgroep_code) if ref is not None else opgaven_van(doelgroep_code)
    return geldend_op(opgaven, datum, lambda o: o.geldig_vanaf)


def locatie_standen(doelgroep, datum, ref: Referentie | None = None) -> list[LocatieStand]:
    """Per active location of ``doelgroep``: its capacity (own stand or a reservation) and occupancy on ``datum``.

    Three queries whatever the history length: locations, stands (own and reservations), occupancy. With a
    shared ``ref`` these three are read once for all doelgroepen on the same date.
    """
    from django.db.models import Q

    from .models import Opvanglocatie

    if ref is None:
        locaties = list(
            Opvanglocatie.objects.filter(_actief_op(datum))
            .filter(
                Q(doelgroepen=doelgroep)
                | Q(capaciteitsstanden__doelgroep=doelgroep)
                | Q(capaciteitsstanden__gereserveerd_voor=doelgroep)
            )
            .distinct()
            .order_by("naam")
            .values_list("pk", "naam")
        )
        stands = actuele_standen(datum).filter(Q(doelgroep=doelgroep) | Q(gereserveerd_voor=doelgroep))
        bezettingen = actuele_bezettingen(datum).filter(doelgroep=doelgroep)
    else:
        koppelingen = ref.per_datum(
            "locaties",
            datum,
            lambda: list(
                Opvanglocatie.objects.filter(_actief_op(datum))
                .order_by("naam", "pk")
                .values_list(
                    "pk", "naam", "doelgroepen", "capaciteitsstanden__doelgroep", "capaciteitsstanden__gereserveerd_voor"
                )
            ),
        )
        locaties = list(dict.fromkeys((pk, naam) for pk, naam, *groepen in koppelingen if doelgroep.pk in groepen))
        stands = [
            s
            for s in ref.per_datum("standen", datum, lambda: list(actuele_standen(datum)))
            if doelgroep.pk in (s.doelgroep_id, s.gereserveerd_voor_id)
        ]
        bezettingen = [
            b
            for b in ref.per_datum("bezettingen", datum, lambda: list(actuele_bezettingen(datum)))
            if b.doelgroep_id == doelgroep.pk
        ]
    eigen, reserveringen = {}, {}
    for s in stands:
        if s.doelgroep_id == doelgroep.pk:
            eigen[s.locatie_id] = s
        else:
            reserveringen[s.locatie_id] = reserveringen.get(s.locatie_id, 0) + s.gereserveerd
    bezet = {b.locatie_id: b for b in bezettingen}
    standen = []
    for pk, naam in locaties:
        b = bezet.get(pk)
        stand = LocatieStand(pk, naam, bezet=b.aantal if b else None, bezet_datum=b.datum if b else None)
        if (s := eigen.get(pk)) is not None:
            stand.plaatsen, stand.amv_plaatsen, stand.gereserveerd = s.plaatsen, s.amv_plaatsen, s.gereserveerd
            stand.niet_inzetbaar_calamiteiten = s.niet_inzetbaar_calamiteiten
            stand.niet_inzetbaar_indelingsverlies = s.niet_inzetbaar_indelingsverlies
            stand.niet_inzetbaar_overig = s.niet_inzetbaar_overig
        elif pk in reserveringen:
            stand.plaatsen, stand.capaciteit_is_reservering = reserveringen[pk], True
            stand.niet_inzetbaar_calamiteiten = stand.niet_inzetbaar_indelingsverlies = 0
            stand.niet_inzetbaar_overig = 0
        standen.append(stand)
    return standen


def capaciteit_voor_bezetting(locatie_id: int, doelgroep_id: int, datum) -> int | None:
    """Capacity that caps an occupancy figure: the own stand, else places reserved for the doelgroep."""
    from django.db.models import Sum

    from .models import Capaciteitsstand

    standen = Capaciteitsstand.objects.filter(locatie_id=locatie_id, ingangsdatum__lte=datum, pk=_laatste_stand(datum))
    eigen = standen.filter(doelgroep_id=doelgroep_id).values_list("plaatsen", flat=True).first()
    if eigen is not None:
        return eigen
    return standen.filter(gereserveerd_voor_id=doelgroep_id).aggregate(s=Sum("gereserveerd"))["s"]


def _doelgroep(code):
    from noordwijk_migratie.models import Doelgroep

    return Doelgroep.objects.get(code=code)


def doelgroep_overzicht(doelgroep_code: str, peildatum, ref: Referentie | None = None) -> DoelgroepOverzicht:
    doelgroep = ref.doelgroep(doelgroep_code) if ref is not None else _doelgroep(doelgroep_code)
    return bereken_overzicht(
        doelgroep.code,
        doelgroep.naam,
        peildatum,
        opgave_op(doelgroep_code, peildatum, ref),
        locatie_standen(doelgroep, peildatum, ref),
        marge=_instelling("OPVANG_RISICO_MARGE_PROCENT", 10),
    )


def spreidingswet_pijplijn(
    peildatum, ref: Referentie | None = None, overzicht: DoelgroepOverzicht | None = None
) -> SpreidingswetPijplijn:
    """``overzicht``: the asielzoekers' :func:`doelgroep_overzicht` on ``peildatum`` if the caller has it."""
    from django.db.models import Prefetch, Q

    from .models import LocatieType, Mijlpaal, Opvanglocatie

    ref = ref or Referentie()
    doelgroep = ref.doelgroep("asielzoekers")
    locaties = Opvanglocatie.objects.filter(Q(type=LocatieType.SPREIDINGSWET) | Q(doelgroepen=doelgroep)).distinct()
    locaties = locaties.prefetch_related(Prefetch("mijlpalen", queryset=Mijlpaal.objects.order_by("datum")))
    pijplijn = [
        PijplijnLocatie(
            loc.naam,
            fase_op([(m.fase, m.datum, m.gepland) for m in loc.mijlpalen.all()], peildatum, loc.fase),
            loc.geplande_plaatsen,
            loc.geplande_amv_plaatsen,
        )
        for loc in locaties.order_by("naam")
    ]
    ov = overzicht or doelgroep_overzicht("asielzoekers", peildatum, ref)
    return bereken_pijplijn(
        peildatum, opgave_op("asielzoekers", peildatum, ref), pijplijn, ov.beschikbaar, ov.capaciteit_amv
    )


def beleidsdatums(peildatum) -> list[BeleidsdatumStand]:
    """Policy dates (editable) plus the cycle end of each opgave in force, with days remaining."""
    from .models import Beleidsdatum, Opgave

    uit = [
        BeleidsdatumStand(
            b.code,
            b.naam,
            b.datum,
            dagen_tot(peildatum, b.datum),
            b.datum < peildatum,
            b.doelgroep.code if b.doelgroep else None,
            b.bron,
        )
        for b in Beleidsdatum.objects.select_related("doelgroep")
    ]
    per_doelgroep = {}
    for o in Opgave.objects.select_related("doelgroep").filter(geldig_vanaf__lte=peildatum).order_by("geldig_vanaf"):
        per_doelgroep[o.doelgroep.code] = o
    for code, o in per_doelgroep.items():
        if o.cyclus_einde:
            uit.append(
                BeleidsdatumStand(
                    f"cyclus-einde-{code}",
                    _("Einde cyclus opgave %(doelgroep)s") % {"doelgroep": o.doelgroep.naam},
                    o.cyclus_einde,
                    dagen_tot(peildatum, o.cyclus_einde),
                    o.cyclus_einde < peildatum,
                    code,
                    o.bron,
                )
            )
    return sorted(uit, key=lambda b: (b.datum, b.naam))


OVERZICHT_DOELGROEPEN = ("oekraine", "asielzoekers", "statushouders")


def signalen(
    peildatum, ref: Referentie | None = None, datums: list[BeleidsdatumStand] | None = None
) -> list[Signaal]:
    """``datums``: :func:`beleidsdatums` on ``peildatum`` if the caller already has them."""
    ref = ref or Referentie()
    codes = set(ref.doelgroepen())
    overzichten = [doelgroep_overzicht(c, peildatum, ref) for c in OVERZICHT_DOELGROEPEN if c in codes]
    return signalen_voor(
        overzichten,
        beleidsdatums(peildatum) if datums is None else datums,
        drempel_procent=_instelling("OPVANG_SIGNAAL_BEZETTING_PROCENT", 95),
        dagen=_instelling("OPVANG_SIGNAAL_DAGEN", 90),
    )


def oekraine_maandcijfers(van, tot) -> list[Maandcijfer]:
    from .models import OekraineMaandcijfer

    return [
        Maandcijfer(
            m.maand, m.leefgeld_ontvangers, m.leefgeld_bedrag, m.eigen_bijdrage_betalers, m.eigen_bijdrage_bedrag
        )
        for m in OekraineMaandcijfer.objects.filter(maand__gte=van, maand__lte=tot).order_by("maand")
    ]


def _bezet_per_punt(doelgroep, punten) -> dict:
    """Per point: the sum of the latest occupancy of each location active on that point (as
    :func:`actuele_bezettingen` counts it); points without any occupancy are left out.

    One query over the doelgroep's occupancy history, then a binary search per location and point:
    a DISTINCT ON (or a subquery per row) for each of the ~24 points cost a scan of the history each.
    """
    import bisect

    from .models import Bezetting

    reeksen, locaties = {}, {}
    for locatie_id, datum, aantal, start, eind, fase in (
        Bezetting.objects.filter(doelgroep=doelgroep, datum__lte=max(punten))
        .order_by("locatie_id", "datum")
        .values_list("locatie_id", "datum", "aantal", "locatie__startdatum", "locatie__einddatum", "locatie__fase")
    ):
        datums, aantallen = reeksen.setdefault(locatie_id, ([], []))
        datums.append(datum)
        aantallen.append(aantal)
        locaties[locatie_id] = (start, eind, fase)
    uit = {}
    for p in punten:
        totaal = None
        for locatie_id, (datums, aantallen) in reeksen.items():
            if not _actief(*locaties[locatie_id], p):
                continue
            i = bisect.bisect_right(datums, p)
            if i:
                totaal = (totaal or 0) + aantallen[i - 1]
        if totaal is not None:
            uit[p] = totaal
    return uit


def bezetting_reeks(doelgroep_code: str, van, tot, ref: Referentie | None = None) -> list[ReeksPunt]:
    """(datum, opgave, beschikbaar, bezet) per measuring point, each point as :func:`doelgroep_overzicht` would
    compute it. Two SQL queries (the capacity stands and the occupancy history of the doelgroep) plus the
    opgaven, whatever the history length; the latest stand per point is found by binary search."""
    punten = meetpunten(van, tot)
    if not punten:
        return []
    doelgroep = ref.doelgroep(doelgroep_code) if ref is not None else _doelgroep(doelgroep_code)
    vrij_per = _vrij_per_punt(doelgroep, punten)
    bezet_per = _bezet_per_punt(doelgroep, punten)
    opgaven = ref.opgaven(doelgroep_code) if ref is not None else opgaven_van(doelgroep_code)
    uit = []
    for p in punten:
        o = geldend_op(opgaven, p, lambda x: x.geldig_vanaf)
        uit.append(ReeksPunt(p, o.plaatsen if o else None, vrij_per[p], bezet_per.get(p)))
    return uit


def _actief(start, eind, fase, p) -> bool:
    from .models import OPERATIONELE_FASEN

    return fase in OPERATIONELE_FASEN and not (start and start > p) and not (eind and eind < p)


def _vrij_per_punt(doelgroep, punten) -> dict:
    """Per point the available places for ``doelgroep`` as :func:`actuele_standen` counts them: the own
    latest stands (capacity − reserved − not usable) plus places other doelgroepen's latest stands reserve
    for it at locations without an own stand yet. One query over the stands of the locations involved."""
    import bisect

    from django.db.models import Q

    from .models import Capaciteitsstand

    locaties = Capaciteitsstand.objects.filter(Q(doelgroep=doelgroep) | Q(gereserveerd_voor=doelgroep)).values(
        "locatie_id"
    )
    reeksen: dict[tuple[int, int], tuple[list, list]] = {}
    info = {}
    for rij in (
        Capaciteitsstand.objects.filter(locatie_id__in=locaties, ingangsdatum__lte=max(punten))
        .order_by("locatie_id", "doelgroep_id", "ingangsdatum")
        .values_list(
            "locatie_id", "doelgroep_id", "ingangsdatum", "plaatsen", "gereserveerd", "gereserveerd_voor_id",
            "niet_inzetbaar_calamiteiten", "niet_inzetbaar_indelingsverlies", "niet_inzetbaar_overig",
            "locatie__startdatum", "locatie__einddatum", "locatie__fase",
        )
    ):
        locatie_id, doelgroep_id, ingang = rij[0], rij[1], rij[2]
        datums, standen = reeksen.setdefault((locatie_id, doelgroep_id), ([], []))
        datums.append(ingang)
        standen.append(rij[3:9])
        info[locatie_id] = rij[9:12]
    eerste_eigen = {loc: datums[0] for (loc, dg), (datums, _) in reeksen.items() if dg == doelgroep.pk}
    uit = {}
    for p in punten:
        vrij = 0
        for (locatie_id, doelgroep_id), (datums, standen) in reeksen.items():
            i = bisect.bisect_right(datums, p)
            if not i or not _actief(*info[locatie_id], p):
                continue
            plaatsen, gereserveerd, reserveert_voor, *redenen = standen[i - 1]
            if doelgroep_id == doelgroep.pk:
                vrij += plaatsen - (gereserveerd or 0) - sum(r or 0 for r in redenen)
            elif reserveert_voor == doelgroep.pk and not (
                locatie_id in eerste_eigen and eerste_eigen[locatie_id] <= p
            ):
                vrij += gereserveerd or 0
        uit[p] = vrij
    return uit


# --------------------------------------------------------------------------------------------
# Fast occupancy entry and location detail
# --------------------------------------------------------------------------------------------


class SnelInvoerFout(Exception):
    """Raised (inside the transaction, so nothing is saved) with the errors per row key."""

    def __init__(self, fouten: dict[str, list[str]]):
        super().__init__(fouten)
        self.fouten = fouten


def snelinvoer_rijen(datum) -> list[dict]:
    """Every active (locatie, doelgroep) on ``datum`` with the capacity that caps its count, the count already
    recorded on that date and the previous count. Six queries whatever the number of locations."""
    from .models import Bezetting, Opvanglocatie

    locaties = Opvanglocatie.objects.filter(_actief_op(datum)).prefetch_related("doelgroepen").order_by("naam")
    standen = list(actuele_standen(datum))
    eigen = {(s.locatie_id, s.doelgroep_id): s.plaatsen for s in standen}
    gereserveerd = {}
    for s in standen:
        if s.gereserveerd and s.gereserveerd_voor_id:
            sleutel = (s.locatie_id, s.gereserveerd_voor_id)
            gereserveerd[sleutel] = gereserveerd.get(sleutel, 0) + s.gereserveerd
    huidig = {(b.locatie_id, b.doelgroep_id): b for b in Bezetting.objects.filter(datum=datum)}
    vorige = {(b.locatie_id, b.doelgroep_id): b for b in actuele_bezettingen(datum - datetime.timedelta(days=1))}
    rijen = []
    for locatie in locaties:
        for doelgroep in locatie.doelgroepen.all():
            k = (locatie.pk, doelgroep.pk)
            rijen.append(
                {
                    "sleutel": f"{locatie.pk}_{doelgroep.pk}",
                    "locatie": locatie,
                    "doelgroep": doelgroep,
                    "capaciteit": eigen[k] if k in eigen else gereserveerd.get(k),
                    "huidig": huidig.get(k),
                    "vorige": vorige.get(k),
                }
            )
    return rijen


def sla_snelinvoer_op(datum, regels) -> int:
    """Save (locatie, doelgroep, aantal, toelichting, sleutel) rows for one date: all or nothing.

    Idempotent: a second save for the same date updates the same (locatie, doelgroep, datum) rows.
    Rows without a number are skipped. Returns the number of rows saved.
    """
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from .models import Bezetting

    fouten, opgeslagen = {}, 0
    with transaction.atomic():
        for locatie, doelgroep, aantal, toelichting, sleutel in regels:
            if aantal is None:
                continue
            obj = Bezetting.objects.filter(locatie=locatie, doelgroep=doelgroep, datum=datum).first()
            obj = obj or Bezetting(locatie=locatie, doelgroep=doelgroep, datum=datum)
            obj.aantal, obj.toelichting = aantal, toelichting or ""
            try:
                obj.full_clean()
            except ValidationError as exc:
                fouten[sleutel] = exc.messages
                continue
            obj.save()
            opgeslagen += 1
        if fouten:
            raise SnelInvoerFout(fouten)
    return opgeslagen


def locatie_detail(locatie) -> dict:
    """Milestones, capacity stands, current capacity per doelgroep and the occupancy history of one location."""
    from .models import FASE_VOLGORDE

    vandaag = timezone.localdate()
    mijlpalen = sorted(locatie.mijlpalen.all(), key=lambda m: FASE_VOLGORDE[m.fase])
    standen = list(
        locatie.capaciteitsstanden.select_related("doelgroep", "gereserveerd_voor").order_by(
            "doelgroep__volgorde", "-ingangsdatum"
        )
    )
    bezettingen = list(locatie.bezettingen.select_related("doelgroep").order_by("datum"))
    per_doelgroep = {}
    for s in standen:
        per_doelgroep.setdefault(s.doelgroep, []).append(s)
    huidig = []
    for doelgroep, reeks in per_doelgroep.items():
        s = geldend_op(reeks, vandaag, lambda x: x.ingangsdatum)
        if s is not None:
            huidig.append(
                (
                    doelgroep,
                    locatie_regel(
                        LocatieStand(
                            locatie.pk,
                            locatie.naam,
                            s.plaatsen,
                            s.amv_plaatsen,
                            s.niet_inzetbaar_calamiteiten,
                            s.niet_inzetbaar_indelingsverlies,
                            s.niet_inzetbaar_overig,
                            s.gereserveerd,
                        )
                    ),
                )
            )
    reeksen = []
    doelgroepen = list(dict.fromkeys(b.doelgroep for b in bezettingen))
    for doelgroep in doelgroepen:
        eigen = [b for b in bezettingen if b.doelgroep == doelgroep]
        reeksen.append(
            (_("Bezet: %(doelgroep)s") % {"doelgroep": doelgroep.naam}, [(b.datum, b.aantal) for b in eigen])
        )
        if doelgroep in per_doelgroep:
            reeksen.append(
                (
                    _("Capaciteit: %(doelgroep)s") % {"doelgroep": doelgroep.naam},
                    [
                        (
                            b.datum,
                            s.plaatsen
                            if (s := geldend_op(per_doelgroep[doelgroep], b.datum, lambda x: x.ingangsdatum))
                            else None,
                        )
                        for b in eigen
                    ],
                )
            )
    return {
        "mijlpalen": mijlpalen,
        "standen": standen,
        "huidige_capaciteit": huidig,
        "recente_bezettingen": list(reversed(bezettingen[-20:])),
        "aantal_bezettingen": len(bezettingen),
        "bezetting_reeksen": reeksen,
    }
