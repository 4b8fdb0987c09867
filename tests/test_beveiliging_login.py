"""Login abuse (issue #12, point 7): the client address comes from trusted proxies only; django-axes
locks (username, address) for a short cool-off that grows; one address gets a limited number of
attempts and failures whatever the usernames, refused with a 429 before any password is hashed —
through the test client and through a real gunicorn behind a (simulated) proxy."""

import secrets
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.test import Client, RequestFactory
from django.urls import reverse

from noordwijk_migratie.inloggen import client_ip

from .server import server, verzoek

WACHTWOORD = "geheim-wachtwoord-123"  # maak_gebruiker's  # noqa: S105
PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR


def nieuw_adres() -> str:
    """An address no other test used: the counters live in Redis, which outlives each test's rollback."""
    return f"10.{secrets.randbelow(250) + 1}.{secrets.randbelow(250) + 1}.{secrets.randbelow(250) + 1}"


def inloggen(username, password, adres, pad="login"):
    """A fresh browser posting the login form through our proxy, which says it came from ``adres``."""
    return Client().post(
        reverse(pad), {"username": username, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=adres
    )


@pytest.fixture
def achter_proxy(settings):
    settings.VERTROUWDE_PROXIES = (f"{PROXY}/32",)


@pytest.fixture
def authenticaties():
    """Every authenticate() the login views run (each one hashes a password): the failed ones."""
    gezien = []

    def noteer(sender, **kwargs):
        gezien.append(kwargs.get("credentials", {}).get("username") or kwargs["user"].get_username())

    user_login_failed.connect(noteer)
    user_logged_in.connect(noteer)
    yield gezien
    user_login_failed.disconnect(noteer)
    user_logged_in.disconnect(noteer)


def test_clientadres_komt_alleen_via_vertrouwde_proxies(settings):
    def ip(remote_addr, forwarded=None):
        meta = {"REMOTE_ADDR": remote_addr} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
        return client_ip(RequestFactory().get("/", **meta))

    settings.VERTROUWDE_PROXIES = ()
    assert ip("198.51.100.1", "203.0.113.7") == "198.51.100.1"  # no proxy configured: the header is a lie

    settings.VERTROUWDE_PROXIES = ("10.0.0.0/8",)
    assert ip("10.0.0.5", "1.2.3.4, 203.0.113.7") == "203.0.113.7"  # what the client wrote itself is ignored
    assert ip("10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.0.9") == "203.0.113.7"  # through two of our proxies
    assert ip("198.51.100.1", "203.0.113.7") == "198.51.100.1"  # not from our proxy: header ignored
    assert ip("10.0.0.5", "onzin") == "10.0.0.5"
    assert ip("10.0.0.5") == "10.0.0.5"


@pytest.mark.django_db
def test_blokkade_door_aanvaller_sluit_de_echte_gebruiker_niet_buiten(maak_gebruiker, achter_proxy):
    maak_gebruiker("opgavemanager", "om")
    aanvaller, collega = nieuw_adres(), nieuw_adres()
    for _ in range(5):
        inloggen("om", "fout", aanvaller)

    geblokkeerd = inloggen("om", WACHTWOORD, aanvaller)
    assert geblokkeerd.status_code == 429
    assert (
        "tijdelijk geblokkeerd" in geblokkeerd.content.decode() and "opnieuw proberen" in geblokkeerd.content.decode()
    )
    assert inloggen("om", WACHTWOORD, collega).status_code == 302  # the real opgavemanager, elsewhere


@pytest.mark.django_db
def test_afkoeltijd_is_kort_groeit_bij_elke_blokkade_en_begint_opnieuw_na_inloggen(
    maak_gebruiker, achter_proxy, settings, authenticaties
):
    settings.INLOG_AFKOELTIJD = timedelta(seconds=2)
    settings.INLOG_AFKOELTIJD_MAX = timedelta(minutes=15)
    settings.INLOG_MAX_PER_MINUUT = 1000  # only the lockout here
    maak_gebruiker("opgavemanager", "om")
    adres = nieuw_adres()

    def blokkeer() -> timedelta:
        for _ in range(5):
            inloggen("om", "fout", adres)
        poging = AccessAttempt.objects.get(username="om", ip_address=adres)
        return poging.expiration.expires_at - poging.attempt_time

    assert blokkeer() == timedelta(seconds=2)
    time.sleep(2.2)
    assert blokkeer() == timedelta(seconds=4)  # second lockout: twice as long
    time.sleep(2.2)
    gezien = len(authenticaties)
    assert inloggen("om", WACHTWOORD, adres).status_code == 429  # still locked, no password checked ...
    assert AccessAttempt.objects.get(username="om", ip_address=adres).failures_since_start == 5  # ... nor counted
    time.sleep(2)
    assert inloggen("om", WACHTWOORD, adres).status_code == 302
    assert authenticaties[gezien:] == ["om", "om"]  # the refused attempt during the lockout, then the login

    assert blokkeer() == timedelta(seconds=2)  # a successful login starts again from the short cool-off


@pytest.mark.django_db
def test_een_adres_krijgt_een_beperkt_aantal_fouten_over_alle_gebruikersnamen(
    maak_gebruiker, achter_proxy, settings, authenticaties
):
    settings.INLOG_MAX_PER_MINUUT = 1000  # only the failure limit here
    maak_gebruiker("opgavemanager", "om")
    aanvaller = nieuw_adres()
    for nummer in range(settings.INLOG_MAX_FOUTEN_PER_UUR):
        assert inloggen(f"gebruiker-{nummer}", "fout", aanvaller).status_code == 200

    geweigerd = inloggen("om", WACHTWOORD, aanvaller)
    assert geweigerd.status_code == 429 and geweigerd["Retry-After"] == "3600"
    assert "Te veel inlogpogingen" in geweigerd.content.decode()
    assert len(authenticaties) == settings.INLOG_MAX_FOUTEN_PER_UUR  # the refused one was never checked
    assert inloggen("om", WACHTWOORD, nieuw_adres()).status_code == 302


@pytest.mark.django_db
def test_te_veel_pogingen_per_minuut_krijgen_429_zonder_wachtwoordcontrole(achter_proxy, settings, authenticaties):
    adres = nieuw_adres()
    for nummer in range(settings.INLOG_MAX_PER_MINUUT):
        assert inloggen(f"gebruiker-{nummer}", "fout", adres).status_code == 200

    app, beheer = inloggen("nog-een", "fout", adres), inloggen("nog-een", "fout", adres, pad="admin:login")

    assert (app.status_code, beheer.status_code) == (429, 429)  # the admin's login is the same door
    assert app["Retry-After"] == "60"
    assert len(authenticaties) == settings.INLOG_MAX_PER_MINUUT


# --- through a real gunicorn (production settings, PBKDF2) behind a proxy on 127.0.0.1 -----------------------


@pytest.fixture
def server_achter_proxy(transactional_db, tmp_path, static_root, settings, monkeypatch):
    monkeypatch.setenv("VERTROUWDE_PROXIES", PROXY)
    monkeypatch.setenv("LOKAAL_INLOGGEN_ACTIEF", "true")  # the password login these layers guard
    settings.MEDIA_ROOT = tmp_path / "media"
    with server(tmp_path, static_root) as s:
        yield s


def http_inloggen(poort, username, password, adres):
    token = secrets.token_hex(16)
    return verzoek(
        poort,
        "POST",
        reverse("login"),
        body=urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token}),
        headers={
            "Cookie": f"csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": adres,
        },
    )


def gezondheid(poort, tot: threading.Event) -> list[float]:
    """Durations of /healthz/live requests, one after another until ``tot`` is set."""
    duren = []
    while not tot.is_set():
        begin = time.perf_counter()
        assert verzoek(poort, "GET", reverse("liveness"), timeout=30)[0] == 200
        duren.append(time.perf_counter() - begin)
    return duren


def vloed(poort, adres, aantal, gebruikers=4) -> tuple[list[int], list[float]]:
    """``aantal`` wrong logins from ``adres`` by ``gebruikers`` parallel clients, over 30 usernames and
    "om"; meanwhile /healthz/live is measured. Returns the statuses and the health durations."""
    klaar = threading.Event()
    with ThreadPoolExecutor(max_workers=gebruikers + 1) as pool:
        meting = pool.submit(gezondheid, poort, klaar)
        namen = ["om" if i % 4 == 0 else f"gebruiker-{i % 30}" for i in range(aantal)]
        statussen = [s for s, *_ in pool.map(lambda naam: http_inloggen(poort, naam, "fout", adres), namen)]
        klaar.set()
        return statussen, meting.result()


def gemeten(verzoek_doen) -> float:
    begin = time.perf_counter()
    verzoek_doen()
    return time.perf_counter() - begin


@pytest.mark.server
@pytest.mark.last
def test_inlogvloed_raakt_gezondheid_en_echte_gebruiker_niet(server_achter_proxy, django_user_model, settings):
    poort = server_achter_proxy.poort
    hasher = PBKDF2PasswordHasher()  # production's hasher: every checked password costs a real PBKDF2
    django_user_model.objects.create(username="om", password=hasher.encode(WACHTWOORD, hasher.salt()))
    aanvaller = nieuw_adres()

    pbkdf2 = min(gemeten(lambda: http_inloggen(poort, "iemand", "fout", nieuw_adres())) for _ in range(3))
    rust = statistics.median(gemeten(lambda: verzoek(poort, "GET", reverse("liveness"))) for _ in range(20))

    eerste, _ = vloed(poort, aanvaller, 40)  # uses up the minute's attempts of the address
    statussen, tijdens = vloed(poort, aanvaller, 80)  # from here on: refused before hashing

    assert eerste.count(200) <= settings.INLOG_MAX_PER_MINUUT  # at most this many passwords were checked
    assert set(eerste) <= {200, 429} and set(statussen) == {429} and tijdens
    # Unprotected, every flood request hashed and /healthz/live waited for one (about ``pbkdf2``).
    assert statistics.median(tijdens) < pbkdf2 / 4, (
        f"healthz/live: {rust * 1000:.1f} ms in rust, {statistics.median(tijdens) * 1000:.1f} ms tijdens de "
        f"vloed; één wachtwoordcontrole {pbkdf2 * 1000:.0f} ms"
    )
    assert http_inloggen(poort, "om", WACHTWOORD, aanvaller)[0] == 429
    status, headers, _ = http_inloggen(poort, "om", WACHTWOORD, nieuw_adres())  # the real one, elsewhere
    assert status == 302 and headers["Location"] == reverse("dashboard")
