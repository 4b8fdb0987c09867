"""Reading a generated report PDF as a reader (and a screen reader) gets it: text per page, how full
each page is, and the table rows of the tag tree with the pages they land on."""

import base64
import re
import subprocess
import tempfile
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# A4 with the margins of rapportage/static/rapportage/pdf.css (25 mm top, 22 mm bottom): the running
# header and the page number lie outside this band.
INHOUD_BOVEN, INHOUD_ONDER = 25 / 297, 1 - 22 / 297


def grafieken(html: str) -> list[str]:
    """The SVG of every chart in a report's HTML (drawn as an image with the SVG as a data URL)."""
    return [base64.b64decode(d).decode() for d in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]


def paginas(pad) -> list[str]:
    """The text of every page (pdftotext, reading order), whitespace collapsed."""
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in tekst.split("\f")][: len(PdfReader(pad).pages)]


def vulling(pad) -> list[float]:
    """Per page the share of the text area that holds content: from its top to the lowest inked row."""
    uit = []
    with tempfile.TemporaryDirectory() as map_:
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pad), f"{map_}/p"], check=True)
        for bestand in sorted(Path(map_).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            beeld = Image.open(bestand)
            breedte, hoogte = beeld.size
            boven, onder = int(hoogte * INHOUD_BOVEN), int(hoogte * INHOUD_ONDER)
            band = beeld.crop((0, boven, breedte, onder)).point(lambda v: 255 if v < 200 else 0)
            vak = band.getbbox()  # bounding box of the inked pixels
            uit.append(0.0 if vak is None else vak[3] / (onder - boven))
    return uit


def _object(o):
    return o.get_object() if isinstance(o, IndirectObject) else o


def _kinderen(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    k = _object(k)
    return list(k) if isinstance(k, ArrayObject) else [k]


def gesplitste_rijen(pad) -> list[set[int]]:
    """The table rows (TR in the structure tree) whose content lies on more than one page."""
    reader = PdfReader(pad)
    pagina = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}

    def paginas_van(element, pg) -> set[int]:
        if "/Pg" in element:
            pg = element.raw_get("/Pg").idnum
        uit = set()
        for kind in map(_object, _kinderen(element)):
            if isinstance(kind, int):  # a marked-content id on the element's page
                uit.add(pagina[pg])
            elif isinstance(kind, DictionaryObject) and kind.get("/Type") == "/MCR":
                uit.add(pagina[kind.raw_get("/Pg").idnum if "/Pg" in kind else pg])
            elif isinstance(kind, DictionaryObject) and "/S" in kind:
                uit |= paginas_van(kind, pg)
        return uit

    gesplitst = []

    def loop(element):
        if element.get("/S") == "/TR":
            if len(p := paginas_van(element, None)) > 1:
                gesplitst.append(p)
            return
        for kind in map(_object, _kinderen(element)):
            if isinstance(kind, DictionaryObject) and "/S" in kind:
                loop(kind)

    for kind in map(_object, _kinderen(_object(reader.trailer["/Root"]["/StructTreeRoot"]))):
        if isinstance(kind, DictionaryObject):
            loop(kind)
    return gesplitst


def bijna_lege_paginas(pad, hoofdstukken: list[str], drempel: float = 1 / 3) -> list[int]:
    """Pages (numbered from 1) less than ``drempel`` full where no chapter ends: the next page does
    not begin with one of ``hoofdstukken`` (the report's section titles). The cover and the last page
    end a chapter by definition."""
    teksten, vol = paginas(pad), vulling(pad)
    kop = teksten[1].split(" · ")[0] if len(teksten) > 1 else ""
    uit = []
    for nummer in range(2, len(teksten)):  # page 1 is the cover, the last page ends the report
        if vol[nummer - 1] >= drempel:
            continue
        volgende = teksten[nummer]
        begin = volgende.split(" · ", 1)[1] if kop and volgende.startswith(kop) else volgende
        begin = begin.removeprefix("concept ").removeprefix("definitief ")
        if not any(begin.startswith(h[:30]) for h in hoofdstukken):
            uit.append(nummer)
    return uit
