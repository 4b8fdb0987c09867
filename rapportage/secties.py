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


def _paneel_blok(paneel, peil) -> dict | None:
    """A doelgroep's kernboodschap block from its dashboard panel: the opgave, the other key figures as
    the stand, the panel's status word and rule."""
    from noordwijk_migratie.panelen import gedeeld_paneel

    from .templatetags.rapport_pdf import cijfer_regel

    data = gedeeld_paneel(paneel.functie, peil)
    if not data:
        return None
    opgave = next((c for c in data["cijfers"] if c["label"] == str(_("Opgave"))), None)
    overige = [cijfer_regel(c) for c in data["cijfers"] if c is not opgave][:4]
    return {
        "opgave": cijfer_regel(opgave)[1] if opgave else "",
        "stand": "; ".join(f"{label}: {waarde}" for label, waarde in overige) + ".",
        "status": data["status"],
        "status_label": data["status_label"] or str(_("onbekend")),
        "regel": data["regel"],
    }


def _maatregelen(doelgroep: str) -> dict:
    """The steering measures for a doelgroep: the programme's actions for it, running, planned and
    deliberately not done (with the reason)."""
    from programma.models import Actie

    acties = list(
        Actie.objects.filter(doelgroepen__code=doelgroep)
        .order_by("code")
        .distinct()
        .values_list("status", "code", "reden_niet_uitvoeren")
    )
    return {
        "lopend": sum(status in ("loopt", "vertraagd") for status, _c, _r in acties),
        "gepland": sum(status == "niet_gestart" for status, _c, _r in acties),
        "afgerond": sum(status == "afgerond" for status, _c, _r in acties),
        "bewust_niet": [
            {"code": code or "", "reden": reden} for status, code, reden in acties if status == "bewust_niet"
        ],
    }


def _vorige(soort_code: str, peildatum: date) -> dict:
    """The blocks of the previous report of the same kind (the latest version before ``peildatum``)."""
    from .models import Rapport, Status

    vorige = (
        Rapport.objects.filter(soort=soort_code, peildatum__lt=peildatum, status=Status.KLAAR)
        .order_by("-peildatum", "-definitief", "-versie")
        .only("peildatum", "snapshot")
        .first()
    )
    if vorige is None:
        return {}
    blokken = ((vorige.snapshot.get("kernboodschap") or {}).get("data") or {}).get("blokken") or []
    return {"peildatum": vorige.peildatum.isoformat(), "blokken": {b["code"]: b for b in blokken}}


def kernboodschap(peil) -> dict:
    """Page 1 of the halfjaarrapportage: per doelgroep the opgave, the stand on the peildatum, one status
    word with its rule, the change since the previous halfjaarrapportage and the steering measures. The
    figures are the dashboard panels' (``Paneel.kern`` where a doelgroep needs more than its panel; such a
    block may add a ``melding``, a ``vooruit`` sentence and the interbestuurlijk ``toezicht``)."""
    from noordwijk_migratie import registry

    vorige = _vorige(HALFJAAR, peil.datum)
    blokken = []
    for paneel in registry.panelen():
        blok = paneel.kern(peil) if paneel.kern else _paneel_blok(paneel, peil)
        if blok is None:
            continue
        eerder = vorige.get("blokken", {}).get(paneel.code)
        blokken.append(
            {
                **blok,
                "code": paneel.code,
                "titel": str(doelgroep_naam(paneel.code)),
                "vorige": {"status_label": eerder["status_label"], "stand": eerder["stand"]} if eerder else None,
                "maatregelen": _maatregelen(paneel.code),
            }
        )
    return {"periode": halfjaar_label(peil.datum), "vorige_peildatum": vorige.get("peildatum"), "blokken": blokken}


def doelgroep_naam(doelgroep: str) -> str:
    """The doelgroep's name (reference data), else its code."""
    from noordwijk_migratie.models import Doelgroep

    return Doelgroep.objects.filter(code=doelgroep).values_list("naam", flat=True).first() or doelgroep


def evaluatie_omslag(peil) -> dict:
    return {**_omslag(EVALUATIE, peil.datum), "periode": str(_("Bestuursopdracht 2025–2027"))}


def evaluatie_samenvatting(peil) -> dict:
    return {"peildatum": peil.datum.isoformat()}


def evaluatie_conclusies(peil) -> dict:
    return {}


def evaluatie_vervolgopdracht(peil) -> dict:
    return {"vraag": str(_("Is een vervolgopdracht gewenst?"))}


@dataclass(frozen=True)
class GeenGrafiek:
    """A chart spec with no course to show, written as one sentence instead of drawn."""

    title: str
    zin: str


def te_tekenen(spec: dict):
    """The chart of ``spec`` (``noordwijk_migratie.charts.maak_grafiek``), or a :class:`GeenGrafiek`
    sentence when it has fewer than two points with a value or only zeros."""
    gevuld = [(x, v) for r in spec.get("reeksen", []) for x, v in r["punten"] if v is not None]
    punten, waarden = {x for x, _v in gevuld}, [v for _x, v in gevuld]
    spec = _met_periodenamen(spec)
    titel = spec.get("titel", "")
    if len(punten) < 2:
        return GeenGrafiek(
            titel, str(_("%(titel)s: er is nog geen verloop te tonen (minder dan twee meetpunten).") % {"titel": titel})
        )
    if not any(waarden):
        return GeenGrafiek(
            titel, str(_("%(titel)s: alle waarden zijn 0, daarom is er geen grafiek getekend.") % {"titel": titel})
        )
    return maak_grafiek(spec)


def _met_periodenamen(spec: dict) -> dict:
    """The chart with period labels written the report's way (``2025-H1`` -> ``1e halfjaar 2025``)."""
    from .templatetags.rapport_pdf import periode

    def x(waarde):
        return periode(waarde) if isinstance(waarde, str) else waarde

    return {
        **spec,
        "titel": periode(spec.get("titel", "")),
        "categorieen": [periode(c) for c in spec.get("categorieen", [])],
        "reeksen": [{**r, "punten": [[x(p), v] for p, v in r["punten"]]} for r in spec.get("reeksen", [])],
    }


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
                grafieken=[te_tekenen(spec) for spec in data.get("grafieken", [])],
            )
        )
    return sorted(secties, key=lambda s: (s.volgorde, s.code))
