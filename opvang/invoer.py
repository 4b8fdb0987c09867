"""Fast occupancy entry: every active (locatie, doelgroep) on one date in one screen, saved all or nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from noordwijk_migratie.cache import een_versiesprong

from . import rules
from .models import Bezetting, Opvanglocatie
from .queries import actuele_bezettingen, actuele_standen


class SnelInvoerFout(Exception):
    """Raised (inside the transaction, so nothing is saved) with the errors per row key."""

    def __init__(self, fouten: dict[str, list[str]]):
        super().__init__(fouten)
        self.fouten = fouten


def snelinvoer_rijen(datum) -> list[dict]:
    """Every active (locatie, doelgroep) on ``datum`` with the capacity that caps its count, the count already
    recorded on that date and the previous count. Five queries whatever the number of locations."""
    locaties = Opvanglocatie.objects.filter(rules.actief_q(datum)).prefetch_related("doelgroepen").order_by("naam")
    standen = {}
    for s in actuele_standen(datum).values_list(*rules.STAND_VELDEN):
        standen.setdefault(s[0], []).append(rules.StandWaarde(*s))
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
                    "capaciteit": rules.locatie_stand(
                        locatie.pk, locatie.naam, doelgroep.pk, standen.get(locatie.pk, ())
                    ).plaatsen,
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
    fouten, opgeslagen = {}, 0
    with een_versiesprong(), transaction.atomic():  # the caches are invalidated once, not per row
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
