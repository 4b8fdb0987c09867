"""Server-side SVG charts, used identically in HTML pages and WeasyPrint PDFs.

One API: an app describes a chart as data with :func:`grafiek_lijn` or :func:`grafiek_staaf` (a
JSON-serialisable spec, so it can live in a report snapshot or a cache; each app keeps its specs in
``<app>/grafieken.py``) and draws it with :func:`maak_grafiek` (or the ``teken`` template filter), or as a
small multiple with :func:`maak_kleine_grafiek`. The drawing functions below them are private.

Every chart comes with a data table (``Chart.columns``/``Chart.rows``) as its text
alternative; render both with ``templates/includes/chart.html``. The SVG contains no
scripts and no ``style`` attributes (strict CSP) and only uses presentation attributes.
Axis math is done with :class:`~decimal.Decimal`, so any finite input (huge, tiny or
negative) yields finite coordinates; output is deterministic for equal input.
"""

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from .getallen import datum, getal

# Rijkshuisstijl-like palette, each >= 3:1 contrast against white.
PALETTE = ("#01689b", "#ca005d", "#39870c", "#e17000", "#42145f", "#007bc7")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 2")  # line series, so colour is not the only cue
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
HATCHES = ("", "M0 6L6 0", "M0 3H6", "dots", "M0 0L6 6M6 0L0 6")  # bar series overlays
MONTHS = tuple(
    gettext_noop(m) for m in ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
)
TEXT, GRID, WHITE = "#333333", "#d6d6d6", "#ffffff"
EMPTY_CELL = "—"
# The report's bundled font first (rapportage/static/rapportage/pdf.css), then the pages' font.
FONT = "Source Sans 3, Fira Sans, sans-serif"
_NICE = tuple(Decimal(m) for m in ("1", "2", "2.5", "5"))
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class _Reeks:
    """A named data series; ``points`` are ``(x, value)`` with x a date or category."""

    label: str
    points: list[tuple[Any, float | int | None]]


@dataclass
class Chart:
    """A rendered chart: SVG plus a data table as text alternative."""

    title: str
    description: str
    svg: SafeString
    columns: list[str]
    rows: list[list[str]]
    id: str
    # small multiples: the lowest and highest value of the vertical axis as text, for a caller that
    # prints them beside the chart instead of inside it (``maak_kleine_grafiek(y_labels=False)``)
    bereik: tuple[str, str] = ()


def nice_ticks(lo: Decimal, hi: Decimal) -> list[Decimal]:
    """Return 4-6 evenly spaced 'nice' ticks (1, 2, 2.5, 5 x 10^n) covering [lo, hi] and 0."""
    lo, hi = min(Decimal(lo), Decimal(0)), max(Decimal(hi), Decimal(0))
    if lo == hi:
        hi = Decimal(1)
    exp = ((hi - lo) / 6).adjusted() - 1  # small enough that the first step gives > 5 intervals
    while True:
        for nice in _NICE:
            step = nice.scaleb(exp)
            k_lo = int((lo / step).to_integral_value(ROUND_FLOOR))
            k_hi = int((hi / step).to_integral_value(ROUND_CEILING))
            if k_hi - k_lo <= 5:
                return [step * k for k in range(k_lo, k_hi + 1)]
        exp += 1


def _num(value: Any) -> Decimal | None:
    """Return a finite Decimal, or None for gaps (None, NaN, infinity, garbage)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        return None
    return d if d.is_finite() else None


def _t(text: Any, limit: int = 0) -> str:
    """Escape text for XML, dropping characters XML cannot contain; optionally truncate."""
    text = _INVALID_XML.sub("", str(text))
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape(text)


def _c(x: float) -> str:
    """Format a coordinate compactly and deterministically."""
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _chart_id(*parts: Any) -> str:
    """Stable id: slug of the title plus a short hash of all input (for aria/pattern ids)."""
    digest = hashlib.sha256(repr(parts).encode("utf-8", "replace")).hexdigest()[:8]
    slug = slugify(str(parts[1]))[:40].strip("-")
    return f"grafiek-{slug}-{digest}" if slug else f"grafiek-{digest}"


def _svg(
    chart_id: str, title: str, desc: str, width: int, height: float, body: list[str], font_size: int = 12
) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_c(height)}" width="{width}" '
        f'height="{_c(height)}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'class="nw-chart__svg" font-family="{FONT}" font-size="{font_size}">'
        f'<title id="{chart_id}-title">{_t(title)}</title><desc id="{chart_id}-desc">{_t(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every text part is escaped via _t


def _empty(title: str, chart_id: str, columns: list[str], width: int, height: int) -> Chart:
    desc = _("Geen gegevens beschikbaar.")
    text = (
        f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" fill="{TEXT}" '
        f'font-size="16">{_t(_("Geen gegevens"))}</text>'
    )
    return Chart(title, desc, _svg(chart_id, title, desc, width, height, [text]), columns, [], chart_id)


class _Frame:
    """Plot area geometry plus the value -> y mapping."""

    def __init__(self, width: int, height: int, ticks: list[Decimal], legend_rows: int, y_label: str):
        self.lo, self.hi = ticks[0], ticks[-1]
        self.labels = [getal(t) for t in ticks]
        self.left = min(max(36, 7 * max(len(s) for s in self.labels) + 14), width // 3)
        self.top, self.right = 28, width - 28  # room for centred x labels at the edges
        bottom = 40 + 18 * legend_rows
        self.height = max(height, self.top + 80 + bottom)
        self.bottom = self.height - bottom
        self.legend_top = self.bottom + 36  # centre line of the first legend row
        self.y_label, self.ticks = y_label, ticks

    def y(self, v: Decimal) -> float:
        ratio = float((self.hi - v) / (self.hi - self.lo))
        return self.top + min(max(ratio, 0.0), 1.0) * (self.bottom - self.top)

    def axes(self, refs: list[tuple[str, Decimal]]) -> list[str]:
        """Gridlines, tick labels, y label, zero line and dashed reference lines."""
        out = [f'<text x="4" y="14" fill="{TEXT}">{_t(self.y_label, 80)}</text>'] if self.y_label else []
        for tick, label in zip(self.ticks, self.labels, strict=True):
            y = _c(self.y(tick))
            out.append(f'<line x1="{self.left}" x2="{self.right}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
            out.append(
                f'<text x="{self.left - 6}" y="{_c(self.y(tick) + 4)}" text-anchor="end" fill="{TEXT}">{label}</text>'
            )
        y0 = _c(self.y(Decimal(0)))
        out.append(
            f'<line class="zero-line" x1="{self.left}" x2="{self.right}" y1="{y0}" y2="{y0}" '
            f'stroke="{TEXT}" stroke-width="1.5"/>'
        )
        for label, value in refs:
            y = self.y(value)
            out.append(
                f'<line class="ref-line" x1="{self.left}" x2="{self.right}" y1="{_c(y)}" y2="{_c(y)}" '
                f'stroke="{TEXT}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            )
            pos = f'x="{self.right - 2}" y="{_c(y - 5)}" text-anchor="end"'
            text = f"{_t(label, 60)}: {getal(value)}"
            halo = f'fill="{WHITE}" stroke="{WHITE}" stroke-width="4" stroke-linejoin="round"'  # legible on bars
            out.append(f"<text {pos} {halo}>{text}</text>")
            out.append(f'<text class="ref-label" {pos} fill="{TEXT}">{text}</text>')
        return out


def _marker(shape: str, x: float, y: float, colour: str, r: float = 3.5) -> str:
    """Point marker; the shape differs per series so colour is not the only cue."""
    if shape == "circle":
        return f'<circle cx="{_c(x)}" cy="{_c(y)}" r="{r}" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{_c(x - r)}" y="{_c(y - r)}" width="{2 * r}" height="{2 * r}" fill="{colour}"/>'
    if shape == "cross":
        d = f"M{_c(x - r)} {_c(y - r)}L{_c(x + r)} {_c(y + r)}M{_c(x - r)} {_c(y + r)}L{_c(x + r)} {_c(y - r)}"
        return f'<path d="{d}" stroke="{colour}" stroke-width="2"/>'
    pts = (
        ((0, -r - 1), (r + 1, r), (-r - 1, r))
        if shape == "triangle"
        else ((0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0))
    )
    return f'<path d="M{"L".join(f"{_c(x + dx)} {_c(y + dy)}" for dx, dy in pts)}Z" fill="{colour}"/>'


def _swatch(kind: str, i: int, x: float, y: float, chart_id: str) -> str:
    """Legend key for series i: line + marker, or a (hatched) square."""
    colour = PALETTE[i % len(PALETTE)]
    if kind == "bar":
        rect = f'x="{_c(x)}" y="{_c(y - 6)}" width="14" height="14"'
        hatch = f'<rect {rect} fill="url(#{chart_id}-p{i % len(HATCHES)})"/>' if i % len(HATCHES) else ""
        return f'<rect {rect} fill="{colour}"/>' + hatch
    dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
    return (
        f'<line x1="{_c(x)}" x2="{_c(x + 24)}" y1="{_c(y + 1)}" y2="{_c(y + 1)}" stroke="{colour}" '
        f'stroke-width="2"{dash}/>' + _marker(MARKERS[i % len(MARKERS)], x + 12, y + 1, colour)
    )


def _legend(labels: list[str], kind: str, width: int, chart_id: str) -> tuple[int, list[str]]:
    """Legend inside the SVG (so PDFs have it too), wrapped greedily into rows.

    Returns the number of rows and the elements, positioned relative to the first row's centre line.
    """
    swatch = 14 if kind == "bar" else 24
    out, x, row = [], 12.0, 0
    for i, label in enumerate(labels):
        w = swatch + 6 + 7 * len(label) + 18
        if x > 12 and x + w > width - 12:
            x, row = 12.0, row + 1
        out.append(_swatch(kind, i, x, 18 * row, chart_id))
        out.append(f'<text x="{_c(x + swatch + 6)}" y="{18 * row + 5}" fill="{TEXT}">{_t(label)}</text>')
        x += w
    return row + 1, out


def _categorie_label(cat: str, x: float, y: float, ruimte: float) -> str:
    """A category label under its bar, never truncated: over two lines at a word break when too wide
    for its band, and in a smaller font if a line still does not fit (about 0.55 em per character)."""
    regels = [cat]
    if len(cat) * 6.6 > ruimte and " " in cat:
        woorden = cat.split(" ")
        helft = min(range(1, len(woorden)), key=lambda k: abs(len(" ".join(woorden[:k])) - len(" ".join(woorden[k:]))))
        regels = [" ".join(woorden[:helft]), " ".join(woorden[helft:])]
    grootte = min(12.0, max(6.0, (ruimte - 4) / (0.55 * max(1, *(len(r) for r in regels)))))
    grootte_attr = f' font-size="{_c(grootte)}"' if grootte < 12 else ""
    tspans = (
        _t(cat)
        if len(regels) == 1
        else "".join(
            f'<tspan x="{_c(x)}" dy="{0 if k == 0 else _c(grootte * 1.1)}">{_t(r)}</tspan>'
            for k, r in enumerate(regels)
        )
    )
    return f'<text x="{_c(x)}" y="{_c(y)}" text-anchor="middle" fill="{TEXT}"{grootte_attr}>{tspans}</text>'


def _x_label(x: Any) -> str:
    return datum(x) if isinstance(x, date) else str(x)


def _date_ticks(d0: date, d1: date) -> list[tuple[date, str]]:
    """Month ticks ("jan 2025") for spans of 60+ days, otherwise day ticks ("5 jan")."""
    if (d1 - d0).days >= 60:
        first = d0.year * 12 + d0.month - 1 + (d0.day > 1)
        last = d1.year * 12 + d1.month - 1
        for step in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000, 24000, 120000):
            start = -(-first // step) * step
            if (last - start) // step + 1 <= 6:
                break
        return [(date(m // 12, m % 12 + 1, 1), f"{_(MONTHS[m % 12])} {m // 12}") for m in range(start, last + 1, step)]
    days = (d1 - d0).days
    step = next(s for s in (1, 2, 3, 7, 14) if days // s + 1 <= 6)
    dates = (d0 + timedelta(k) for k in range(0, days + 1, step))
    return [(d, f"{d.day} {_(MONTHS[d.month - 1])}") for d in dates]


def _summary(start: str, top_label: str, top: Decimal, values: list[Decimal], refs: list) -> str:
    """Dutch one-sentence summary used as SVG <desc>."""
    text = f"{start}; {top_label % {'value': getal(top)}}"
    if min(values) < 0:
        text += ", " + _("laagste waarde %(value)s") % {"value": getal(min(values))}
    text += "."
    for label, value in refs:
        text += " " + _("Referentielijn %(label)s: %(value)s.") % {"label": label, "value": getal(value)}
    return text


@dataclass
class _Lijnen:
    """The data of a line chart as both drawings use it (dates or categories on x, Decimal values)."""

    data: list[dict]
    xs: list
    is_date: bool
    columns: list[str]
    values: list[Decimal]
    refs: list[tuple[str, Decimal]]


def _lijnen(series: list[_Reeks], reference_lines, x_label: str | None = None) -> _Lijnen:
    data = [{x.date() if isinstance(x, datetime) else x: _num(v) for x, v in s.points if x is not None} for s in series]
    xs = list(dict.fromkeys(x for d in data for x in d))
    is_date = all(isinstance(x, date) for x in xs)
    columns = [x_label or (_("Datum") if is_date else _("Categorie")), *(str(s.label) for s in series)]
    values = [v for d in data for v in d.values() if v is not None]
    refs = [(str(label), v) for label, value in reference_lines if (v := _num(value)) is not None]
    return _Lijnen(data, sorted(xs) if is_date else xs, is_date, columns, values, refs)


def _x_positie(lijnen: _Lijnen, left: float, plot_w: float):
    """x → horizontal position: proportional in time for dates, evenly spaced for categories."""
    xs = lijnen.xs
    if lijnen.is_date:
        o0, o1 = xs[0].toordinal(), xs[-1].toordinal()
        return lambda x: left + (plot_w * (x.toordinal() - o0) / (o1 - o0) if o1 > o0 else plot_w / 2)
    index = {x: i for i, x in enumerate(xs)}
    return lambda x: left + plot_w * (index[x] + 0.5) / len(xs)


def _lijn_tabel_en_samenvatting(series: list[_Reeks], lijnen: _Lijnen) -> tuple[list[list], str]:
    """The data table (text alternative) and the <desc> summary of a line chart."""
    data, xs = lijnen.data, lijnen.xs
    rows = [[_x_label(x), *(getal(d[x]) if d.get(x) is not None else EMPTY_CELL for d in data)] for x in xs]
    start = ngettext("Lijndiagram van %(count)d reeks", "Lijndiagram van %(count)d reeksen", len(series)) % {
        "count": len(series)
    }
    start += " " + _("van %(start)s tot %(end)s") % {"start": _x_label(xs[0]), "end": _x_label(xs[-1])}
    samenvatting = _summary(start, _("hoogste waarde %(value)s"), max(lijnen.values), lijnen.values, lijnen.refs)
    return rows, " ".join([samenvatting, *_verloop_zinnen(series, lijnen)])


def _verloop_zinnen(series: list[_Reeks], lijnen: _Lijnen) -> list[str]:
    """Per series the trend in words and the last value (the chart's text alternative)."""
    zinnen = []
    for reeks, d in zip(series, lijnen.data, strict=True):
        punten = [(x, d[x]) for x in lijnen.xs if d.get(x) is not None]
        if not punten:
            continue
        (_x0, v0), (x1, v1) = punten[0], punten[-1]
        waarden = {"reeks": reeks.label, "x": _x_label(x1), "v": getal(v1), "v0": getal(v0)}
        if len(punten) == 1:
            zinnen.append(_("%(reeks)s: één waarde, %(v)s op %(x)s.") % waarden)
        elif v1 > v0:
            zinnen.append(_("%(reeks)s: gestegen van %(v0)s naar %(v)s, laatste waarde %(v)s op %(x)s.") % waarden)
        elif v1 < v0:
            zinnen.append(_("%(reeks)s: gedaald van %(v0)s naar %(v)s, laatste waarde %(v)s op %(x)s.") % waarden)
        else:
            zinnen.append(_("%(reeks)s: gelijk gebleven, laatste waarde %(v)s op %(x)s.") % waarden)
    return zinnen


def _lijngrafiek(
    title: str,
    series: list[_Reeks],
    *,
    y_label: str = "",
    reference_lines: list[tuple[str, float]] = (),
    width: int = 640,
    height: int = 280,
    x_label: str | None = None,
) -> Chart:
    """Line chart with dates (proportional time axis) or categories on the x axis.

    A None value breaks the line (gap) and shows as an em dash in the table; dates missing
    from a series are simply skipped. ``x_label`` defaults to "Datum" (or "Categorie").
    """
    chart_id = _chart_id("line", title, [(s.label, s.points) for s in series], reference_lines, width, height)
    lijnen = _lijnen(series, reference_lines, x_label)
    if not lijnen.values:
        return _empty(title, chart_id, lijnen.columns, width, height)
    data, xs, values, refs = lijnen.data, lijnen.xs, lijnen.values, lijnen.refs
    legend_rows, legend = _legend([str(s.label) for s in series], "line", width, chart_id)
    extent = values + [r for _l, r in refs]
    frame = _Frame(width, height, nice_ticks(min(extent), max(extent)), legend_rows, y_label)
    plot_w = frame.right - frame.left
    xpos = _x_positie(lijnen, frame.left, plot_w)
    if lijnen.is_date:
        ticks = _date_ticks(xs[0], xs[-1])
    else:
        every = math.ceil(len(xs) / max(1, plot_w // 60))
        ticks = [(x, str(x)) for x in xs[::every]]
    body = frame.axes(refs)
    for x, label in ticks:
        body.append(_categorie_label(label, xpos(x), frame.bottom + 18, plot_w / max(1, len(ticks))))
    for i, d in enumerate(data):
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        pts = [(xpos(x), frame.y(d[x])) if d[x] is not None else None for x in xs if x in d]
        path, marks, all_marks = "", [], sum(p is not None for p in pts) <= 40
        for k, p in enumerate(pts):
            if p is None:
                continue
            joined = k > 0 and pts[k - 1] is not None
            path += f"{'L' if joined else 'M'}{_c(p[0])} {_c(p[1])}"
            isolated = not joined and (k + 1 == len(pts) or pts[k + 1] is None)
            if isolated or all_marks:  # markers (shape per series) unless the line is dense
                marks.append(_marker(MARKERS[i % len(MARKERS)], p[0], p[1], colour))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if path:
            body.append(
                f'<path class="series" d="{path}" fill="none" stroke="{colour}" stroke-width="2" '
                f'stroke-linejoin="round"{dash_attr}/>'
            )
        body.extend(marks)
    body += [f'<g transform="translate(0 {_c(frame.legend_top)})">', *legend, "</g>"]
    rows, desc = _lijn_tabel_en_samenvatting(series, lijnen)
    return Chart(title, desc, _svg(chart_id, title, desc, width, frame.height, body), lijnen.columns, rows, chart_id)


def _staafgrafiek(
    title: str,
    categories: list[str],
    series: list[_Reeks],
    *,
    stacked: bool = False,
    y_label: str = "",
    reference_lines: list[tuple[str, float]] = (),
    width: int = 640,
    height: int = 280,
) -> Chart:
    """Grouped or stacked vertical bar chart; points are (category, value), None = no bar.

    Points whose category is not in ``categories`` are ignored; if ``categories`` is empty,
    the categories are taken from the points in order of appearance. Stacking puts positive
    values above and negative values below the zero line.
    """
    chart_id = _chart_id(
        "bar", title, list(categories), [(s.label, s.points) for s in series], stacked, reference_lines, width, height
    )
    data = [{str(c): _num(v) for c, v in s.points} for s in series]
    cats = list(dict.fromkeys(str(c) for c in categories)) or list(dict.fromkeys(c for d in data for c in d))
    columns = [_("Categorie"), *(str(s.label) for s in series)]
    values = [v for d in data for c in cats if (v := d.get(c)) is not None]
    if not values:
        return _empty(title, chart_id, columns, width, height)
    refs = [(str(label), v) for label, value in reference_lines if (v := _num(value)) is not None]
    stacks = [[v for d in data if (v := d.get(c)) is not None] for c in cats]
    tops = [sum((v for v in stack if v > 0), Decimal(0)) for stack in stacks]
    extent = tops + [sum((v for v in stack if v < 0), Decimal(0)) for stack in stacks] if stacked else list(values)
    legend_rows, legend = _legend([str(s.label) for s in series], "bar", width, chart_id)
    extent += [r for _l, r in refs]
    frame = _Frame(width, height, nice_ticks(min(extent), max(extent)), legend_rows, y_label)
    band = (frame.right - frame.left) / len(cats)
    group = band * 0.8
    bar_w = group if stacked else group / max(1, len(series))
    defs = "".join(
        f'<pattern id="{chart_id}-p{h}" width="6" height="6" patternUnits="userSpaceOnUse">'
        + (
            f'<circle cx="3" cy="3" r="1.2" fill="{WHITE}"/>'
            if HATCHES[h] == "dots"
            else f'<path d="{HATCHES[h]}" stroke="{WHITE}" stroke-width="1.5"/>'
        )
        + "</pattern>"
        for h in sorted({i % len(HATCHES) for i in range(len(series))} - {0})
    )
    body = [f"<defs>{defs}</defs>"] if defs else []
    axes = frame.axes(refs)  # gridlines below the bars, zero and reference lines on top
    split = next(k for k, part in enumerate(axes) if 'class="zero-line"' in part)
    body += axes[:split]
    every = math.ceil(len(cats) / max(1, int((frame.right - frame.left) // 60)))
    balken = [[] for _d in data]  # per series the outline of each of its bars (one path per series)
    for k, cat in enumerate(cats):
        pos, neg = Decimal(0), Decimal(0)
        x0 = frame.left + band * k + (band - group) / 2
        if k % every == 0:
            body.append(_categorie_label(cat, x0 + group / 2, frame.bottom + 18, band * every))
        for i, d in enumerate(data):
            v = d.get(cat)
            if v is None:
                continue
            base = (pos if v >= 0 else neg) if stacked else Decimal(0)
            ya, yb = frame.y(base), frame.y(base + v)
            if stacked:
                pos, neg = (pos + v, neg) if v >= 0 else (pos, neg + v)
            x = x0 if stacked else x0 + bar_w * i
            x1, y0, y1 = _c(x), _c(min(ya, yb)), _c(max(ya, yb))
            x2 = _c(x + bar_w)
            balken[i].append(f"M{x1} {y0}L{x2} {y0}L{x2} {y1}L{x1} {y1}Z")
    # One path per series, and one for its hatching: a PDF draws each SVG element on its own (a rect per
    # bar and per hatch made the 44-period chart of the halfjaarrapportage hundreds of elements).
    for i, delen in enumerate(balken):
        if not delen:
            continue
        d = "".join(delen)
        body.append(
            f'<path class="bar" d="{d}" fill="{PALETTE[i % len(PALETTE)]}" stroke="{WHITE}" stroke-width="0.5"/>'
        )
        if i % len(HATCHES):
            body.append(f'<path class="hatch" d="{d}" fill="url(#{chart_id}-p{i % len(HATCHES)})"/>')
    body += axes[split:]
    body += [f'<g transform="translate(0 {_c(frame.legend_top)})">', *legend, "</g>"]
    rows = [[cat, *(getal(v) if (v := d.get(cat)) is not None else EMPTY_CELL for d in data)] for cat in cats]
    n = len(series)
    if stacked:
        start = ngettext(
            "Gestapeld staafdiagram van %(count)d reeks", "Gestapeld staafdiagram van %(count)d reeksen", n
        ) % {"count": n}
        top_label, top = _("hoogste totaal %(value)s"), max(tops)
    else:
        start = ngettext("Staafdiagram van %(count)d reeks", "Staafdiagram van %(count)d reeksen", n) % {"count": n}
        top_label, top = _("hoogste waarde %(value)s"), max(values)
    start += " " + ngettext("over %(count)d categorie", "over %(count)d categorieën", len(cats)) % {"count": len(cats)}
    desc = _summary(start, top_label, top, values, refs)
    return Chart(title, desc, _svg(chart_id, title, desc, width, frame.height, body), columns, rows, chart_id)


# --- charts as data (JSON-serialisable specs, e.g. in report snapshots and caches) -------------


def _x(x):
    return x.isoformat() if isinstance(x, date) else x


def grafiek_lijn(
    titel: str, reeksen: dict[str, list[tuple]], *, y_label: str = "", x_label: str = "", referentielijnen=()
) -> dict:
    """A line chart as JSON-serialisable data: ``reeksen`` maps label -> [(x, value), ...]."""
    return {
        "soort": "lijn",
        "titel": str(titel),
        "y_label": str(y_label),
        "x_label": str(x_label),
        "reeksen": [
            {"label": str(label), "punten": [[_x(x), v] for x, v in punten]} for label, punten in reeksen.items()
        ],
        "referentielijnen": [[str(label), v] for label, v in referentielijnen],
    }


def grafiek_staaf(
    titel: str,
    categorieen: list[str],
    reeksen: dict[str, list[tuple]],
    *,
    gestapeld=False,
    y_label: str = "",
    referentielijnen=(),
) -> dict:
    """A bar chart as JSON-serialisable data."""
    return {
        **grafiek_lijn(titel, reeksen, y_label=y_label, referentielijnen=referentielijnen),
        "soort": "staaf",
        "categorieen": [str(c) for c in categorieen],
        "gestapeld": gestapeld,
    }


def _datum_of_waarde(x):
    if isinstance(x, str) and len(x) == 10 and x[4] == "-" and x[7] == "-":
        try:
            return date.fromisoformat(x)
        except ValueError:
            return x
    return x


def _uit_spec(spec: dict) -> tuple[list[_Reeks], list[tuple[str, float]]]:
    """The series and reference lines of a stored chart spec."""
    reeksen = [_Reeks(r["label"], [(_datum_of_waarde(x), v) for x, v in r["punten"]]) for r in spec.get("reeksen", [])]
    return reeksen, [(label, v) for label, v in spec.get("referentielijnen", [])]


def maak_grafiek(spec: dict) -> Chart:
    """Draw a chart stored by ``grafiek_lijn`` / ``grafiek_staaf``."""
    reeksen, refs = _uit_spec(spec)
    if spec.get("soort") == "staaf":
        return _staafgrafiek(
            spec["titel"],
            spec.get("categorieen", []),
            reeksen,
            stacked=spec.get("gestapeld", False),
            y_label=spec.get("y_label", ""),
            reference_lines=refs,
        )
    return _lijngrafiek(
        spec["titel"],
        reeksen,
        y_label=spec.get("y_label", ""),
        reference_lines=refs,
        x_label=spec.get("x_label") or None,
    )


# --- small multiples (PDF reports: many series side by side) ------------------------------------


def _kleine_lijngrafiek(
    title: str,
    series: list[_Reeks],
    *,
    reference_lines: list[tuple[str, float]] = (),
    width: int = 240,
    height: int = 96,
    x_labels: bool = True,
    y_labels: bool = True,
) -> Chart:
    """A compact line chart for small multiples: few SVG nodes, so a report can hold hundreds.

    Same data, table and <desc> summary as :func:`_lijngrafiek`, drawn lean: the lowest and highest
    y tick and the first and last x value as the only labels, one path per series for the line and
    one for its points (round caps on zero-length segments), reference lines dotted without a label
    and no legend inside the SVG (the page around the charts explains the line styles once; series
    differ by colour *and* dash like in :func:`_lijngrafiek`). ``x_labels=False`` leaves the first and
    last x value out of the SVG, for a caller that prints the range beside the chart (as text that is
    cheaper to typeset than SVG text, which WeasyPrint lays out letter by letter); ``y_labels=False``
    likewise the lowest and highest y tick (``Chart.bereik`` has them). A dot is a zero-length segment
    (``h0``) with a round cap.
    """
    chart_id = _chart_id("small", title, [(s.label, s.points) for s in series], reference_lines, width, height)
    lijnen = _lijnen(series, reference_lines)
    if not lijnen.values:
        return _empty(title, chart_id, lijnen.columns, width, height)
    data, xs, values, refs = lijnen.data, lijnen.xs, lijnen.values, lijnen.refs
    extent = values + [r for _l, r in refs]
    ticks = nice_ticks(min(extent), max(extent))
    lo, hi = ticks[0], ticks[-1]
    labels = (getal(lo), getal(hi))
    left = min(max(18, 7 * max(len(s) for s in labels) + 8), width // 3) if y_labels else 6
    right, top, bottom = width - 6, 8, height - (20 if x_labels else 6)

    def ypos(v: Decimal) -> float:
        return top + min(max(float((hi - v) / (hi - lo)), 0.0), 1.0) * (bottom - top)

    xpos = _x_positie(lijnen, left, right - left)
    grid = f"M{left} {_c(ypos(hi))}H{right}M{left} {_c(ypos(lo))}H{right}"
    body = [f'<path d="{grid}" stroke="{GRID}"/>']
    if lo < 0 < hi:
        y0 = _c(ypos(Decimal(0)))
        body.append(f'<path class="zero-line" d="M{left} {y0}H{right}" stroke="{TEXT}"/>')
    for _label, value in refs:
        y = _c(ypos(value))
        body.append(f'<path class="ref-line" d="M{left} {y}H{right}" stroke="{TEXT}" stroke-dasharray="2 3"/>')
    if y_labels:
        body.append(
            f'<text x="{left - 4}" y="{_c(ypos(hi) + 4)}" text-anchor="end" fill="{TEXT}">{labels[1]}</text>'
            f'<text x="{left - 4}" y="{_c(ypos(lo) + 4)}" text-anchor="end" fill="{TEXT}">{labels[0]}</text>'
        )
    if x_labels:
        body.append(f'<text x="{left}" y="{height - 4}" fill="{TEXT}">{_t(_x_label(xs[0]), 14)}</text>')
    if x_labels and len(xs) > 1:
        body.append(
            f'<text x="{right}" y="{height - 4}" text-anchor="end" fill="{TEXT}">{_t(_x_label(xs[-1]), 14)}</text>'
        )
    for i, d in enumerate(data):
        colour, dash = PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)]
        pts = [(xpos(x), ypos(d[x])) if d[x] is not None else None for x in xs if x in d]
        line, dots = "", ""
        for k, p in enumerate(pts):
            if p is None:
                continue
            xy = f"{_c(p[0])} {_c(p[1])}"
            line += f"{'L' if k > 0 and pts[k - 1] is not None else 'M'}{xy}"
            dots += f"M{xy}h0"
        if not line:
            continue
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<path class="series" d="{line}" fill="none" stroke="{colour}" stroke-width="1.5" '
            f'stroke-linejoin="round"{dash_attr}/>'
            f'<path class="points" d="{dots}" stroke="{colour}" stroke-width="4" stroke-linecap="round"/>'
        )
    rows, desc = _lijn_tabel_en_samenvatting(series, lijnen)
    svg = _svg(chart_id, title, desc, width, height, body, font_size=11)
    return Chart(title, desc, svg, lijnen.columns, rows, chart_id, bereik=labels)


def maak_kleine_grafiek(spec: dict, *, x_labels: bool = True, y_labels: bool = True, height: int = 96) -> Chart:
    """Draw a line-chart spec (``grafiek_lijn``) as a small multiple (:func:`_kleine_lijngrafiek`)."""
    reeksen, refs = _uit_spec(spec)
    return _kleine_lijngrafiek(
        spec["titel"], reeksen, reference_lines=refs, x_labels=x_labels, y_labels=y_labels, height=height
    )
