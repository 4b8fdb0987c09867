"""The PDF itself: PDF/UA-1 (tagged, Dutch, titled), clean WeasyPrint log, bundled font, TOC,
and a URL fetcher that only serves the application's own files."""

import gc
import hashlib
import io
import logging
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from noordwijk_migratie import registry
from noordwijk_migratie.charts import grafiek_lijn
from rapportage import secties, services
from rapportage.models import Rapport, Status, Toelichting
from rapportage.pdf import BASIS_URL, EigenBestandenFetcher, render_html, render_pdf

from . import pdfcontrole

pytestmark = pytest.mark.django_db


@pytest.fixture
def weasyprint_log(caplog):
    caplog.set_level(logging.DEBUG, logger="weasyprint")
    return caplog


def _maak(django_capture_on_commit_callbacks, soort=secties.HALFJAAR, peildatum=date(2025, 7, 1)):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.vraag_aan(soort, peildatum, None)
    rapport.refresh_from_db()
    return rapport


def _tekst(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    "soort,peildatum", [(secties.HALFJAAR, date(2025, 7, 1)), (secties.EVALUATIE, date(2027, 6, 1))]
)
def test_pdf_is_getagd_nederlands_en_heeft_een_titel(
    django_capture_on_commit_callbacks, weasyprint_log, soort, peildatum
):
    rapport = _maak(django_capture_on_commit_callbacks, soort, peildatum)
    assert rapport.status == Status.KLAAR and rapport.voortgang == 100
    inhoud = Path(rapport.pdf.path).read_bytes()
    assert hashlib.sha256(inhoud).hexdigest() == rapport.sha256
    reader = PdfReader(io.BytesIO(inhoud))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"].get_object()["/K"]  # a real structure tree, not an empty shell
    assert str(root["/Lang"]) == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    titel = str(secties.SOORTEN[soort].titel)
    assert reader.metadata.title.startswith(titel)
    assert "concept" in reader.metadata.title
    assert reader.metadata.author == "Gemeente Noordwijk"
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp  # PDF/UA-1 identification
    fouten = [r for r in weasyprint_log.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    assert fouten == []
    assert [r.getMessage() for r in weasyprint_log.records if r.levelno >= logging.WARNING] == []


def test_pdf_inhoud_paginanummers_inhoudsopgave_en_lettertype(django_capture_on_commit_callbacks):
    Toelichting.objects.create(
        soort=secties.HALFJAAR,
        peildatum=date(2025, 7, 1),
        sectie="samenvatting",
        tekst="De achterstand nam af door twee extra woningen per maand.",
    )
    rapport = _maak(django_capture_on_commit_callbacks)
    reader = PdfReader(rapport.pdf.path)
    tekst = _tekst(reader)
    n = len(reader.pages)
    assert f"pagina 2 van {n}" in tekst
    assert "Gemeente Noordwijk" in tekst and "1 juli 2025" in tekst and "1e halfjaar 2025" in tekst
    assert "CONCEPT" in tekst  # status on the cover
    assert "Inhoud" in tekst and "Samenvatting" in tekst
    assert "De achterstand nam af door twee extra woningen per maand." in tekst
    # running header on the inner pages: title + concept
    assert "Halfjaarrapportage taakstelling · concept" in reader.pages[1].extract_text()
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Source-Sans-3" in f for f in fonts), fonts


def test_rapport_is_reproduceerbaar_uit_de_snapshot_zonder_database(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    rapport = _maak(django_capture_on_commit_callbacks)
    assert set(rapport.snapshot) == {s.code for s in registry.secties(secties.HALFJAAR)}
    assert {"omslag", "samenvatting"} <= set(rapport.snapshot)
    assert rapport.snapshot["omslag"]["data"]["peildatum"] == "2025-07-01"
    # the data changes afterwards; the stored snapshot keeps what the report was made from
    Toelichting.objects.filter(sectie="samenvatting").update(tekst="Later gewijzigd.")
    with django_assert_num_queries(0):
        html = render_html(rapport)
    assert "Later gewijzigd." not in html
    assert 'lang="nl"' in html


def test_grafieken_worden_als_vector_svg_getekend(weasyprint_log):
    spec = grafiek_lijn("Realisatie per maand", {"Realisatie": [(date(2025, 1, 1), 3), (date(2025, 2, 1), 5)]})
    rapport = Rapport(soort=secties.HALFJAAR, peildatum=date(2025, 7, 1), versie=1)
    snapshot = {
        "grafiek": {
            "titel": "Cijfers",
            "volgorde": 20,
            "toelichting": "",
            "heeft_toelichting": False,
            "data": {"grafieken": [spec]},
        },
    }
    html = render_html(rapport, snapshot)
    (svg,) = pdfcontrole.grafieken(html)
    assert svg.startswith("<svg") and "Realisatie per maand" in html
    # the figure's alt text (tagged PDF) is the chart's summary
    assert 'alt="Lijndiagram van 1 reeks van 01-01-2025 tot 01-02-2025' in html
    inhoud = render_pdf(html)
    reader = PdfReader(io.BytesIO(inhoud))
    assert "Realisatie per maand" in _tekst(reader)
    assert not reader.pages[-1].images  # drawn as vector paths, not as a bitmap
    assert [r for r in weasyprint_log.records if r.levelno >= logging.ERROR] == []


def test_urlfetcher_haalt_niets_van_buiten_de_applicatie(weasyprint_log, settings, tmp_path):
    geheim = tmp_path / "geheim.png"
    geheim.write_bytes(b"niet voor rapporten")
    fetcher = EigenBestandenFetcher()
    html = (
        '<html lang="nl"><head><title>t</title><link rel="stylesheet" href="http://example.com/x.css"></head><body>'
        '<img src="http://example.com/x.png" alt="extern">'
        '<img src="file:///etc/passwd" alt="bestand">'
        f'<img src="file://{geheim}" alt="bestand2">'
        '<img src="/static/../../../../etc/passwd" alt="omhoog">'
        '<img src="/media/../../etc/hostname" alt="media-omhoog">'
        "</body></html>"
    )
    render_pdf(html, fetcher=fetcher)
    # every outside resource was asked for and refused; traversal is normalised to /etc/… and refused
    assert set(fetcher.geweigerd) == {
        "http://example.com/x.css",
        "http://example.com/x.png",
        "file:///etc/passwd",
        f"file://{geheim}",
        BASIS_URL + "etc/passwd",
        BASIS_URL + "etc/hostname",
    }
    assert fetcher.lokaal_pad(BASIS_URL + "static/%2e%2e/%2e%2e/etc/passwd") is None
    # the report's own charts (an SVG inside the document) are served; no other data: URL is
    for url in ("data:text/html;base64,PGgxPng8L2gxPg==", "data:image/svg+xml,<svg/>", "data:image/svg+xml;base64,!!"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:image/svg+xml;base64,PHN2Zy8+").read() == b"<svg/>"
    for url in ("http://example.com/x.png", "file:///etc/passwd", f"file://{geheim}"):
        assert fetcher.lokaal_pad(url) is None
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_urlfetcher_levert_eigen_static_en_media_bestanden(settings):
    fetcher = EigenBestandenFetcher()
    css = fetcher.fetch(BASIS_URL + "static/rapportage/pdf.css")
    assert b"@page" in css.read() and css.content_type == "text/css"
    font = fetcher.lokaal_pad(BASIS_URL + "static/rapportage/fonts/source-sans-3-latin-400-normal.woff")
    assert font is not None and font.is_file()
    Path(settings.MEDIA_ROOT, "rapporten").mkdir(parents=True)
    Path(settings.MEDIA_ROOT, "rapporten", "logo.svg").write_text("<svg/>")
    assert fetcher.fetch(BASIS_URL + "media/rapporten/logo.svg").read() == b"<svg/>"
    assert fetcher.lokaal_pad(BASIS_URL + "media/bestaat-niet.png") is None
    assert fetcher.lokaal_pad("https://elders.example/static/rapportage/pdf.css") is None


def test_opwarmen_rendert_zonder_database(django_assert_num_queries, weasyprint_log):
    """What the Celery worker does when it starts (noordwijk_migratie.celery): no query, so a worker also
    starts while the database is away, and a clean WeasyPrint log (the stylesheet and fonts load)."""
    with django_assert_num_queries(0):
        assert services.opwarmen() > 0
    assert not [r for r in weasyprint_log.records if r.levelno >= logging.WARNING]
    assert gc.get_freeze_count() > 0  # what it loaded is out of the collector's way for the reports
