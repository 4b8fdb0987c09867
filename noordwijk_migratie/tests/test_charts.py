"""Tests for the server-side SVG charts (numbers and dates written by noordwijk_migratie.getallen)."""

import math
import re
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from noordwijk_migratie.charts import (
    Chart,
    _kleine_lijngrafiek,
    _lijngrafiek,
    _Reeks,
    _staafgrafiek,
    grafiek_lijn,
    maak_kleine_grafiek,
    nice_ticks,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(\"x\")</script> & 'quote' ]]> \x01"
X_ATTRS, Y_ATTRS, SIZES = {"x", "x1", "x2", "cx"}, {"y", "y1", "y2", "cy"}, {"width", "height", "r"}


def parse(chart: Chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))  # noqa: S314 - parsing our own output


def viewbox(root: ET.Element) -> tuple[float, float]:
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    return w, h


def drawn(el: ET.Element, dy: float = 0.0):
    """Yield (element, vertical offset from translate() groups), skipping pattern definitions."""
    for child in el:
        if child.tag == f"{SVG}defs":
            continue
        offset = dy + float(re.fullmatch(r"translate\(0 ([\d.]+)\)", child.get("transform", "translate(0 0)"))[1])
        yield child, offset
        yield from drawn(child, offset)


def by_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == cls]


def balken(path: ET.Element) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each bar in a bar series' path (one closed rectangle per bar)."""
    uit = []
    for rechthoek in path.get("d").split("Z")[:-1]:
        punten = [(float(x), float(y)) for x, y in re.findall(r"[ML](-?[\d.]+) (-?[\d.]+)", rechthoek)]
        ys = [y for _x, y in punten]
        uit.append((punten[0][0], min(ys), max(ys)))
    return uit


def texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter(f"{SVG}text")]


def assert_valid(chart: Chart) -> ET.Element:
    """Well-formed, accessible, CSP-safe SVG whose coordinates are finite and inside the viewBox."""
    svg = str(chart.svg)
    root = parse(chart)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id == f"{chart.id}-title"
    assert root.find(f"{SVG}desc").get("id") == desc_id == f"{chart.id}-desc"
    assert "style" not in svg.lower().replace("nw-chart", "")
    assert "<script" not in svg and "<foreignObject" not in svg
    w, h = viewbox(root)
    assert (root.get("width"), root.get("height")) == tuple(_fmt(v) for v in (w, h))
    for el, dy in drawn(root):
        for name, value in el.attrib.items():
            assert "nan" not in value.lower() and "inf" not in value.lower(), (name, value)
            if name in X_ATTRS | Y_ATTRS | SIZES:
                v = float(value) + (dy if name in Y_ATTRS else 0)
                assert math.isfinite(v) and v >= 0, (el.tag, name, v)
                assert v <= (h if name in Y_ATTRS or name == "height" else w), (el.tag, name, v)
        for px, py in re.findall(r"[ML](-?[\d.]+) (-?[\d.]+)", el.get("d", "")):
            assert 0 <= float(px) <= w and 0 <= float(py) + dy <= h, el.get("d")
    return root


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


@pytest.fixture
def saldo_bars() -> Chart:
    return _staafgrafiek(
        "Saldo per kwartaal",
        ["Q1", "Q2", "Q3"],
        [_Reeks("Saldo", [("Q1", -25), ("Q2", 19), ("Q3", None)]), _Reeks("Ander", [("Q1", 3), ("Q2", -4.5)])],
        reference_lines=[("Doel", 10)],
    )


@pytest.fixture
def instroom() -> Chart:
    return _lijngrafiek(
        "Instroom",
        [
            _Reeks("Gemeente", [(date(2025, 1, 1), 100), (date(2025, 4, 1), None), (date(2025, 7, 1), 300)]),
            _Reeks("Regio", [(date(2025, 1, 1), 1234), (date(2025, 2, 1), 12.5), (date(2025, 7, 1), 7)]),
            _Reeks("Leeg", []),
        ],
        reference_lines=[("Opgave", 221)],
        y_label="Aantal personen",
    )


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (0, 300, ["0", "100", "200", "300"]),
        (0, 221, ["0", "50", "100", "150", "200", "250"]),
        (-25, 19, ["-30", "-20", "-10", "0", "10", "20"]),
        (0, 0, ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
        (0, 11, ["0", "2.5", "5", "7.5", "10", "12.5"]),
    ],
)
def test_nice_ticks_examples(lo, hi, expected):
    assert [f"{t.normalize():f}" for t in nice_ticks(Decimal(lo), Decimal(hi))] == expected


@given(st.floats(allow_nan=False, allow_infinity=False), st.floats(allow_nan=False, allow_infinity=False))
def test_nice_ticks_property(a, b):
    lo, hi = Decimal(min(a, b)), Decimal(max(a, b))
    ticks = nice_ticks(lo, hi)
    assert 4 <= len(ticks) <= 6
    assert ticks[0] <= min(lo, 0) and ticks[-1] >= max(hi, 0) and 0 in ticks
    step = ticks[1] - ticks[0]
    assert all(t2 - t1 == step for t1, t2 in zip(ticks, ticks[1:], strict=False))
    assert step.normalize().as_tuple().digits in {(1,), (2,), (2, 5), (5,)}


def test_line_chart_svg_is_accessible(instroom):
    root = assert_valid(instroom)
    assert root.find(f"{SVG}title").text == "Instroom"
    assert instroom.description == (
        "Lijndiagram van 3 reeksen van 01-01-2025 tot 01-07-2025; hoogste waarde 1.234. Referentielijn Opgave: 221. "
        "Gemeente: gestegen van 100 naar 300, laatste waarde 300 op 01-07-2025. "
        "Regio: gedaald van 1.234 naar 7, laatste waarde 7 op 01-07-2025."
    )
    assert root.find(f"{SVG}desc").text == instroom.description
    assert instroom.id.startswith("grafiek-instroom-")
    assert {"Gemeente", "Regio", "Leeg", "Aantal personen", "jan 2025", "jul 2025"} <= set(texts(root))


def test_line_chart_table_is_formatted_dutch(instroom):
    assert instroom.columns == ["Datum", "Gemeente", "Regio", "Leeg"]
    assert instroom.rows == [
        ["01-01-2025", "100", "1.234", "—"],
        ["01-02-2025", "—", "12,5", "—"],
        ["01-04-2025", "—", "—", "—"],
        ["01-07-2025", "300", "7", "—"],
    ]


def test_line_chart_breaks_at_none_and_distinguishes_series(instroom):
    root = parse(instroom)
    paths = by_class(root, "series")
    assert len(paths) == 2  # "Leeg" has no points
    assert paths[0].get("d").count("M") == 2 and "L" not in paths[0].get("d")  # two isolated points
    assert paths[1].get("d").count("M") == 1 and paths[1].get("d").count("L") == 2
    assert paths[0].get("stroke") != paths[1].get("stroke")
    assert paths[0].get("stroke-dasharray") is None and paths[1].get("stroke-dasharray")  # not colour only


def test_line_chart_time_axis_is_proportional():
    days = [date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 31)]
    root = parse(_lijngrafiek("T", [_Reeks("A", [(d, 1) for d in days])]))
    xs = [float(c.get("cx")) for c in root.iter(f"{SVG}circle")][:3]
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == pytest.approx(1 / 30, abs=0.01)


def test_reference_line_is_dashed_and_labelled(instroom):
    root = parse(instroom)
    (line,) = by_class(root, "ref-line")
    assert line.get("stroke-dasharray")
    (label,) = by_class(root, "ref-label")
    assert label.text == "Opgave: 221"
    assert abs(float(label.get("y")) - float(line.get("y1"))) < 10


def test_negative_values_zero_line_and_bars_below(saldo_bars):
    root = assert_valid(saldo_bars)
    (zero,) = by_class(root, "zero-line")
    y0 = float(zero.get("y1"))
    grid = sorted(float(e.get("y1")) for e in root.iter(f"{SVG}line") if e.get("class") is None)
    assert grid[0] < y0 < grid[-1]  # zero line strictly inside the plot
    bars = [b for path in by_class(root, "bar") for b in balken(path)]  # one path per series
    assert len(by_class(root, "bar")) == 2 and len(bars) == 4  # None value gives no bar
    tops = [top for _x, top, _bottom in bars]
    bottoms = [bottom for _x, _top, bottom in bars]
    # order: Saldo Q1 (-25), Saldo Q2 (19), Ander Q1 (3), Ander Q2 (-4.5)
    for k, value in enumerate([-25, 19, 3, -4.5]):
        if value < 0:
            assert tops[k] == pytest.approx(y0, abs=0.1) and bottoms[k] > y0
        else:
            assert bottoms[k] == pytest.approx(y0, abs=0.1) and tops[k] < y0
    assert {"−30", "−20", "0", "20"} <= set(texts(root))
    assert saldo_bars.rows == [["Q1", "−25", "3"], ["Q2", "19", "−4,5"], ["Q3", "—", "—"]]
    assert saldo_bars.description == (
        "Staafdiagram van 2 reeksen over 3 categorieën; hoogste waarde 19, laagste waarde −25. Referentielijn Doel: 10."
    )


def test_bar_series_are_distinguished_by_pattern(saldo_bars):
    root = parse(saldo_bars)
    assert len(list(root.iter(f"{SVG}pattern"))) == 1
    (hatch,) = by_class(root, "hatch")  # the second series' bars, hatched with the pattern
    assert hatch.get("fill") == f"url(#{saldo_bars.id}-p1)"
    assert hatch.get("d") == by_class(root, "bar")[1].get("d")
    assert f"url(#{saldo_bars.id}-p1)" in {r.get("fill") for r in root.iter(f"{SVG}rect")}  # and its legend key


def test_stacked_bars_stack():
    chart = _staafgrafiek(
        "Gestapeld",
        ["a", "b"],
        [_Reeks("x", [("a", 10), ("b", 5)]), _Reeks("y", [("a", 20), ("b", -5)])],
        stacked=True,
    )
    root = assert_valid(chart)
    (a_x, _b_x), (a_y, _b_y) = (balken(path) for path in by_class(root, "bar"))
    assert a_x[0] == a_y[0]  # same x: on top of each other
    assert a_y[2] == pytest.approx(a_x[1], abs=0.1)  # y's bar ends where x's starts
    assert "hoogste totaal 30" in chart.description


def test_hostile_labels_are_escaped():
    series = [_Reeks(HOSTILE, [(date(2025, 1, 1), 1), (date(2025, 3, 1), 2)])]
    for chart in (
        _lijngrafiek(HOSTILE, series, y_label=HOSTILE, reference_lines=[(HOSTILE, 1)]),
        _staafgrafiek(HOSTILE, [HOSTILE], [_Reeks(HOSTILE, [(HOSTILE, 1)])], reference_lines=[(HOSTILE, 1)]),
    ):
        root = assert_valid(chart)
        clean = HOSTILE.replace("\x01", "")
        assert root.find(f"{SVG}title").text == clean
        assert "<script" not in str(chart.svg)
        assert any(clean[:30] in t for t in texts(root))
        assert chart.columns[1] == HOSTILE  # raw; the template escapes it


@pytest.mark.parametrize(
    "make",
    [
        lambda: _lijngrafiek("Leeg", []),
        lambda: _lijngrafiek("Leeg", [_Reeks("A", [])]),
        lambda: _lijngrafiek("Leeg", [_Reeks("A", [(date(2025, 1, 1), None), (date(2025, 2, 1), float("nan"))])]),
        lambda: _staafgrafiek("Leeg", [], []),
        lambda: _staafgrafiek("Leeg", ["a", "b"], [_Reeks("A", [("a", None)])]),
    ],
)
def test_empty_input_shows_geen_gegevens(make):
    chart = make()
    root = assert_valid(chart)
    assert "Geen gegevens" in texts(root)
    assert chart.rows == []


def test_output_is_deterministic():
    def make():
        return _lijngrafiek("Det", [_Reeks("A", [(date(2025, 1, 1), 1.5), (date(2025, 6, 1), 3)])])

    assert make() == make()
    other = _lijngrafiek("Det", [_Reeks("A", [(date(2025, 1, 1), 1.5), (date(2025, 6, 1), 4)])])
    assert other.id != make().id


def test_single_point_and_categories():
    assert_valid(_lijngrafiek("Een", [_Reeks("A", [(date(2025, 1, 1), 5)])]))
    chart = _lijngrafiek("Cat", [_Reeks("A", [("2023", 5), ("2024", 8)])])
    assert_valid(chart)
    assert chart.columns[0] == "Categorie" and chart.rows == [["2023", "5"], ["2024", "8"]]


def test_template_renders_figure_and_table(instroom):
    from django.template import Context, Engine

    engine = Engine(
        dirs=[Path(__file__).resolve().parents[2] / "templates"],
        libraries={"i18n": "django.templatetags.i18n"},
    )
    template = engine.get_template("includes/chart.html")
    hostile = _staafgrafiek(HOSTILE, ["a"], [_Reeks(HOSTILE, [("a", 1)])])
    html = template.render(Context({"chart": hostile}))
    assert "<script>" not in html and "&lt;script&gt;" in html
    html = template.render(Context({"chart": instroom}))
    assert f'<figure class="nw-chart" aria-labelledby="{instroom.id}-caption">' in html
    assert f'<figcaption class="nw-chart__caption" id="{instroom.id}-caption">Instroom</figcaption>' in html
    assert str(instroom.svg) in html
    assert "<summary>Gegevens als tabel: Instroom</summary>" in html
    assert "<caption>Instroom</caption>" in html
    assert html.count('<th scope="col">') == 4 and html.count('<th scope="row">') == 4
    assert "1.234" in html
    empty = template.render(Context({"chart": _lijngrafiek("Leeg", [])}))
    assert "<table" not in empty and "Geen gegevens beschikbaar." in empty


values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
)
SLOW = hsettings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(
    st.lists(st.lists(st.tuples(st.dates(), values), max_size=12), max_size=8),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=2),
)
def test_line_chart_property(raw, refs):
    series = [_Reeks(f"Reeks {i}", points) for i, points in enumerate(raw)]
    chart = _lijngrafiek("Test", series, reference_lines=[(f"Ref {i}", v) for i, v in enumerate(refs)])
    assert_valid(chart)
    assert chart == _lijngrafiek("Test", series, reference_lines=[(f"Ref {i}", v) for i, v in enumerate(refs)])
    if chart.rows:
        assert all(len(row) == len(series) + 1 for row in chart.rows)


@SLOW
@given(
    st.lists(st.text(max_size=20), max_size=10, unique=True),
    st.lists(st.tuples(st.text(max_size=20), st.lists(values, max_size=10)), max_size=7),
    st.booleans(),
    st.integers(min_value=200, max_value=1200),
)
def test_bar_chart_property(categories, raw, stacked, width):
    series = [_Reeks(label, list(zip(categories, vals, strict=False))) for label, vals in raw]
    chart = _staafgrafiek("Test", categories, series, stacked=stacked, width=width, reference_lines=[("Ref", -3)])
    root = assert_valid(chart)
    if chart.rows:
        assert [row[0] for row in chart.rows] == list(dict.fromkeys(categories))
    else:
        assert "Geen gegevens" in texts(root)


def test_dates_far_apart_and_close():
    for d0, d1 in [(date(1, 1, 1), date(9999, 12, 31)), (date(2025, 1, 1), date(2025, 1, 20))]:
        root = assert_valid(_lijngrafiek("D", [_Reeks("A", [(d0, 1), (d1, 2), (d0 + timedelta(1), 3)])]))
        assert len(texts(root)) > 5


# --- small multiples ---------------------------------------------------------------------------


def _reeks(n: int, start: date = date(2025, 1, 6)) -> list[tuple[date, float]]:
    return [(start + timedelta(weeks=k), (k * 37) % 101 - 20) for k in range(n)]


def test_small_line_chart_has_the_same_data_and_summary_as_the_full_chart(instroom):
    series = [
        _Reeks("Gemeente", [(date(2025, 1, 1), 100), (date(2025, 4, 1), None), (date(2025, 7, 1), 300)]),
        _Reeks("Regio", [(date(2025, 1, 1), 1234), (date(2025, 2, 1), 12.5), (date(2025, 7, 1), 7)]),
        _Reeks("Leeg", []),
    ]
    klein = _kleine_lijngrafiek("Instroom", series, reference_lines=[("Opgave", 221)])
    root = assert_valid(klein)
    assert (klein.columns, klein.rows, klein.description) == (instroom.columns, instroom.rows, instroom.description)
    assert root.find(f"{SVG}desc").text == klein.description
    assert klein.id != instroom.id  # both may appear on one page
    # y range and period as the only labels; the empty series draws nothing
    assert texts(root) == ["1.250", "0", "01-01-2025", "01-07-2025"]
    assert len(by_class(root, "series")) == len(by_class(root, "points")) == 2
    assert len(by_class(root, "ref-line")) == 1


def test_small_line_chart_stays_lean_however_many_points():
    """Hundreds of these go into one PDF: the node count must not grow with the number of points."""
    sizes = {
        len(list(parse(_kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", _reeks(n))])).iter())) for n in (2, 12, 100)
    }
    assert len(sizes) == 1 and sizes.pop() <= 12
    full = parse(_lijngrafiek("Reeks", [_Reeks("Handmatig", _reeks(12))]))
    assert (
        len(list(parse(_kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", _reeks(12))])).iter()))
        < len(list(full.iter())) / 3
    )


def test_small_line_chart_points_gaps_and_series_styles():
    punten = [(date(2025, 1, 1), 3), (date(2025, 2, 1), None), (date(2025, 3, 1), 5), (date(2025, 4, 1), 6)]
    root = assert_valid(
        _kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", punten), _Reeks("Berekend", [(date(2025, 1, 1), 4)])])
    )
    lijnen, punten_paths = by_class(root, "series"), by_class(root, "points")
    assert lijnen[0].get("d").count("M") == 2 and lijnen[0].get("d").count("L") == 1  # the gap breaks the line
    assert punten_paths[0].get("d").count("M") == 3  # a dot (zero-length segment, round cap) per value
    assert all(p.get("stroke-linecap") == "round" for p in punten_paths)
    assert lijnen[0].get("stroke") != lijnen[1].get("stroke")
    assert lijnen[0].get("stroke-dasharray") is None and lijnen[1].get("stroke-dasharray")  # not colour only


def test_small_line_chart_without_x_labels_and_empty():
    root = assert_valid(_kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", _reeks(5))], x_labels=False))
    assert texts(root) == ["60", "−20"]  # values -20 … 54
    # without any label (the PDF prints the range under the chart): no SVG text at all, the range as data
    kaal = _kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", _reeks(5))], x_labels=False, y_labels=False)
    assert texts(assert_valid(kaal)) == [] and kaal.bereik == ("−20", "60")
    assert by_class(parse(kaal), "points")[0].get("d").count("h0") == 5  # a dot per value
    leeg = _kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", [(date(2025, 1, 1), None)])])
    assert leeg.rows == [] and "Geen gegevens" in texts(parse(leeg))


def test_small_line_chart_escapes_hostile_text():
    chart = _kleine_lijngrafiek(HOSTILE, [_Reeks(HOSTILE, [("a" + HOSTILE, 1), ("b", 2)])])
    root = assert_valid(chart)
    assert "<script" not in str(chart.svg)
    assert root.find(f"{SVG}title").text == HOSTILE.replace("\x01", "")


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
            st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**12), 10**12)),
        ),
        max_size=30,
    ),
    st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)),
)
@hsettings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_small_line_chart_any_input_gives_valid_svg(punten, streef):
    refs = [("Streefwaarde", streef)] if streef is not None else []
    assert_valid(_kleine_lijngrafiek("Reeks", [_Reeks("Handmatig", punten)], reference_lines=refs))


def test_maak_kleine_grafiek_draws_a_stored_spec():
    spec = grafiek_lijn("Verloop", {"Handmatig": _reeks(3)}, referentielijnen=[("Streefwaarde", 10)])
    chart = maak_kleine_grafiek(spec, x_labels=False, height=84)
    root = assert_valid(chart)
    assert viewbox(root) == (240, 84)
    assert chart.rows == [["06-01-2025", "−20"], ["13-01-2025", "17"], ["20-01-2025", "54"]]
