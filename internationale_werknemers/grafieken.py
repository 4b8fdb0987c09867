"""The charts of the internationale-werknemers programme line, each written once as data
(``grafiek_lijn``): the list and detail pages draw them with the ``teken`` template filter, the
dashboard panel and the halfjaarrapportage store and draw the same spec."""

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_lijn

from .queries import KwaliteitReeks, PilotReeks, RegistratieReeks
from .rules import PilotPunt


def pilotbedden(reeks: PilotReeks) -> dict:
    """Planned and realised beds on all pilot locations together, against the beleidsplan's target."""
    doel = [(_("Doel beleidsplan (circa)"), reeks.doel_bedden)] if reeks.doel_bedden else []
    return grafiek_lijn(
        _("Bedden op de pilotlocaties"),
        {
            _("Gepland (totaal)"): [(p.peildatum, p.gepland) for p in reeks.totaal],
            _("Gerealiseerd (totaal)"): [(p.peildatum, p.gerealiseerd) for p in reeks.totaal],
        },
        y_label=_("bedden"),
        referentielijnen=doel,
    )


def bedden_van_pilot(adres: str, standen: list[PilotPunt]) -> dict:
    """Planned and realised beds of one pilot location, as recorded."""
    return grafiek_lijn(
        _("Bedden op %(adres)s") % {"adres": adres},
        {
            _("Gepland"): [(s.peildatum, s.gepland) for s in standen],
            _("Gerealiseerd"): [(s.peildatum, s.gerealiseerd) for s in standen],
        },
        y_label=_("bedden"),
    )


def woonkwaliteit(reeks: KwaliteitReeks) -> dict:
    """Share of licensed dwellings whose latest inspection meets every SNF norm, per month end."""
    return grafiek_lijn(
        _("Vergunde woningen die aan de normen voldoen"),
        {_("Aandeel dat voldoet (%)"): [(p.peildatum, p.aandeel) for p in reeks.punten]},
        y_label=_("procent"),
    )


def inschrijvingen(reeks: RegistratieReeks) -> dict:
    """Registrations in the RNI and the BRP and their total (the figure the status rule compares)."""
    return grafiek_lijn(
        _("Inschrijvingen internationale werknemers in RNI en BRP"),
        {
            _("RNI"): [(p.peildatum, p.rni) for p in reeks.punten],
            _("BRP"): [(p.peildatum, p.brp) for p in reeks.punten],
            _("Totaal"): [(p.peildatum, p.totaal) for p in reeks.punten],
        },
        y_label=_("inschrijvingen"),
    )
