"""Fixtures for the fault and load tests: a real gunicorn against the test database."""

import fcntl
import hashlib
import shutil

import pytest

from .server import server, verzamel_statische_bestanden
from .werker import BASIS


def _sleutel_statische_bestanden() -> str:
    """What collectstatic's output depends on: every file the static finders find (path and content),
    the settings and the locked requirements (Django's and WhiteNoise's post-processing)."""
    from django.contrib.staticfiles import finders

    h = hashlib.sha256()
    for bestand in [BASIS / "requirements.lock", *sorted((BASIS / "noordwijk_migratie" / "settings").glob("*.py"))]:
        h.update(bestand.read_bytes())
    for finder in finders.get_finders():
        for pad, opslag in sorted(finder.list([]), key=lambda t: t[0]):
            h.update(pad.encode())
            with opslag.open(pad) as fh:
                h.update(fh.read())
    return h.hexdigest()[:16]


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic's output with production settings (the manifest storage), made once per set of
    static files and kept in var/test-static/<key>: a session collects again only after a change (it
    costs about 9 s of CPU); older keys are removed."""
    kast = BASIS / "var" / "test-static"
    doel = kast / _sleutel_statische_bestanden()
    kast.mkdir(parents=True, exist_ok=True)
    with open(kast / ".slot", "w") as slot:  # one collector at a time: xdist workers, sessions side by side
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not (doel / "staticfiles.json").exists():
            for oud in kast.iterdir():
                if oud.name != ".slot":
                    shutil.rmtree(oud, ignore_errors=True)
            verzamel_statische_bestanden(doel, tmp_path_factory.mktemp("media"))
    return doel


@pytest.fixture
def app_server(transactional_db, tmp_path, static_root, settings):
    """gunicorn with 2 workers and production settings on a free loopback port."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with server(tmp_path, static_root) as s:
        yield s
