"""Every generic list in real Chromium, on a phone (390 px) and a laptop (1366 px): no cell squeezed narrower
than its longest word (words neither broken over lines nor sticking out), no page wider than the screen, axe-core clean,
and sorting and filtering still work on the phone."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from noordwijk_migratie.generic import ObjectListView
from noordwijk_migratie.roles import ROLLEN
from noordwijk_migratie.testdata.paginas import alle_urls, view_model

from .browser import axe_overtredingen, inloggen
from .factories import alle_factories

FACTORIES = alle_factories()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIJSTEN = sorted(
    (naam, model)
    for naam, pattern in alle_urls()
    if (view := view_model(pattern))[0] is not None
    and issubclass(view[0], ObjectListView)
    and not pattern.pattern.regex.groupindex
    for model in [view[2]]
)

# The words of the cells (of ``selector``) that are broken over two lines. A word is what lies between
# spaces and hyphens: "2021-H2" may wrap after its hyphen, "Gekoppe|ld" may not.
GEBROKEN_WOORDEN = """(selector) => {
  const gebroken = [];
  for (const cel of document.querySelectorAll(selector)) {
    const tekst = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
    for (let node = tekst.nextNode(); node; node = tekst.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-\\u2010\\u2013]+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const regels = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (regels.size > 1) gebroken.push(m[0]);
      }
    }
  }
  return gebroken;
}"""
# Cells whose text sticks out of them: narrower than their longest word, without breaking it.
TE_SMAL = """(selector) => [...document.querySelectorAll(selector)]
  .filter((cel) => cel.scrollWidth > cel.clientWidth + 1)
  .map((cel) => cel.innerText.trim().slice(0, 40))"""
BREEDTE = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def gevulde_lijsten(basisgegevens, maak_gebruiker):
    """The synthetic data set (long texts, many columns) plus one object of every listed model, and a
    user with all four roles."""
    call_command("genereer_testdata", schaal="klein", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for _, model in LIJSTEN:
        if model in FACTORIES:
            FACTORIES[model]()
    gebruiker = maak_gebruiker("beleidsadviseur", username="alle-rollen")
    gebruiker.groups.add(*Group.objects.filter(name__in=[r.naam for r in ROLLEN]))
    return gebruiker


def test_lijsten_op_een_telefoon(page, live_server, gevulde_lijsten):
    assert {"programma:actie_list", "taakstelling:plaatsing_list", "kern:audit_list"} <= {n for n, _ in LIJSTEN}
    page.set_viewport_size({"width": 390, "height": 844})
    inloggen(page, live_server, "alle-rollen")
    fouten = {}
    for naam, _ in LIJSTEN:
        page.goto(live_server.url + reverse(naam))
        assert page.locator("main table").count(), (naam, page.locator("main").inner_text()[:300])
        probleem = []
        if gebroken := page.evaluate(GEBROKEN_WOORDEN, "main table th, main table td"):
            probleem.append(f"woorden gebroken: {sorted(set(gebroken))[:5]}")
        if te_smal := page.evaluate(TE_SMAL, "main table th, main table td"):
            probleem.append(f"tekst steekt uit de cel: {sorted(set(te_smal))[:5]}")
        if (te_breed := page.evaluate(BREEDTE)) > 0:
            probleem.append(f"{te_breed} px breder dan het scherm")
        probleem += axe_overtredingen(page)
        if probleem:
            fouten[naam] = probleem
    assert fouten == {}

    # sorting by a header and filtering still work on the small screen
    page.goto(live_server.url + reverse("programma:actie_list"))
    page.locator("main thead").get_by_role("link", name="Status").click()
    page.wait_for_url("**sort=status**")
    page.get_by_label("Zoeken in tekst").fill("Trampoline")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    assert page.evaluate(BREEDTE) <= 0


def test_lijsten_op_een_laptop(page, live_server, gevulde_lijsten):
    page.set_viewport_size({"width": 1366, "height": 768})
    inloggen(page, live_server, "alle-rollen")
    fouten = {}
    for naam, _ in LIJSTEN:
        page.goto(live_server.url + reverse(naam))
        gebroken = page.evaluate(GEBROKEN_WOORDEN, "main table th, main table td.nw-kort, main .nw-status")
        if gebroken:
            fouten[naam] = sorted(set(gebroken))[:5]
        if (te_breed := page.evaluate(BREEDTE)) > 0:
            fouten[naam] = f"{te_breed} px breder dan het scherm"
    assert fouten == {}
