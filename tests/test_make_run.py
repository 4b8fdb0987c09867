"""`make run` uses the embedded default (SQLite, Celery on a filesystem queue, local-memory cache): the
migrations, the baseline (twice) and every main page work there too, not only on PostgreSQL; requesting a
report returns at once and the worker `make run` starts beside the server makes it."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGINAS = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
user = get_user_model().objects.create_user("rooktest")
user.groups.add(Group.objects.get(name="Opgavemanager"))
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(user)
namen = ["dashboard", "taakstelling:index", "taakstelling:plaatsing_list", "taakstelling:regio_vergelijking",
         "opvang:index", "opvang:oekraine", "opvang:asielzoekers", "opvang:statushouders", "opvang:bezetting_invoer",
         "internationale_werknemers:index", "programma:index", "programma:indicator_list", "themasessies:index",
         "rapportage:index", "rapportage:rapport_list", "kern:gemeente_list"]
for naam in namen:
    response = client.get(reverse(naam), {"peildatum": "2025-07-15"} if naam == "dashboard" else {})
    assert response.status_code == 200, (naam, response.status_code)
import time
begin = time.monotonic()
response = client.post(reverse("rapportage:rapport_add"), {"soort": "halfjaarrapportage", "peildatum": "2025-07-01"})
duur = time.monotonic() - begin
assert response.status_code == 302, response.status_code
from rapportage.models import Rapport
rapport = Rapport.objects.get()
assert rapport.status == "wachtrij", (rapport.status, rapport.foutmelding)  # queued, not made in the request
assert duur < 2, duur
print("ok", len(namen))
"""


def test_ingebouwde_standaard_werkt(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DJANGO_SETTINGS_MODULE="noordwijk_migratie.settings.dev",
        VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--noinput")
    manage("laad_basisgegevens")
    manage("laad_basisgegevens")
    eerste = manage("maak_demogebruikers")
    assert eerste.count(": wachtwoord ") == 4  # a random password, shown once per user
    tweede = manage("maak_demogebruikers")
    assert ": wachtwoord " not in tweede and tweede.count("bestaat al") == 4
    result = subprocess.run(
        [sys.executable, "-c", PAGINAS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok 16" in result.stdout

    # the worker of `make run` (scripts/run.sh starts it the same way) picks the queued report up
    log = open(tmp_path / "werker.log", "wb")  # noqa: SIM115
    werker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "noordwijk_migratie", "worker", "--pool=solo", "-c", "1",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "INFO"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        eind = time.monotonic() + 120
        while (status := manage("shell", "-c", STATUS).strip().splitlines()[-1]) != "klaar":
            assert status in ("wachtrij", "bezig") and time.monotonic() < eind, (status, _lees(tmp_path))
            time.sleep(1)
    finally:
        werker.terminate()
        werker.wait(30)
        log.close()


STATUS = "from rapportage.models import Rapport; print(Rapport.objects.get().status)"


def _lees(tmp_path):
    return (tmp_path / "werker.log").read_text(errors="replace")
