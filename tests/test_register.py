"""The app registry: every app declares what it contributes in its bijdragen.py, and switching a module
off removes all of it together (pages, navigation, index cards, panels, report sections, indicators,
signals) while the rest keeps working."""

import datetime
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from noordwijk_migratie import registry
from noordwijk_migratie.indicatoren import bereken
from noordwijk_migratie.registry import Peil
from rapportage import dashboard
from rapportage.secties import EVALUATIE, HALFJAAR

BASIS = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2025, 7, 15)


def test_elke_projectapp_registreert_zich_in_zijn_bijdragen():
    eigen = {
        c.label
        for c in apps.get_app_configs()
        if Path(c.path).is_relative_to(BASIS) and ".venv" not in Path(c.path).relative_to(BASIS).parts
    }
    assert set(registry.REGISTER) == eigen


def test_geen_handmatige_lijst_van_apps_meer():
    """The hand-kept lists of the review are gone: no code lists domain apps one after another (Django's
    INSTALLED_APPS in the settings is the one list Django itself needs)."""
    domein = registry.domein_labels()
    assert set(domein) == {"taakstelling", "opvang", "internationale_werknemers", "programma", "themasessies"}
    label = "|".join(domein)
    rij = re.compile(rf"[\"']({label})[\"']\s*,\s*[\"']({label})[\"']")
    verdacht = []
    for pad in BASIS.glob("**/*.py"):
        delen = pad.relative_to(BASIS).parts
        if {".venv", "node_modules", "migrations", "settings"} & set(delen) or pad == Path(__file__).resolve():
            continue
        if rij.search(pad.read_text(encoding="utf-8")):
            verdacht.append("/".join(delen))
    assert verdacht == []


def test_pyproject_somt_geen_testmappen_op():
    assert "testpaths" not in (BASIS / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.django_db
def test_dashboardpanelen_komen_uit_het_register(basisgegevens):
    codes = [p["code"] for p in dashboard.dashboard(PEILDATUM)["panelen"]]
    assert codes == [p.code for p in registry.panelen()]
    # a panel and its report section share their data function
    peil = Peil(PEILDATUM)
    paneel = next(p for p in registry.panelen() if p.code == "oekraine").functie(peil)
    sectie = next(s for s in registry.secties(HALFJAAR) if s.code == "oekraine").functie(peil)
    assert {k: v for k, v in sectie.items() if k != "sjabloon"} == paneel


@pytest.mark.django_db
def test_een_nieuwe_indicator_is_een_keuze_zonder_migratie(basisgegevens, monkeypatch):
    from programma.models import Indicator

    iw = registry.app("internationale_werknemers")
    nieuw = registry.Indicator("iw_proef", lambda d: None, "Proefindicator")
    monkeypatch.setattr(iw, "indicatoren", (*iw.indicatoren, nieuw))
    indicator = Indicator.objects.exclude(berekening=None).first()
    indicator.berekening = "iw_proef"
    indicator.full_clean()  # a valid choice, without a migration
    assert indicator.get_berekening_display() == "Proefindicator"


@pytest.mark.django_db
def test_module_uit_haalt_alles_van_de_module_weg(settings, manager_client, basisgegevens):
    taakstelling = registry.app("taakstelling")
    aan = {
        "panelen": {p.code for p in taakstelling.panelen},
        "secties": {s.code for s in taakstelling.secties},
        "indicatoren": {i.code for i in taakstelling.indicatoren},
    }
    assert all(aan.values())
    from taakstelling.tests.factories import PlaatsingFactory

    PlaatsingFactory(koppeldatum=datetime.date(2025, 1, 6))  # no offer after 10 weeks: a signal
    signaal = "koppeling(en) zonder woningaanbod binnen 10 weken"
    assert any(signaal in s["tekst"] for s in dashboard.dashboard(PEILDATUM)["signalen"])
    html_aan = manager_client.get(reverse("dashboard"), {"peildatum": "2025-07-15"}).content.decode()
    assert reverse("taakstelling:index") in html_aan

    settings.MODULE_TAAKSTELLING_ACTIEF = False
    assert not taakstelling.actief
    # pages: every page of the app answers 404 with the explanation
    for naam in ("taakstelling:index", "taakstelling:plaatsing_list", "taakstelling:periode_add"):
        response = manager_client.get(reverse(naam))
        assert response.status_code == 404
        assert "Module statushouders staat uit" in response.content.decode()
    # navigation and dashboard
    response = manager_client.get(reverse("dashboard"), {"peildatum": "2025-07-15"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("taakstelling:index") not in html
    assert "Statushouders" not in [item["label"] for item in response.context["navigatie"]]
    gegevens = dashboard.dashboard(PEILDATUM)
    assert not aan["panelen"] & {p["code"] for p in gegevens["panelen"]}
    assert gegevens["signalen"] and not any(signaal in s["tekst"] for s in gegevens["signalen"])
    # reports
    assert not aan["secties"] & {s.code for soort in (HALFJAAR, EVALUATIE) for s in registry.secties(soort)}
    # indicators
    assert not aan["indicatoren"] & set(registry.indicatoren())
    assert bereken("taakstelling_voldaan", datetime.date(2025, 7, 1)) is None
    # the rest keeps working
    assert manager_client.get(reverse("opvang:index")).status_code == 200
    assert manager_client.get(reverse("kern:beheer")).status_code == 200
