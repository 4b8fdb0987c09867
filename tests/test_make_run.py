"""`make run` uses the embedded default (SQLite, eager Celery, local-memory cache): the migrations,
the baseline (twice) and every main page work there too, not only on PostgreSQL."""

import os
import subprocess
import sys
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
response = client.post(reverse("rapportage:rapport_add"), {"soort": "halfjaarrapportage", "peildatum": "2025-07-01"})
assert response.status_code == 302, response.status_code
from rapportage.models import Rapport
rapport = Rapport.objects.get()
assert rapport.status == "klaar", rapport.foutmelding
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
