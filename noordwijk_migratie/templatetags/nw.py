"""Template filters shared by the pages and the PDFs."""

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone

register = template.Library()


@register.simple_tag
def td_attrs(table, column):
    """The attributes of ``column``'s data cells in ``table`` (a BaseTable): see ``BaseTable.td_attrs``."""
    return table.td_attrs(column)


@register.filter
def datum(waarde):
    """dd-mm-jjjj for a date or ISO date string (as stored in report snapshots), dd-mm-jjjj uu:mm for a
    datetime; '' for None; anything else unchanged."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, str):
        try:
            waarde = date.fromisoformat(waarde) if len(waarde) == 10 else datetime.fromisoformat(waarde)
        except ValueError:
            return waarde
    if isinstance(waarde, datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return f"{waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    return waarde


@register.filter
def absoluut(getal):
    """The size of a difference without its sign (a shortage or surplus is named in words beside it)."""
    return abs(getal) if isinstance(getal, int | float | Decimal) else getal


@register.filter
def teken(spec):
    """Draw a chart stored as data (``noordwijk_migratie.charts.grafiek_lijn`` / ``grafiek_staaf``)."""
    from noordwijk_migratie.charts import maak_grafiek

    return maak_grafiek(spec) if spec else None
