"""One measuring run for `make bench` (started by scripts/bench.sh, which runs the servers).

Throughput (3 rounds, min / median / max) and latency with wrk against gunicorn, every page as a
ratio to the minimal Django app (scripts/bench_minimaal.py, served beside the project) and to the
project's /healthz/live, the previous run's median beside this one's, the machine's load before and
after, SQL queries per page, report and import timings, peak RSS of a web worker and the Celery
worker. Writes docs/benchmarks.md. Stops with an error when a page answers anything but 2xx.

Every page is requested with the cookies the bench user's browser holds after its first page (the
session and the CSRF cookie the app set), except the liveness check: a real
liveness probe (docker-compose's healthcheck, Kubernetes) sends no cookie, so /healthz/live is
measured without one (it is answered before the middleware stack either way, see
noordwijk_migratie.middleware.LivenessMiddleware).
"""

import datetime
import http.client
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
django.setup()

from bench_vorige import min_mediaan_max, vergelijking, vorige_run  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from noordwijk_migratie import oidc  # noqa: E402

BASIS = os.environ["BENCH_URL"]
MINIMAAL = os.environ.get("BENCH_MINIMAAL_URL")
RONDES, RONDE_SECONDEN, VERBINDINGEN = 3, 5, 8
# wrk counts only statuses >= 400 as errors: a redirect (to the login page) would be measured as the
# page. Every response that is not 2xx is counted here, per thread, and summed in done().
WRK_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) niet2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then niet2xx = niet2xx + 1 end
end
done = function(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("niet2xx") end
  io.write(string.format('{"rps": %f, "p50": %f, "p95": %f, "requests": %d, "niet2xx": %d, "errors": %d}\\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests, n, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
"""


def laden():
    """/proc/loadavg's 1, 5 and 15 minute load averages."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def paginas():
    """(label, path) of the measured pages; the first is the liveness check, the project's lightest request."""
    from bench_paginas import PAGINAS  # scripts/bench_paginas.py: kept beside the data generator

    return PAGINAS


def sessie_cookie():
    from importlib import import_module

    from django.conf import settings

    user, _ = get_user_model().objects.get_or_create(username="bench-opgavemanager")
    user.groups.add(Group.objects.get(name="Opgavemanager"))
    sessie = import_module(settings.SESSION_ENGINE).SessionStore()  # as a login stores it
    sessie["_auth_user_id"] = str(user.pk)
    sessie["_auth_user_backend"] = oidc.BACKEND  # as in production: through the gemeente's identity provider
    sessie["_auth_user_hash"] = user.get_session_auth_hash()
    sessie.create()
    return user, f"sessionid={sessie.session_key}"


def met_csrf_cookie(cookie):
    """The cookies a browser sends after its first page: the session and the CSRF cookie the app set then
    (without it every response would make and set a new CSRF secret, which no browser asks for)."""
    deel = urllib.parse.urlsplit(BASIS)
    verbinding = http.client.HTTPConnection(deel.hostname, deel.port, timeout=30)
    try:
        verbinding.request("GET", "/", headers={"Cookie": cookie})
        antwoord = verbinding.getresponse()
        antwoord.read()
        gezet = [c.split(";")[0] for c in antwoord.headers.get_all("Set-Cookie") or [] if c.startswith("csrftoken=")]
    finally:
        verbinding.close()
    return "; ".join([cookie, *gezet])


def status_zonder_redirect(url, cookie):
    """One plain request, redirects not followed: the status the page itself answers."""
    deel = urllib.parse.urlsplit(url)
    verbinding = http.client.HTTPConnection(deel.hostname, deel.port, timeout=30)
    try:
        verbinding.request(
            "GET", deel.path + (f"?{deel.query}" if deel.query else ""), headers={"Cookie": cookie} if cookie else {}
        )
        antwoord = verbinding.getresponse()
        antwoord.read()
        return antwoord.status, antwoord.getheader("Location")
    finally:
        verbinding.close()


def wrk(url, cookie, verbindingen, seconden):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_LUA)
    uit = subprocess.run(  # noqa: S603
        [
            "wrk",
            f"-t{min(verbindingen, 2)}",
            f"-c{verbindingen}",
            f"-d{seconden}s",
            "--timeout",
            "10s",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            "-s",
            fh.name,
            url,
        ],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=seconden + 60,
        check=True,
    ).stdout
    meting = json.loads(uit.strip().splitlines()[-1])
    if meting["niet2xx"] or meting["errors"]:
        sys.exit(
            f"FOUT: wrk kreeg voor {url} {meting['niet2xx']} antwoorden die geen 2xx waren en "
            f"{meting['errors']} verbindingsfouten van {meting['requests']} verzoeken; deze pagina is niet gemeten."
        )
    return meting


def queries(user, path):
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend=oidc.BACKEND)  # as the session cookie: no second step
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    return response.status_code, len(ctx)


def piek_rss_mb(pid):
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith("VmHWM:"):
                return int(regel.split()[1]) / 1024
    except FileNotFoundError:
        return None
    return None


def kinderen(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def koud_ms(path, cookie, keer=5):
    """Latency of the first request after a data change (the cached figures and rows are rebuilt):
    median and maximum over ``keer`` changes, in ms."""
    import statistics
    import urllib.request

    from noordwijk_migratie.cache import verhoog_data_versie

    tijden = []
    for _ in range(keer):
        verhoog_data_versie()
        verzoek = urllib.request.Request(BASIS + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
        start = time.perf_counter()
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310
            antwoord.read()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden), max(tijden)


def alle_paginas(user, aantal=12):
    """Every GET page without arguments and every detail page (first object), in-process: the slowest
    ``aantal`` by the worst of 3 warm requests, with the first (cold) request beside it."""
    from django.urls import reverse

    from noordwijk_migratie.testdata.paginas import alle_urls, view_model

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend=oidc.BACKEND)  # as the session cookie: no second step
    uit = []
    for naam, patroon in alle_urls():
        if any(w in naam for w in ("logout", "delete", "download", "definitief")):
            continue
        args = []
        if patroon.pattern.regex.groupindex:
            model = view_model(patroon)[2]
            if list(patroon.pattern.regex.groupindex) != ["pk"] or model is None:
                continue
            obj = model.objects.order_by("pk").first()
            if obj is None:
                continue
            args = [obj.pk]
        pad = reverse(naam, args=args)
        tijden = []
        for _ in range(4):
            start = time.perf_counter()
            status = client.get(pad).status_code
            tijden.append((time.perf_counter() - start) * 1000)
        if status == 200:
            uit.append((max(tijden[1:]), tijden[0], pad))
    uit.sort(reverse=True)
    return len(uit), uit[:aantal]


def extra_metingen(metingen=None):
    """Report and import timings: (label, seconds, note) rows from scripts/bench_extra.py."""
    from bench_extra import METINGEN

    rijen = []
    for label, functie in metingen or METINGEN:
        start = time.perf_counter()
        notitie = functie() or ""
        rijen.append((label, time.perf_counter() - start, notitie))
    return rijen


def main():
    user, cookie = sessie_cookie()
    cookie = met_csrf_cookie(cookie)
    load_voor = laden()
    doelen = (
        [{"label": "Minimale Django-app", "path": "/", "url": MINIMAAL + "/", "minimaal": True}] if MINIMAAL else []
    )
    # a liveness probe sends no cookie; every other page is the logged-in bench user's
    doelen += [
        {"label": label, "path": path, "url": BASIS + path, "cookie": "" if path == "/healthz/live" else cookie}
        for label, path in paginas()
    ]
    for doel in doelen:
        doel.setdefault("cookie", cookie)
    for doel in doelen:
        status, locatie = status_zonder_redirect(doel["url"], doel["cookie"])
        if status != 200:
            sys.exit(f"FOUT: {doel['url']} gaf {status}{f' naar {locatie}' if locatie else ''} in plaats van 200.")
        if not doel.get("minimaal"):
            status, doel["queries"] = queries(user, doel["path"])
            assert status == 200, f"{doel['path']} gaf {status}"
        wrk(doel["url"], doel["cookie"], 2, 2)  # warm-up
    # the rounds go over all pages in turn, so a change in the machine's load hits every page alike
    for _ in range(RONDES):
        for doel in doelen:
            doel.setdefault("rondes", []).append(wrk(doel["url"], doel["cookie"], VERBINDINGEN, RONDE_SECONDEN))
    for doel in doelen:
        doel["rps"] = min_mediaan_max([r["rps"] for r in doel["rondes"]])
        mediaan = sorted(doel["rondes"], key=lambda r: r["rps"])[len(doel["rondes"]) // 2]
        doel["p50"], doel["p95"] = mediaan["p50"], mediaan["p95"]  # latency of the median round
        enkel = wrk(doel["url"], doel["cookie"], 1, 5)
        doel["p50_1"], doel["p95_1"] = enkel["p50"], enkel["p95"]
        if not doel.get("minimaal"):
            doel["koud"] = koud_ms(doel["path"], doel["cookie"])
    load_na = laden()
    paginas_totaal = alle_paginas(user)
    extra = extra_metingen()
    basis = os.environ.get("BENCH_BASIS_JSON")
    if basis and Path(basis).exists():
        extra = [tuple(r) for r in json.loads(Path(basis).read_text())] + extra
    web_rss = max((piek_rss_mb(p) or 0) for p in kinderen(int(os.environ["GUNICORN_PID"])))
    celery_rss = max(
        [piek_rss_mb(int(os.environ["CELERY_PID"])) or 0]
        + [piek_rss_mb(p) or 0 for p in kinderen(int(os.environ["CELERY_PID"]))]
    )
    load = (os.environ.get("BENCH_LOAD_START", "?"), load_voor, load_na, laden())
    schrijf(doelen, load, extra, web_rss, celery_rss, paginas_totaal)


def schrijf(resultaten, load, extra, web_rss, celery_rss, paginas_totaal):
    doel = ROOT / "docs" / "benchmarks.md"
    bestaand = doel.read_text() if doel.exists() else ""
    eerder = vorige_run(bestaand)
    minimaal = next((r["rps"][1] for r in resultaten if r.get("minimaal")), None)
    live = next(r["rps"][1] for r in resultaten if r["path"] == "/healthz/live")
    schaal = os.environ.get("BENCH_SCHAAL", "groot")
    regels = [
        "# Benchmarks",
        "",
        f"Gemeten op {datetime.datetime.now():%d-%m-%Y %H:%M} met `make bench` (schaal `{schaal}`), "
        f"{os.cpu_count()} cores, {platform.platform()}, gunicorn 2 workers met productie-instellingen, PostgreSQL "
        f"en Redis op loopback; doorvoer: wrk {RONDES} rondes van {RONDE_SECONDEN} s met {VERBINDINGEN} verbindingen "
        "(min / mediaan / max), latentie één gebruiker: 5 s met 1 verbinding. Verhoudingen gelden binnen één run.",
        "",
        f"Load van de machine (1 / 5 / 15 min, /proc/loadavg, {os.cpu_count()} cores): bij de start {load[0]}; "
        f"vóór de metingen {load[1]}; na de paginametingen {load[2]}; aan het eind {load[3]}.",
        "",
        "Cijfers en tabelrijen worden gecachet tot er gegevens wijzigen; de kolom **na wijziging** is het eerste",
        "verzoek nadat de gegevens wijzigden (mediaan / maximum over 5 wijzigingen, zonder cache).",
        "**Vorige run** is de mediaan req/s van de vorige run in dit bestand"
        + (f" ({eerder['wanneer']}, schaal `{eerder['schaal']}`)" if eerder else "")
        + " met het verschil van deze run ertegenover.",
        "",
        "| pagina | req/s mediaan (min–max) | vorige run | % van minimale Django-app | % van `/healthz/live` "
        "| p50 (ms) | p95 (ms) | p50 1 gebruiker | p95 1 gebruiker | na wijziging (ms) | queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in resultaten:
        laag, mediaan, hoog = r["rps"]
        koud = f"{r['koud'][0]:.0f} / {r['koud'][1]:.0f}" if "koud" in r else "–"
        regels.append(
            f"| {r['label']} (`{r['path']}`) | {mediaan:.0f} ({laag:.0f}–{hoog:.0f}) | "
            f"{vergelijking(mediaan, eerder['rps'].get(r['label']) if eerder else None)} | "
            f"{f'{100 * mediaan / minimaal:.1f} %' if minimaal else '–'} | {100 * mediaan / live:.1f} % | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p50_1']:.1f} | {r['p95_1']:.1f} | {koud} | {r.get('queries', '–')} |"
        )
    aantal, traagste = paginas_totaal
    regels += [
        "",
        f"Alle {aantal} pagina's zonder argumenten plus elke detailpagina (eerste object), in het proces gemeten "
        "(Django-testclient, productie-instellingen, zonder gunicorn): de traagste.",
        "",
        "| pagina | slechtste van 3 (ms) | eerste verzoek (ms) |",
        "|---|---:|---:|",
    ]
    regels += [f"| `{pad}` | {warm:.0f} | {eerste:.0f} |" for warm, eerste, pad in traagste]
    regels += ["", "| meting | tijd (s) | toelichting |", "|---|---:|---|"]
    regels += [f"| {label} | {sec:.2f} | {notitie} |" for label, sec, notitie in extra]
    regels += ["", f"Piek-RSS web worker: {web_rss:.0f} MB; Celery-worker: {celery_rss:.0f} MB.", ""]
    # docs/benchmarks.md: this run on top, then the hand-written sections ("## …", kept as they are),
    # then "## Eerdere runs" with the previous run pushed on top of the history
    voor, _, geschiedenis = bestaand.partition("## Eerdere runs")
    vorige, kop, handmatig = voor.partition("\n## ")
    handmatig = (kop + handmatig).strip()
    if vorige.strip():
        geschiedenis = "\n\n" + vorige.strip().replace("# Benchmarks", "### Run", 1) + geschiedenis
    delen = ["\n".join(regels), handmatig, "## Eerdere runs\n" + geschiedenis.rstrip()]
    doel.write_text("\n\n".join(d for d in delen if d) + "\n")
    print("\n".join(regels))


def alleen_basis():
    """Report timings on the baseline alone (run by bench.sh before the synthetic data is loaded)."""
    from bench_extra import METINGEN

    rapporten = [(f"{label} — basisgegevens", f) for label, f in METINGEN if "rapport" in label.lower()]
    Path(os.environ["BENCH_BASIS_JSON"]).write_text(json.dumps(extra_metingen(rapporten)))


if __name__ == "__main__":
    alleen_basis() if "--alleen-basis" in sys.argv else main()
