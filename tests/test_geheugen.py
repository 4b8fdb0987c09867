"""A web worker loads only what web requests need: the libraries for PDFs (WeasyPrint, rendered by the
Celery worker), workbooks (openpyxl, only for an export or an import) and QR codes (segno, only when
someone enrols an authenticator app) are imported where they are used. Together ~70 MB per worker."""

import os
import subprocess
import sys
from pathlib import Path

from tests.test_settings import PRODUCTIE_ENV

ROOT = Path(__file__).resolve().parent.parent
ZWAAR = ("weasyprint", "openpyxl", "segno")
# What gunicorn's worker runs: the WSGI application (django.setup()), then at its first request the URLconf
# with every view module; and the Celery tasks, which the views queue.
WEB_WORKER = f"""
import sys
import noordwijk_migratie.wsgi
from django.urls import get_resolver
get_resolver().url_patterns
import rapportage.tasks, noordwijk_migratie.tasks
print(" ".join(m for m in {ZWAAR!r} if m in sys.modules))
"""


def test_web_worker_laadt_geen_pdf_werkboek_of_qr_bibliotheek():
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTIE_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "noordwijk_migratie.settings.production", **PRODUCTIE_ENV})
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", WEB_WORKER], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
