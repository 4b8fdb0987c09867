"""Pages, validation (Dutch error, nothing saved), computed indicators and query budgets of the programme."""

import json
import re
from dataclasses import asdict
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from noordwijk_migratie import registry
from noordwijk_migratie.getallen import percentage
from noordwijk_migratie.indicatoren import bereken
from programma import queries
from programma.models import Actie, Indicator, Meting, Programmalijn
from programma.tests.factories import ActieFactory, IndicatorFactory, MetingFactory, VoortgangsnotitieFactory
from themasessies.tests.factories import SessieFactory, VervolgactieFactory

pytestmark = pytest.mark.django_db


def test_index_toont_de_vier_lijnen_met_statustelling_en_linkt_elke_lijst(adviseur_client, basisgegevens):
    response = adviseur_client.get(reverse("programma:index"))
    html = response.content.decode()
    for lijn in Programmalijn.objects.all():
        assert lijn.get_absolute_url() in html
    for naam in ("programmalijn_list", "actie_list", "voortgangsnotitie_list", "indicator_list", "meting_list"):
        assert reverse(f"programma:{naam}") in html
    assert [o.statussen.niet_gestart for o in response.context["overzicht"]] == [19, 10, 2, 2]


def test_overzicht_per_lijn_telt_statussen_en_toont_acties_over_datum(basisgegevens):
    vandaag = timezone.localdate()
    lijn1 = Programmalijn.objects.get(nummer=1)
    for code, velden in (
        ("B1-1-01", {"status": "loopt", "gepland_eind": vandaag - timedelta(days=1)}),
        ("B1-1-02", {"status": "afgerond", "gepland_eind": vandaag - timedelta(days=9)}),
        (
            "B1-1-03",
            {
                "status": "bewust_niet",
                "reden_niet_uitvoeren": "Geen locatie.",
                "gepland_eind": vandaag - timedelta(days=9),
            },
        ),
    ):
        actie = Actie.objects.get(code=code)
        for veld, waarde in velden.items():
            setattr(actie, veld, waarde)
        actie.save()  # a status change is recorded in the action's dated status history
    overzicht = {o.nummer: o for o in queries.programma_overzicht(vandaag)}
    eerste = overzicht[1]
    assert (eerste.statussen.loopt, eerste.statussen.afgerond, eerste.statussen.bewust_niet) == (1, 1, 1)
    assert eerste.statussen.te_laat == 1
    assert [a.code for a in eerste.te_laat] == ["B1-1-01"]
    json.dumps([asdict(o) for o in overzicht.values()], cls=DjangoJSONEncoder)  # usable by dashboard/reports
    per_lijn = queries.acties_per_lijn(vandaag)
    assert [len(lijn.acties) for lijn in per_lijn] == [19, 10, 2, 2]
    assert per_lijn[0].acties[0].te_laat is True
    assert lijn1.acties.count() == 19


def test_een_overzicht_op_een_eerdere_peildatum_toont_de_status_van_die_datum(adviseur_client, basisgegevens):
    """Issue 14: a status change is dated; the overview, the report section and the dashboard signal at an
    earlier peildatum show the status of that date, not today's."""
    from noordwijk_migratie.registry import Peil
    from programma import panelen, rapportsecties

    actie = Actie.objects.get(code="B1-1-01")
    url = reverse("programma:actie_edit", args=[actie.pk])
    velden = {
        "programmalijn": actie.programmalijn_id,
        "subthema": actie.subthema_id or "",
        "tekst": actie.tekst,
        "trekker": actie.trekker,
        "gepland_eind": "2025-12-31",
        "geladen_versie": actie.versie,
    }
    assert adviseur_client.post(url, {**velden, "status": "loopt", "status_sinds": "2025-09-01"}).status_code == 302
    actie.refresh_from_db()
    fout = adviseur_client.post(
        url, {**velden, "status": "afgerond", "status_sinds": "2025-08-01", "geladen_versie": actie.versie}
    )
    assert "Er is al een statuswijziging op 01-09-2025" in fout.content.decode()
    assert (
        adviseur_client.post(
            url, {**velden, "status": "afgerond", "status_sinds": "2026-03-01", "geladen_versie": actie.versie}
        ).status_code
        == 302
    )
    actie.refresh_from_db()
    assert actie.status == "afgerond"

    def status_op(peildatum):
        lijn = next(o for o in queries.programma_overzicht(peildatum) if o.nummer == 1)
        kort = next(a for a in queries.acties_van_lijn(actie.programmalijn, peildatum) if a.code == "B1-1-01")
        return kort.status, kort.te_laat, lijn.statussen.loopt, lijn.statussen.afgerond

    assert status_op(date(2025, 7, 1)) == ("niet_gestart", False, 0, 0)
    assert status_op(date(2025, 10, 1)) == ("loopt", False, 1, 0)
    assert status_op(date(2026, 2, 1)) == ("loopt", True, 1, 0)  # past its planned end and not yet done then
    assert status_op(date(2026, 12, 1)) == ("afgerond", False, 0, 1)
    sectie = rapportsecties.programma_acties(Peil(date(2026, 1, 1)))
    assert next(lijn for lijn in sectie["lijnen"] if lijn["nummer"] == 1)["statussen"]["loopt"] == 1
    assert [s["tekst"] for s in panelen.signalen(Peil(date(2026, 2, 1)))] == [
        "1 programma-actie(s) over de geplande einddatum"
    ]
    assert panelen.signalen(Peil(date(2026, 12, 1))) == []
    pagina = adviseur_client.get(actie.get_absolute_url()).content.decode()
    geschiedenis = pagina.split('id="statusgeschiedenis"')[1].split("</table>")[0]
    assert re.findall(r"<td>([^<]*)</td>", geschiedenis) == [
        "het begin",
        "Niet gestart",
        "01-09-2025",
        "Loopt",
        "01-03-2026",
        "Afgerond",
    ]


def test_bewust_niet_uitvoeren_vraagt_een_reden(adviseur_client, basisgegevens):
    actie = Actie.objects.get(code="B1-1-05")
    data = {
        "programmalijn": actie.programmalijn_id,
        "subthema": actie.subthema_id,
        "tekst": actie.tekst,
        "trekker": actie.trekker,
        "status": "bewust_niet",
        "reden_niet_uitvoeren": "",
        "geladen_versie": 1,
    }
    response = adviseur_client.post(reverse("programma:actie_edit", args=[actie.pk]), data)
    assert response.status_code == 200
    assert "expliciete keuze" in response.content.decode()
    actie.refresh_from_db()
    assert actie.status == "niet_gestart"
    data["reden_niet_uitvoeren"] = "Het college koos voor een andere locatie."
    response = adviseur_client.post(reverse("programma:actie_edit", args=[actie.pk]), data)
    assert response.status_code == 302
    actie.refresh_from_db()
    assert actie.status == "bewust_niet"


def test_database_weigert_bewust_niet_zonder_reden_en_eind_voor_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActieFactory(status="bewust_niet", reden_niet_uitvoeren="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActieFactory(gepland_start=date(2026, 1, 1), gepland_eind=date(2025, 1, 1))
    actie = ActieFactory.build(gepland_start=date(2026, 1, 1), gepland_eind=date(2025, 1, 1))
    with pytest.raises(ValidationError, match="vóór de geplande start"):
        actie.full_clean()


@pytest.mark.parametrize(
    ("type_", "velden", "melding"),
    [
        ("percentage", {"waarde_getal": "120"}, "Een percentage ligt tussen 0 en 100."),
        ("ja_nee", {"waarde_getal": "3"}, "Deze indicator is een ja/nee-vraag: kies ja of nee."),
        ("aantal", {"waarde_ja_nee": "true"}, "Deze indicator meet een getal, geen ja/nee."),
        ("tekst", {"waarde_getal": "2"}, "Deze indicator meet een uitkomst in tekst: beschrijf de uitkomst."),
    ],
)
def test_meting_van_verkeerd_type_of_buiten_bereik_wordt_niet_opgeslagen(adviseur_client, type_, velden, melding):
    indicator = IndicatorFactory(type=type_)
    data = {"indicator": indicator.pk, "datum": "2025-12-31", "bron": "Enquête", "waarde_ja_nee": "unknown", **velden}
    response = adviseur_client.post(reverse("programma:meting_add"), data)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Meting.objects.exists()


def test_goede_meting_wordt_opgeslagen_met_audit_trail(adviseur_client):
    indicator = IndicatorFactory(type="percentage", eenheid="%")
    data = {
        "indicator": indicator.pk,
        "datum": "31-12-2025",
        "waarde_getal": "62,5",
        "bron": "Enquête 2025",
        "waarde_ja_nee": "unknown",
    }
    response = adviseur_client.post(reverse("programma:meting_add"), data)
    assert response.status_code == 302, response.context["form"].errors
    meting = Meting.objects.get()
    assert meting.weergave == "62,5 %"
    detail = adviseur_client.get(meting.get_absolute_url()).content.decode()
    assert "Wijzigingsgeschiedenis" in detail and "test-beleidsadviseur" in detail


def test_register_bevat_de_berekening_van_dit_gebied(basisgegevens):
    assert registry.indicatoren()["partners_betrokken"].functie.__module__ == "themasessies.indicatoren"
    assert bereken("partners_betrokken", date(2025, 12, 31)) is None  # no session held yet: no data


def test_indicatorpagina_toont_berekend_naast_handmatig(adviseur_client, basisgegevens):
    from themasessies.models import Partner

    indicator = Indicator.objects.get(berekening="partners_betrokken")
    partners = list(Partner.objects.filter(uit_bestuursopdracht=True))
    sessie = SessieFactory(datum=timezone.localdate() - timedelta(days=10))
    sessie.uitgenodigd.set(partners[:4])
    sessie.aanwezig.set(partners[:2])
    MetingFactory(
        indicator=indicator,
        datum=timezone.localdate() - timedelta(days=5),
        waarde_getal=30,
        bron="Eigen inschatting opgaveteam",
    )
    response = adviseur_client.get(indicator.get_absolute_url())
    html = response.content.decode()
    reeks = response.context["reeks"]
    assert reeks.berekenbaar
    assert reeks.berekend[-1].datum == timezone.localdate()
    assert reeks.berekend[-1].waarde == float(percentage(2, len(partners)))
    assert [p.waarde for p in reeks.handmatig] == [30.0]
    assert "berekend" in html and "handmatig" in html and "Eigen inschatting opgaveteam" in html
    assert f"2 van de {len(partners)} partners" in html
    assert "<svg" in html and "Berekend" in html and "Handmatig" in html
    assert "Laatste waarde" in html


def test_elke_berekende_indicator_heeft_een_functie_en_is_een_keuze():
    geregistreerd = registry.indicatoren()
    assert geregistreerd and all(callable(i.functie) for i in geregistreerd.values())
    keuzes = dict(Indicator._meta.get_field("berekening").choices)
    assert set(keuzes) == set(geregistreerd)


def test_indicator_zonder_geregistreerde_berekening_is_nog_niet_berekenbaar(
    adviseur_client, basisgegevens, monkeypatch
):
    code = "iw_informatiebereik"
    iw = registry.app("internationale_werknemers")
    monkeypatch.setattr(iw, "indicatoren", tuple(i for i in iw.indicatoren if i.code != code))
    indicator = Indicator.objects.get(berekening=code)
    html = adviseur_client.get(indicator.get_absolute_url()).content.decode()
    assert "nog niet berekenbaar" in html
    assert queries.indicator_reeks(indicator).berekenbaar is False


def test_vervolgactie_verschijnt_op_het_overzicht_van_de_programmalijn(adviseur_client, basisgegevens):
    actie = Actie.objects.get(code="B1-2-01")
    vervolg = VervolgactieFactory(actie=actie, omschrijving="Partners uitnodigen voor tweede sessie")
    vervolg.full_clean()
    vervolg.save()
    assert vervolg.programmalijn == actie.programmalijn
    html = adviseur_client.get(actie.programmalijn.get_absolute_url()).content.decode()
    assert "Partners uitnodigen voor tweede sessie" in html
    assert actie.code in html


def test_lijnpagina_laadt_alleen_de_acties_van_die_lijn_eenmaal(adviseur_client, basisgegevens):
    """Issue 19: the page of one line built every line's overview and action list (all actions, twice):
    on 2,000 actions 0.8 s. It loads its own actions once, and shows the same as the overview."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lijn = Programmalijn.objects.get(nummer=1)
    with CaptureQueriesContext(connection) as telling:
        response = adviseur_client.get(lijn.get_absolute_url())
    gelezen = [q["sql"] for q in telling.captured_queries if 'FROM "programma_actie"' in q["sql"]]
    assert len(gelezen) == 1 and f'"programma_actie"."programmalijn_id" IN ({lijn.pk})' in gelezen[0], gelezen
    overzicht = next(o for o in queries.programma_overzicht(timezone.localdate()) if o.id == lijn.pk)
    assert response.context["overzicht"] == overzicht
    acties = next(a for a in queries.acties_per_lijn(timezone.localdate()) if a.nummer == lijn.nummer).acties
    assert [a for groep in response.context["actiegroepen"] for a in groep["acties"]] == acties


def test_lijnpagina_toont_per_lijst_de_eerste_25_met_een_link_naar_alle(adviseur_client, basisgegevens):
    """Issue 19: on groot the page of line 1 rendered its 519 actions, 260 overdue ones and every indicator
    (413 ms). The counts still cover every action; each list shows its first ones, with a link to the list
    filtered on the line that holds them all."""
    from programma.views import ProgrammalijnDetailView as View

    lijn = Programmalijn.objects.get(nummer=4)
    subthema = lijn.subthemas.first()
    eerder, eerder_zonder = lijn.acties.count(), lijn.acties.filter(subthema=None).count()
    verleden = timezone.localdate() - timedelta(days=30)
    nieuw = [
        ActieFactory(programmalijn=lijn, subthema=None, code=f"T4-{i:03d}", gepland_eind=verleden, status="loopt")
        for i in range(View.PER_LIJST + 3)
    ]
    IndicatorFactory.create_batch(View.PER_LIJST + 1 - lijn.indicatoren.count(), programmalijn=lijn)
    response = adviseur_client.get(lijn.get_absolute_url())
    html = response.content.decode()
    overzicht = response.context["overzicht"]
    assert overzicht.aantal_acties == eerder + len(nieuw) and len(overzicht.te_laat) >= len(nieuw)
    zonder = next(g for g in response.context["actiegroepen"] if not g["subthema"])
    assert zonder["aantal"] == eerder_zonder + len(nieuw) and len(zonder["acties"]) == View.PER_LIJST
    assert nieuw[-1].get_absolute_url() + '"' not in html  # the last by order: only in the full list
    assert f"{View.PER_LIJST} van {zonder['aantal']}" in html
    assert f"Toon alle {overzicht.aantal_acties} acties van deze programmalijn" in html
    assert f"?programmalijn={lijn.pk}&amp;te_laat=True" in html
    assert f"Toon alle {len(overzicht.te_laat)} acties over de geplande datum" in html
    assert f"Toon alle {View.PER_LIJST + 1} indicatoren van deze programmalijn" in html
    assert len(response.context["indicatoren"]) == View.PER_LIJST
    if subthema is not None:  # a group with a subthema links to the list filtered on it
        ActieFactory.create_batch(View.PER_LIJST + 1, programmalijn=lijn, subthema=subthema)
        html = adviseur_client.get(lijn.get_absolute_url()).content.decode()
        assert f"?programmalijn={lijn.pk}&amp;subthema={subthema.pk}" in html
    lijst = adviseur_client.get(reverse("programma:actie_list"), {"programmalijn": lijn.pk, "te_laat": "True"})
    assert {a.pk for a in nieuw} <= {a.pk for a in lijst.context["table"].data}


def test_csv_export_van_acties(adviseur_client, basisgegevens):
    response = adviseur_client.get(
        reverse("programma:actie_list"), {"export": "csv", "programmalijn": Programmalijn.objects.get(nummer=4).pk}
    )
    tekst = response.content.decode("utf-8-sig")
    assert "Collegevoorstel evaluatie" in tekst and "Monitoring taakstelling" not in tekst
    assert response["Content-Type"].startswith("text/csv")


def test_filter_acties_over_datum(adviseur_client, basisgegevens):
    Actie.objects.filter(code="B1-3-01").update(gepland_eind=date(2020, 1, 1))
    response = adviseur_client.get(reverse("programma:actie_list"), {"te_laat": "True"})
    assert [a.code for a in response.context["table"].data] == ["B1-3-01"]


@pytest.mark.parametrize(
    ("url_naam", "maak"),
    [
        ("programma:actie_list", lambda: ActieFactory()),
        ("programma:voortgangsnotitie_list", lambda: VoortgangsnotitieFactory()),
        ("programma:indicator_list", lambda: IndicatorFactory()),
        ("programma:meting_list", lambda: MetingFactory()),
        ("programma:programmalijn_list", lambda: ActieFactory()),
    ],
)
def test_lijsten_hebben_een_vast_aantal_queries(adviseur_client, url_naam, maak):
    from tests.queries import assert_vast_aantal_queries

    assert_vast_aantal_queries(adviseur_client, reverse(url_naam), lambda n: [maak() for _ in range(n)])


def test_toevoeglinks_vullen_ook_grote_nummers_voor_in(adviseur_client):
    """Dutch number formatting must not turn id 1234 into "1.234" in a prefill link."""
    actie = ActieFactory(pk=1234)
    assert "?actie=1234" in adviseur_client.get(actie.get_absolute_url()).content.decode()
    form = adviseur_client.get(reverse("programma:voortgangsnotitie_add"), {"actie": 1234}).context["form"]
    assert form.initial["actie"] == 1234


def test_lijn_2_toont_de_maten_van_de_integrale_aanpak(adviseur_client, basisgegevens):
    sessie = SessieFactory(datum=timezone.localdate() - timedelta(days=3))
    VervolgactieFactory(sessie=sessie, deadline=timezone.localdate() - timedelta(days=1))
    lijn = Programmalijn.objects.get(nummer=2)
    response = adviseur_client.get(lijn.get_absolute_url())
    assert response.context["kerncijfers"].vervolg_te_laat == 1
    assert "Vervolgacties over de deadline" in response.content.decode()
    assert "kerncijfers" not in adviseur_client.get(Programmalijn.objects.get(nummer=1).get_absolute_url()).context


def test_een_nieuwe_actie_met_een_status_heeft_die_status_pas_vanaf_vandaag():
    vandaag = timezone.localdate()
    nieuw = ActieFactory(status="loopt")
    gisteren = vandaag - timedelta(days=1)
    assert [(w.datum, w.status) for w in nieuw.statuswijzigingen.all()] == [(vandaag, "loopt")]
    assert queries.acties_van_lijn(nieuw.programmalijn, gisteren)[0].status == "niet_gestart"
    assert queries.acties_van_lijn(nieuw.programmalijn, vandaag)[0].status == "loopt"
    begin = ActieFactory(programmalijn=nieuw.programmalijn)  # "niet gestart" is what every action starts as
    assert [(w.datum, w.status) for w in begin.statuswijzigingen.all()] == [(None, "niet_gestart")]


def test_lijnpagina_uit_de_cache_toont_een_wijziging_bij_het_volgende_verzoek(adviseur_client, basisgegevens):
    """The line's overview and actions are cached under the data version: a second request reads no actions,
    and a changed action (its text, its doelgroepen) shows on the next request."""
    from tests.queries import queries_van

    lijn = Programmalijn.objects.get(nummer=1)
    actie = lijn.acties.order_by("pk").first()
    adviseur_client.get(lijn.get_absolute_url())
    warm = queries_van(adviseur_client, lijn.get_absolute_url())
    assert not [q["sql"] for q in warm.queries if 'FROM "programma_actie"' in q["sql"]], warm.sql()
    actie.tekst = "Een nieuw geformuleerde actie voor de lijnpagina"
    actie.save()
    actie.doelgroepen.clear()
    html = adviseur_client.get(lijn.get_absolute_url()).content.decode()
    assert "Een nieuw geformuleerde actie voor de lijnpagina" in html
    rij = html[html.index("Een nieuw geformuleerde actie") :].split("</tr>")[0]
    assert "<td>—</td>" in rij  # no doelgroepen any more


def test_het_rapport_leest_per_indicator_alleen_de_laatste_metingen_en_dezelfde_trend(django_assert_max_num_queries):
    """The evaluation report reads the latest measurements of all indicators of a line in one query: the same
    points (and so the same trend sentence) as the last ones of the whole series on the indicator page, and
    nothing after the peildatum or before the programme's start."""
    from programma.rapportsecties import MAX_PUNTEN

    lijn = IndicatorFactory().programmalijn
    indicatoren = [IndicatorFactory(programmalijn=lijn) for _ in range(3)]
    peildatum = date(2026, 12, 31)
    for i, indicator in enumerate(indicatoren):
        for week in range(MAX_PUNTEN + 5 * i):
            MetingFactory(indicator=indicator, datum=date(2025, 7, 7) + timedelta(weeks=week), waarde_getal=week)
        MetingFactory(indicator=indicator, datum=peildatum + timedelta(days=1), waarde_getal=99)  # after the peildatum
    MetingFactory(indicator=indicatoren[0], datum=date(2020, 1, 1), waarde_getal=1)  # before the programme
    with django_assert_max_num_queries(1):
        laatste = queries.laatste_metingen(indicatoren + [IndicatorFactory.build(pk=0)], peildatum, MAX_PUNTEN)
    for indicator in indicatoren:
        heel = queries.indicator_reeks(indicator, tot=peildatum)
        rapport = queries.indicator_reeks(indicator, tot=peildatum, metingen=laatste[indicator.pk])
        assert rapport.handmatig == heel.handmatig[-MAX_PUNTEN:]
        assert rapport.trend == heel.trend
        assert all(p.datum <= peildatum for p in rapport.handmatig)


def test_actie_urls_en_naam_zijn_die_van_de_actie_zelf():
    """The URL reversed once for a list of actions is each action's own; the name shows a text of up to 80
    characters whole (normalised) and a longer one truncated, as before the shortcut for short texts."""
    from django.utils.text import Truncator

    url = queries.actie_urls()
    for i, tekst in enumerate(("Kort", "e\u0301" * 10, "e\u0301" * 80, "x" * 80, "x" * 81, "Lange tekst " * 10)):
        a = ActieFactory(code=f"B9-{i:02d}", tekst=tekst)
        assert url(a.pk) == a.get_absolute_url()
        assert str(a) == f"B9-{i:02d} " + Truncator(tekst).chars(80)
    assert str(ActieFactory(code="", tekst="Zonder code")) == "Zonder code"
