"""Opvang over time: the opgave, available and occupied places of a doelgroep at a series of dates."""

from operator import itemgetter

from django.db.models import Q

from noordwijk_migratie.actualiteit import is_verouderd

from . import rules
from .models import Bezetting, Capaciteitsstand, Mijlpaal, Opvanglocatie
from .queries import Referentie, grenzen, laatste_bezettingen


def bezetting_reeks(doelgroep_code: str, van, tot, ref: Referentie | None = None) -> list[rules.ReeksPunt]:
    """(datum, opgave, beschikbaar, bezet) per measuring point, each point by the same rules as
    :func:`opvang.queries.doelgroep_overzicht` on that date; a total with a part that is verouderd on that
    date is not drawn there (None), so a series never runs on past its last measurement.

    Four SQL queries (the capacity stands of the locations involved and the occupancy of the doelgroep that
    hold within the span — the counts in force on its first day in a query of their own, found per location,
    not by reading the history before it — and those locations' milestones) plus the reference data; the latest rows per point
    are found by binary search (:class:`opvang.rules.Tijdlijn`), not by a scan of the history per point.
    """
    punten = rules.meetpunten(van, tot)
    if not punten:
        return []
    ref = ref or Referentie()
    g = grenzen()
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
    capaciteit = {pk: rules.beschikbaar_verloop(doelgroep.pk, s) for pk, s in standen.items()}
    # the counts of the span, and per location the one in force on its first day (an index probe each)
    bezettingen = rules.tijdlijnen(
        [
            *Bezetting.objects.filter(doelgroep=doelgroep, datum__gt=punten[0], datum__lte=punten[-1])
            .order_by()
            .values_list("locatie_id", "datum", "aantal"),
            *(
                (pk, dag, aantal)
                for pk, _d, aantal, dag in laatste_bezettingen(punten[0], Opvanglocatie.objects.all(), [doelgroep.pk])
            ),
        ],
        itemgetter(0),
        itemgetter(1),
    )
    mijlpalen = {}
    for pk, *mijlpaal in Mijlpaal.objects.filter(locatie_id__in={*capaciteit, *bezettingen}).values_list(
        "locatie_id", "fase", "datum", "gepland"
    ):
        mijlpalen.setdefault(pk, []).append(mijlpaal)
    uit = []
    for p in punten:
        actief = [pk for pk, m in mijlpalen.items() if rules.is_actief(m, p)]
        standen_op = [v[1] for pk in actief if pk in capaciteit and (v := capaciteit[pk].op(p))]
        standen_op = [s for s in standen_op if s.plaatsen is not None]
        tellingen = [b for pk in actief if pk in bezettingen and (b := bezettingen[pk].op(p))]
        opgave = ref.opgave_op(doelgroep_code, p)
        cap_oud = any(is_verouderd(s.capaciteit_datum, p, g.capaciteit_dagen) for s in standen_op)
        bezet_oud = any(is_verouderd(b[1], p, g.bezetting_dagen) for b in tellingen)
        uit.append(
            rules.ReeksPunt(
                p,
                opgave.plaatsen if opgave else None,
                None if cap_oud else sum(rules.beschikbaar_op_locatie(s) for s in standen_op),
                None if bezet_oud or not tellingen else sum(b[2] for b in tellingen),
            )
        )
    return uit
