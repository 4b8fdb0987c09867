"""Template filters of the PDF reports: one way to write periods, dates and signed figures.

The figures in a snapshot are plain JSON; some texts in it were composed by the apps' rules for the
screens (``01-07-2025``, ``2025-H1``, ``-38``). The PDF writes them the report's way through
:func:`tekst`: long Dutch dates (``1 juli 2025``), one period notation (``1e halfjaar 2025``) and the
minus sign (``−38``).
"""

import base64
import re
from datetime import date, datetime

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from noordwijk_migratie import getallen

register = template.Library()

HALFJAAR = re.compile(r"\b(\d{4})-H([12])\b")
KORTE_DATUM = re.compile(r"\b(\d{2})-(\d{2})-(\d{4})\b")
ISO_DATUM = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MIN_VOOR_GETAL = re.compile(r"(?<![\w\-−])-(?=\d)")


def _halfjaar(m: re.Match) -> str:
    sjabloon = _("1e halfjaar %(jaar)s") if m[2] == "1" else _("2e halfjaar %(jaar)s")
    return sjabloon % {"jaar": m[1]}


def _als_datum(waarde) -> date | None:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, str):
        if m := ISO_DATUM.fullmatch(waarde.strip()[:10]):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := KORTE_DATUM.fullmatch(waarde.strip()):
            return date(int(m[3]), int(m[2]), int(m[1]))
    return None


@register.filter
def periode(label) -> str:
    """A period label the report's way: ``2025-H1`` -> ``1e halfjaar 2025``; a whole year stays ``2022``."""
    return "" if label is None else HALFJAAR.sub(_halfjaar, str(label))


@register.filter
def lang(waarde) -> str:
    """``1 juli 2025`` for a date, an ISO date string or ``01-07-2025``; '' for None."""
    d = _als_datum(waarde)
    if d is None:
        return "" if waarde is None else str(waarde)
    return getallen.lange_datum(d)


def _lange_korte_datum(m: re.Match) -> str:
    try:
        return getallen.lange_datum(date(int(m[3]), int(m[2]), int(m[1])))
    except ValueError:
        return m[0]


@register.filter
def tekst(waarde) -> str:
    """A text from the snapshot the report's way: long dates, one period notation, the minus sign."""
    if waarde is None:
        return ""
    uit = HALFJAAR.sub(_halfjaar, str(waarde))
    uit = KORTE_DATUM.sub(_lange_korte_datum, uit)
    return MIN_VOOR_GETAL.sub(getallen.MIN, uit)


@register.filter
def getal(waarde, onbekend="—") -> str:
    """A figure: ``1.234``, ``−38``; ``—`` when unknown; a text passes through :func:`tekst`."""
    if waarde is None or waarde == "":
        return onbekend
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, int | float):
        return getallen.getal(waarde)
    return tekst(waarde)


@register.filter
def procent(waarde) -> str:
    """A percentage: ``65,0 %``; ``—`` when unknown."""
    return getallen.procent(waarde, onbekend="—")


@register.filter
def saldo(waarde) -> str:
    """A saldo: ``+19``, ``−17``, ``0``."""
    if isinstance(waarde, str):
        return tekst(waarde)
    return getallen.saldo(waarde, onbekend="—")


@register.filter
def cijfer_regel(c: dict) -> tuple[str, str]:
    """(label, value) of a panel figure in the PDF (a gap is already a tekort or overschot, see
    ``opvang.panelen``)."""
    label, waarde = c.get("label", ""), c.get("waarde")
    eenheid = c.get("eenheid") or ""
    tekst_waarde = getal(waarde, _("onbekend"))
    return tekst(label), f"{tekst_waarde} {eenheid}".strip() if waarde is not None else tekst_waarde


@register.filter
def als_beeld(chart) -> str:
    """A chart (``noordwijk_migratie.charts.Chart``) as the PDF draws it: an image with its SVG inline as
    a data URL (still vector, see ``rapportage.pdf.SVG_DATA_URL``), its summary (``<desc>``) as the alt
    text of the tagged figure. WeasyPrint parses such an SVG once, as an image; inline ``<svg>`` nodes
    would also be styled as HTML elements, one by one."""
    from rapportage.pdf import SVG_DATA_URL

    data = base64.b64encode(str(chart.svg).encode()).decode("ascii")
    return format_html('<img class="pdf-svg" src="{}{}" alt="{}">', SVG_DATA_URL, data, chart.description)


@register.filter
def kleine_grafieken(indicatoren, per_rij=3):
    """The indicators (report snapshot dicts) that have a chart spec, each paired with its chart drawn as
    a small multiple (``noordwijk_migratie.charts.maak_kleine_grafiek``: the same series in a lean SVG,
    so a report can hold hundreds; the range of its axes is printed under it as text, ``chart.bereik``
    and the first and last date), in rows of ``per_rij`` — a row is kept together on one page.
    Only series with at least two values get a chart (one point is no course); the manual series is
    always drawn first and the computed one second, so the legend's line styles hold for every chart."""
    from noordwijk_migratie.charts import maak_kleine_grafiek

    paren = [
        (i, maak_kleine_grafiek(_vaste_volgorde(i["grafiek"]), x_labels=False, y_labels=False, height=84))
        for i in indicatoren
        if i.get("grafiek") and _aantal_punten(i["grafiek"]) >= 2
    ]
    return [paren[k : k + per_rij] for k in range(0, len(paren), per_rij)]


def _aantal_punten(spec: dict) -> int:
    return len({x for r in spec.get("reeksen", []) for x, v in r["punten"] if v is not None})


@register.filter
def met_verloop(indicatoren) -> bool:
    """Whether any indicator has a course to draw (two values or more)."""
    return any(i.get("grafiek") and _aantal_punten(i["grafiek"]) >= 2 for i in indicatoren)


def _vaste_volgorde(spec: dict) -> dict:
    """The indicator chart (``programma.grafieken.indicator_verloop``) with its series in a fixed order:
    manual (first style: blue, solid), computed (second style: pink, dashed)."""
    volgorde = [_("Handmatig"), _("Berekend")]
    per_label = {r["label"]: r for r in spec.get("reeksen", [])}
    if not set(per_label) <= set(volgorde):
        return spec
    return {**spec, "reeksen": [per_label.get(label, {"label": label, "punten": []}) for label in volgorde]}
