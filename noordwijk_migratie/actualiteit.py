"""When a measured figure is too old to stand for the peildatum (issue 14: every figure carries its date).

A measured figure (an occupancy count, a capacity stand, a COA stand) holds until the next measurement, but
not for ever: older than its limit (a setting per kind, e.g. ``OPVANG_BEZETTING_VEROUDERD_DAGEN``) it is
*verouderd* on that peildatum. It is still shown, with its date and that mark, but no status ("op schema",
"achter") is derived from it: the status is :data:`STATUS_VEROUDERD` and a signal asks for a new count.

Pure: plain dates in, bools and Dutch text out. A figure never measured (``None``) is *onbekend*, not
verouderd; the callers show it as unknown.
"""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .getallen import datum, per_taal

VEROUDERD = gettext_lazy("verouderd")
STATUS_VEROUDERD = gettext_lazy("onbekend — telling verouderd")


def leeftijd(gemeten_op: date | None, peildatum: date) -> int | None:
    """Days from the measurement to the peildatum (None when never measured)."""
    return None if gemeten_op is None else (peildatum - gemeten_op).days


def is_verouderd(gemeten_op: date | None, peildatum: date, max_dagen: int) -> bool:
    """More than ``max_dagen`` days lie between the measurement and the peildatum (day ``max_dagen`` itself is
    still current, the day after it is not). Never measured (None) is unknown, not verouderd."""
    dagen = leeftijd(gemeten_op, peildatum)
    return dagen is not None and dagen > max_dagen


def label(gemeten_op: date | None, peildatum: date, max_dagen: int, soort: str | None = None) -> str:
    """The date a figure carries: "telling 30-06-2025", "telling 30-06-2025, verouderd" or "geen telling".

    ``soort`` names the measurement ("telling", "stand"; default "telling")."""
    return tekst(datum(gemeten_op), is_verouderd(gemeten_op, peildatum, max_dagen), soort)


def tekst(gemeten_op: str, verouderd: bool, soort: str | None = None) -> str:
    """:func:`label` for a figure that already carries its date (dd-mm-jjjj, "" when never measured) and
    whether it is verouderd, as a rule's result does: "stand 30-06-2025, verouderd"."""
    return _tekst(gemeten_op, verouderd, None if soort is None else str(soort))


@per_taal  # a dashboard labels every location's figures, mostly with the same few dates
def _tekst(gemeten_op: str, verouderd: bool, soort: str | None) -> str:
    soort = _("telling") if soort is None else soort
    if not gemeten_op:
        return _("geen %(soort)s") % {"soort": soort}
    uit = f"{soort} {gemeten_op}"
    return f"{uit}, {VEROUDERD}" if verouderd else uit
