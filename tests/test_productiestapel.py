"""The production stack as `docker-compose.yml` describes it. No container engine runs here, so what
can be checked is checked: Debian's docker-compose validates the file (with `.env.voorbeeld` as its
`.env`), and the processes the file names — web, worker and beat with the file's own commands,
environment and health checks — run against the test PostgreSQL and Redis. Only what is tied to the
containers' network changes: the database and Redis addresses, the port, and file locations."""

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from celery.beat import PersistentScheduler
from django.conf import settings
from django.utils import timezone

from noordwijk_migratie.celery import app as celery_app
from rapportage.models import Rapport, Status

from .server import HOST, vrije_poort
from .werker import BASIS, database_url

pytestmark = [pytest.mark.server, pytest.mark.worker]
BEAT_TAAK = "rapportage-vastgelopen"


def _compose_config(tmp_path: Path) -> dict:
    """`docker-compose config` of the repository's file with the example `.env`: the services as
    Compose resolves them (anchors merged, variables substituted, env_file read)."""
    project = tmp_path / "compose"
    project.mkdir()
    for naam in ("docker-compose.yml", "Dockerfile"):
        (project / naam).symlink_to(BASIS / naam)
    shutil.copy(BASIS / ".env.voorbeeld", project / ".env")
    result = subprocess.run(
        ["docker-compose", "--project-directory", str(project), "config"],  # noqa: S607
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def test_compose_bestand_is_geldig_en_beschrijft_de_stapel(tmp_path):
    services = _compose_config(tmp_path)["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    for naam in ("web", "worker", "beat"):
        omgeving = services[naam]["environment"]
        assert omgeving["DJANGO_SETTINGS_MODULE"] == "noordwijk_migratie.settings.production"
        assert omgeving["DATABASE_URL"].endswith("@db:5432/noordwijk")
        assert {"db", "redis"} <= set(services[naam]["depends_on"])
    assert all("healthcheck" in services[naam] for naam in ("db", "redis", "web", "worker"))
    # a deploy waits for a running report (its hard limit) before stopping the worker
    minuten = int(services["worker"]["stop_grace_period"].removesuffix("m"))
    assert minuten * 60 > settings.RAPPORTAGE_TIME_LIMIT


def test_compose_zonder_wachtwoord_geeft_een_nederlandse_melding(tmp_path):
    project = tmp_path / "leeg"
    project.mkdir()
    for naam in ("docker-compose.yml", "Dockerfile"):
        (project / naam).symlink_to(BASIS / naam)
    (project / ".env").write_text("SECRET_KEY=x\n")
    omgeving = {k: v for k, v in os.environ.items() if k != "POSTGRES_PASSWORD"}
    result = subprocess.run(
        ["docker-compose", "--project-directory", str(project), "config"],  # noqa: S607
        cwd=project,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "zet POSTGRES_PASSWORD in .env" in result.stderr


def _omgeving(dienst: dict, tmp_path: Path, static_root: Path) -> dict:
    """The service's environment from Compose, with the container-network addresses replaced by the
    test's PostgreSQL and Redis and the container paths by temporary ones."""
    basis = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "OIDC_"))}
    return {
        **basis,
        **{k: str(v) for k, v in dienst["environment"].items()},
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(static_root),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",  # `python`, `celery`, `gunicorn`
        "HOSTNAME": socket.gethostname(),
        "LOG_LEVEL": "INFO",
    }


def _commando(dienst: dict) -> list[str]:
    commando = dienst["command"]
    return shlex.split(commando) if isinstance(commando, str) else list(commando)


def _health_check(dienst: dict, omgeving: dict, vervang: tuple[str, str] | None = None) -> subprocess.CompletedProcess:
    soort, *test = dienst["healthcheck"]["test"]
    test = [t.replace("$$", "$") for t in test]  # Compose's escape for a literal $ (the container's shell expands it)
    if soort == "CMD-SHELL":
        argv = ["sh", "-c", test[0]]
    else:
        assert soort == "CMD", soort
        argv = test
    if vervang:
        argv = [a.replace(*vervang) for a in argv]
    return subprocess.run(argv, env=omgeving, cwd=BASIS, capture_output=True, text=True, timeout=60)  # noqa: S603


def _wacht(voorwaarde, timeout, log: Path, wat: str):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(0.5)
    raise AssertionError(f"{wat} binnen {timeout} s niet gelukt:\n{log.read_text(errors='replace')[-4000:]}")


def _groep_leeft(proces: subprocess.Popen) -> bool:
    proces.poll()  # reaps the leader once it has exited
    try:
        os.killpg(proces.pid, 0)
    except ProcessLookupError:
        return False
    return True


def _start(argv, omgeving, log: Path, stack: ExitStack) -> subprocess.Popen:
    fh = stack.enter_context(open(log, "ab"))  # noqa: SIM115
    proces = subprocess.Popen(  # noqa: S603
        argv, cwd=BASIS, env=omgeving, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True
    )

    def stop():  # the whole process group: web's `sh -c` has gunicorn as its child
        try:
            os.killpg(proces.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        eind = time.monotonic() + 20
        while _groep_leeft(proces) and time.monotonic() < eind:
            time.sleep(0.2)
        if _groep_leeft(proces):
            os.killpg(proces.pid, signal.SIGKILL)

    stack.callback(stop)
    return proces


def _beat_schema_met_achterstallige_taak(pad: Path) -> None:
    """A beat schedule file whose entry last ran an hour ago: beat sends it as soon as it starts (the
    entries themselves, their tasks and timing, come from the settings as in production)."""
    schema = PersistentScheduler(app=celery_app, schedule_filename=str(pad), lazy=False)
    try:
        assert BEAT_TAAK in schema.schedule
        schema.schedule[BEAT_TAAK].last_run_at = timezone.now() - timedelta(hours=1)
        schema.sync()
    finally:
        schema.close()


@pytest.mark.django_db(transaction=True)
def test_web_worker_en_beat_met_de_commandos_uit_compose(tmp_path, static_root, maak_gebruiker):
    diensten = _compose_config(tmp_path)["services"]
    poort = vrije_poort()
    # A report whose worker died: the beat entry `rapportage-vastgelopen` finds it, the worker marks it
    # and requeues it once, and the worker then makes it: beat → broker → worker → database → PDF.
    rapport = Rapport.objects.create(
        soort="halfjaarrapportage",
        peildatum=date(2025, 7, 1),
        status=Status.BEZIG,
        gestart_op=timezone.now() - timedelta(hours=2),
        aangevraagd_door=maak_gebruiker("opgavemanager"),
    )
    with ExitStack() as stack:
        web = diensten["web"]
        web_env = _omgeving(web, tmp_path, static_root)
        web_argv = [a.replace("0.0.0.0:8000", f"{HOST}:{poort}") for a in _commando(web)]
        web_log = tmp_path / "web.log"
        proces = _start(web_argv, web_env, web_log, stack)

        def web_gezond():
            assert proces.poll() is None, web_log.read_text(errors="replace")
            return _health_check(web, web_env, ("localhost:8000", f"localhost:{poort}")).returncode == 0

        _wacht(web_gezond, 180, web_log, "web (migrate, laad_basisgegevens, gunicorn) gezond")
        gezond = _health_check(web, web_env, ("localhost:8000", f"localhost:{poort}"))
        assert '"database": "ok"' in gezond.stdout and '"broker": "ok"' in gezond.stdout

        worker = diensten["worker"]
        worker_env = _omgeving(worker, tmp_path, static_root)
        worker_log = tmp_path / "worker.log"
        _start(_commando(worker), worker_env, worker_log, stack)
        _wacht(lambda: _health_check(worker, worker_env).returncode == 0, 90, worker_log, "worker gezond")

        beat = diensten["beat"]
        schema = tmp_path / "celerybeat-schedule"
        _beat_schema_met_achterstallige_taak(schema)
        beat_argv = [a if not a.startswith("--schedule=") else f"--schedule={schema}" for a in _commando(beat)]
        beat_log = tmp_path / "beat.log"
        _start(beat_argv, _omgeving(beat, tmp_path, static_root), beat_log, stack)
        _wacht(
            lambda: f"Sending due task {BEAT_TAAK}" in beat_log.read_text(errors="replace"), 60, beat_log, "beat-taak"
        )

        def rapport_klaar():
            rapport.refresh_from_db()
            return rapport.status == Status.KLAAR

        _wacht(rapport_klaar, 180, worker_log, "vastgelopen rapport opnieuw gemaakt")
        assert rapport.opnieuw_ingepland_op is not None and rapport.sha256
        assert (tmp_path / "media" / rapport.pdf.name).read_bytes().startswith(b"%PDF")
