"""Login through the gemeente's identity provider (OpenID Connect, issue 17), in Chromium against a real
provider process (node-oidc-provider, tests/inlogdienst.py): its login page, PKCE, the user by ``sub``, roles
from the groups claim at every login, "geen toegang" without a mapped group, tampered state and nonce
refused, logout at the provider too, and the idle timeout."""

import time
from urllib.parse import parse_qs, urlencode, urlparse, urlunparse

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.csp import CSP
from playwright.sync_api import expect

from noordwijk_migratie.models import Rolkoppeling

from .browser import axe_overtredingen
from .inlogdienst import CLIENT_ID, inlogdienst, inloggen_bij_provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

User = get_user_model()
BELEID, BEHEER = "grp-migratie-beleid", "grp-migratie-beheer"


@pytest.fixture(scope="session")
def provider(live_server, tmp_path_factory):
    with inlogdienst(tmp_path_factory.mktemp("oidc"), live_server.url) as dienst:
        yield dienst


@pytest.fixture
def gemeente(settings, provider, rollen):
    """The application as in production: OpenID Connect configured, local login off; the functioneel
    beheerder mapped two directory groups to roles."""
    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.LOKAAL_INLOGGEN_ACTIEF = False
    # as base.py derives it from OIDC_ISSUER: the logout form may be redirected to the provider's logout
    settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [CSP.SELF, provider.issuer]}
    Rolkoppeling.objects.create(groep=BELEID, rol="beleidsadviseur")
    Rolkoppeling.objects.create(groep=BEHEER, rol="functioneel_beheerder")
    return provider


def inloggen(page, live_server, sub, pad="/"):
    """From a page of the application through our login page and the provider's, back to that page."""
    page.goto(live_server.url + pad)
    page.get_by_role("link", name="Inloggen met uw gemeenteaccount").click()
    inloggen_bij_provider(page, sub)
    page.wait_for_url(lambda url: url.startswith(live_server.url) and "/inloggen/gemeente/" not in url)


def rollen_van(sub):
    return sorted(User.objects.get(oidc_identiteit__sub=sub).groups.values_list("name", flat=True))


def uitloggen(page, live_server):
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("button", name="Yes, sign me out").click()  # the provider's logout page
    page.wait_for_url(live_server.url + reverse("login"))


def test_inloggen_via_de_gemeente_met_pkce_en_rol_uit_de_groep(page, live_server, gemeente, maak_gebruiker):
    # a local account with the same e-mail address is someone else: users are their sub
    collega = maak_gebruiker("opgavemanager", "a.devries")
    collega.email = "a.devries@noordwijk.nl"
    collega.save()
    gemeente.zet_account(
        "8f14e45f-ceea-467a-9af0-fd0b3c8e3b5a",
        given_name="Anna",
        family_name="de Vries",
        email="a.devries@noordwijk.nl",
        groups=[BELEID, "grp-iedereen"],
    )
    aanvragen = []
    page.on("request", lambda r: aanvragen.append(r.url) if r.url.startswith(gemeente.issuer + "/auth") else None)

    page.goto(live_server.url + reverse("login"))
    assert axe_overtredingen(page) == []
    assert page.get_by_label("Gebruikersnaam").count() == 0  # local login is off
    inloggen(page, live_server, "8f14e45f-ceea-467a-9af0-fd0b3c8e3b5a", pad="/statushouders/")

    assert urlparse(page.url).path == "/statushouders/"  # back where the user wanted to go
    expect(page.locator(".nw-header__user")).to_contain_text("Anna de Vries · Beleidsadviseur")
    aanvraag = parse_qs(urlparse(aanvragen[0]).query)
    assert aanvraag["response_type"] == ["code"] and aanvraag["code_challenge_method"] == ["S256"]
    assert len(aanvraag["code_challenge"][0]) == 43 and aanvraag["state"] and aanvraag["nonce"]
    gebruiker = User.objects.get(oidc_identiteit__sub="8f14e45f-ceea-467a-9af0-fd0b3c8e3b5a")
    assert gebruiker != collega and not gebruiker.has_usable_password()
    assert (gebruiker.first_name, gebruiker.last_name, gebruiker.email) == (
        "Anna",
        "de Vries",
        "a.devries@noordwijk.nl",
    )
    assert rollen_van("8f14e45f-ceea-467a-9af0-fd0b3c8e3b5a") == ["Beleidsadviseur"]
    assert list(collega.groups.values_list("name", flat=True)) == ["Opgavemanager"]


def test_rollen_volgen_de_groepen_bij_elke_inlog_en_uitloggen_ook_bij_de_provider(page, live_server, gemeente):
    gemeente.zet_account("medewerker-2", given_name="Bram", email="bram@noordwijk.nl", groups=[BEHEER])
    inloggen(page, live_server, "medewerker-2")
    assert rollen_van("medewerker-2") == ["Functioneel beheerder"]
    assert User.objects.get(oidc_identiteit__sub="medewerker-2").is_staff  # the admin is the FB's tool

    uitloggen(page, live_server)
    page.goto(live_server.url + "/")
    assert urlparse(page.url).path == reverse("login")  # the local session has ended
    page.get_by_role("link", name="Inloggen met uw gemeenteaccount").click()
    expect(page.locator("input[name=login]")).to_be_visible()  # and so has the provider's

    gemeente.zet_account("medewerker-2", given_name="Bram", email="bram@noordwijk.nl", groups=[BELEID])
    inloggen_bij_provider(page, "medewerker-2")
    page.wait_for_url(live_server.url + "/")
    assert rollen_van("medewerker-2") == ["Beleidsadviseur"]  # moved to another team: the old role is gone
    assert not User.objects.get(oidc_identiteit__sub="medewerker-2").is_staff
    uitloggen(page, live_server)

    gemeente.zet_account("medewerker-2", given_name="Bram", email="bram@noordwijk.nl", groups=["grp-iedereen"])
    page.get_by_role("link", name="Inloggen met uw gemeenteaccount").click()
    inloggen_bij_provider(page, "medewerker-2")
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    assert rollen_van("medewerker-2") == []
    page.goto(live_server.url + "/")
    assert urlparse(page.url).path == reverse("login")  # not logged in


def test_zonder_gekoppelde_groep_geen_toegang_en_geen_account(page, live_server, gemeente):
    gemeente.zet_account("buitenstaander", given_name="Cor", groups=["grp-burgerzaken"])
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Inloggen met uw gemeenteaccount").click()
    with page.expect_response(lambda r: "/inloggen/gemeente/terug/" in r.url) as antwoord:
        inloggen_bij_provider(page, "buitenstaander")
    assert antwoord.value.status == 403
    expect(page.locator("main")).to_contain_text("heeft geen rol in dit informatiesysteem")
    assert axe_overtredingen(page) == []
    assert not User.objects.filter(oidc_identiteit__sub="buitenstaander").exists()


def _vervalst(route, parameter):
    """Our redirect to the provider, with one parameter of the authorization request changed."""
    antwoord = route.fetch(max_redirects=0)
    naar = urlparse(antwoord.headers["location"])
    query = {k: v[0] for k, v in parse_qs(naar.query).items()} | {parameter: "vervalst"}
    route.fulfill(
        response=antwoord, headers={**antwoord.headers, "location": urlunparse(naar._replace(query=urlencode(query)))}
    )


@pytest.mark.parametrize(
    ("parameter", "reden"),
    [
        ("state", "state not found in session"),  # the provider sends back a state our session never issued
        ("nonce", "Nonce verification failed"),  # the ID token carries another nonce than our session expects
    ],
)
def test_gemanipuleerde_state_of_nonce_wordt_geweigerd(page, live_server, gemeente, caplog, parameter, reden):
    gemeente.zet_account("medewerker-3", given_name="Dina", groups=[BELEID])
    page.route("**/inloggen/gemeente/?**", lambda route: _vervalst(route, parameter))
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Inloggen met uw gemeenteaccount").click()
    with page.expect_response(lambda r: "/inloggen/gemeente/terug/" in r.url) as antwoord:
        inloggen_bij_provider(page, "medewerker-3")
    assert antwoord.value.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen niet gelukt")
    assert reden in caplog.text
    page.goto(live_server.url + "/")
    assert urlparse(page.url).path == reverse("login")
    assert not User.objects.filter(oidc_identiteit__sub="medewerker-3").exists()


def test_sessie_verloopt_na_inactiviteit(page, live_server, gemeente, settings):
    settings.SESSION_COOKIE_AGE = 3
    gemeente.zet_account("medewerker-4", given_name="Eva", groups=[BELEID])
    inloggen(page, live_server, "medewerker-4")
    for _ in range(3):  # active: every request moves the end on
        time.sleep(1.5)
        page.goto(live_server.url + "/opvang/")
        assert urlparse(page.url).path == "/opvang/"
    time.sleep(3.5)
    page.goto(live_server.url + "/opvang/")
    assert urlparse(page.url).path == reverse("login")
