"""Signals of the programme for the dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Actie
from .rules import te_laat_q


def signalen(peil) -> list[dict]:
    te_laat = Actie.objects.filter(te_laat_q(peil.datum)).count()
    if not te_laat:
        return []
    return [
        {
            "ernst": "waarschuwing",
            "url": reverse("programma:index"),
            "tekst": _("%(n)s programma-actie(s) over de geplande einddatum") % {"n": te_laat},
        }
    ]
