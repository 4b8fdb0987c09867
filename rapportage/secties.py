"""Pluggable content of the reports: report kinds (soorten) and their sections (secties).

A report is built in two steps (see ``rapportage.services.bouw_rapport``):

1. the **snapshot**: every registered section function is called with the peildatum and returns
   JSON-serialisable data; the snapshot ``{code: {"titel", "volgorde", "data", "toelichting", ...}}``
   is stored on the ``Rapport`` (so a report can always be reproduced from it);
2. the **rendering**: ``templates/pdf/rapport.html`` includes ``templates/pdf/secties/<code>.html``
   for each section, with the section's ``data`` (and charts built from it) in the context.
   Templates only read the snapshot; they never query the database.

Adding a domain section is a ~10-line job, e.g. the period table of the taakstelling::

    # taakstelling/rapportsecties.py (any module imported by an AppConfig.ready(), or in this file)
    from rapportage.secties import HALFJAAR, grafiek_lijn, sectie

    @sectie(HALFJAAR, "taakstelling_perioden", "Taakstelling per periode", volgorde=30)
    def taakstelling_perioden(peildatum):
        rijen = services.periodetabel(peildatum)          # the app's own (pure) service
        return {
            "rijen": [asdict(r) for r in rijen],          # only JSON: numbers, strings, ISO dates
            "grafieken": [grafiek_lijn("Realisatie", {"Realisatie": [(r.periode, r.realisatie) for r in rijen]})],
        }

and a template ``templates/pdf/secties/taakstelling_perioden.html`` that renders ``data.rijen``
(charts: ``{% for chart in grafieken %}{% include "includes/chart.html" %}{% endfor %}``). Without
a template the section falls back to ``pdf/secties/standaard.html`` (title, toelichting, charts).
Every section gets a *toelichting* (narrative by the advisors, ``Toelichting`` model) unless
``toelichting=False``. Section modules named ``<app>.rapportsecties`` are imported automatically.

Charts are stored in the snapshot as data (``grafiek_lijn`` / ``grafiek_staaf``) and drawn with
``noordwijk_migratie.charts`` at rendering time (``maak_grafiek``), as vector SVG in the PDF. Many
series side by side (the evaluatierapport's indicators) are drawn as small multiples instead:
``{% load rapport_pdf %}{% for rij in indicatoren|kleine_grafieken:3 %}`` gives rows of (item, chart)
with a lean SVG each (``charts.small_line_chart``). WeasyPrint's cost grows with boxes, SVG nodes and
SVG text characters (it lays SVG text out letter by letter), so keep long PDF content plain.

A new report kind: ``soort("code", "Titel", peildatum_regel)`` plus sections for it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Charts are stored in snapshots as data; the chart module draws them (browser and PDF alike).
# Re-exported here for the section modules.
from noordwijk_migratie.charts import format_date, grafiek_lijn, grafiek_staaf, maak_grafiek  # noqa: F401

HALFJAAR = "halfjaarrapportage"
EVALUATIE = "evaluatierapport"


def is_halfjaar_peildatum(peildatum: date) -> bool:
    """A peildatum of the halfjaarrapportage is 1 January or 1 July."""
    return peildatum.day == 1 and peildatum.month in (1, 7)


def elke_datum(peildatum: date) -> bool:
    return True


@dataclass(frozen=True)
class Soort:
    code: str
    titel: str
    peildatum_geldig: Callable[[date], bool] = elke_datum
    peildatum_fout: str = ""


@dataclass(frozen=True)
class Sectie:
    soort: str
    code: str
    titel: str
    volgorde: int
    functie: Callable[[date], dict]
    toelichting: bool = True
    in_inhoudsopgave: bool = True

    @property
    def template(self) -> str:
        return f"pdf/secties/{self.code}.html"


SOORTEN: dict[str, Soort] = {}
SECTIES: dict[str, dict[str, Sectie]] = {}


def soort(code: str, titel, peildatum_geldig=elke_datum, peildatum_fout="") -> Soort:
    SOORTEN[code] = Soort(code, titel, peildatum_geldig, peildatum_fout)
    SECTIES.setdefault(code, {})
    return SOORTEN[code]


def soort_keuzes() -> list[tuple[str, Any]]:
    """Choices for ``Rapport.soort`` (a callable, so a new kind needs no migration)."""
    return [(s.code, s.titel) for s in SOORTEN.values()]


def sectie(soort_code: str, code: str, titel, volgorde: int, *, toelichting: bool = True, in_inhoudsopgave=True):
    """Register ``functie(peildatum) -> dict`` as section ``code`` of report kind ``soort_code``."""

    def decorator(functie):
        SECTIES.setdefault(soort_code, {})[code] = Sectie(
            soort_code, code, titel, volgorde, functie, toelichting, in_inhoudsopgave
        )
        return functie

    return decorator


def secties_voor(soort_code: str) -> list[Sectie]:
    laad_app_secties()
    return sorted(SECTIES.get(soort_code, {}).values(), key=lambda s: (s.volgorde, s.code))


_geladen = False


def laad_app_secties():
    """Import ``<app>.rapportsecties`` of every project app once (they register with @sectie)."""
    global _geladen
    if _geladen:
        return
    from noordwijk_migratie.roles import DOMEIN_APPS

    for app in DOMEIN_APPS:
        if find_spec(app) and find_spec(f"{app}.rapportsecties"):
            import_module(f"{app}.rapportsecties")
    _geladen = True


# --- the report kinds and the sections available on every branch --------------------------------

soort(
    HALFJAAR,
    _("Halfjaarrapportage taakstelling"),
    is_halfjaar_peildatum,
    _("De peildatum van een halfjaarrapportage is 1 januari of 1 juli."),
)
soort(EVALUATIE, _("Evaluatierapport juni 2027"))


def halfjaar_label(peildatum: date) -> str:
    """The half year that ends on the day before the peildatum: 1-7-2025 -> "1e halfjaar 2025"."""
    if peildatum.month >= 7:
        return str(_("1e halfjaar %(jaar)s") % {"jaar": peildatum.year})
    return str(_("2e halfjaar %(jaar)s") % {"jaar": peildatum.year - 1})


def _omslag(soort_code: str, peildatum: date) -> dict:
    from django.utils import timezone

    return {
        "gemeente": settings.GEMEENTE_NAAM,
        "titel": str(SOORTEN[soort_code].titel),
        "peildatum": peildatum.isoformat(),
        "opgesteld_op": format_date(timezone.localdate()),
        "organisatie": str(_("Opgaveteam asiel en migratie")),
    }


@sectie(HALFJAAR, "omslag", _("Omslag"), 0, toelichting=False, in_inhoudsopgave=False)
def halfjaar_omslag(peildatum: date) -> dict:
    return {**_omslag(HALFJAAR, peildatum), "periode": halfjaar_label(peildatum)}


@sectie(HALFJAAR, "samenvatting", _("Samenvatting"), 10)
def halfjaar_samenvatting(peildatum: date) -> dict:
    return {"periode": halfjaar_label(peildatum), "peildatum": peildatum.isoformat()}


@sectie(EVALUATIE, "omslag", _("Omslag"), 0, toelichting=False, in_inhoudsopgave=False)
def evaluatie_omslag(peildatum: date) -> dict:
    return {**_omslag(EVALUATIE, peildatum), "periode": str(_("Bestuursopdracht 2025–2027"))}


@sectie(EVALUATIE, "samenvatting", _("Samenvatting"), 10)
def evaluatie_samenvatting(peildatum: date) -> dict:
    return {"peildatum": peildatum.isoformat()}


@sectie(EVALUATIE, "conclusies", _("Conclusies"), 900)
def evaluatie_conclusies(peildatum: date) -> dict:
    return {}


@sectie(EVALUATIE, "vervolgopdracht", _("Vervolgopdracht"), 910)
def evaluatie_vervolgopdracht(peildatum: date) -> dict:
    return {"vraag": str(_("Is een vervolgopdracht gewenst?"))}


@dataclass
class GerenderdeSectie:
    """One section of a snapshot, ready for the templates."""

    code: str
    titel: str
    volgorde: int
    data: dict
    toelichting: str
    template: str
    in_inhoudsopgave: bool
    heeft_toelichting: bool = True
    grafieken: list = field(default_factory=list)


def uit_snapshot(snapshot: dict) -> list[GerenderdeSectie]:
    """The sections of a stored snapshot, ordered, with their charts drawn and their template chosen
    (``pdf/secties/<data["sjabloon"]>.html`` when the data names one, else ``pdf/secties/<code>.html``,
    else ``pdf/secties/standaard.html``)."""
    from django.template.loader import select_template

    secties = []
    for code, item in snapshot.items():
        data = item.get("data") or {}
        secties.append(
            GerenderdeSectie(
                code=code,
                titel=item.get("titel", code),
                volgorde=item.get("volgorde", 0),
                data=data,
                toelichting=item.get("toelichting", ""),
                template=select_template(
                    [f"pdf/secties/{naam}.html" for naam in (data.get("sjabloon"), code) if naam]
                    + ["pdf/secties/standaard.html"]
                ).template.name,
                in_inhoudsopgave=item.get("in_inhoudsopgave", True),
                heeft_toelichting=item.get("heeft_toelichting", True),
                grafieken=[maak_grafiek(spec) for spec in data.get("grafieken", [])],
            )
        )
    return sorted(secties, key=lambda s: (s.volgorde, s.code))
