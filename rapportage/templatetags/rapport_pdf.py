"""Template filters of the PDF reports."""

from django import template

register = template.Library()


@register.filter
def teken_klein(spec):
    """Draw a line chart stored as data (``grafiek_lijn``) as a small multiple: the same series, a lean
    SVG (``noordwijk_migratie.charts.small_line_chart``), so a report can hold hundreds of them."""
    from noordwijk_migratie.charts import maak_kleine_grafiek

    return maak_kleine_grafiek(spec, x_labels=False, height=84) if spec else None
