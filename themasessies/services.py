"""Key figures of the integral approach (programme line 2): sessions, partner attendance, follow-ups.

Pure functions first (plain values in, dataclasses out), then thin query functions that load the
facts and call them. Every result is a plain dataclass (``dataclasses.asdict``; dates via
DjangoJSONEncoder) for the pages, the dashboard and the reports alike.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

JAAR = timedelta(days=365)


# --- pure functions -----------------------------------------------------------------------------


def vervolg_te_laat(status: str, deadline: date | None, afgerond_op: date | None, peildatum: date) -> bool:
    """Overdue on ``peildatum``: the deadline has passed and it was not finished by then."""
    if deadline is None or deadline >= peildatum:
        return False
    return afgerond_op is None or afgerond_op > peildatum


def niet_uitgenodigd(uitgenodigd: set, aanwezig: set) -> set:
    """Partners recorded as attending who were not invited (must be empty)."""
    return set(aanwezig) - set(uitgenodigd)


@dataclass(frozen=True)
class SessieFeit:
    datum: date
    uitgenodigd: frozenset = frozenset()
    aanwezig: frozenset = frozenset()


@dataclass(frozen=True)
class VervolgFeit:
    deadline: date
    afgerond_op: date | None = None


@dataclass
class Kerncijfers:
    peildatum: date
    sessies_per_jaar: dict[int, int]
    sessies_afgelopen_jaar: int
    uitnodigingen_afgelopen_jaar: int
    aanwezigen_afgelopen_jaar: int
    aanwezigheid_pct: float | None  # attending / invited, sessions of the 12 months up to peildatum
    vervolg_vervallen: int  # follow-ups whose deadline is on or before peildatum
    vervolg_op_tijd: int  # ... of which finished on or before the deadline
    vervolg_op_tijd_pct: float | None
    vervolg_te_laat: int  # deadline passed and not finished by peildatum
    volgende_sessie: date | None
    definitie: str = (
        "Aanwezigheid: aanwezige partners gedeeld door uitgenodigde partners over de sessies van de 12 maanden "
        "tot en met de peildatum. Op tijd: van de vervolgacties waarvan de deadline op of vóór de peildatum ligt, "
        "het deel dat uiterlijk op de deadline is afgerond."
    )


def _pct(teller: int, noemer: int) -> float | None:
    return round(100 * teller / noemer, 1) if noemer else None


def bereken_kerncijfers(sessies: list[SessieFeit], vervolg: list[VervolgFeit], peildatum: date) -> Kerncijfers:
    gehouden = [s for s in sessies if s.datum <= peildatum]
    recent = [s for s in gehouden if s.datum > peildatum - JAAR]
    uitnodigingen = sum(len(s.uitgenodigd) for s in recent)
    aanwezigen = sum(len(s.aanwezig & s.uitgenodigd) for s in recent)
    vervallen = [v for v in vervolg if v.deadline <= peildatum]
    op_tijd = [v for v in vervallen if v.afgerond_op is not None and v.afgerond_op <= v.deadline]
    toekomst = [s.datum for s in sessies if s.datum > peildatum]
    return Kerncijfers(
        peildatum=peildatum,
        sessies_per_jaar=dict(sorted(Counter(s.datum.year for s in gehouden).items())),
        sessies_afgelopen_jaar=len(recent),
        uitnodigingen_afgelopen_jaar=uitnodigingen,
        aanwezigen_afgelopen_jaar=aanwezigen,
        aanwezigheid_pct=_pct(aanwezigen, uitnodigingen),
        vervolg_vervallen=len(vervallen),
        vervolg_op_tijd=len(op_tijd),
        vervolg_op_tijd_pct=_pct(len(op_tijd), len(vervallen)),
        vervolg_te_laat=sum(vervolg_te_laat("", v.deadline, v.afgerond_op, peildatum) for v in vervolg),
        volgende_sessie=min(toekomst) if toekomst else None,
    )


@dataclass
class Betrokkenheid:
    aantal: int
    totaal: int
    percentage: float | None


def partners_betrokken_pct(basis_partners: set, sessies: list[SessieFeit], peildatum: date) -> Betrokkenheid:
    """Share of ``basis_partners`` that attended at least one session in the 12 months up to ``peildatum``."""
    aanwezig = set()
    for s in sessies:
        if peildatum - JAAR < s.datum <= peildatum:
            aanwezig |= s.aanwezig
    aantal = len(aanwezig & set(basis_partners))
    return Betrokkenheid(aantal, len(basis_partners), _pct(aantal, len(basis_partners)))


# --- query functions -----------------------------------------------------------------------------


def sessie_feiten() -> list[SessieFeit]:
    from .models import Sessie

    sessies = Sessie.objects.prefetch_related("uitgenodigd", "aanwezig").order_by("datum")
    return [
        SessieFeit(s.datum, frozenset(p.pk for p in s.uitgenodigd.all()), frozenset(p.pk for p in s.aanwezig.all()))
        for s in sessies
    ]


def themasessies_kerncijfers(peildatum: date | None = None) -> Kerncijfers:
    """Sessions per year, partner attendance %, follow-ups on time %, overdue follow-ups, next session."""
    from .models import Vervolgactie

    peildatum = peildatum or timezone.localdate()
    vervolg = [VervolgFeit(d, a) for d, a in Vervolgactie.objects.values_list("deadline", "afgerond_op")]
    return bereken_kerncijfers(sessie_feiten(), vervolg, peildatum)


@dataclass
class SessieKort:
    id: int
    titel: str
    datum: date
    plaats: str
    themas: list[str]
    uitgenodigd: list[str]
    aanwezig: list[str]
    aantal_bevindingen: int
    aantal_vervolgacties: int
    url: str


def sessies_in_periode(van: date, tot: date) -> list[SessieKort]:
    """The theme sessions dated from ``van`` up to and including ``tot``, oldest first."""
    from .models import Sessie

    qs = (
        Sessie.objects.filter(datum__gte=van, datum__lte=tot)
        .annotate(n_bev=Count("bevindingen", distinct=True), n_verv=Count("vervolgacties", distinct=True))
        .prefetch_related("themas", "uitgenodigd", "aanwezig")
        .order_by("datum", "pk")
    )
    return [
        SessieKort(
            id=s.pk,
            titel=s.titel,
            datum=s.datum,
            plaats=s.plaats,
            themas=[t.titel for t in s.themas.all()],
            uitgenodigd=[p.naam for p in s.uitgenodigd.all()],
            aanwezig=[p.naam for p in s.aanwezig.all()],
            aantal_bevindingen=s.n_bev,
            aantal_vervolgacties=s.n_verv,
            url=s.get_absolute_url(),
        )
        for s in qs
    ]


@dataclass
class PartnerBetrokkenheid:
    id: int
    naam: str
    categorie: str
    uit_bestuursopdracht: bool
    uitgenodigd: int
    aanwezig: int
    laatste_aanwezig: date | None
    url: str


@dataclass
class Betrokkenheidsoverzicht:
    van: date
    tot: date
    partners: list[PartnerBetrokkenheid] = field(default_factory=list)


def partner_betrokkenheid(van: date, tot: date) -> Betrokkenheidsoverzicht:
    """Per partner: invitations and attendance in sessions from ``van`` up to and including ``tot``."""
    from .models import Partner

    periode_u = Q(uitnodigingen__datum__gte=van, uitnodigingen__datum__lte=tot)
    periode_a = Q(aanwezigheden__datum__gte=van, aanwezigheden__datum__lte=tot)
    qs = Partner.objects.annotate(
        n_uit=Count("uitnodigingen", filter=periode_u, distinct=True),
        n_aan=Count("aanwezigheden", filter=periode_a, distinct=True),
        laatste=Max("aanwezigheden__datum", filter=periode_a),
    ).order_by("naam")
    return Betrokkenheidsoverzicht(
        van,
        tot,
        [
            PartnerBetrokkenheid(
                id=p.pk,
                naam=p.naam,
                categorie=p.get_categorie_display(),
                uit_bestuursopdracht=p.uit_bestuursopdracht,
                uitgenodigd=p.n_uit,
                aanwezig=p.n_aan,
                laatste_aanwezig=p.laatste,
                url=p.get_absolute_url(),
            )
            for p in qs
        ],
    )
