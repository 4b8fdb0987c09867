"""Pages, validation, lost updates, module switch and the baseline as users see them."""

import json
from dataclasses import asdict
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from taakstelling import queries
from taakstelling.models import Periode

from .factories import NareizigerFactory, PeriodeFactory, PlaatsingFactory

pytestmark = pytest.mark.django_db


def lopend_halfjaar(netto=30, **kw):
    vandaag = timezone.localdate()
    if vandaag.month <= 6:
        begin, eind = date(vandaag.year, 1, 1), date(vandaag.year, 6, 30)
    else:
        begin, eind = date(vandaag.year, 7, 1), date(vandaag.year, 12, 31)
    return PeriodeFactory(begindatum=begin, einddatum=eind, netto_taakstelling=netto, **kw)


def rij(html, label):
    start = html.index(f'data-periode="{label}"')
    return html[start : html.index("</tr>", start)]


def test_pagina_toont_de_basislijn_precies(adviseur_client, basisgegevens):
    response = adviseur_client.get(reverse("taakstelling:index"))
    html = response.content.decode()
    verwacht = {"2022": ("62", "81", "+19"), "2023": ("79", "62", "−17"), "2024": ("108", "83", "−25")}
    for label, (gecorrigeerd, realisatie, saldo) in verwacht.items():
        r = rij(html, label)
        assert f'data-kolom="gecorrigeerd">{gecorrigeerd}<' in r
        assert f'data-kolom="realisatie">{realisatie}<' in r
        assert f'data-kolom="saldo_eind">{saldo}' in r
        assert "officieel totaal van de periode" in r
    r = rij(html, "2025-H1")
    assert 'data-kolom="netto">38<' in r and 'data-kolom="saldo_begin">−25<' in r
    assert 'data-kolom="gecorrigeerd">63<' in r
    # every link of the index is reachable
    for url_name in (
        "periode_list",
        "plaatsing_list",
        "tredehistorie_list",
        "regio_vergelijking",
        "inburgeringcohort_list",
        "coastand_list",
    ):
        assert reverse(f"taakstelling:{url_name}") in html


def test_basislijn_is_herhaalbaar_en_trede_en_trampoline_zijn_gegevens(basisgegevens):
    from django.core.management import call_command

    from taakstelling.models import TijdelijkeLocatie

    call_command("laad_basisgegevens", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Periode.objects.count() == 4
    status = queries.interventieladder_status(date(2025, 7, 1))
    assert (status.trede, status.sinds) == (3, "01-03-2025")
    assert TijdelijkeLocatie.objects.get(naam="Trampoline II").maximum_statushouders == 10


def test_opgavemanager_heeft_het_recht_afgesloten_periode_te_wijzigen(maak_gebruiker):
    assert maak_gebruiker("opgavemanager").has_perm("taakstelling.wijzig_afgesloten_periode")
    assert not maak_gebruiker("beleidsadviseur", username="a").has_perm("taakstelling.wijzig_afgesloten_periode")


def _periode_post(begin, eind, netto=10, **extra):
    return {"begindatum": begin, "einddatum": eind, "netto_taakstelling": netto, "bron": "", "notities": "", **extra}


@pytest.mark.parametrize(
    ("begin", "eind", "netto", "melding"),
    [
        ("2301-01-01", "2301-06-30", 10, "overlapt"),
        ("2302-01-01", "2302-06-30", 10, "gat"),
        ("2301-07-01", "2301-03-31", 10, "De einddatum moet na de begindatum liggen."),
        ("2301-07-01", "2301-12-31", -5, "De netto taakstelling kan niet negatief zijn."),
        ("2301-08-01", "2301-12-31", 5, "Een periode is een half jaar"),
    ],
)
def test_foute_periode_geeft_nederlandse_melding_en_niets_opgeslagen(manager_client, begin, eind, netto, melding):
    PeriodeFactory(begindatum=date(2301, 1, 1), einddatum=date(2301, 6, 30))
    response = manager_client.post(reverse("taakstelling:periode_add"), _periode_post(begin, eind, netto))
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert Periode.objects.count() == 1


def test_aansluitende_periode_wordt_opgeslagen(manager_client):
    PeriodeFactory(begindatum=date(2301, 1, 1), einddatum=date(2301, 6, 30))
    response = manager_client.post(reverse("taakstelling:periode_add"), _periode_post("2301-07-01", "2301-12-31"))
    assert response.status_code == 302
    assert Periode.objects.get(begindatum=date(2301, 7, 1)).label == "2301-H2"


def test_afgesloten_periode_alleen_door_opgavemanager_te_wijzigen(client, maak_gebruiker):
    periode = PeriodeFactory(begindatum=date(2020, 1, 1), einddatum=date(2020, 6, 30), netto_taakstelling=10)
    url = reverse("taakstelling:periode_edit", args=[periode.pk])
    data = _periode_post("2020-01-01", "2020-06-30", 99, geladen_versie=1)
    client.force_login(maak_gebruiker("beleidsadviseur"))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "alleen de opgavemanager mag haar cijfers nog corrigeren" in response.content.decode()
    periode.refresh_from_db()
    assert periode.netto_taakstelling == 10
    client.force_login(maak_gebruiker("opgavemanager"))
    response = client.post(url, data)
    assert response.status_code == 200  # a correction after closing needs its reason
    assert "Vul de reden van deze correctie na afsluiten in" in response.content.decode()
    assert client.post(url, {**data, "reden_correctie": "brief van het Rijk gecorrigeerd"}).status_code == 302
    periode.refresh_from_db()
    assert periode.netto_taakstelling == 99
    assert periode.correcties.get().reden == "brief van het Rijk gecorrigeerd"


def _plaatsing_post(p, **wijzig):
    data = {
        "koppeldatum": p.koppeldatum.isoformat(),
        "samenstelling": p.samenstelling,
        "volwassenen": p.volwassenen,
        "minderjarigen": p.minderjarigen,
        "verwachte_nareizigers": 0,
        "woonvorm": "",
        "tijdelijke_locatie": "",
        "corporatie": "",
        "datum_woning_aangeboden": "",
        "datum_huurovereenkomst": "",
        "datum_gehuisvest": "",
        "beeindiging": "",
        "datum_beeindigd": "",
        "reden_beeindiging": "",
        "coa_referentie": "",
        "volgnummer": p.volgnummer,
        "geladen_versie": p.versie,
    }
    data.update(wijzig)
    return data


def test_tweede_adviseur_overschrijft_niets_ongemerkt(client, maak_gebruiker):
    p = PlaatsingFactory(samenstelling="overig", volwassenen=1)
    url = reverse("taakstelling:plaatsing_edit", args=[p.pk])
    eerste = _plaatsing_post(p, volwassenen=2)
    tweede = _plaatsing_post(p, volwassenen=5)  # opened the form at the same version
    client.force_login(maak_gebruiker("beleidsadviseur", username="adviseur-1"))
    assert client.post(url, eerste).status_code == 302
    client.force_login(maak_gebruiker("beleidsadviseur", username="adviseur-2"))
    response = client.post(url, tweede)
    assert response.status_code == 200
    assert "Uw wijzigingen zijn niet opgeslagen" in response.content.decode()
    p.refresh_from_db()
    assert (p.volwassenen, p.versie) == (2, 2)


@pytest.mark.parametrize(
    ("wijzig", "veld_melding"),
    [
        (
            {"datum_gehuisvest": "2024-03-01"},
            "Vul de ingangsdatum van de huurovereenkomst in: het huishouden is al gehuisvest op 01-03-2024.",
        ),
        (
            {"datum_woning_aangeboden": "2023-01-01", "woonvorm": "corporatiewoning"},
            "De datum woning aangeboden (01-01-2023) ligt vóór de koppeling (10-01-2024).",
        ),
        ({"datum_woning_aangeboden": "2024-02-01"}, "Vul de woonvorm in zodra een woning is aangeboden."),
        ({"beeindiging": "geannuleerd"}, "Vul de reden van ontkoppeling of annulering in."),
        ({"volwassenen": 0, "minderjarigen": 0}, "Een huishouden bestaat uit ten minste één persoon."),
    ],
)
def test_plaatsing_validatie_in_het_nederlands(adviseur_client, wijzig, veld_melding):
    p = PlaatsingFactory(koppeldatum=date(2024, 1, 10))
    response = adviseur_client.post(reverse("taakstelling:plaatsing_edit", args=[p.pk]), _plaatsing_post(p, **wijzig))
    assert response.status_code == 200
    assert veld_melding in response.content.decode()
    p.refresh_from_db()
    assert p.versie == 1 and p.status == "gekoppeld"


def test_realisatie_telt_gehuisveste_personen_en_nareizigers_niet_geannuleerde(db):
    h1 = PeriodeFactory(begindatum=date(2024, 1, 1), einddatum=date(2024, 6, 30), netto_taakstelling=10)
    PeriodeFactory(begindatum=date(2024, 7, 1), einddatum=date(2024, 12, 31), netto_taakstelling=10)
    gezin = PlaatsingFactory(
        koppeldatum=date(2024, 1, 2),
        volwassenen=2,
        minderjarigen=2,
        datum_woning_aangeboden=date(2024, 2, 1),
        woonvorm="corporatiewoning",
        datum_huurovereenkomst=date(2024, 6, 1),
        datum_gehuisvest=date(2024, 6, 30),
    )
    NareizigerFactory(plaatsing=gezin, datum=date(2024, 7, 1), aantal=3)
    PlaatsingFactory(
        koppeldatum=date(2024, 1, 3),
        volwassenen=5,
        beeindiging="geannuleerd",
        datum_beeindigd=date(2024, 2, 1),
        reden_beeindiging="verhuisd naar andere gemeente",
    )
    overzicht = queries.periode_overzicht(date(2025, 1, 1))
    assert [(r.label, r.realisatie, r.bron, r.saldo_eind) for r in overzicht] == [
        ("2024-H1", 4, "eigen", -6),
        ("2024-H2", 3, "eigen", -13),
    ]
    # reproducible per peildatum: on 30-06-2024 the nareizigers had not arrived
    assert queries.periode_overzicht(date(2024, 6, 30))[1].realisatie == 0
    h1.realisatie_officieel = 7
    h1.save()
    assert queries.periode_overzicht(date(2025, 1, 1))[0].realisatie == 7


def test_queries_zijn_json_serialiseerbaar(basisgegevens):
    lopend_halfjaar()
    vandaag = timezone.localdate()
    for resultaat in (
        queries.periode_overzicht(vandaag),
        queries.statushouders_kerncijfers(vandaag),
        queries.coa_afstemming(Periode.objects.get(label="2024")),
        queries.interventieladder_status(vandaag),
        queries.regio_vergelijking("2024"),
        queries.inburgering_overzicht(),
    ):
        data = [asdict(x) for x in resultaat] if isinstance(resultaat, list) else asdict(resultaat)
        assert json.loads(json.dumps(data))


def test_kerncijfers_status_prognose_en_signalen(db):
    """On a fixed peildatum (not today, whose month decided the status before): two months of 2026-H1
    done, so the COA norm is 200 of 600 and a realisation of 0 with 2 in the pipeline is 'achter'; on
    the first day of the period the norm is 0 and the same figures are 'op schema'."""
    periode = PeriodeFactory(begindatum=date(2026, 1, 1), einddatum=date(2026, 6, 30), netto_taakstelling=600)
    peil = date(2026, 3, 15)
    PlaatsingFactory(koppeldatum=peil - timedelta(weeks=11))  # no offer after 10 weeks
    PlaatsingFactory(
        koppeldatum=peil - timedelta(weeks=8),
        datum_woning_aangeboden=peil - timedelta(weeks=6),
        woonvorm="corporatiewoning",
        datum_huurovereenkomst=peil - timedelta(days=20),
        volwassenen=2,
    )  # lease started 20 days ago, not moved
    k = queries.statushouders_kerncijfers(peil)
    assert k.periode.label == periode.label
    assert (k.koppelingen_over_termijn, k.verhuizingen_over_termijn, k.in_pijplijn) == (1, 1, 2)
    assert k.prognose_realisatie == 2
    assert (k.periode.op_schema_norm, k.status) == (200, "achter")
    assert "COA-norm" in k.regel
    assert queries.statushouders_kerncijfers(date(2026, 1, 1)).status == "op_schema"


def test_coa_afstemming_toont_verschil_per_maand(db):
    periode = PeriodeFactory(begindatum=date(2024, 1, 1), einddatum=date(2024, 6, 30))
    PlaatsingFactory(
        koppeldatum=date(2023, 12, 1),
        datum_woning_aangeboden=date(2023, 12, 20),
        woonvorm="particulier",
        datum_huurovereenkomst=date(2024, 1, 2),
        datum_gehuisvest=date(2024, 1, 15),
        volwassenen=3,
    )
    from taakstelling.models import CoaStand

    CoaStand.objects.create(periode=periode, maand=date(2024, 1, 1), realisatie_cumulatief=1)
    CoaStand.objects.create(periode=periode, maand=date(2024, 2, 1), realisatie_cumulatief=3)
    rijen = queries.coa_afstemming(periode, date(2024, 7, 1))
    assert [(r.eigen_cumulatief, r.coa_cumulatief, r.verschil) for r in rijen[:3]] == [
        (3, 1, 2),
        (3, 3, 0),
        (3, None, None),
    ]
    assert queries.periode_overzicht(date(2024, 7, 1))[0].realisatie_coa == 3


def test_module_uit_geeft_404_met_nederlandse_melding_en_de_rest_werkt(settings, adviseur_client, basisgegevens):
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    for naam in ("taakstelling:index", "taakstelling:plaatsing_list", "taakstelling:regio_vergelijking"):
        response = adviseur_client.get(reverse(naam))
        assert response.status_code == 404
        assert "Module statushouders staat uit" in response.content.decode()
    dashboard = adviseur_client.get(reverse("dashboard"))
    assert dashboard.status_code == 200
    assert reverse("taakstelling:index") not in dashboard.content.decode()
    assert adviseur_client.get(reverse("kern:gemeente_list")).status_code == 200
    from noordwijk_migratie.indicatoren import bereken

    assert bereken("taakstelling_voldaan", date(2025, 7, 1)) is None


def test_raadpleger_ziet_maar_wijzigt_niet(raadpleger_client):
    p = PlaatsingFactory()
    detail = raadpleger_client.get(reverse("taakstelling:plaatsing_detail", args=[p.pk]))
    assert detail.status_code == 200
    assert reverse("taakstelling:plaatsing_edit", args=[p.pk]) not in detail.content.decode()
    assert (
        raadpleger_client.post(reverse("taakstelling:plaatsing_edit", args=[p.pk]), _plaatsing_post(p)).status_code
        == 403
    )


def test_detailpagina_toont_tijdlijn_en_periode(adviseur_client):
    periode = PeriodeFactory(begindatum=date(2024, 1, 1), einddatum=date(2024, 6, 30))
    p = PlaatsingFactory(
        koppeldatum=date(2024, 1, 1),
        datum_woning_aangeboden=date(2024, 4, 1),
        woonvorm="hospitaverhuur",
        datum_huurovereenkomst=date(2024, 4, 2),
        datum_gehuisvest=date(2024, 4, 3),
    )
    html = adviseur_client.get(reverse("taakstelling:plaatsing_detail", args=[p.pk])).content.decode()
    assert "Tijdlijn" in html and "termijn overschreden" in html  # offered after 10 weeks
    assert periode.get_absolute_url() in html


def test_nareiziger_formulier_toont_nieuwste_plaatsingen_en_accepteert_elke_bestaande(adviseur_client, monkeypatch):
    """Placements grow for years: the form lists the newest (plus the one it came from), and an older
    placement is still accepted."""
    from taakstelling.models import Nareiziger, Plaatsing

    monkeypatch.setattr(Plaatsing, "keuzelijst_nieuwste", 3)
    plaatsingen = PlaatsingFactory.create_batch(6)
    oudste = plaatsingen[0]
    url = reverse("taakstelling:nareiziger_add")
    opties = adviseur_client.get(url).context["form"]["plaatsing"].field.widget.choices
    assert {waarde.value for waarde, _label in opties if waarde != ""} == {p.pk for p in plaatsingen[3:]}
    vanaf_pagina = adviseur_client.get(url, {"plaatsing": oudste.pk})
    assert f'<option value="{oudste.pk}" selected>' in vanaf_pagina.text
    assert "De lijst toont de 3 nieuwste" in vanaf_pagina.text
    response = adviseur_client.post(url, {"plaatsing": oudste.pk, "datum": "2025-03-01", "aantal": 2})
    assert response.status_code == 302, response.context["form"].errors
    assert Nareiziger.objects.get().plaatsing == oudste


def test_het_dashboard_tekent_de_laatste_perioden_de_pagina_de_hele_keten(manager_client):
    """Decades of half years would be as many unreadable bars on the dashboard (and grow it with the history):
    its chart shows the latest 8 periods begun by the peildatum; the statushouders page draws them all."""
    from rapportage import dashboard

    perioden = [PeriodeFactory() for _ in range(12)]  # twelve half years in a row
    peildatum = perioden[10].begindatum + timedelta(days=60)  # in the 11th: the 12th has not begun
    paneel = next(p for p in dashboard.dashboard(peildatum)["panelen"] if p["code"] == "statushouders")
    [grafiek] = paneel["grafieken"]
    assert grafiek["categorieen"] == [p.label for p in perioden[3:11]]  # the 4th … the 11th
    assert grafiek["titel"] == "Gecorrigeerde taakstelling, realisatie en saldo eind van de laatste 8 perioden"
    index = manager_client.get(reverse("taakstelling:index"), {"peildatum": peildatum.isoformat()})
    labels = [c for g in index.context["grafieken"] for c in g["categorieen"]]
    assert all(p.label in labels for p in perioden)
