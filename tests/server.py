"""A real gunicorn (production settings), or `make run`'s runserver, against the pytest-django test database
and Redis, and HTTP users logged in through a session created in the database. Only 127.0.0.1, every request
with a timeout."""

import datetime
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from noordwijk_migratie import oidc

from .werker import BASIS, database_url

HOST = "127.0.0.1"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _omgeving(static_root: Path, media_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "noordwijk_migratie.settings.production",
        "SECRET_KEY": settings.SECRET_KEY,  # same key: the sessions made by the test stay valid
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
    }


def verzamel_statische_bestanden(static_root: Path, media_root: Path) -> None:
    if (static_root / "staticfiles.json").exists():
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASIS,
        env=_omgeving(static_root, media_root),
        check=True,
        timeout=300,
    )


class Server:
    def __init__(self, log: Path, static_root: Path, media_root: Path, workers: int = 2):
        verzamel_statische_bestanden(static_root, media_root)
        self.poort = vrije_poort()
        self._start(
            log,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "noordwijk_migratie.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"{HOST}:{self.poort}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--backlog",
                "128",
            ],
            _omgeving(static_root, media_root),
        )

    def _start(self, log: Path, commando: list[str], omgeving: dict):
        self.log = log
        self._fh = open(log, "ab")  # noqa: SIM115
        self.proces = subprocess.Popen(
            commando, cwd=BASIS, env=omgeving, stdout=self._fh, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.poort}"

    def wacht_tot_klaar(self, timeout=60):
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            assert self.proces.poll() is None, self.log.read_text(errors="replace")
            try:
                if verzoek(self.poort, "GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("gunicorn start niet:\n" + self.log.read_text(errors="replace"))

    def stop(self):
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(20)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait(5)
        self._fh.close()

    def gebruiker(self, user) -> "Gebruiker":
        return Gebruiker(self.poort, user)


class Ontwikkelserver(Server):
    """`make run`'s web server: runserver with the development settings, the static files straight from the
    apps through WhiteNoise, against the test database and Redis."""

    def __init__(self, log: Path, var_dir: Path):
        self.poort = vrije_poort()
        omgeving = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "noordwijk_migratie.settings.dev",
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "VAR_DIR": str(var_dir),
        }
        self._start(log, [sys.executable, "manage.py", "runserver", "--noreload", f"{HOST}:{self.poort}"], omgeving)


@contextmanager
def _draaiend(s: Server):
    try:
        s.wacht_tot_klaar()
        yield s
    finally:
        s.stop()


def server(tmp_path: Path, static_root: Path, workers: int = 2):
    return _draaiend(Server(tmp_path / "gunicorn.log", static_root, Path(settings.MEDIA_ROOT), workers))


def ontwikkelserver(tmp_path: Path):
    return _draaiend(Ontwikkelserver(tmp_path / "runserver.log", tmp_path / "var"))


def verzoek(poort, methode, pad, body=None, headers=None, timeout=30):
    """One HTTP request, no redirects followed: (status, headers, body)."""
    conn = http.client.HTTPConnection(HOST, poort, timeout=timeout)
    try:
        conn.request(methode, pad, body=body, headers=headers or {})
        antwoord = conn.getresponse()
        return antwoord.status, dict(antwoord.getheaders()), antwoord.read()
    finally:
        conn.close()


class Gebruiker:
    """A logged-in browser: a session row in the database, its cookie and a CSRF token."""

    def __init__(self, poort: int, user):
        sessie = SessionStore()
        sessie[SESSION_KEY] = str(user.pk)
        sessie[BACKEND_SESSION_KEY] = oidc.BACKEND  # as in production: through the gemeente's identity provider
        sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
        sessie.create()
        self.poort = poort
        self.csrf = secrets.token_hex(16)  # 32 characters, the unmasked form Django accepts
        self.cookies = {settings.SESSION_COOKIE_NAME: sessie.session_key, settings.CSRF_COOKIE_NAME: self.csrf}
        self.cookie = "; ".join(f"{naam}={waarde}" for naam, waarde in self.cookies.items())

    def get(self, pad, timeout=30):
        return verzoek(self.poort, "GET", pad, headers={"Cookie": self.cookie}, timeout=timeout)

    def post(self, pad, data: dict, timeout=30):
        body = urlencode(data, doseq=True)
        headers = {
            "Cookie": self.cookie,
            "X-CSRFToken": self.csrf,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        return verzoek(self.poort, "POST", pad, body=body, headers=headers, timeout=timeout)


# ---------------------------------------------------------------------------------------------- load

GELADEN_VERSIE = re.compile(rb'name="geladen_versie" value="(\d+)"')
LEESPAGINAS = (
    "dashboard",
    "taakstelling:plaatsing_list",
    "opvang:bezetting_list",
    "opvang:index",
    "taakstelling:index",
)


def plaatsing_gegevens(koppeldatum: datetime.date, minderjarigen: int) -> dict:
    return {
        "koppeldatum": koppeldatum.isoformat(),
        "samenstelling": "overig",  # one adult with a growing number of minors: no alleenstaande
        "volwassenen": "1",
        "minderjarigen": str(minderjarigen),
        "verwachte_nareizigers": "0",
    }


@dataclass
class Uitslag:
    """What one simulated user saw: status codes, and every write the server acknowledged."""

    statussen: Counter = field(default_factory=Counter)
    fouten_5xx: list = field(default_factory=list)
    verbindingsfouten: list = field(default_factory=list)
    geweigerd: list = field(default_factory=list)
    plaatsingen: dict = field(default_factory=dict)  # pk -> minderjarigen last acknowledged
    bezettingen: dict = field(default_factory=dict)  # pk -> aantal
    tijden: list = field(default_factory=list)  # (monotonic, status) of every request


def gebruiker_lus(
    gebruiker: Gebruiker, nummer: int, locatie_pk: int, doelgroep_pk: int, eind: float, max_verzoeken: int = 5000
) -> Uitslag:
    """Mix of reads, new placements, placement edits and occupancy writes until `eind`."""
    uitslag = Uitslag()
    plaatsing_add = reverse("taakstelling:plaatsing_add")
    bezetting_add = reverse("opvang:bezetting_add")
    leespaginas = [reverse(n) for n in LEESPAGINAS]

    def noteer(status, pad, body=b""):
        uitslag.statussen[status] += 1
        uitslag.tijden.append((time.monotonic(), status))
        if status >= 500:
            uitslag.fouten_5xx.append((pad, status, body[:300]))

    def pk_uit(headers):
        return int(headers["Location"].rstrip("/").split("/")[-1])

    i = 0
    while time.monotonic() < eind and i < max_verzoeken:
        i += 1
        soort = i % 4
        try:
            if soort == 0:
                pad = leespaginas[(i // 4 + nummer) % len(leespaginas)]
                status, _h, body = gebruiker.get(pad)
                noteer(status, pad, body)
            elif soort == 1:
                datum = datetime.date(2024, 1, 1) + datetime.timedelta(days=(i + nummer) % 120)
                status, headers, body = gebruiker.post(plaatsing_add, plaatsing_gegevens(datum, 0))
                noteer(status, plaatsing_add, body)
                if status == 302:
                    uitslag.plaatsingen[pk_uit(headers)] = (datum, 0)
                elif status < 500:
                    uitslag.geweigerd.append((plaatsing_add, status, body[:2000]))
            elif soort == 2 and uitslag.plaatsingen:
                pk = max(uitslag.plaatsingen)
                datum, oud = uitslag.plaatsingen[pk]
                pad = reverse("taakstelling:plaatsing_edit", args=[pk])
                status, _h, body = gebruiker.get(pad)
                noteer(status, pad, body)
                versie = GELADEN_VERSIE.search(body)
                if status == 200 and versie:
                    gegevens = {**plaatsing_gegevens(datum, oud + 1), "geladen_versie": versie.group(1)}
                    status, _h, body = gebruiker.post(pad, gegevens)
                    noteer(status, pad, body)
                    if status == 302:
                        uitslag.plaatsingen[pk] = (datum, oud + 1)
                    elif status < 500:
                        uitslag.geweigerd.append((pad, status, body[:2000]))
            elif soort == 3:
                datum = datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
                gegevens = {"locatie": locatie_pk, "doelgroep": doelgroep_pk, "datum": datum.isoformat(), "aantal": i}
                status, headers, body = gebruiker.post(bezetting_add, gegevens)
                noteer(status, bezetting_add, body)
                if status == 302:
                    uitslag.bezettingen[pk_uit(headers)] = i
                elif status < 500:
                    uitslag.geweigerd.append((bezetting_add, status, body[:2000]))
        except OSError as exc:  # connection refused/reset, timeout
            uitslag.verbindingsfouten.append(repr(exc))
            uitslag.tijden.append((time.monotonic(), 0))
            time.sleep(0.05)
    return uitslag


def belast(server: "Server", users, locaties, doelgroep_pk: int, seconden: float) -> list[Uitslag]:
    """Every user in its own thread for `seconden`; returns what each of them saw."""
    eind = time.monotonic() + seconden
    with ThreadPoolExecutor(max_workers=len(users)) as pool:
        taken = [
            pool.submit(gebruiker_lus, server.gebruiker(u), n, loc.pk, doelgroep_pk, eind)
            for n, (u, loc) in enumerate(zip(users, locaties, strict=True))
        ]
        return [t.result(timeout=seconden + 120) for t in taken]
