"""Signals of the programme for the dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .queries import acties_op
from .rules import te_laat_q


def signalen(peil) -> list[dict]:
    te_laat = acties_op(peil.datum).filter(te_laat_q(peil.datum, "status_op")).count()
    if not te_laat:
        return []
    return [
        {
            "ernst": "waarschuwing",
            "url": reverse("programma:index"),
            "tekst": _("%(n)s programma-actie(s) over de geplande einddatum") % {"n": te_laat},
        }
    ]
