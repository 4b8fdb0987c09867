"""Query functions of the internationale-werknemers programme line: they load data with the ORM and
apply the pure rules of :mod:`internationale_werknemers.rules`. Views, panels, report sections and
indicators use these:

- ``iw_kerncijfers(peildatum) -> IwKerncijfers``
- ``pilot_reeks(van, tot) -> PilotReeks``
- ``registratie_reeks(van, tot) -> RegistratieReeks``
- ``kwaliteit_reeks(van, tot) -> KwaliteitReeks``

All results are plain dataclasses: ``dataclasses.asdict(...)`` gives JSON-serialisable data when
dates are serialised as ISO strings (``DjangoJSONEncoder`` does that, as well as Decimals).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .models import (
    Beleidsplan,
    Budgetjaar,
    Huisvestingsinitiatief,
    Informatiebereik,
    Inspectie,
    Pilotlocatie,
    Registratiestand,
    Toetsingscriterium,
    Woning,
)
from .rules import (
    NIET_BEOORDEELD,
    BereikRegel,
    BudgetRegel,
    Budgetstand,
    KwaliteitPunt,
    Oordeel,
    PilotPunt,
    RegistratiePunt,
    Toetsuitkomst,
    WoningStand,
    aandeel_initiatieven_voldoen,
    bepaal_status,
    budget_in_jaar,
    criterium_telt,
    jaar_eerder,
    kwaliteit_op,
    maandeinden,
    registratie_punt,
    registratie_trend,
    stand_op,
    terug_in_voorraad,
    toets_initiatief,
    totaal_pilots,
)


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
    inspecties: dict[int, list[tuple[date, str]]] = {}
    for woning_id, datum, resultaat in Inspectie.objects.values_list("woning_id", "datum", "resultaat"):
        inspecties.setdefault(woning_id, []).append((datum, resultaat))
    return [
        WoningStand(
            vergund=w.is_vergund,
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
    qs = Registratiestand.objects.order_by("peildatum")
    if tot:
        qs = qs.filter(peildatum__lte=tot)
    return [registratie_punt(d, rni, brp) for d, rni, brp in qs.values_list("peildatum", "rni", "brp")]


def laad_toetsingen() -> list[Toetsuitkomst]:
    criteria = list(Toetsingscriterium.objects.all())
    uitkomsten = []
    for initiatief in Huisvestingsinitiatief.objects.prefetch_related("beoordelingen"):
        per_criterium = {b.criterium_id: b.oordeel for b in initiatief.beoordelingen.all()}
        tellen = [c for c in criteria if criterium_telt(c.actief, c.pk in per_criterium)]
        uitkomsten.append(toets_initiatief([Oordeel(c.naam, per_criterium.get(c.pk, NIET_BEOORDEELD)) for c in tellen]))
    return uitkomsten


def laad_bereik() -> list[BereikRegel]:
    return [
        BereikRegel(*rij)
        for rij in Informatiebereik.objects.values_list("kanaal", "periode_start", "periode_eind", "bereik")
    ]


def _als_punten(standen) -> list[PilotPunt]:
    return [PilotPunt(s.peildatum, s.geplande_bedden, s.gerealiseerde_bedden) for s in standen]


def _pilot_standen():
    return [
        (p, _als_punten(p.standen.all())) for p in Pilotlocatie.objects.prefetch_related("standen").order_by("adres")
    ]


def standen_van_pilot(pilot: Pilotlocatie) -> list[PilotPunt]:
    """The recorded stands of one pilot location, oldest first."""
    return _als_punten(pilot.standen.order_by("peildatum"))


def _beleidsplan():
    return Beleidsplan.objects.order_by("-raadsbesluit_datum", "-pk").first()


def budget_jaar(jaar: int) -> Budgetstand:
    return budget_in_jaar(
        [
            BudgetRegel(*r)
            for r in Budgetjaar.objects.filter(jaar=jaar).values_list("jaar", "begroot", "toegezegd", "besteed")
        ],
        jaar,
    )


def iw_kerncijfers(peildatum: date) -> IwKerncijfers:
    """Key figures of programme line 3 on a date, for the dashboard and the reports."""
    plan = _beleidsplan()
    pilots = _pilot_standen()
    per_pilot = [stand_op(standen, peildatum) for _p, standen in pilots]
    totaal = totaal_pilots(per_pilot, peildatum)

    trend = registratie_trend(laad_registratiepunten(peildatum), peildatum)
    woningen = laad_woningstanden()
    kwaliteit = kwaliteit_op(woningen, peildatum)
    kwaliteit_vorig = kwaliteit_op(woningen, jaar_eerder(peildatum))

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
