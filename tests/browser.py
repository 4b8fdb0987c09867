"""Helpers for the Playwright tests: log in through the real form, and run axe-core."""

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def inloggen(page, live_server, username, password="geheim-wachtwoord-123"):  # noqa: S107
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def axe_overtredingen(page) -> list[str]:
    """WCAG 2.1 A/AA violations on the current page, as readable lines (empty list = none)."""
    resultaat = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in resultaat.response["violations"]
    ]
