"""Opvang over time: the opgave, available and occupied places of a doelgroep at a series of dates."""

from operator import itemgetter

from django.db.models import Q

from . import rules
from .models import Bezetting, Capaciteitsstand, Opvanglocatie
from .queries import Referentie


def bezetting_reeks(doelgroep_code: str, van, tot, ref: Referentie | None = None) -> list[rules.ReeksPunt]:
    """(datum, opgave, beschikbaar, bezet) per measuring point, each point by the same rules as
    :func:`opvang.queries.doelgroep_overzicht` on that date.

    Three SQL queries (the capacity stands of the locations involved and the occupancy of the doelgroep that
    hold within the span, and those locations' phase and dates) plus the reference data; the latest rows per
    point are found by binary search (:class:`opvang.rules.Tijdlijn`), not by a scan of the history per point.
    """
    punten = rules.meetpunten(van, tot)
    if not punten:
        return []
    ref = ref or Referentie()
    doelgroep = ref.doelgroep(doelgroep_code)
    betrokken = Capaciteitsstand.objects.filter(Q(doelgroep=doelgroep) | Q(gereserveerd_voor=doelgroep))
    standen = {}
    for rij in (
        Capaciteitsstand.objects.filter(locatie_id__in=betrokken.values("locatie_id"))
        .geldend_tussen(punten[0], punten[-1])
        .order_by()
        .values_list(*rules.STAND_VELDEN)
    ):
        standen.setdefault(rij[0], []).append(rules.StandWaarde(*rij))
    beschikbaar = {pk: rules.beschikbaar_verloop(doelgroep.pk, s) for pk, s in standen.items()}
    bezettingen = rules.tijdlijnen(
        Bezetting.objects.filter(doelgroep=doelgroep)
        .geldend_tussen(punten[0], punten[-1])
        .order_by()
        .values_list("locatie_id", "datum", "aantal"),
        itemgetter(0),
        itemgetter(1),
    )
    locaties = list(
        Opvanglocatie.objects.filter(pk__in={*beschikbaar, *bezettingen}).values_list(
            "pk", "fase", "startdatum", "einddatum"
        )
    )
    uit = []
    for p in punten:
        actief = [pk for pk, fase, start, eind in locaties if rules.is_actief(fase, start, eind, p)]
        vrij = [v[1] or 0 for pk in actief if pk in beschikbaar and (v := beschikbaar[pk].op(p))]
        bezet = [b[2] for pk in actief if pk in bezettingen and (b := bezettingen[pk].op(p))]
        opgave = ref.opgave_op(doelgroep_code, p)
        uit.append(rules.ReeksPunt(p, opgave.plaatsen if opgave else None, sum(vrij), sum(bezet) if bezet else None))
    return uit
