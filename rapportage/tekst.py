"""The report texts (samenvatting, toelichting, conclusies, vervolgopdracht): plain text with paragraphs and
lists, as the writers type it in a text box; turned into safe HTML for the preview and the PDF.

A blank line separates paragraphs; a block whose lines start with "- " (or "* ") is a bulleted list, one
item per line (a line without the dash continues the item above). Everything is escaped: no HTML the
writer types reaches the page or WeasyPrint, only ``<p>``, ``<ul>``, ``<li>`` and ``<br>`` made here.
"""

import re

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

OPSOMMING = re.compile(r"^\s*[-*•]\s+")


def blokken(tekst: str) -> list[tuple[str, list[str]]]:
    """``[("p", [lines]) | ("ul", [items]), ...]`` of ``tekst`` (pure)."""
    uitkomst = []
    for blok in re.split(r"\n\s*\n", (tekst or "").replace("\r\n", "\n").strip()):
        regels = [r.rstrip() for r in blok.split("\n") if r.strip()]
        if not regels:
            continue
        if OPSOMMING.match(regels[0]):
            items = []
            for regel in regels:
                if OPSOMMING.match(regel) or not items:
                    items.append(OPSOMMING.sub("", regel).strip())
                else:
                    items[-1] = f"{items[-1]} {regel.strip()}"
            uitkomst.append(("ul", items))
        else:
            uitkomst.append(("p", [r.strip() for r in regels]))
    return uitkomst


def als_html(tekst: str) -> SafeString:
    """Escaped HTML: paragraphs (lines within one joined by ``<br>``) and bulleted lists."""
    delen = []
    for soort, regels in blokken(tekst):
        if soort == "ul":
            delen.append("<ul>" + format_html_join("", "<li>{}</li>", ((r,) for r in regels)) + "</ul>")
        else:
            delen.append("<p>" + "<br>".join(escape(r) for r in regels) + "</p>")
    return mark_safe("\n".join(delen))  # noqa: S308  (every piece of text above is escaped)
