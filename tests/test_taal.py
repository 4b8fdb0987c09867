"""Plain Dutch on every screen: no English defaults of Django, django-filter, django-tables2 or
django-auditlog on any page a role can open, and no year written with a thousands separator."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from noordwijk_migratie.roles import ROLLEN

from .test_permissions import ALLE_URLS, NIET_VOOR_POST, OPENBAAR, _bouw_url

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


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [r.code for r in ROLLEN])
def test_elke_pagina_is_nederlands(client, basisgegevens, maak_gebruiker, rol):
    user = maak_gebruiker(rol)
    client.force_login(user)
    fouten = []
    for naam, pattern in ALLE_URLS:
        if naam in OPENBAAR or naam in NIET_VOOR_POST:
            continue
        url, *_ = _bouw_url(naam, pattern, user)
        response = client.get(url, follow=True)
        if "html" not in response.get("Content-Type", ""):
            continue
        fouten += [f"{naam} ({url}): {fout}" for fout in taalfouten(response.content.decode())]
    assert not fouten, "\n".join(fouten)


@pytest.mark.django_db
def test_ja_nee_filters_bieden_alle_ja_nee(client, basisgegevens, maak_gebruiker):
    """A yes/no filter (django-filter's BooleanFilter) offers Alle / Ja / Nee, not Onbekend, and filters."""
    from internationale_werknemers.tests.factories import ToetsingscriteriumFactory

    ToetsingscriteriumFactory(naam="Actief criterium", actief=True)
    ToetsingscriteriumFactory(naam="Vervallen criterium", actief=False)
    client.force_login(maak_gebruiker("raadpleger"))
    lijst = reverse("internationale_werknemers:toetsingscriterium_list")
    html = client.get(lijst).content.decode()
    keuzes = re.search(r'<select name="actief".*?</select>', html, re.S).group()
    assert zichtbare_tekst(keuzes) == ["Alle", "Ja", "Nee"]
    gefilterd = client.get(lijst, {"actief": "false"}).content.decode()
    assert "Vervallen criterium" in gefilterd and "Actief criterium" not in gefilterd
    assert "Actief criterium" in client.get(lijst, {"actief": "true"}).content.decode()


@pytest.mark.django_db
def test_keuzelijsten_beginnen_in_het_nederlands(client, basisgegevens, maak_gebruiker):
    client.force_login(maak_gebruiker("beleidsadviseur"))
    formulier = client.get(reverse("opvang:mijlpaal_add")).content.decode()
    assert '<option value="" selected>Maak een keuze</option>' in formulier
    lijst = client.get(reverse("opvang:mijlpaal_list")).content.decode()
    assert '<option value="" selected>Alle</option>' in lijst and "---------" not in lijst
