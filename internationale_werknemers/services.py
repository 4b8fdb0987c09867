"""Domain arithmetic of the internationale-werknemers programme line.

The first part is PURE (plain values and dataclasses in, dataclasses out; no ORM) and unit-tested.
The second part ("query functions") loads data and calls the pure functions; views, exports,
indicators and the dashboard/reports use those:

- ``iw_kerncijfers(peildatum) -> IwKerncijfers``
- ``pilot_reeks(van, tot) -> PilotReeks``
- ``registratie_reeks(van, tot) -> RegistratieReeks``
- ``kwaliteit_reeks(van, tot) -> KwaliteitReeks``

All results are plain dataclasses: ``dataclasses.asdict(...)`` gives JSON-serialisable data when
dates are serialised as ISO strings (``DjangoJSONEncoder`` does that, as well as Decimals).
"""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

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


def som_of_onbekend(waarden: Iterable[int | None]) -> int | None:
    """Sum of the known values; None when none is known."""
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


def percentage(teller: int, noemer: int) -> Decimal | None:
    """teller/noemer as a percentage with one decimal; None when the denominator is 0."""
    if not noemer:
        return None
    return (Decimal(teller) * 100 / Decimal(noemer)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


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
    if (afwijkingsreden or "").strip():
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


def terug_in_voorraad(woningen: Iterable[WoningStand], peildatum: date, sinds: date | None = None) -> int:
    """Dwellings returned to the local housing stock on or before the date (and on or after ``sinds``)."""
    return sum(
        1
        for w in woningen
        if w.terug_in_voorraad_op is not None
        and w.terug_in_voorraad_op <= peildatum
        and (sinds is None or w.terug_in_voorraad_op >= sinds)
    )


def onttrokken_op_datum(woningen: Iterable[WoningStand], peildatum: date) -> int:
    """Dwellings withdrawn from the local stock and not (yet) returned on the date."""
    return sum(
        1
        for w in woningen
        if w.onttrokken_op is not None
        and w.onttrokken_op <= peildatum
        and (w.terug_in_voorraad_op is None or w.terug_in_voorraad_op > peildatum)
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
    def som(waarden):
        bekend = [w for w in waarden if w is not None]
        return sum(bekend, Decimal(0)) if bekend else None

    dit_jaar = [r for r in regels if r.jaar == jaar]
    return Budgetstand(
        jaar,
        som(r.begroot for r in dit_jaar),
        som(r.toegezegd for r in dit_jaar),
        som(r.besteed for r in dit_jaar),
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
        signalen.append(_("inschrijvingen RNI/BRP gedaald met %(aantal)s") % {"aantal": -registraties_verschil})
    if voldoet_nu is None or voldoet_jaar_eerder is None:
        niet_bepaald.append(_("woonkwaliteit (geen vergelijking met een jaar eerder)"))
    elif voldoet_nu < voldoet_jaar_eerder:
        signalen.append(
            _("minder vergunde woningen voldoen aan de normen (%(nu)s, een jaar eerder %(toen)s)")
            % {"nu": voldoet_nu, "toen": voldoet_jaar_eerder}
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


# --------------------------------------------------------------------------------------------------
# Query functions (load data, call the pure functions above)
# --------------------------------------------------------------------------------------------------


@dataclass
class PilotCijfer:
    adres: str
    gepland: int | None
    gerealiseerd: int | None
    max_termijn_jaren: int


@dataclass
class StatusAantal:
    status: str
    label: str
    aantal: int


@dataclass
class IwKerncijfers:
    peildatum: date
    # pilots
    pilots: list[PilotCijfer]
    pilot_bedden_gepland: int | None  # None = onbekend (not entered for every pilot)
    pilot_bedden_gerealiseerd: int | None
    doel_bedden: int | None  # beleidsplan target ("circa 500")
    doel_bedden_indicatief: bool
    # registrations
    registratie_peildatum: date | None
    rni: int | None
    brp: int | None
    registraties_totaal: int | None
    registraties_verschil: int | None  # against the previous stand
    registraties_trend: str  # stijgend | dalend | gelijk | onbekend
    # housing quality
    woningen_vergund: int
    woningen_voldoen: int
    woningen_zonder_inspectie: int
    aandeel_woningen_voldoen: Decimal | None
    woningen_terug_in_voorraad: int
    # initiatives
    initiatieven_per_status: list[StatusAantal]
    initiatieven_voldoen: int
    initiatieven_beoordeeld: int
    aandeel_initiatieven_voldoen: Decimal | None
    # budget
    budget_jaar: int
    budget_begroot: Decimal | None
    budget_toegezegd: Decimal | None
    budget_besteed: Decimal | None
    # status
    status: str  # op_schema | risico | achter | onbekend
    status_label: str
    status_regel: str
    status_signalen: list[str] = field(default_factory=list)
    status_niet_bepaald: list[str] = field(default_factory=list)


@dataclass
class PilotSerie:
    adres: str
    punten: list[PilotPunt]


@dataclass
class PilotReeks:
    van: date
    tot: date
    pilots: list[PilotSerie]
    totaal: list[PilotPunt]
    doel_bedden: int | None


@dataclass
class RegistratieReeks:
    van: date
    tot: date
    punten: list[RegistratiePunt]


@dataclass
class KwaliteitReeks:
    van: date
    tot: date
    punten: list[KwaliteitPunt]


def laad_woningstanden() -> list[WoningStand]:
    from .models import Inspectie, Woning

    inspecties: dict[int, list[tuple[date, str]]] = {}
    for woning_id, datum, resultaat in Inspectie.objects.values_list("woning_id", "datum", "resultaat"):
        inspecties.setdefault(woning_id, []).append((datum, resultaat))
    return [
        WoningStand(
            vergund=w.vergunning != Woning.Vergunning.GEEN,
            vergunning_geldig_tot=w.vergunning_geldig_tot,
            inspecties=tuple(inspecties.get(w.pk, ())),
            onttrokken_op=w.onttrokken_op,
            terug_in_voorraad_op=w.terug_in_voorraad_op,
        )
        for w in Woning.objects.only(
            "pk", "vergunning", "vergunning_geldig_tot", "onttrokken_op", "terug_in_voorraad_op"
        )
    ]


def laad_registratiepunten(tot: date | None = None) -> list[RegistratiePunt]:
    from .models import Registratiestand

    qs = Registratiestand.objects.order_by("peildatum")
    if tot:
        qs = qs.filter(peildatum__lte=tot)
    return [registratie_punt(d, rni, brp) for d, rni, brp in qs.values_list("peildatum", "rni", "brp")]


def laad_toetsingen() -> list[Toetsuitkomst]:
    from .models import Huisvestingsinitiatief, Toetsingscriterium

    criteria = list(Toetsingscriterium.objects.all())
    actief = [c for c in criteria if c.actief]
    uitkomsten = []
    for initiatief in Huisvestingsinitiatief.objects.prefetch_related("beoordelingen"):
        per_criterium = {b.criterium_id: b.oordeel for b in initiatief.beoordelingen.all()}
        tellen = [c for c in criteria if c in actief or c.pk in per_criterium]
        uitkomsten.append(toets_initiatief([Oordeel(c.naam, per_criterium.get(c.pk, NIET_BEOORDEELD)) for c in tellen]))
    return uitkomsten


def laad_bereik() -> list[BereikRegel]:
    from .models import Informatiebereik

    return [
        BereikRegel(*rij)
        for rij in Informatiebereik.objects.values_list("kanaal", "periode_start", "periode_eind", "bereik")
    ]


def _pilot_standen():
    from .models import Pilotlocatie

    return [
        (p, [PilotPunt(s.peildatum, s.geplande_bedden, s.gerealiseerde_bedden) for s in p.standen.all()])
        for p in Pilotlocatie.objects.prefetch_related("standen").order_by("adres")
    ]


def _beleidsplan():
    from .models import Beleidsplan

    return Beleidsplan.objects.order_by("-raadsbesluit_datum", "-pk").first()


def budget_jaar(jaar: int) -> Budgetstand:
    from .models import Budgetjaar

    return budget_in_jaar(
        [
            BudgetRegel(*r)
            for r in Budgetjaar.objects.filter(jaar=jaar).values_list("jaar", "begroot", "toegezegd", "besteed")
        ],
        jaar,
    )


def _jaar_eerder(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def iw_kerncijfers(peildatum: date) -> IwKerncijfers:
    """Key figures of programme line 3 on a date, for the dashboard and the reports."""
    from .models import Huisvestingsinitiatief

    plan = _beleidsplan()
    pilots = _pilot_standen()
    per_pilot = [stand_op(standen, peildatum) for _p, standen in pilots]
    totaal = totaal_pilots(per_pilot, peildatum)

    trend = registratie_trend(laad_registratiepunten(peildatum), peildatum)
    woningen = laad_woningstanden()
    kwaliteit = kwaliteit_op(woningen, peildatum)
    kwaliteit_vorig = kwaliteit_op(woningen, _jaar_eerder(peildatum))

    aantallen = dict.fromkeys(Huisvestingsinitiatief.Status.values, 0)
    for status in Huisvestingsinitiatief.objects.values_list("status", flat=True):
        aantallen[status] += 1
    voldoen, beoordeeld, aandeel_init = aandeel_initiatieven_voldoen(laad_toetsingen())

    budget = budget_jaar(peildatum.year)
    oordeel = bepaal_status(
        trend.verschil_totaal,
        kwaliteit.voldoet,
        kwaliteit_vorig.voldoet if kwaliteit_vorig.vergund else None,
        budget,
    )
    laatste = trend.laatste
    return IwKerncijfers(
        peildatum=peildatum,
        pilots=[
            PilotCijfer(p.adres, s.gepland, s.gerealiseerd, p.max_termijn_jaren)
            for (p, _standen), s in zip(pilots, per_pilot, strict=True)
        ],
        pilot_bedden_gepland=totaal.gepland,
        pilot_bedden_gerealiseerd=totaal.gerealiseerd,
        doel_bedden=plan.doel_bedden if plan else None,
        doel_bedden_indicatief=plan.doel_bedden_indicatief if plan else False,
        registratie_peildatum=laatste.peildatum if laatste else None,
        rni=laatste.rni if laatste else None,
        brp=laatste.brp if laatste else None,
        registraties_totaal=laatste.totaal if laatste else None,
        registraties_verschil=trend.verschil_totaal,
        registraties_trend=trend.richting,
        woningen_vergund=kwaliteit.vergund,
        woningen_voldoen=kwaliteit.voldoet,
        woningen_zonder_inspectie=kwaliteit.zonder_inspectie,
        aandeel_woningen_voldoen=kwaliteit.aandeel,
        woningen_terug_in_voorraad=terug_in_voorraad(woningen, peildatum),
        initiatieven_per_status=[
            StatusAantal(code, str(label), aantallen[code]) for code, label in Huisvestingsinitiatief.Status.choices
        ],
        initiatieven_voldoen=voldoen,
        initiatieven_beoordeeld=beoordeeld,
        aandeel_initiatieven_voldoen=aandeel_init,
        budget_jaar=peildatum.year,
        budget_begroot=budget.begroot,
        budget_toegezegd=budget.toegezegd,
        budget_besteed=budget.besteed,
        status=oordeel.status,
        status_label=oordeel.label,
        status_regel=oordeel.regel,
        status_signalen=oordeel.signalen,
        status_niet_bepaald=oordeel.niet_bepaald,
    )


def pilot_reeks(van: date, tot: date) -> PilotReeks:
    """Planned vs realised beds per pilot and in total at every month end between the dates."""
    plan = _beleidsplan()
    data = _pilot_standen()
    data_punten = maandeinden(van, tot)
    series = [PilotSerie(p.adres, [stand_op(standen, d) for d in data_punten]) for p, standen in data]
    totaal = [totaal_pilots([s.punten[i] for s in series], d) for i, d in enumerate(data_punten)]
    return PilotReeks(van, tot, series, totaal, plan.doel_bedden if plan else None)


def registratie_reeks(van: date, tot: date) -> RegistratieReeks:
    """The RNI/BRP stands with a peildatum between the dates (inclusive), oldest first."""
    return RegistratieReeks(van, tot, [p for p in laad_registratiepunten(tot) if p.peildatum >= van])


def kwaliteit_reeks(van: date, tot: date) -> KwaliteitReeks:
    """Share of licensed dwellings meeting the norms at every month end between the dates."""
    woningen = laad_woningstanden()
    return KwaliteitReeks(van, tot, [kwaliteit_op(woningen, d) for d in maandeinden(van, tot)])
