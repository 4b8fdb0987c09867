"""Report kinds (soorten) and the rendering side of their sections.

The sections themselves are contributions of the apps, declared in each app's ``bijdragen.py`` as
``Sectie(soort, code, titel, volgorde, functie)`` (see :mod:`noordwijk_migratie.registry`); the
sections of a kind are ``registry.secties(soort)``. A report is built in two steps (see
``rapportage.services.bouw_rapport``):

1. the **snapshot**: every section function is called with one :class:`~noordwijk_migratie.registry.Peil`
   for the peildatum and returns JSON-serialisable data; the snapshot
   ``{code: {"titel", "volgorde", "data", "toelichting", ...}}`` is stored on the ``Rapport`` (so a
   report can always be reproduced from it);
2. the **rendering**: ``templates/pdf/rapport.html`` includes ``templates/pdf/secties/<code>.html``
   for each section, with the section's ``data`` (and charts built from it) in the context.
   Templates only read the snapshot; they never query the database.

A section function is a few lines, e.g. the period table of the taakstelling::

    def taakstelling_perioden(peil):
        rijen = panelen.overzicht(peil)                   # the app's own figures, shared with its panel
        return {
            "rijen": [asdict(r) for r in rijen],          # only JSON: numbers, strings, ISO dates
            "grafieken": [grafiek_lijn("Realisatie", {"Realisatie": [(r.label, r.realisatie) for r in rijen]})],
        }

with a template ``templates/pdf/secties/taakstelling_perioden.html`` that renders ``data.rijen``
(charts: ``{% for chart in grafieken %}{% include "includes/chart.html" %}{% endfor %}``). Without
a template the section falls back to ``pdf/secties/standaard.html`` (title, toelichting, charts).
Every section gets a *toelichting* (narrative by the advisors, ``Toelichting`` model) unless
``toelichting=False``. A dashboard panel becomes a section with ``panelen.als_sectie(functie)``.

Charts are stored in the snapshot as data (``grafiek_lijn`` / ``grafiek_staaf``) and drawn with
``noordwijk_migratie.charts`` at rendering time (``maak_grafiek``), as vector SVG in the PDF. Many
series side by side (the evaluatierapport's indicators) are drawn as small multiples instead:
``{% load rapport_pdf %}{% for rij in indicatoren|kleine_grafieken:3 %}`` gives rows of (item, chart)
with a lean SVG each (``charts.maak_kleine_grafiek``). WeasyPrint's cost grows with boxes, SVG nodes and
SVG text characters (it lays SVG text out letter by letter), so keep long PDF content plain.

A new report kind: ``soort("code", "Titel", peildatum_regel)`` here, plus sections for it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.charts import maak_grafiek
from noordwijk_migratie.getallen import datum

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


SOORTEN: dict[str, Soort] = {}


def soort(code: str, titel, peildatum_geldig=elke_datum, peildatum_fout="") -> Soort:
    SOORTEN[code] = Soort(code, titel, peildatum_geldig, peildatum_fout)
    return SOORTEN[code]


def soort_keuzes() -> list[tuple[str, Any]]:
    """Choices for ``Rapport.soort`` (a callable, so a new kind needs no migration)."""
    return [(s.code, s.titel) for s in SOORTEN.values()]


# --- the report kinds and the sections of the report itself (declared in bijdragen.py) --------------------------------

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
        "opgesteld_op": datum(timezone.localdate()),
        "organisatie": str(_("Opgaveteam asiel en migratie")),
    }


def halfjaar_omslag(peil) -> dict:
    return {**_omslag(HALFJAAR, peil.datum), "periode": halfjaar_label(peil.datum)}


def halfjaar_samenvatting(peil) -> dict:
    return {"periode": halfjaar_label(peil.datum), "peildatum": peil.datum.isoformat()}


def evaluatie_omslag(peil) -> dict:
    return {**_omslag(EVALUATIE, peil.datum), "periode": str(_("Bestuursopdracht 2025–2027"))}


def evaluatie_samenvatting(peil) -> dict:
    return {"peildatum": peil.datum.isoformat()}


def evaluatie_conclusies(peil) -> dict:
    return {}


def evaluatie_vervolgopdracht(peil) -> dict:
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
