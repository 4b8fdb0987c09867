"""In real Chromium: the header count leads to Mijn werk, "Gezien" takes the reminder off the count, and
Mijn werk and the preferences pass axe-core (WCAG 2.1 AA)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from programma.models import ActieStatus
from programma.tests.factories import ActieFactory
from tests.browser import axe_overtredingen, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mijn_werk_in_de_browser(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("beleidsadviseur", username="adviseur")
    ActieFactory(
        tekst="Woningen zoeken", gepland_eind=timezone.localdate() - timedelta(days=5), status=ActieStatus.LOOPT
    )
    inloggen(page, live_server, "adviseur")
    page.get_by_role("link", name="Mijn werk").click()  # the count is stale until a run: Mijn werk refreshes it
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    rij = page.get_by_role("row").filter(has_text="Woningen zoeken")
    expect(rij.get_by_role("link")).to_be_visible()
    aantal = page.locator(".nw-header .utrecht-badge-counter")
    # the header's count is the page's: open reminders counted per kind on top, the first ones of each kind below
    expect(page.locator("#open-kop")).to_contain_text(f"{aantal.inner_text()} open herinnering")
    assert axe_overtredingen(page) == []
    voor = int(aantal.inner_text())
    rij.get_by_role("button", name="Gezien").click()
    expect(page.get_by_role("heading", name="Gezien, nog niet gedaan")).to_be_visible()
    if voor == 1:
        expect(aantal).to_have_count(0)
    else:
        expect(aantal).to_have_text(str(voor - 1))
    # one kind's page: its open and seen reminders as the project's paged tables
    page.get_by_role("link", name="Actie over de geplande einddatum", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk: Actie over de geplande einddatum")
    expect(page.get_by_role("row").filter(has_text="Woningen zoeken").get_by_role("button")).to_be_visible()
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Voorkeuren voor herinneringen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorkeuren voor herinneringen")
    assert axe_overtredingen(page) == []
    page.get_by_label("Eén overzicht per week (maandag)").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw voorkeuren zijn opgeslagen.")).to_be_visible()
    expect(page.get_by_text("E-mail: Eén overzicht per week (maandag)")).to_be_visible()
