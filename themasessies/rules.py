"""The rules of the integral approach (programme line 2), pure: overdue follow-ups, the 12 months up to a
peildatum, a partner's part in the sessions, the key figures and the partners involved.

Plain values in, plain dataclasses out (``dataclasses.asdict``; dates and Decimals via
DjangoJSONEncoder); nothing here touches the database (the query functions are in
:mod:`themasessies.queries`). A rule that also runs in SQL has its query form right beside it
(``vervolg_te_laat_q`` beside ``vervolg_te_laat``, ``deelname_annotaties`` beside ``deelname``), and a
test proves the two agree.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, F, Max, Q

from noordwijk_migratie.getallen import percentage

JAAR = timedelta(days=365)


def twaalf_maanden(peildatum: date) -> tuple[date, date]:
    """The 12 months up to and including ``peildatum``, as (first day, last day)."""
    return peildatum - JAAR + timedelta(days=1), peildatum


def vervolg_te_laat(deadline: date | None, afgerond_op: date | None, peildatum: date) -> bool:
    """Overdue on ``peildatum``: the deadline has passed and it was not finished by then."""
    if deadline is None or deadline >= peildatum:
        return False
    return afgerond_op is None or afgerond_op > peildatum


def vervolg_te_laat_q(peildatum: date) -> Q:
    """:func:`vervolg_te_laat` as a query condition on follow-up actions (the list filter)."""
    return Q(deadline__lt=peildatum) & (Q(afgerond_op__isnull=True) | Q(afgerond_op__gt=peildatum))


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
class Deelname:
    """One partner's part in the sessions of a period."""

    uitgenodigd: int = 0
    aanwezig: int = 0  # sessions it was invited to and attended
    laatste_aanwezig: date | None = None


def deelname(sessies: Iterable[SessieFeit], van: date = date.min, tot: date = date.max) -> dict[object, Deelname]:
    """Per invited partner: invitations to and attendance of the sessions dated from ``van`` up to and
    including ``tot`` (all sessions without them). Attendance counts only where the partner was invited
    (the rule of the session form and the model)."""
    per_partner: dict[object, Deelname] = {}
    for s in sessies:
        if not van <= s.datum <= tot:
            continue
        for partner in s.uitgenodigd:
            d = per_partner.setdefault(partner, Deelname())
            d.uitgenodigd += 1
            if partner in s.aanwezig:
                d.aanwezig += 1
                d.laatste_aanwezig = max(d.laatste_aanwezig or s.datum, s.datum)
    return per_partner


def deelname_annotaties(van: date = date.min, tot: date = date.max) -> dict:
    """:func:`deelname` as annotations on partners: ``n_uitgenodigd``, ``n_aanwezig``, ``laatste_aanwezig``
    (0, 0 and None for a partner without invitations in the period)."""
    uitgenodigd = Q(uitnodigingen__datum__gte=van, uitnodigingen__datum__lte=tot)
    aanwezig = uitgenodigd & Q(uitnodigingen__aanwezig=F("pk"))
    return {
        "n_uitgenodigd": Count("uitnodigingen", filter=uitgenodigd, distinct=True),
        "n_aanwezig": Count("uitnodigingen", filter=aanwezig, distinct=True),
        "laatste_aanwezig": Max("uitnodigingen__datum", filter=aanwezig),
    }


@dataclass
class Kerncijfers:
    peildatum: date
    sessies_per_jaar: dict[int, int]
    sessies_afgelopen_jaar: int
    uitnodigingen_afgelopen_jaar: int
    aanwezigen_afgelopen_jaar: int
    aanwezigheid_pct: Decimal | None  # attending / invited, sessions of the 12 months up to peildatum
    vervolg_vervallen: int  # follow-ups whose deadline is on or before peildatum
    vervolg_op_tijd: int  # ... of which finished on or before the deadline
    vervolg_op_tijd_pct: Decimal | None
    vervolg_te_laat: int  # deadline passed and not finished by peildatum
    volgende_sessie: date | None
    definitie: str = (
        "Aanwezigheid: aanwezige partners gedeeld door uitgenodigde partners over de sessies van de 12 maanden "
        "tot en met de peildatum. Op tijd: van de vervolgacties waarvan de deadline op of vóór de peildatum ligt, "
        "het deel dat uiterlijk op de deadline is afgerond."
    )


def bereken_kerncijfers(sessies: list[SessieFeit], vervolg: list[VervolgFeit], peildatum: date) -> Kerncijfers:
    van, tot = twaalf_maanden(peildatum)
    gehouden = [s for s in sessies if s.datum <= peildatum]
    per_partner = deelname(sessies, van, tot).values()
    uitnodigingen = sum(d.uitgenodigd for d in per_partner)
    aanwezigen = sum(d.aanwezig for d in per_partner)
    vervallen = [v for v in vervolg if v.deadline <= peildatum]
    op_tijd = [v for v in vervallen if v.afgerond_op is not None and v.afgerond_op <= v.deadline]
    toekomst = [s.datum for s in sessies if s.datum > peildatum]
    return Kerncijfers(
        peildatum=peildatum,
        sessies_per_jaar=dict(sorted(Counter(s.datum.year for s in gehouden).items())),
        sessies_afgelopen_jaar=sum(van <= s.datum for s in gehouden),
        uitnodigingen_afgelopen_jaar=uitnodigingen,
        aanwezigen_afgelopen_jaar=aanwezigen,
        aanwezigheid_pct=percentage(aanwezigen, uitnodigingen),
        vervolg_vervallen=len(vervallen),
        vervolg_op_tijd=len(op_tijd),
        vervolg_op_tijd_pct=percentage(len(op_tijd), len(vervallen)),
        vervolg_te_laat=sum(vervolg_te_laat(v.deadline, v.afgerond_op, peildatum) for v in vervolg),
        volgende_sessie=min(toekomst) if toekomst else None,
    )


@dataclass
class Betrokkenheid:
    aantal: int
    totaal: int
    percentage: Decimal | None


def partners_betrokken_pct(basis_partners: set, sessies: list[SessieFeit], peildatum: date) -> Betrokkenheid:
    """Share of ``basis_partners`` that attended at least one session in the 12 months up to ``peildatum``."""
    aanwezig = {p for p, d in deelname(sessies, *twaalf_maanden(peildatum)).items() if d.aanwezig}
    aantal = len(aanwezig & set(basis_partners))
    return Betrokkenheid(aantal, len(basis_partners), percentage(aantal, len(basis_partners)))
