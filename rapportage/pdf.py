"""HTML -> PDF with WeasyPrint: PDF/UA-1 (tagged, Dutch), bundled fonts, and a URL fetcher that only
serves the application's own static and media files and the report's own charts (never the network
or the rest of the disk)."""

import base64
import binascii
import logging
import mimetypes
import ssl
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from . import secties

logger = logging.getLogger(__name__)

# The base URL of the documents; only paths below it are resolved (by EigenBestandenFetcher).
BASIS_URL = "https://rapport.invalid/"
# The charts of a report are images with their SVG in the document itself (``rapport_pdf.als_beeld``):
# as <img> WeasyPrint parses each SVG once as an image, without styling every SVG node as HTML.
SVG_DATA_URL = "data:image/svg+xml;base64,"


class GeweigerdeURL(ValueError):
    """A report tried to load something that is not one of the application's own files."""


class EigenBestandenFetcher(URLFetcher):
    """Resolves ``/static/…`` through the staticfiles finders (or STATIC_ROOT), ``/media/…`` below
    MEDIA_ROOT and the report's inline SVG charts (``data:image/svg+xml;base64,…``: nothing is fetched;
    whatever such an SVG itself refers to comes through this fetcher again); everything else (http(s)
    elsewhere, file://, other data: URLs, path traversal) is refused."""

    def __init__(self):
        # Nothing is fetched over the network (``fetch`` below never calls WeasyPrint's), so the HTTPS
        # handler gets a bare TLS context: loading the system's CA certificates for the default one
        # cost 25-70 ms per report, and without them a request that did get through could not verify.
        super().__init__(
            allowed_protocols=("https",), allow_redirects=False, ssl_context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        )
        self.geweigerd: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith(SVG_DATA_URL):
            try:
                svg = base64.b64decode(url.removeprefix(SVG_DATA_URL), validate=True)
            except (binascii.Error, ValueError):
                svg = None
            if svg is not None:
                return URLFetcherResponse(url, svg, {"Content-Type": "image/svg+xml"})
        pad = self.lokaal_pad(url)
        if pad is None:
            self.geweigerd.append(url)
            raise GeweigerdeURL(f"Niet toegestaan in een rapport: {url}")
        mime, _ = mimetypes.guess_type(pad.name)
        return URLFetcherResponse(url, pad.read_bytes(), {"Content-Type": mime or "application/octet-stream"})

    def lokaal_pad(self, url: str) -> Path | None:
        deel = urlsplit(url)
        basis = urlsplit(BASIS_URL)
        if (deel.scheme, deel.netloc) != (basis.scheme, basis.netloc):
            return None
        pad = unquote(deel.path)
        if ".." in pad.split("/"):
            return None
        if pad.startswith(settings.STATIC_URL):
            relatief = pad.removeprefix(settings.STATIC_URL)
            gevonden = finders.find(relatief)
            if not gevonden and settings.STATIC_ROOT:
                gevonden = Path(settings.STATIC_ROOT) / relatief
            return self._binnen(gevonden, None)
        if pad.startswith(settings.MEDIA_URL):
            root = Path(settings.MEDIA_ROOT).resolve()
            return self._binnen(root / pad.removeprefix(settings.MEDIA_URL), root)
        return None

    @staticmethod
    def _binnen(pad, root: Path | None) -> Path | None:
        if not pad:
            return None
        pad = Path(pad).resolve()
        if root is not None and not pad.is_relative_to(root):
            return None
        return pad if pad.is_file() else None


def render_html(rapport, snapshot: dict | None = None, *, definitief: bool | None = None) -> str:
    """The report's HTML, from its snapshot only (no database queries for content)."""
    snapshot = rapport.snapshot if snapshot is None else snapshot
    definitief = rapport.definitief if definitief is None else definitief
    onderdelen = secties.uit_snapshot(snapshot)
    omslag = next((s.data for s in onderdelen if s.code == "omslag"), {})
    soort = secties.SOORTEN.get(rapport.soort)
    return render_to_string(
        "pdf/rapport.html",
        {
            "rapport": rapport,
            "titel": omslag.get("titel") or (soort.titel if soort else rapport.soort),
            "gemeente": omslag.get("gemeente", settings.GEMEENTE_NAAM),
            "omslag": omslag,
            "secties": onderdelen,
            "inhoud": [s for s in onderdelen if s.in_inhoudsopgave],
            "definitief": definitief,
        },
    )


def render_pdf(html: str, *, fetcher: URLFetcher | None = None) -> bytes:
    """PDF/UA-1 bytes of ``html``: tagged (structure tree), /Lang from ``<html lang>``, title and author
    metadata from ``<title>`` and ``<meta name="author">``."""
    document = HTML(string=html, base_url=BASIS_URL, url_fetcher=fetcher or EigenBestandenFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def opwarmen() -> float:
    """Pay this process's one-time costs of rendering a report now, not in the first report: import
    WeasyPrint (and its cffi bindings, whose C types are parsed on first use), compile the PDF templates
    and render a one-page document with the report's stylesheet, fonts, a table and the three kinds of
    chart. The Celery worker calls this when it starts (``noordwijk_migratie.celery``); it needs no
    database. Returns the seconds it took."""
    from noordwijk_migratie.charts import grafiek_lijn, grafiek_staaf, maak_grafiek, maak_kleine_grafiek

    start = time.perf_counter()
    lijn = grafiek_lijn("Opwarmen", {"a": [("2025-01-01", 1), ("2025-07-01", 3)], "b": [("2025-01-01", 2)]})
    staaf = grafiek_staaf("Opwarmen", ["a", "b"], {"a": [("a", 1), ("b", -2)], "b": [("a", 2)]})
    html = render_to_string(
        "pdf/opwarmen.html",
        {
            "grafieken": [maak_grafiek(lijn), maak_grafiek(staaf)],
            "klein": maak_kleine_grafiek(lijn, x_labels=False, height=84),
        },
    )
    render_pdf(html)
    return time.perf_counter() - start
