"""Template filters shared by the pages and the PDFs."""

from datetime import date, datetime

from django import template

register = template.Library()


@register.filter
def datum(waarde):
    """dd-mm-jjjj for a date, datetime or ISO date string (as stored in report snapshots); '' for None."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, str):
        try:
            waarde = date.fromisoformat(waarde[:10])
        except ValueError:
            return waarde
    if isinstance(waarde, datetime | date):
        return f"{waarde:%d-%m-%Y}"
    return waarde
