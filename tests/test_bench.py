"""`make bench` compares each run with the previous one in docs/benchmarks.md: the previous run's
median req/s per page is read back from its table (the old single-round format and the current one)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_vorige import min_mediaan_max, vergelijking, vorige_run  # noqa: E402

OUDE_RUN = """# Benchmarks

Gemeten op 28-11-2026 06:17 met `make bench` (schaal `groot`), 2 cores, Linux, gunicorn 2 workers.

| pagina | req/s | verhouding tot kale view | p50 (ms) |
|---|---:|---:|---:|
| Kale view (`/healthz/live`) | 823 | 100.0 % | 9.5 |
| Plaatsingen (filter, 50 per pagina) (`/statushouders/plaatsingen/?status=gehuisvest&per_page=50`) | 88 | 10.7 % | 89.2 |

| pagina | slechtste van 3 (ms) | eerste verzoek (ms) |
|---|---:|---:|
| `/opvang/bezetting/invoeren/` | 180 | 64 |

## Doelen

| Dashboard (`/`) | 999 | een tabel in de handgeschreven tekst hoort niet bij de run |
"""

NIEUWE_RUN = """# Benchmarks

Gemeten op 02-12-2026 05:01 met `make bench` (schaal `klein`), 2 cores, …

| pagina | req/s mediaan (min–max) | vorige run | % van minimale Django-app |
|---|---:|---:|---:|
| Minimale Django-app (`/`) | 2598 (2401–2650) | – | 100.0 % |
| Dashboard (`/`) | 201 (190–210) | 180 (+11.7 %) | 7.7 % |
"""


def test_vorige_run_oud_formaat():
    vorige = vorige_run(OUDE_RUN)
    assert vorige == {
        "wanneer": "28-11-2026 06:17",
        "schaal": "groot",
        "rps": {"Kale view": 823, "Plaatsingen (filter, 50 per pagina)": 88},
    }


def test_vorige_run_nieuw_formaat_leest_de_mediaan():
    vorige = vorige_run(NIEUWE_RUN)
    assert vorige["schaal"] == "klein"
    assert vorige["rps"] == {"Minimale Django-app": 2598, "Dashboard": 201}


def test_zonder_run_geen_vergelijking():
    assert vorige_run("# Benchmarks\n\n## Doelen\n") is None
    assert vergelijking(200, None) == "–"


def test_vergelijking_en_rondes():
    assert vergelijking(190, 200) == "200 (−5.0 %)"
    assert vergelijking(220, 200) == "200 (+10.0 %)"
    assert min_mediaan_max([310.0, 290.0, 305.0]) == (290.0, 305.0, 310.0)
