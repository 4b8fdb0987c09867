"""The programme's charts, each written once as a spec (``noordwijk_migratie.charts.grafiek_lijn`` /
``grafiek_staaf``): the page draws it with ``maak_grafiek``, the report keeps it in its snapshot and
draws the same spec in the PDF."""

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_lijn, grafiek_staaf

from .models import ActieStatus


def indicator_verloop(reeks) -> dict | None:
    """The series of an indicator (``queries.IndicatorReeks``): manual and computed values as two
    labelled series, with the target as reference line; None for text indicators. Drawn on the
    indicator page and, per programme line, in the evaluation report."""
    if reeks.type == "tekst":
        return None

    def punten(lijst):
        if reeks.type == "ja_nee":
            return [(p.datum, 1 if p.waarde else 0) for p in lijst]
        return [(p.datum, float(p.waarde) if p.waarde is not None else None) for p in lijst]

    series = {}
    if reeks.handmatig:
        series[_("Handmatig")] = punten(reeks.handmatig)
    if reeks.berekend:
        series[_("Berekend")] = punten(reeks.berekend)
    refs = [(_("Streefwaarde"), float(reeks.streefwaarde))] if reeks.streefwaarde is not None else []
    y_label = {"ja_nee": _("1 = ja, 0 = nee"), "percentage": "%"}.get(reeks.type, reeks.eenheid)
    return grafiek_lijn(
        _("Verloop: %(tekst)s") % {"tekst": reeks.tekst[:80]},
        series or {_("Handmatig"): []},
        y_label=y_label,
        referentielijnen=refs,
    )


def acties_per_status(lijnen) -> dict:
    """Per programme line (``queries.LijnOverzicht``) its actions per status, stacked (halfjaarrapportage)."""
    categorieen = [_("Lijn %(nummer)s") % {"nummer": lijn.nummer} for lijn in lijnen]
    return grafiek_staaf(
        _("Acties per programmalijn naar status"),
        categorieen,
        {
            status.label.lower(): [
                (cat, getattr(lijn.statussen, status.value)) for cat, lijn in zip(categorieen, lijnen, strict=True)
            ]
            for status in ActieStatus
        },
        gestapeld=True,
        y_label=_("acties"),
    )
