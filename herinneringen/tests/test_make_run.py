"""Done when (issue 18): after `make run`'s setup (SQLite, baseline, demo users) and
`manage.py herinneringen --nu`, the console shows the e-mails and the demo beleidsadviseur's Mijn werk
shows the baseline's real open items: the missing periods since 2025-H2, Trampoline II's stale
occupancy count of 30-06-2025 and capacity stand. The Achterweg's raadsbesluit still "gepland" for
25-09-2025 is no open item since issue 14: the location was stopped (beëindigd) that day, so the plan
lapsed with it, and the reminder follows the dashboard's rule (opvang.rules.mijlpaal_over_datum)."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

MIJN_WERK = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(username="demo-beleidsadviseur"))
response = client.get("/mijn-werk/")
assert response.status_code == 200, response.status_code
print(response.content.decode())
"""


def _halfjaren_tot(dag: date) -> list[str]:
    labels, jaar, helft = [], 2025, 2
    while (jaar, helft) <= (dag.year, 1 if dag.month <= 6 else 2):
        labels.append(f"{jaar}-H{helft}")
        jaar, helft = (jaar, 2) if helft == 1 else (jaar + 1, 1)
    return labels


def test_na_make_run_en_herinneringen_nu(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env = {k: v for k, v in env.items() if not k.startswith("EMAIL_")}
    env.update(DJANGO_SETTINGS_MODULE="noordwijk_migratie.settings.dev", VAR_DIR=str(tmp_path))

    def run(*args):
        result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    for stap in (("migrate", "--noinput"), ("laad_basisgegevens",), ("maak_demogebruikers",)):
        run("manage.py", *stap)
    console = run("manage.py", "herinneringen", "--nu")

    # the console backend printed the e-mail to the demo beleidsadviseur (one, with all its reminders)
    assert console.count("To: demo-beleidsadviseur@example.org") == 1
    assert "Subject: " in console and "Content-Type: text/html" in console
    assert "Herinneringen bijgewerkt:" in console
    # again: nothing is sent twice
    assert "To: " not in run("manage.py", "herinneringen", "--nu")

    html = run("-c", MIJN_WERK)
    vandaag = date.today()
    for label in _halfjaren_tot(vandaag):
        assert f"Periode {label} (" in html, label
    assert "De bezetting van Trampoline II (Oekraïense ontheemden) is het laatst geteld op 30-06-2025" in html
    assert "De capaciteitsstand van Trampoline II (Oekraïense ontheemden) is van 30-06-2025" in html
    assert "Mijlpaal raadsbesluit van Achterweg" not in html  # stopped that day: the plan lapsed
    assert "/statushouders/perioden/nieuw/" in html
