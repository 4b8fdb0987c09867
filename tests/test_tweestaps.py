"""Local accounts (issue 17): username and password only where LOKAAL_INLOGGEN_ACTIEF, then a second factor
for every account that can change anything (TOTP codes computed here with pyotp, recovery codes); a wrong
and a reused code are refused, and nothing but that step is reachable until it is done."""

import re
import secrets
import time
from urllib.parse import urlparse

import pyotp
import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from noordwijk_migratie.roles import ROLLEN, tweede_factor_vereist

from . import browser as bl

WACHTWOORD = "geheim-wachtwoord-123"  # maak_gebruiker's


@pytest.fixture
def verplicht(settings):
    """As in production with local login switched on."""
    settings.TWEEDE_FACTOR_VERPLICHT = True
    settings.LOKAAL_INLOGGEN_ACTIEF = True


def nieuwe_client() -> Client:
    """A browser from an address no other test used: the per-address login limits count in Redis."""
    return Client(
        REMOTE_ADDR=f"10.{secrets.randbelow(250) + 1}.{secrets.randbelow(250) + 1}.{secrets.randbelow(250) + 1}"
    )


def inloggen(username, client=None):
    client = client or nieuwe_client()
    response = client.post(reverse("login"), {"username": username, "password": WACHTWOORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def sleutel_van(response) -> str:
    return re.search(r'id="sleutel">([A-Z2-7]+)<', response.content.decode()).group(1)


def herstelcodes_van(response) -> list[str]:
    return re.findall(r'<code class="utrecht-code">([a-z2-7]{8})</code>', response.content.decode())


def stel_in(client) -> tuple[pyotp.TOTP, list[str], str]:
    """Enrol an app with the key shown on the page; returns it, the recovery codes and the code used."""
    totp = pyotp.TOTP(sleutel_van(client.get(reverse("tweestaps_instellen"))))
    code = totp.now()
    response = client.post(reverse("tweestaps_instellen"), {"code": code, "next": "/"})
    codes = herstelcodes_van(response)
    assert len(codes) == 10, response.content.decode()
    return totp, codes, code


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [r.code for r in ROLLEN])
def test_elke_rol_die_kan_schrijven_heeft_een_tweede_factor_nodig(maak_gebruiker, rol):
    assert tweede_factor_vereist(maak_gebruiker(rol)) is (rol != "raadpleger")


@pytest.mark.django_db
def test_beheerder_en_supergebruiker_altijd(maak_gebruiker, django_user_model):
    assert tweede_factor_vereist(maak_gebruiker("functioneel_beheerder"))
    assert tweede_factor_vereist(django_user_model.objects.create_superuser("admin", password=WACHTWOORD))


@pytest.mark.django_db
def test_instellen_met_totp_is_verplicht_voor_een_schrijvende_rol(maak_gebruiker, verplicht):
    maak_gebruiker("beleidsadviseur", "ba")
    client = inloggen("ba")
    for pad in ("/", "/statushouders/plaatsingen/", "/beheer/admin/", reverse("tweestaps_verifieren")):
        response = client.get(pad)
        assert response.status_code == 302 and response["Location"].startswith(reverse("tweestaps_instellen")), pad

    totp = pyotp.TOTP(sleutel_van(client.get(reverse("tweestaps_instellen"))))
    fout = client.post(reverse("tweestaps_instellen"), {"code": f"{(int(totp.now()) + 1) % 10**6:06d}"})
    assert "Deze code klopt niet" in fout.content.decode()
    assert client.get("/").status_code == 302  # still only the enrolment
    time.sleep(1.1)  # django-otp: one second after a wrong code

    response = client.post(reverse("tweestaps_instellen"), {"code": totp.now(), "next": "/"})
    assert len(herstelcodes_van(response)) == 10
    assert client.get("/").status_code == 200
    assert "Tweestapsverificatie staat aan" in client.get(reverse("tweestaps_instellen")).content.decode()


@pytest.mark.django_db
def test_code_bij_elke_inlog_fout_en_hergebruik_geweigerd_herstelcode_eenmalig(maak_gebruiker, verplicht):
    maak_gebruiker("opgavemanager", "om")
    totp, herstelcodes, gebruikte_code = stel_in(inloggen("om"))

    client = inloggen("om")
    response = client.get("/rapportages/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("tweestaps_verifieren"))
    assert client.get(reverse("tweestaps_instellen")).status_code == 302  # no second app with the password alone

    verifieren = reverse("tweestaps_verifieren")
    fout = client.post(verifieren, {"code": "000000" if gebruikte_code != "000000" else "111111"})
    assert "Deze code klopt niet of is al gebruikt" in fout.content.decode()
    te_snel = client.post(verifieren, {"code": totp.now()})
    assert "Wacht een paar seconden" in te_snel.content.decode()  # throttled: no guessing at full speed
    time.sleep(1.1)
    hergebruikt = client.post(verifieren, {"code": gebruikte_code})  # the code of the enrolment, again
    assert "al gebruikt" in hergebruikt.content.decode()
    assert client.get("/").status_code == 302
    time.sleep(2.1)

    volgende_code = totp.at(time.time() + 30)  # the next time step: not used yet (tolerance one step)
    response = client.post(verifieren, {"code": volgende_code, "next": "/rapportages/"})
    assert response.status_code == 302 and response["Location"] == "/rapportages/"
    assert client.get("/rapportages/").status_code == 200

    # the phone left at home: a recovery code, once
    client = inloggen("om")
    response = client.post(verifieren, {"code": herstelcodes[0].upper()}, follow=True)
    assert "nog 9 over" in response.content.decode()
    assert client.get("/").status_code == 200
    client = inloggen("om")
    assert "al gebruikt" in client.post(verifieren, {"code": herstelcodes[0]}).content.decode()


@pytest.mark.django_db
def test_nieuwe_herstelcodes_vervangen_de_oude(maak_gebruiker, verplicht):
    maak_gebruiker("functioneel_beheerder", "fb")
    client = inloggen("fb")
    _totp, oude, _code = stel_in(client)
    nieuwe = herstelcodes_van(client.post(reverse("tweestaps_instellen"), {"herstelcodes": "1"}))
    assert len(nieuwe) == 10 and not set(nieuwe) & set(oude)
    client = inloggen("fb")
    assert "al gebruikt" in client.post(reverse("tweestaps_verifieren"), {"code": oude[1]}).content.decode()
    time.sleep(1.1)
    assert client.post(reverse("tweestaps_verifieren"), {"code": nieuwe[1]}).status_code == 302


@pytest.mark.django_db
def test_raadpleger_wordt_het_aangeboden_niet_opgelegd(maak_gebruiker, verplicht):
    maak_gebruiker("raadpleger", "lezer")
    client = inloggen("lezer")
    response = client.get("/", follow=True)
    assert response.status_code == 200 and "Beveilig uw account met tweestapsverificatie" in response.content.decode()
    # who set it up is asked for it, whatever the role
    stel_in(client)
    client = inloggen("lezer")
    assert client.get("/")["Location"].startswith(reverse("tweestaps_verifieren"))


@pytest.mark.django_db
def test_in_de_ontwikkelomgeving_blokkeert_het_de_demo_niet(maak_gebruiker, settings):
    settings.TWEEDE_FACTOR_VERPLICHT = False  # settings/dev.py
    maak_gebruiker("functioneel_beheerder", "demo-functioneel-beheerder")
    client = inloggen("demo-functioneel-beheerder")
    response = client.get("/", follow=True)
    assert response.status_code == 200 and "Beveilig uw account met tweestapsverificatie" in response.content.decode()


@pytest.mark.django_db
def test_lokaal_inloggen_uit_weigert_het_wachtwoord(maak_gebruiker, settings):
    settings.LOKAAL_INLOGGEN_ACTIEF = False  # production's default
    maak_gebruiker("opgavemanager", "om")
    client = nieuwe_client()
    pagina = client.get(reverse("login")).content.decode()
    assert 'name="password"' not in pagina and "niet ingesteld" in pagina  # and no provider configured either
    response = client.post(reverse("login"), {"username": "om", "password": WACHTWOORD})
    assert response.status_code == 403 and "_auth_user_id" not in client.session
    beheer = client.post("/beheer/admin/login/?next=/beheer/admin/", {"username": "om", "password": WACHTWOORD})
    assert beheer.status_code == 302 and beheer["Location"] == reverse("login") + "?next=/beheer/admin/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_axes_blijft_het_wachtwoord_bewaken(maak_gebruiker, verplicht):
    maak_gebruiker("opgavemanager", "om")
    client = nieuwe_client()
    for _ in range(5):
        client.post(reverse("login"), {"username": "om", "password": "fout"})
    geblokkeerd = client.post(reverse("login"), {"username": "om", "password": WACHTWOORD})
    assert geblokkeerd.status_code == 429 and "tijdelijk geblokkeerd" in geblokkeerd.content.decode()
    assert AccessAttempt.objects.filter(username="om").exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_instellen_en_verifieren_in_de_browser_toegankelijk(page, live_server, maak_gebruiker, verplicht):
    maak_gebruiker("functioneel_beheerder", "beheerder")
    bl.inloggen(page, live_server, "beheerder")
    assert urlparse(page.url).path == reverse("tweestaps_instellen")
    expect(page.get_by_role("img", name="QR-code om de authenticator-app in te stellen")).to_be_visible()
    assert bl.axe_overtredingen(page) == []
    totp = pyotp.TOTP(page.locator("#sleutel").inner_text())
    page.get_by_label("Code").fill(totp.now())
    page.get_by_role("button", name="Instellen").click()
    expect(page.locator("#herstelcodes li")).to_have_count(10)
    assert bl.axe_overtredingen(page) == []
    page.get_by_role("link", name="Verder").click()
    page.get_by_role("button", name="Uitloggen").click()

    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: urlparse(url).path == reverse("tweestaps_verifieren"))
    assert bl.axe_overtredingen(page) == []
    page.get_by_label("Code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard opgave asiel en migratie")
