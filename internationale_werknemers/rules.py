"""The rules of the internationale-werknemers programme line, PURE: plain values and dataclasses in,
plain values and dataclasses out. Nothing here imports a model or touches the database; the query
functions that load data and call these rules live in :mod:`internationale_werknemers.queries`.

Where a rule also runs in SQL (a list filter, a query), its SQL form is the ``*_q`` function right
beside it, and ``tests/test_rules.py`` proves on generated data that both select the same rows.
Sections follow the sub-areas of :mod:`internationale_werknemers.models`.
"""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from noordwijk_migratie.getallen import getal, percentage

# Judgements of a toetsingscriterium
VOLDAAN = "voldaan"
NIET_VOLDAAN = "niet_voldaan"
NIET_BEOORDEELD = "niet_beoordeeld"

# Checklist items of an inspection and the inspection result
VOLDOET = "voldoet"
VOLDOET_NIET = "voldoet_niet"
NIET_GECONTROLEERD = "niet_gecontroleerd"
RESULTAAT_VOLDOET = "voldoet"
RESULTAAT_VOLDOET_NIET = "voldoet_niet"
RESULTAAT_ONVOLLEDIG = "onvolledig"

# Overall status of the programme line
OP_SCHEMA = "op_schema"
RISICO = "risico"
ACHTER = "achter"
ONBEKEND = "onbekend"
STATUS_LABELS = {
    OP_SCHEMA: gettext_noop("op schema"),
    RISICO: gettext_noop("risico"),
    ACHTER: gettext_noop("achter"),
    ONBEKEND: gettext_noop("onbekend"),
}


def som_of_onbekend(waarden: Iterable[int | Decimal | None]) -> int | Decimal | None:
    """Sum of the known values; None when none is known."""
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


def maandeinden(van: date, tot: date) -> list[date]:
    """The last day of every month from ``van``'s month up to ``tot``; ``tot`` itself closes the list."""
    if tot < van:
        return []
    punten = []
    jaar, maand = van.year, van.month
    while True:
        einde = date(jaar, maand, calendar.monthrange(jaar, maand)[1])
        if einde >= tot:
            punten.append(tot)
            return punten
        punten.append(einde)
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def jaar_eerder(d: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


# --------------------------------------------------------------------------------------------------
# Toetsingskader "nieuwe huisvestingsinitiatieven"
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Oordeel:
    criterium: str
    uitkomst: str  # VOLDAAN | NIET_VOLDAAN | NIET_BEOORDEELD


@dataclass(frozen=True)
class Toetsuitkomst:
    voldaan: list[str]
    niet_voldaan: list[str]
    niet_beoordeeld: list[str]

    @property
    def voldoet_aan_alle(self) -> bool:
        """Every criterion judged and met (an initiative without criteria meets nothing to judge)."""
        return not self.niet_voldaan and not self.niet_beoordeeld

    @property
    def volledig_beoordeeld(self) -> bool:
        return not self.niet_beoordeeld


@dataclass(frozen=True)
class Goedkeuringstoets:
    toegestaan: bool
    afwijking_nodig: bool
    melding: str


def criterium_telt(actief: bool, beoordeeld: bool) -> bool:
    """A criterion counts for an initiative when it is active, or when it was judged for that initiative
    (a criterion deactivated later keeps counting where it was judged)."""
    return actief or beoordeeld


def criterium_telt_q(beoordeelde_criteria: Iterable[int]) -> Q:
    """:func:`criterium_telt` as a condition on the criteria, given the ids of those judged for the initiative."""
    return Q(actief=True) | Q(pk__in=list(beoordeelde_criteria))


def heeft_afwijking(afwijkingsreden: str | None) -> bool:
    """A reason for deviating from the toetsingskader is recorded (blank text is no reason)."""
    return bool((afwijkingsreden or "").strip())


def heeft_afwijking_q() -> Q:
    """:func:`heeft_afwijking` as a condition on initiatives (the model stores the reason stripped)."""
    return ~Q(afwijking_reden="")


def toets_initiatief(oordelen: Sequence[Oordeel]) -> Toetsuitkomst:
    """Group the judgements of an initiative by outcome (order kept)."""
    return Toetsuitkomst(
        voldaan=[o.criterium for o in oordelen if o.uitkomst == VOLDAAN],
        niet_voldaan=[o.criterium for o in oordelen if o.uitkomst == NIET_VOLDAAN],
        niet_beoordeeld=[o.criterium for o in oordelen if o.uitkomst not in (VOLDAAN, NIET_VOLDAAN)],
    )


def mag_goedkeuren(toetsing: Toetsuitkomst, afwijkingsreden: str | None) -> Goedkeuringstoets:
    """The rule of the toetsingskader: an initiative may only be approved when every criterion is met,
    unless an explicit reason for deviating is recorded. Criteria not yet judged count as not met."""
    afwijking_nodig = not toetsing.voldoet_aan_alle
    if not afwijking_nodig:
        return Goedkeuringstoets(True, False, "")
    delen = []
    if toetsing.niet_voldaan:
        delen.append(_("niet voldaan: %(criteria)s") % {"criteria": ", ".join(toetsing.niet_voldaan)})
    if toetsing.niet_beoordeeld:
        delen.append(_("nog niet beoordeeld: %(criteria)s") % {"criteria": ", ".join(toetsing.niet_beoordeeld)})
    if heeft_afwijking(afwijkingsreden):
        return Goedkeuringstoets(
            True, True, _("Goedgekeurd met vastgelegde afwijking (%(delen)s).") % {"delen": "; ".join(delen)}
        )
    return Goedkeuringstoets(
        False,
        True,
        _(
            "Dit initiatief kan niet worden goedgekeurd zolang niet aan alle criteria van het toetsingskader "
            "is voldaan (%(delen)s). Beoordeel de criteria of leg een reden voor afwijking vast."
        )
        % {"delen": "; ".join(delen)},
    )


def aandeel_initiatieven_voldoen(toetsingen: Iterable[Toetsuitkomst]) -> tuple[int, int, Decimal | None]:
    """Of the fully judged initiatives: (number meeting all criteria, number judged, percentage)."""
    beoordeeld = [t for t in toetsingen if t.volledig_beoordeeld and (t.voldaan or t.niet_voldaan)]
    voldoen = sum(1 for t in beoordeeld if t.voldoet_aan_alle)
    return voldoen, len(beoordeeld), percentage(voldoen, len(beoordeeld))


# --------------------------------------------------------------------------------------------------
# Woonkwaliteit (SNF)
# --------------------------------------------------------------------------------------------------


def inspectie_resultaat(checklist: dict[str, str]) -> str:
    """One failing item fails the inspection; otherwise unchecked items make it incomplete."""
    waarden = list(checklist.values())
    if any(w == VOLDOET_NIET for w in waarden):
        return RESULTAAT_VOLDOET_NIET
    if not waarden or any(w != VOLDOET for w in waarden):
        return RESULTAAT_ONVOLLEDIG
    return RESULTAAT_VOLDOET


@dataclass(frozen=True)
class WoningStand:
    """What the quality share needs of one dwelling; ``inspecties`` are (date, result) pairs."""

    vergund: bool
    vergunning_geldig_tot: date | None = None
    inspecties: tuple[tuple[date, str], ...] = ()
    onttrokken_op: date | None = None
    terug_in_voorraad_op: date | None = None

    def vergund_op(self, peildatum: date) -> bool:
        return self.vergund and (self.vergunning_geldig_tot is None or self.vergunning_geldig_tot >= peildatum)

    def laatste_inspectie(self, peildatum: date) -> tuple[date, str] | None:
        eerder = [i for i in self.inspecties if i[0] <= peildatum]
        return max(eerder, key=lambda i: i[0]) if eerder else None


@dataclass(frozen=True)
class KwaliteitPunt:
    peildatum: date
    vergund: int  # licensed dwellings on that date
    voldoet: int  # of which the latest inspection meets every norm
    zonder_inspectie: int  # of which not (yet) inspected: counted as not meeting
    aandeel: Decimal | None  # percentage voldoet / vergund


def kwaliteit_op(woningen: Iterable[WoningStand], peildatum: date) -> KwaliteitPunt:
    """Share of licensed dwellings whose latest inspection (on or before the date) meets all norms."""
    vergund = voldoet = zonder = 0
    for w in woningen:
        if not w.vergund_op(peildatum):
            continue
        vergund += 1
        laatste = w.laatste_inspectie(peildatum)
        if laatste is None:
            zonder += 1
        elif laatste[1] == RESULTAAT_VOLDOET:
            voldoet += 1
    return KwaliteitPunt(peildatum, vergund, voldoet, zonder, percentage(voldoet, vergund))


def is_terug_in_voorraad(terug_in_voorraad_op: date | None, peildatum: date) -> bool:
    """The dwelling came back to the local housing stock on or before the date."""
    return terug_in_voorraad_op is not None and terug_in_voorraad_op <= peildatum


def terug_in_voorraad_q(peildatum: date) -> Q:
    """:func:`is_terug_in_voorraad` as a condition on dwellings."""
    return Q(terug_in_voorraad_op__lte=peildatum)


def terug_in_voorraad(woningen: Iterable[WoningStand], peildatum: date, sinds: date | None = None) -> int:
    """Dwellings returned to the local housing stock on or before the date (and on or after ``sinds``)."""
    return sum(
        1
        for w in woningen
        if is_terug_in_voorraad(w.terug_in_voorraad_op, peildatum)
        and (sinds is None or w.terug_in_voorraad_op >= sinds)
    )


def onttrokken_op_datum(woningen: Iterable[WoningStand], peildatum: date) -> int:
    """Dwellings withdrawn from the local stock and not (yet) returned on the date."""
    return sum(
        1
        for w in woningen
        if w.onttrokken_op is not None
        and w.onttrokken_op <= peildatum
        and not is_terug_in_voorraad(w.terug_in_voorraad_op, peildatum)
    )


# --------------------------------------------------------------------------------------------------
# Inschrijvingen RNI/BRP, informatiebereik
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistratiePunt:
    peildatum: date
    rni: int | None
    brp: int | None
    totaal: int | None


@dataclass(frozen=True)
class RegistratieTrend:
    laatste: RegistratiePunt | None
    vorige: RegistratiePunt | None
    verschil_rni: int | None
    verschil_brp: int | None
    verschil_totaal: int | None

    @property
    def richting(self) -> str:
        """'stijgend', 'dalend', 'gelijk' or 'onbekend' (total against the previous stand)."""
        if self.verschil_totaal is None:
            return "onbekend"
        if self.verschil_totaal > 0:
            return "stijgend"
        return "dalend" if self.verschil_totaal < 0 else "gelijk"


def registratie_punt(peildatum: date, rni: int | None, brp: int | None) -> RegistratiePunt:
    return RegistratiePunt(peildatum, rni, brp, som_of_onbekend([rni, brp]))


def _verschil(a: int | None, b: int | None) -> int | None:
    return a - b if a is not None and b is not None else None


def registratie_trend(punten: Iterable[RegistratiePunt], peildatum: date) -> RegistratieTrend:
    """The latest stand on or before the date against the stand before it."""
    eerder = sorted((p for p in punten if p.peildatum <= peildatum), key=lambda p: p.peildatum)
    laatste = eerder[-1] if eerder else None
    vorige = eerder[-2] if len(eerder) > 1 else None
    if laatste is None or vorige is None:
        return RegistratieTrend(laatste, vorige, None, None, None)
    # The total is only comparable when both stands know the same registers.
    vergelijkbaar = (laatste.rni is None) == (vorige.rni is None) and (laatste.brp is None) == (vorige.brp is None)
    return RegistratieTrend(
        laatste,
        vorige,
        _verschil(laatste.rni, vorige.rni),
        _verschil(laatste.brp, vorige.brp),
        _verschil(laatste.totaal, vorige.totaal) if vergelijkbaar else None,
    )


@dataclass(frozen=True)
class BereikRegel:
    kanaal: str
    periode_start: date
    periode_eind: date
    bereik: int


@dataclass(frozen=True)
class Bereik:
    periode_start: date
    periode_eind: date
    per_kanaal: dict[str, int]
    totaal: int


def laatste_bereik(regels: Iterable[BereikRegel], peildatum: date) -> Bereik | None:
    """Reach in the latest period that ended on or before the date, summed over the channels
    (app + informatiepunt) whose period ends on that same day."""
    afgerond = [r for r in regels if r.periode_eind <= peildatum]
    if not afgerond:
        return None
    eind = max(r.periode_eind for r in afgerond)
    laatste = [r for r in afgerond if r.periode_eind == eind]
    per_kanaal: dict[str, int] = {}
    for r in laatste:
        per_kanaal[r.kanaal] = per_kanaal.get(r.kanaal, 0) + r.bereik
    return Bereik(min(r.periode_start for r in laatste), eind, per_kanaal, sum(per_kanaal.values()))


# --------------------------------------------------------------------------------------------------
# Pilots
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PilotPunt:
    peildatum: date
    gepland: int | None
    gerealiseerd: int | None


def stand_op(standen: Iterable[PilotPunt], peildatum: date) -> PilotPunt:
    """The latest known planned and realised beds on the date (each from its latest stand that has it)."""
    eerder = sorted((s for s in standen if s.peildatum <= peildatum), key=lambda s: s.peildatum)
    gepland = next((s.gepland for s in reversed(eerder) if s.gepland is not None), None)
    gerealiseerd = next((s.gerealiseerd for s in reversed(eerder) if s.gerealiseerd is not None), None)
    return PilotPunt(peildatum, gepland, gerealiseerd)


def totaal_pilots(per_pilot: Sequence[PilotPunt], peildatum: date) -> PilotPunt:
    """Total over the pilots; unknown (None) as soon as one pilot's figure is unknown."""
    gepland = [p.gepland for p in per_pilot]
    gerealiseerd = [p.gerealiseerd for p in per_pilot]
    return PilotPunt(
        peildatum,
        sum(gepland) if per_pilot and None not in gepland else None,
        sum(gerealiseerd) if per_pilot and None not in gerealiseerd else None,
    )


# --------------------------------------------------------------------------------------------------
# Budget
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetRegel:
    jaar: int
    begroot: Decimal | None
    toegezegd: Decimal | None
    besteed: Decimal | None


@dataclass(frozen=True)
class Budgetstand:
    jaar: int
    begroot: Decimal | None
    toegezegd: Decimal | None
    besteed: Decimal | None


def budget_in_jaar(regels: Iterable[BudgetRegel], jaar: int) -> Budgetstand:
    """The known amounts of the year summed over the budget posts (None where none is known)."""
    dit_jaar = [r for r in regels if r.jaar == jaar]
    return Budgetstand(
        jaar,
        som_of_onbekend(r.begroot for r in dit_jaar),
        som_of_onbekend(r.toegezegd for r in dit_jaar),
        som_of_onbekend(r.besteed for r in dit_jaar),
    )


# --------------------------------------------------------------------------------------------------
# Status of the programme line
# --------------------------------------------------------------------------------------------------

STATUSREGEL = gettext_noop(
    "De status volgt uit drie signalen: (1) het aantal inschrijvingen in RNI en BRP samen is gedaald ten "
    "opzichte van de vorige stand; (2) er voldoen minder vergunde woningen aan de kwaliteitsnormen dan een jaar "
    "eerder; (3) de uitgaven van dit jaar liggen boven het begrote budget. Geen signaal: op schema; één signaal: "
    "risico; twee of meer: achter. Kan geen enkel signaal worden bepaald, dan is de status onbekend."
)


@dataclass(frozen=True)
class Statusoordeel:
    status: str
    label: str
    regel: str
    signalen: list[str]
    niet_bepaald: list[str]


def bepaal_status(
    registraties_verschil: int | None,
    voldoet_nu: int | None,
    voldoet_jaar_eerder: int | None,
    budget: Budgetstand | None,
) -> Statusoordeel:
    """Apply STATUSREGEL. Inputs that are None cannot be judged and are listed as 'niet bepaald'."""
    signalen, niet_bepaald = [], []
    if registraties_verschil is None:
        niet_bepaald.append(_("inschrijvingen RNI/BRP (minder dan twee vergelijkbare standen)"))
    elif registraties_verschil < 0:
        signalen.append(_("inschrijvingen RNI/BRP gedaald met %(aantal)s") % {"aantal": getal(-registraties_verschil)})
    if voldoet_nu is None or voldoet_jaar_eerder is None:
        niet_bepaald.append(_("woonkwaliteit (geen vergelijking met een jaar eerder)"))
    elif voldoet_nu < voldoet_jaar_eerder:
        signalen.append(
            _("minder vergunde woningen voldoen aan de normen (%(nu)s, een jaar eerder %(toen)s)")
            % {"nu": getal(voldoet_nu), "toen": getal(voldoet_jaar_eerder)}
        )
    if budget is None or budget.begroot is None or budget.besteed is None:
        niet_bepaald.append(_("budget (begroot of besteed niet ingevuld)"))
    elif budget.besteed > budget.begroot:
        signalen.append(_("uitgaven %(jaar)s boven het begrote budget") % {"jaar": budget.jaar})
    if len(niet_bepaald) == 3:
        status = ONBEKEND
    elif not signalen:
        status = OP_SCHEMA
    elif len(signalen) == 1:
        status = RISICO
    else:
        status = ACHTER
    return Statusoordeel(status, _(STATUS_LABELS[status]), _(STATUSREGEL), signalen, niet_bepaald)
