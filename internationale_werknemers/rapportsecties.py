"""Halfjaarrapportage: the internationale werknemers panel of the dashboard for the peildatum."""

from django.utils.translation import gettext_lazy as _

from rapportage import dashboard
from rapportage.secties import HALFJAAR, sectie


@sectie(HALFJAAR, "internationale_werknemers", _("Internationale werknemers"), volgorde=80)
def internationale_werknemers(peildatum):
    return dashboard.als_sectie(dashboard.iw_paneel(peildatum))
