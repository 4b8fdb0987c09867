"""Start a real Celery worker (subprocess) against the pytest-django test database and Redis."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from noordwijk_migratie.celery import app as celery_app

BASIS = Path(settings.BASE_DIR)


def database_url() -> str:
    d = connection.settings_dict
    gebruiker = quote(d["USER"] or "")
    wachtwoord = f":{quote(d['PASSWORD'])}" if d.get("PASSWORD") else ""
    return f"postgres://{gebruiker}{wachtwoord}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


class Werker:
    def __init__(self, log: Path):
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_SETTINGS_MODULE": "noordwijk_migratie.settings.test",
            "CELERY_EAGER": "0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        }
        self.log = log
        self._fh = open(log, "ab")  # noqa: SIM115
        self.proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "noordwijk_migratie",
                "worker",
                "--pool=solo",
                "-c",
                "1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "INFO",
                "-n",
                f"test-{os.getpid()}-{time.monotonic_ns()}@localhost",
            ],
            cwd=BASIS,
            env=env,
            stdout=self._fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wacht_tot_klaar_voor_werk(self, timeout=60):
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            assert self.proces.poll() is None, self.log.read_text(errors="replace")
            if b"ready." in self.log.read_bytes():
                return
            time.sleep(0.2)
        raise AssertionError("Celery-worker start niet:\n" + self.log.read_text(errors="replace"))

    def kill(self):
        """SIGKILL: the worker dies at once, as after an OOM kill or a power cut."""
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGKILL)
        self.proces.wait(10)
        self._fh.close()

    def stop(self):
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(15)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait(5)
        self._fh.close()


@contextmanager
def werker(log: Path):
    w = Werker(log)
    try:
        w.wacht_tot_klaar_voor_werk()
        yield w
    finally:
        w.stop()


@contextmanager
def via_wachtrij():
    """In this (test) process: publish tasks to Redis instead of running them eagerly."""
    oud = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = oud


def wacht_op(voorwaarde, timeout=90, interval=0.2, melding="voorwaarde"):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        waarde = voorwaarde()
        if waarde:
            return waarde
        time.sleep(interval)
    raise AssertionError(f"Timeout na {timeout}s: {melding}")
