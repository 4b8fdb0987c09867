"""Faults: the application keeps working when Redis is unreachable, and recovers by itself when
PostgreSQL restarts under load. (Worker killed during a report: rapportage/tests/test_worker.py.)"""

import os
import shlex
import shutil
import socket
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.module_loading import import_string

from opvang.models import Bezetting
from opvang.tests.factories import OpvanglocatieFactory, doelgroep
from rapportage import secties
from rapportage.models import Rapport, Status
from taakstelling.models import Plaatsing

from .server import belast
from .werker import wacht_op, werker


def _gesloten_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cache_zoals_ingesteld(locatie, settings):
    """The project's cache backend with the project's options (settings.CACHES), on another server."""
    instelling = settings.CACHES["default"]
    return import_string(instelling["BACKEND"])(locatie, {**instelling, "LOCATION": locatie})


def test_cache_valt_terug_op_missen_als_redis_weg_is(settings, caplog):
    cache = _cache_zoals_ingesteld(f"redis://127.0.0.1:{_gesloten_poort()}/0", settings)
    cache.set("sleutel", "waarde")
    assert cache.get("sleutel") is None
    assert cache.get("sleutel", "standaard") == "standaard"
    assert cache.get("sleutel", default=7) == 7
    assert cache.get_many(["a", "b"]) == {}
    assert not cache.add("x", 1)
    assert not cache.delete("x")
    assert "Exception ignored" in caplog.text  # logged, not silent


def test_cache_werkt_gewoon_met_redis(settings):
    cache = _cache_zoals_ingesteld(settings.REDIS_URL, settings)
    cache.set("nw-test-sleutel", {"a": 1}, 10)
    assert cache.get("nw-test-sleutel") == {"a": 1}
    cache.delete("nw-test-sleutel")


# ------------------------------------------------------------- against a real gunicorn (faults)


def _omgeving(naam):
    waarde = os.environ.get(naam)
    assert waarde, f"{naam} ontbreekt: draai de tests met `make test` (scripts/services.sh zet het)"
    return waarde


def _redis_poort():
    return os.environ.get("REDISPORT") or str(urlparse(_omgeving("REDIS_URL")).port)


def _redis_antwoordt():
    return (
        subprocess.run(["redis-cli", "-p", _redis_poort(), "ping"], capture_output=True, timeout=5).stdout.strip()
        == b"PONG"
    )


def _stop_redis():
    subprocess.run(["redis-cli", "-p", _redis_poort(), "shutdown", "nosave"], capture_output=True, timeout=10)
    wacht_op(lambda: not _redis_antwoordt(), timeout=10, melding="Redis gestopt")


def _start_redis():
    if not _redis_antwoordt():
        subprocess.run(
            [
                "redis-server",
                "--port",
                _redis_poort(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
            ],
            check=True,
            capture_output=True,
            timeout=10,
        )
    wacht_op(_redis_antwoordt, timeout=20, melding="Redis weer gestart")


def _pg_als():
    """PG_RUN_AS (bash cannot export the array services.sh builds, so fall back to the data
    directory's owner when we are root)."""
    als = shlex.split(os.environ.get("PG_RUN_AS", ""))
    eigenaar = Path(_omgeving("PGDATA_DIR")).owner()
    if not als and os.geteuid() == 0 and eigenaar != "root":
        als = ["runuser", "-u", eigenaar, "--"]
    return als


def _herstart_postgresql():
    pg_run_as = _pg_als()
    data = _omgeving("PGDATA_DIR")
    subprocess.run(
        [*pg_run_as, _omgeving("PG_CTL"), "-D", data, "-l", f"{data}/log", "restart", "-m", "fast", "-w"],
        check=True,
        capture_output=True,
        timeout=60,
    )


def _postgresql_draait():
    pg_run_as = _pg_als()
    return (
        subprocess.run(
            [*pg_run_as, _omgeving("PG_CTL"), "-D", _omgeving("PGDATA_DIR"), "status"], capture_output=True, timeout=10
        ).returncode
        == 0
    )


def _start_postgresql_als_hij_niet_draait():
    if not _postgresql_draait():
        pg_run_as = _pg_als()
        data = _omgeving("PGDATA_DIR")
        subprocess.run(
            [*pg_run_as, _omgeving("PG_CTL"), "-D", data, "-l", f"{data}/log", "start", "-w"],
            check=True,
            capture_output=True,
            timeout=60,
        )
    connection.close()  # this process's connection died with the old server


@pytest.fixture
def eigen_redis(monkeypatch, settings):
    """A redis-server of this test alone, for gunicorn and the Celery worker it starts: stopping it
    leaves the Redis of the tests running beside it alone. Same URL as the test's own but the port
    (so a worker started from the environment picks the same database)."""
    poort = str(_gesloten_poort())
    monkeypatch.setenv("REDISPORT", poort)
    _start_redis()
    url = f"{urlparse(settings.REDIS_URL)._replace(netloc=f'127.0.0.1:{poort}').geturl()}"
    monkeypatch.setenv("REDIS_URL", url)
    settings.REDIS_URL = url
    yield url
    _stop_redis()


@pytest.fixture
def eigen_postgresql(transactional_db, monkeypatch):
    """A copy of the test cluster (pg_basebackup, with this test's database as the test began) on its
    own port, for this test alone: this process's connection, gunicorn and the restart use it, so
    restarting it leaves the PostgreSQL of the tests running beside it alone."""
    pg_run_as, basis = _pg_als(), Path(_omgeving("PGDATA_DIR"))
    kopie = basis.parent / f"pg-kopie-{os.getpid()}-{time.monotonic_ns()}"
    kopie.mkdir(mode=0o700)
    shutil.chown(kopie, basis.owner(), basis.group())
    bin_map = Path(_omgeving("PG_CTL")).parent
    subprocess.run(
        [*pg_run_as, bin_map / "pg_basebackup", "-D", kopie, "-h", "127.0.0.1", "-p", _omgeving("PGPORT"),
         "-U", "postgres", "-X", "stream", "-c", "fast"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    poort = str(_gesloten_poort())
    subprocess.run(
        [*pg_run_as, _omgeving("PG_CTL"), "-D", kopie, "-l", kopie / "log", "-w", "start",
         "-o", f"-p {poort} -c listen_addresses=127.0.0.1 -c unix_socket_directories={kopie} -c fsync=off"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    monkeypatch.setenv("PGDATA_DIR", str(kopie))
    monkeypatch.setenv("PGPORT", poort)
    eigen_poort = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = poort
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = eigen_poort
        subprocess.run(
            [*pg_run_as, _omgeving("PG_CTL"), "-D", kopie, "-m", "immediate", "stop"], capture_output=True, timeout=60
        )
        shutil.rmtree(kopie, ignore_errors=True)


LEESPAGINAS = (
    "dashboard",
    "taakstelling:plaatsing_list",
    "opvang:bezetting_list",
    "opvang:index",
    "programma:index",
    "rapportage:rapport_list",
)


@pytest.mark.storing
@pytest.mark.server
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_zonder_redis_werken_paginas_en_zegt_een_aanvraag_dat_de_wachtrij_weg_is(
    eigen_redis, app_server, basisgegevens, maak_gebruiker, tmp_path
):
    manager = app_server.gebruiker(maak_gebruiker("opgavemanager"))
    aanvraag = {"soort": secties.HALFJAAR, "peildatum": "2025-07-01"}
    try:
        _stop_redis()
        for naam in LEESPAGINAS:
            begin = time.monotonic()
            status, _h, body = manager.get(reverse(naam))
            assert status == 200, (naam, status, body[:500])
            assert time.monotonic() - begin < 10, f"{naam} wacht te lang op de cache"
        status, headers, _body = manager.post(reverse("rapportage:rapport_add"), aanvraag)
        assert status == 302
        status, _h, body = manager.get(headers["Location"])
        assert status == 200
        assert "De wachtrij is niet bereikbaar" in body.decode()
        rapport = Rapport.objects.get()
        assert rapport.status == Status.MISLUKT and not rapport.pdf
    finally:
        _start_redis()

    # Redis is back: a new request is queued and produced by the worker
    with werker(tmp_path / "werker.log"):
        status, headers, _body = manager.post(reverse("rapportage:rapport_add"), aanvraag)
        assert status == 302
        nieuw = Rapport.objects.exclude(pk=rapport.pk).get()
        wacht_op(
            lambda: Rapport.objects.get(pk=nieuw.pk).status in (Status.KLAAR, Status.MISLUKT),
            melding="rapport na terugkeer van Redis",
        )
    nieuw.refresh_from_db()
    assert nieuw.status == Status.KLAAR, nieuw.foutmelding
    assert nieuw.versie == 2 and nieuw.pdf
    status, _h, body = manager.get(reverse("rapportage:rapport_download", args=[nieuw.pk]))
    assert status == 200 and body.startswith(b"%PDF")


@pytest.mark.storing
@pytest.mark.server
@pytest.mark.last
@pytest.mark.django_db(transaction=True)
def test_app_herstelt_zich_na_herstart_van_postgresql_onder_last_zonder_herstart_van_gunicorn(
    eigen_postgresql, app_server, basisgegevens, maak_gebruiker
):
    users = [maak_gebruiker("beleidsadviseur", username=f"pg-{n}") for n in range(6)]
    locaties = [OpvanglocatieFactory() for _ in users]
    doelgroep_pk = doelgroep().pk
    master = app_server.proces.pid
    with ThreadPoolExecutor(max_workers=1) as pool:
        last = pool.submit(belast, app_server, users, locaties, doelgroep_pk, 14)
        time.sleep(4)
        try:
            begin_herstart = time.monotonic()
            _herstart_postgresql()
            klaar = time.monotonic()
        finally:
            _start_postgresql_als_hij_niet_draait()
        uitslagen = last.result(timeout=200)

    assert app_server.proces.poll() is None and app_server.proces.pid == master  # gunicorn never restarted
    tijden = sorted(t for u in uitslagen for t in u.tijden)
    voor = [s for t, s in tijden if t < begin_herstart]
    na = [s for t, s in tijden if t > klaar + 1]
    assert voor and all(200 <= s < 400 for s in voor)
    assert len(na) >= 20, f"te weinig verzoeken na de herstart: {len(na)}"
    assert all(200 <= s < 400 for s in na), Counter(na)
    # every acknowledged write survived the restart
    plaatsingen = {pk for u in uitslagen for pk in u.plaatsingen}
    bezettingen = {pk: v for u in uitslagen for pk, v in u.bezettingen.items()}
    assert set(Plaatsing.objects.values_list("pk", flat=True)) == plaatsingen
    assert dict(Bezetting.objects.filter(locatie__in=locaties).values_list("pk", "aantal")) == bezettingen
    # and a fresh user gets every page from both workers
    gebruiker = app_server.gebruiker(users[0])
    for _ in range(3):
        for naam in LEESPAGINAS:
            assert gebruiker.get(reverse(naam))[0] == 200, naam
