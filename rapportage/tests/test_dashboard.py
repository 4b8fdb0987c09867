"""The dashboard shows per doelgroep the status with its rule, the key figures on the peildatum and
the signals, each figure linked to its page; it is cached until any data changes.

Each test changes the data and checks what the opgavemanager then sees (the baseline's own figures
are checked against the Bestuursopdracht in the apps' baseline tests)."""

import datetime
import re

import pytest
from django.urls import reverse

from opvang.models import Bezetting, Capaciteitsstand
from opvang.tests.factories import (
    BezettingFactory,
    CapaciteitsstandFactory,
    OpgaveFactory,
    OpvanglocatieFactory,
    doelgroep,
)
from rapportage import dashboard
from tests.queries import queries_van

pytestmark = pytest.mark.django_db
D = datetime.date
PEILDATUM = D(2025, 7, 15)
VOORJAAR_2025 = D(2025, 3, 1)  # a capacity stand of then is still current on PEILDATUM (< 180 days)


def paneel(gegevens, code):
    return next(p for p in gegevens["panelen"] if p["code"] == code)


def cijfers(p):
    return {c["label"]: c["waarde"] for c in p["cijfers"]}


def oekraine(peildatum=PEILDATUM):
    return paneel(dashboard.dashboard(peildatum), "oekraine")


def oekraine_signalen(peildatum=PEILDATUM):
    return [(s["ernst"], s["tekst"]) for s in dashboard.dashboard(peildatum)["signalen"] if "Oekraïense" in s["tekst"]]


def locatie(capaciteit, *, sinds=VOORJAAR_2025):
    """An Oekraïne location in use with ``capaciteit`` places, all usable (no unknown reasons)."""
    oek = doelgroep("oekraine")
    return CapaciteitsstandFactory(
        locatie=OpvanglocatieFactory(doelgroepen=[oek]),
        doelgroep=oek,
        ingangsdatum=sinds,
        plaatsen=capaciteit,
        niet_inzetbaar_calamiteiten=0,
        niet_inzetbaar_indelingsverlies=0,
        niet_inzetbaar_overig=0,
    )


@pytest.mark.parametrize(
    ("capaciteit", "status", "signaal"),
    [
        (100, "op_schema", None),  # as many places as the opgave
        (130, "op_schema", None),
        (90, "risico", "waarschuwing"),  # 10 short = 10 % of the opgave: still within the margin
        (89, "achter", "kritiek"),  # 11 short: more than 10 %
    ],
)
def test_status_en_signaal_volgen_de_regel_van_het_paneel(capaciteit, status, signaal):
    OpgaveFactory(doelgroep=doelgroep("oekraine"), geldig_vanaf=D(2025, 1, 1), plaatsen=100)
    locatie(capaciteit)
    p = oekraine()
    assert p["status"] == status
    assert cijfers(p)["Opgave"] == 100 and cijfers(p)["Beschikbaar"] == capaciteit
    assert cijfers(p)["Gat (opgave − beschikbaar)"] == 100 - capaciteit
    assert "risico als het tekort ten hoogste 10% van de opgave is" in p["regel"]
    assert [ernst for ernst, _tekst in oekraine_signalen()] == ([signaal] if signaal else [])


def test_een_wijziging_verandert_status_signaal_en_cijfers_op_de_pagina(manager_client):
    OpgaveFactory(doelgroep=doelgroep("oekraine"), geldig_vanaf=D(2025, 1, 1), plaatsen=100)
    stand = locatie(100)
    assert oekraine()["status"] == "op_schema" and not oekraine_signalen()

    stand.plaatsen = 80
    stand.save()  # the cached dashboard is not served after a change
    assert oekraine()["status"] == "achter"
    [(ernst, tekst)] = oekraine_signalen()
    assert ernst == "kritiek" and "Er ontbreken 20 plaatsen" in tekst
    html = manager_client.get(reverse("dashboard"), {"peildatum": PEILDATUM.isoformat()}).content.decode()
    assert "nw-signaal--kritiek" in html and "Er ontbreken 20 plaatsen" in html
    assert "Geen signalen" not in html

    Capaciteitsstand.objects.filter(pk=stand.pk).delete()
    assert cijfers(oekraine())["Beschikbaar"] == 0


def test_het_dashboard_uit_de_cache_volgt_elke_opslag_en_verwijdering():
    OpgaveFactory(doelgroep=doelgroep("oekraine"), geldig_vanaf=D(2025, 1, 1), plaatsen=100)
    stand = locatie(100)
    bezetting = BezettingFactory(locatie=stand.locatie, doelgroep=stand.doelgroep, datum=D(2025, 7, 1), aantal=60)
    assert cijfers(oekraine())["Bezet"] == 60
    bezetting.aantal = 75
    bezetting.save()
    assert cijfers(oekraine())["Bezet"] == 75
    Bezetting.objects.filter(pk=bezetting.pk).delete()
    assert cijfers(oekraine())["Bezet"] == 0


def test_de_peildatum_bepaalt_opgave_en_bezetting(manager_client):
    stand = locatie(300)
    OpgaveFactory(doelgroep=stand.doelgroep, geldig_vanaf=D(2025, 7, 1), plaatsen=221)
    for datum, aantal in ((D(2025, 3, 1), 50), (D(2025, 6, 1), 70), (D(2025, 8, 1), 90)):
        BezettingFactory(locatie=stand.locatie, doelgroep=stand.doelgroep, datum=datum, aantal=aantal)

    voorjaar = oekraine(D(2025, 4, 1))
    assert cijfers(voorjaar)["Bezet"] == 50  # the latest count on or before the peildatum
    assert cijfers(voorjaar)["Opgave"] == "geen" and voorjaar["status"] == "onbekend"  # not yet in force
    zomer = oekraine(D(2025, 7, 15))
    assert (cijfers(zomer)["Bezet"], cijfers(zomer)["Opgave"], zomer["status"]) == (70, 221, "op_schema")

    html = manager_client.get(reverse("dashboard"), {"peildatum": "2025-04-01"}).content.decode()
    assert "Stand op 01-04-2025" in html
    assert f'<a class="utrecht-link" href="{reverse("opvang:bezetting_list")}">50</a>' in html


def test_elk_paneel_cijfer_en_signaal_linkt_naar_een_pagina_die_opent(manager_client, basisgegevens):
    from taakstelling.tests.factories import PlaatsingFactory

    PlaatsingFactory(koppeldatum=D(2025, 1, 6))  # no offer within 10 weeks: a signal with a link
    gegevens = dashboard.dashboard(PEILDATUM)
    html = manager_client.get(reverse("dashboard"), {"peildatum": PEILDATUM.isoformat()}).content.decode()
    links = set(re.findall(r'href="([^"#]+)"', html))
    verwacht = {p["url"] for p in gegevens["panelen"]}
    verwacht |= {c["url"] for p in gegevens["panelen"] for c in p["cijfers"] if c["url"]}
    verwacht |= {s["url"] for s in gegevens["signalen"] if s.get("url")}
    assert len({p["code"] for p in gegevens["panelen"]}) == 4 and len(verwacht) > 10
    assert verwacht <= links, verwacht - links
    for url in sorted(verwacht):
        assert manager_client.get(url).status_code == 200, url
    # a figure without a page of its own is plain text, not a link
    zonder = [c for p in gegevens["panelen"] for c in p["cijfers"] if not c["url"]]
    assert zonder and all(f"<dd>{c['waarde']}" in html for c in zonder if isinstance(c["waarde"], int))


def test_de_grafiek_toont_de_bezetting_van_het_afgelopen_jaar(manager_client):
    OpgaveFactory(doelgroep=doelgroep("oekraine"), geldig_vanaf=D(2025, 1, 1), plaatsen=100)
    stand = locatie(500, sinds=D(2025, 2, 1))

    def oekraine_sectie():
        html = manager_client.get(reverse("dashboard"), {"peildatum": PEILDATUM.isoformat()}).content.decode()
        return html.split('aria-labelledby="paneel-oekraine"')[1].split("</section>")[0]

    def cellen(sectie):
        return re.findall(r"<td[^>]*>([^<]*)</td>", sectie)

    zonder = oekraine_sectie()
    assert "<svg" in zonder and "Gegevens als tabel" in zonder
    assert "437" not in cellen(zonder)
    BezettingFactory(locatie=stand.locatie, doelgroep=stand.doelgroep, datum=D(2025, 6, 1), aantal=437)
    BezettingFactory(locatie=stand.locatie, doelgroep=stand.doelgroep, datum=D(2024, 1, 1), aantal=211)
    met = cellen(oekraine_sectie())
    assert "437" in met  # on the chart's points from June on
    # the count of January 2024 is the latest before June, but more than 45 days old on every point of the
    # past year: the series is not extended past its last measurement
    assert "211" not in met


def test_module_taakstelling_uit_laat_de_andere_panelen_ongemoeid(manager_client, basisgegevens, settings):
    aan = {p["code"]: p for p in dashboard.dashboard(PEILDATUM)["panelen"]}
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    uit = {p["code"]: p for p in dashboard.dashboard(PEILDATUM)["panelen"]}
    assert set(aan) - set(uit) == {"statushouders"}
    assert uit == {code: p for code, p in aan.items() if code != "statushouders"}
    html = manager_client.get(reverse("dashboard"), {"peildatum": PEILDATUM.isoformat()}).content.decode()
    assert html.count('class="nw-paneel"') == 3


def test_dashboard_uit_cache_kost_vaste_queries(manager_client, basisgegevens):
    manager_client.get(reverse("dashboard"))
    assert queries_van(manager_client, reverse("dashboard")).aantal <= 6


def test_zonder_basisgegevens_toont_het_dashboard_wat_er_is(manager_client):
    """No doelgroepen yet: only the panels that need none; a doelgroep appears as soon as it exists."""
    leeg = dashboard.dashboard(PEILDATUM)
    assert [p["code"] for p in leeg["panelen"]] == ["statushouders", "internationale-werknemers"]
    # the one signal: no period holds the peildatum (issue 14)
    assert [s["url"] for s in leeg["signalen"]] == [reverse("taakstelling:periode_aanvullen")]
    html = manager_client.get(reverse("dashboard")).content.decode()
    assert "Internationale werknemers" in html
    assert set(cijfers(paneel(leeg, "internationale-werknemers")).values()) >= {"onbekend"}

    doelgroep("oekraine")
    p = oekraine()
    assert cijfers(p)["Opgave"] == "geen" and cijfers(p)["Beschikbaar"] == 0 and p["status"] == "onbekend"
