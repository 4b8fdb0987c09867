"""Signals of the theme sessions for the dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum

from .queries import themasessies_kerncijfers


def signalen(peil) -> list[dict]:
    kern = themasessies_kerncijfers(peil.datum)
    url = reverse("themasessies:index")
    uit = []
    if kern.vervolg_te_laat:
        uit.append(
            {
                "ernst": "waarschuwing",
                "url": url,
                "tekst": _("%(n)s vervolgactie(s) van themasessies over de deadline") % {"n": kern.vervolg_te_laat},
            }
        )
    if kern.volgende_sessie:
        uit.append(
            {
                "ernst": "info",
                "url": url,
                "tekst": _("Volgende themasessie: %(datum)s") % {"datum": datum(kern.volgende_sessie)},
            }
        )
    return uit
