"""Pure helpers for `make bench` (no Django, no servers; tested in tests/test_bench.py): the rounds'
min / median / max, and the previous run's median req/s per page read back from docs/benchmarks.md."""

import re
import statistics

# a page row of a run's table: "| label (`path`) | 123 ..." (the first number is the (median) req/s)
_RIJ = re.compile(r"^\| (?P<label>.+?) \(`(?P<pad>[^`]+)`\) \| (?P<rps>\d+(?:\.\d+)?)\b", re.MULTILINE)
_KOP = re.compile(r"Gemeten op (?P<wanneer>[\d-]+ [\d:]+) met `make bench` \(schaal `(?P<schaal>\w+)`\)")


def min_mediaan_max(waarden):
    return min(waarden), statistics.median(waarden), max(waarden)


def vorige_run(tekst):
    """The latest run in docs/benchmarks.md (the section above its first "## "): its date, scale and
    req/s per page label; None without a run."""
    run = tekst.partition("\n## ")[0]
    kop = _KOP.search(run)
    if kop is None:
        return None
    return {
        "wanneer": kop["wanneer"],
        "schaal": kop["schaal"],
        "rps": {m["label"]: float(m["rps"]) for m in _RIJ.finditer(run)},
    }


def vergelijking(nu, vorige):
    """This run's median beside the previous run's, e.g. "201 (−12.3 %)"; "–" for a page it lacked."""
    if not vorige:
        return "–"
    return f"{vorige:.0f} ({100 * (nu - vorige) / vorige:+.1f} %)".replace("-", "−")
