"""The programme's reminder kind (registered in bijdragen.py): an action past its planned end, not done."""

from datetime import timedelta

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.registry import Aanleiding

from .models import Actie
from .rules import te_laat_q


def acties_te_laat(vandaag):
    """Overdue on ``vandaag`` (:func:`programma.rules.te_laat_q`), due the day after the planned end."""
    for actie in (
        Actie.objects.filter(te_laat_q(vandaag)).prefetch_related("doelgroepen").order_by("gepland_eind", "pk")
    ):
        yield Aanleiding(
            str(actie.pk),
            actie.gepland_eind + timedelta(days=1),
            _("Actie %(actie)s: gepland gereed op %(datum)s, status %(status)s.")
            % {"actie": actie, "datum": datum(actie.gepland_eind), "status": actie.get_status_display().lower()},
            actie.get_absolute_url(),
            tuple(d.code for d in actie.doelgroepen.all()),
        )
