"""Template filters of the PDF reports."""

from django import template

register = template.Library()


@register.filter
def kleine_grafieken(indicatoren, per_rij=3):
    """The indicators (report snapshot dicts) that have a chart spec, each paired with its chart drawn as
    a small multiple (``noordwijk_migratie.charts.maak_kleine_grafiek``: the same series in a lean SVG,
    so a report can hold hundreds), in rows of ``per_rij`` — a row is kept together on one page."""
    from noordwijk_migratie.charts import maak_kleine_grafiek

    paren = [(i, maak_kleine_grafiek(i["grafiek"], x_labels=False, height=84)) for i in indicatoren if i.get("grafiek")]
    return [paren[k : k + per_rij] for k in range(0, len(paren), per_rij)]
