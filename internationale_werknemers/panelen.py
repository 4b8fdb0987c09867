"""The internationale werknemers panel of the dashboard (also a section of the halfjaarrapportage)."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import procent
from noordwijk_migratie.panelen import cijfer, paneel

from . import grafieken, queries


def internationale_werknemers(peil) -> dict:
    peildatum = peil.datum
    k = queries.iw_kerncijfers(peildatum)
    index = reverse("internationale_werknemers:index")
    onbekend = _("onbekend")
    cijfers = [
        cijfer(
            _("Pilotbedden gepland"),
            k.pilot_bedden_gepland if k.pilot_bedden_gepland is not None else onbekend,
            reverse("internationale_werknemers:pilotlocatie_list"),
        ),
        cijfer(
            _("Pilotbedden gerealiseerd"),
            k.pilot_bedden_gerealiseerd if k.pilot_bedden_gerealiseerd is not None else onbekend,
        ),
        cijfer(
            _("Inschrijvingen RNI + BRP"),
            k.registraties_totaal if k.registraties_totaal is not None else onbekend,
            reverse("internationale_werknemers:registratiestand_list"),
        ),
        cijfer(_("Trend inschrijvingen"), k.registraties_trend),
        cijfer(
            _("Vergunde woningen die voldoen"),
            procent(k.aandeel_woningen_voldoen, onbekend=onbekend),
            reverse("internationale_werknemers:woning_list"),
        ),
    ]
    reeks = queries.registratie_reeks(peildatum - timedelta(days=730), peildatum)
    return paneel(
        "internationale-werknemers",
        _("Internationale werknemers"),
        index,
        k.status,
        k.status_label,
        k.status_regel,
        cijfers,
        [grafieken.inschrijvingen(reeks)] if reeks.punten else [],
    )
