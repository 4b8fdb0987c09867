"""Halfjaarrapportage: the opvang panels of the dashboard for the peildatum."""

from django.utils.translation import gettext_lazy as _

from rapportage import dashboard
from rapportage.secties import HALFJAAR, sectie


@sectie(HALFJAAR, "oekraine", _("Oekraïense ontheemden: opvang"), volgorde=70)
def oekraine(peildatum):
    return dashboard.als_sectie(dashboard.opvang_paneel("oekraine", _("Oekraïense ontheemden"), "opvang:oekraine",
                                                        peildatum))


@sectie(HALFJAAR, "asielzoekers", _("Asielzoekers: Spreidingswet"), volgorde=75)
def asielzoekers(peildatum):
    return dashboard.als_sectie(dashboard.asiel_paneel(peildatum))
