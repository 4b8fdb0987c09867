"""The opvang charts, each written once as a chart spec (:func:`noordwijk_migratie.charts.grafiek_lijn` /
``grafiek_staaf``): the pages draw them with ``maak_grafiek``, the dashboard panels and the reports store them."""

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_lijn, grafiek_staaf

from .rules import Maandcijfer, ReeksPunt, SpreidingswetPijplijn


def verloop(doelgroep_naam: str, reeks: list[ReeksPunt]) -> dict:
    """Opgave, available and occupied places of one doelgroep over time."""
    return grafiek_lijn(
        _("Opgave, beschikbare en bezette plaatsen: %(doelgroep)s") % {"doelgroep": doelgroep_naam},
        {
            _("Opgave"): [(p.datum, p.opgave) for p in reeks],
            _("Beschikbaar"): [(p.datum, p.beschikbaar) for p in reeks],
            _("Bezet"): [(p.datum, p.bezet) for p in reeks],
        },
        y_label=_("plaatsen"),
    )


def pijplijn(p: SpreidingswetPijplijn) -> dict:
    """Planned places per phase of the Spreidingswet locations against the opgave."""
    return grafiek_staaf(
        _("Geplande plaatsen per fase tegen de opgave"),
        [f.label for f in p.fasen],
        {
            _("Geplande plaatsen"): [(f.label, f.plaatsen) for f in p.fasen],
            _("Waarvan AMV"): [(f.label, f.amv_plaatsen) for f in p.fasen],
        },
        y_label=_("plaatsen"),
        referentielijnen=[(_("Opgave"), p.opgave)] if p.opgave is not None else (),
    )


def maandcijfers(cijfers: list[Maandcijfer]) -> dict:
    """Recipients of leefgeld and payers of the eigen bijdrage per month."""
    maanden = [m.maand.strftime("%m-%Y") for m in cijfers]
    return grafiek_staaf(
        _("Leefgeld en eigen bijdrage per maand (aantal personen)"),
        maanden,
        {
            _("Ontvangers leefgeld"): list(zip(maanden, (m.leefgeld_ontvangers for m in cijfers), strict=True)),
            _("Betalers eigen bijdrage"): list(zip(maanden, (m.eigen_bijdrage_betalers for m in cijfers), strict=True)),
        },
        y_label=_("personen"),
    )


def locatie_bezetting(locatie_naam: str, per_doelgroep) -> dict:
    """Occupancy of one location per doelgroep, with the capacity on each counting date where it is known.

    ``per_doelgroep``: (doelgroep, [(datum, bezet, capaciteit or None)]) as :func:`opvang.queries.locatie_detail`
    gives it."""
    reeksen = {}
    for doelgroep, punten in per_doelgroep:
        reeksen[_("Bezet: %(doelgroep)s") % {"doelgroep": doelgroep.naam}] = [(d, bezet) for d, bezet, _c in punten]
        if any(capaciteit is not None for _d, _b, capaciteit in punten):
            reeksen[_("Capaciteit: %(doelgroep)s") % {"doelgroep": doelgroep.naam}] = [
                (d, capaciteit) for d, _b, capaciteit in punten
            ]
    return grafiek_lijn(
        _("Bezetting en capaciteit van %(locatie)s") % {"locatie": locatie_naam},
        reeksen,
        y_label=_("personen / plaatsen"),
    )
