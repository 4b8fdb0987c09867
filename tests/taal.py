"""Plain Dutch: what counts as an English library default or a year written with a thousands separator
in the text a user sees or hears (tests/test_permissions.py checks it on every page for every role)."""

import re
from html import unescape
from html.parser import HTMLParser

# Defaults of the libraries that reach a page when nobody translated or replaced them.
ENGELS = re.compile(
    r"\b(?:Select an option|None|True|False|create|update|delete|access|operation"
    r"|Previous|Next|No results|Filter|Submit|Created|Updated|Deleted)\b"
)
# A year (2010–2049) written as a number with a thousands separator: "2.026".
JAAR_MET_PUNT = re.compile(r"(?<![\d.,])2\.0[1-4]\d(?![\d.,])")
ZICHTBARE_ATTRIBUTEN = {"aria-label", "title", "placeholder", "alt", "aria-description"}


class _Tekst(HTMLParser):
    """The text a user sees or hears: text nodes (not in script/style) and the attributes read aloud."""

    def __init__(self):
        super().__init__()
        self.delen, self._verborgen = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._verborgen += 1
        for naam, waarde in attrs:
            if waarde and (
                naam in ZICHTBARE_ATTRIBUTEN or (tag == "input" and naam == "value" and ("type", "submit") in attrs)
            ):
                self.delen.append(waarde)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._verborgen -= 1

    def handle_data(self, data):
        if not self._verborgen and data.strip():
            self.delen.append(data.strip())


def zichtbare_tekst(html: str) -> list[str]:
    parser = _Tekst()
    parser.feed(html)
    return parser.delen


def dubbele_kruimels(html: str) -> list[str]:
    """Breadcrumb labels that occur twice ("Themasessies › Themasessies")."""
    pad = re.search(r'<nav[^>]*aria-label="Kruimelpad".*?</ol>', html, re.S)
    labels = [unescape(label).strip() for label in re.findall(r"<a[^>]*>(.*?)</a>", pad.group(), re.S)] if pad else []
    return [f"kruimelpad {' › '.join(labels)}" for label in set(labels) if labels.count(label) > 1]


def taalfouten(html: str) -> list[str]:
    fouten = dubbele_kruimels(html)
    for deel in zichtbare_tekst(html):
        fouten += [f"Engels {m.group()!r} in {deel[:80]!r}" for m in ENGELS.finditer(deel)]
        fouten += [f"jaar met punt {m.group()!r} in {deel[:80]!r}" for m in JAAR_MET_PUNT.finditer(deel)]
    return fouten
