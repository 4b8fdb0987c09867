"""The programme's reminder kind (registered in bijdragen.py): an action past its planned end, not done."""

from datetime import timedelta
from functools import cache

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.registry import Aanleiding

from .models import Actie, ActieStatus
from .queries import actie_urls, doelgroepen_per_actie
from .rules import te_laat_q


def acties_te_laat(vandaag):
    """Overdue on ``vandaag`` (:func:`programma.rules.te_laat_q`), due the day after the planned end, with the
    doelgroepen's codes from one query (:func:`programma.queries.doelgroepen_per_actie`). The history holds
    hundreds of overdue actions: the text is translated, each date formatted and the URL reversed once."""
    acties = Actie.objects.filter(te_laat_q(vandaag))
    codes = doelgroepen_per_actie(acties.values("pk"), "code")
    acties = acties.only("code", "tekst", "gepland_eind", "status").order_by("gepland_eind", "pk")
    tekst = _("Actie %(actie)s: gepland gereed op %(datum)s, status %(status)s.")
    statussen = {waarde: str(label).lower() for waarde, label in ActieStatus.choices}
    url, datums = actie_urls(), cache(datum)
    for actie in acties:
        yield Aanleiding(
            str(actie.pk),
            actie.gepland_eind + timedelta(days=1),
            tekst % {"actie": actie, "datum": datums(actie.gepland_eind), "status": statussen[actie.status]},
            url(actie.pk),
            tuple(codes.get(actie.pk, ())),
        )
