"""Is a measured figure still current? One rule for every dated figure (a COA stand, an occupancy count, a
capacity), pure: the caller passes the date of the measurement, the peildatum and the limit of its kind
(a setting, e.g. ``TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN``).

A stale figure is shown with its date and the label :func:`verouderd_label`, and never yields a status
("op schema", "achter"): the status is :data:`STATUS_VEROUDERD` instead.
"""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .getallen import datum

STATUS_VEROUDERD = gettext_lazy("onbekend — telling verouderd")


def is_verouderd(gemeten_op: date | None, peildatum: date, max_dagen: int) -> bool:
    """True when the measurement of ``gemeten_op`` is more than ``max_dagen`` days old on ``peildatum``; a
    figure that was never measured (None) is never current either."""
    return gemeten_op is None or (peildatum - gemeten_op).days > max_dagen


def verouderd_label(gemeten_op: date | None, wat: str | None = None) -> str:
    """'verouderd (telling 30-06-2025)', or 'verouderd (geen telling)' without a date; ``wat`` names the
    figure instead of "telling" ('verouderd (COA-stand 01-06-2025)')."""
    wat = wat or _("telling")
    if gemeten_op is None:
        return _("verouderd (geen %(wat)s)") % {"wat": wat}
    return _("verouderd (%(wat)s %(datum)s)") % {"wat": wat, "datum": datum(gemeten_op)}
