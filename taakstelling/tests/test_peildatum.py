"""Issue 14 for the taakstelling: the nareiziger rule, household plausibility and date errors, the
anchored chain, stale official figures, and the missing-period signal with its prefilled form."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from taakstelling import queries, rules
from taakstelling import rules as s
from taakstelling.forms import PeriodeForm, PlaatsingForm
from taakstelling.models import CoaStand, Periode

from .factories import NareizigerFactory, PeriodeFactory, PlaatsingFactory
from .test_regels import halfjaar, jaar

dagen = st.dates(date(2024, 1, 1), date(2026, 12, 31))


# --------------------------------------------------------------------------- nareizigers


@given(
    dagen,
    st.none() | dagen,
    st.booleans(),
    st.lists(st.tuples(dagen, st.integers(1, 4)), max_size=3),
    st.none() | dagen,
)
def test_nareiziger_telt_pas_als_het_huishouden_is_gehuisvest(koppel, gehuisvest, beeindigd, nareizigers, peil):
    p = rules.PlaatsingInvoer(koppel, 3, None, None, gehuisvest, beeindigd, tuple(nareizigers))
    momenten = rules.telmomenten([p], peil)
    if gehuisvest is None or beeindigd:
        assert momenten == []  # only linked (or ended): neither the household nor its nareizigers count
        return
    verwacht = [(gehuisvest, 3), *((max(gehuisvest, aankomst), n) for aankomst, n in nareizigers)]
    assert sorted(momenten) == sorted((d, n) for d, n in verwacht if peil is None or d <= peil)


@pytest.mark.django_db
def test_nareiziger_van_alleen_gekoppeld_of_later_gehuisvest_huishouden():
    periode_1 = PeriodeFactory(begindatum=date(2025, 1, 1), einddatum=date(2025, 6, 30))
    periode_2 = PeriodeFactory(begindatum=date(2025, 7, 1), einddatum=date(2025, 12, 31))
    gekoppeld = PlaatsingFactory(koppeldatum=date(2025, 1, 10))
    NareizigerFactory(plaatsing=gekoppeld, datum=date(2025, 2, 1), aantal=3)
    later = PlaatsingFactory(
        koppeldatum=date(2025, 1, 5),
        woonvorm="corporatiewoning",
        datum_woning_aangeboden=date(2025, 5, 1),
        datum_huurovereenkomst=date(2025, 6, 20),
        datum_gehuisvest=date(2025, 7, 10),
    )
    NareizigerFactory(plaatsing=later, datum=date(2025, 2, 10), aantal=2)  # arrived before the housing
    overzicht = {r.label: r.realisatie_eigen for r in queries.periode_overzicht(date(2025, 12, 31))}
    assert overzicht == {periode_1.label: 0, periode_2.label: 1 + 2}


# --------------------------------------------------------------------------- plausibility and dates


def plaatsing_form(**velden):
    data = {
        "koppeldatum": "2025-03-03",
        "samenstelling": "gezin",
        "volwassenen": 1,
        "minderjarigen": 0,
        "verwachte_nareizigers": 0,
        "volgnummer": 1,
        **velden,
    }
    return PlaatsingForm(data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("velden", "foute_velden", "melding"),
    [
        (
            {"samenstelling": "alleenstaande", "volwassenen": 0, "minderjarigen": 3},
            {"samenstelling", "volwassenen", "minderjarigen"},
            "Een alleenstaande is één volwassene zonder minderjarigen, niet 0 volwassene(n) en 3 minderjarige(n)",
        ),
        (
            {"samenstelling": "alleenstaande", "volwassenen": 1, "minderjarigen": 4},
            {"samenstelling", "minderjarigen"},
            "Een alleenstaande heeft geen minderjarigen bij zich.",
        ),
        (
            {"samenstelling": "gezin", "volwassenen": 0, "minderjarigen": 2},
            {"samenstelling", "volwassenen"},
            "kan alleen met de samenstelling ‘Minderjarige(n) zonder volwassene’",
        ),
        (
            {"samenstelling": "gezin", "volwassenen": 10, "minderjarigen": 6},
            {"groot_huishouden_bevestigd", "volwassenen", "minderjarigen"},
            "Een huishouden van 16 personen is ongebruikelijk groot",
        ),
        ({"samenstelling": "stel", "volwassenen": 99999}, {"volwassenen", "groot_huishouden_bevestigd"}, ""),
        (
            {"samenstelling": "minderjarige", "volwassenen": 1, "minderjarigen": 1},
            {"samenstelling", "volwassenen"},
            "geen volwassenen in het huishouden",
        ),
    ],
)
def test_onwaarschijnlijk_huishouden_wordt_geweigerd(velden, foute_velden, melding):
    form = plaatsing_form(**velden)
    assert not form.is_valid()
    assert set(form.errors) == foute_velden
    assert melding in " ".join(m for fouten in form.errors.values() for m in fouten)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "velden",
    [
        {"samenstelling": "alleenstaande", "volwassenen": 1, "minderjarigen": 0},
        {"samenstelling": "minderjarige", "volwassenen": 0, "minderjarigen": 2},  # under guardianship of Nidos
        {"samenstelling": "gezin", "volwassenen": 10, "minderjarigen": 6, "groot_huishouden_bevestigd": "on"},
    ],
)
def test_aannemelijk_huishouden_wordt_aangenomen(velden):
    form = plaatsing_form(**velden)
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_datumfout_noemt_het_echte_probleem_en_markeert_elk_fout_veld():
    form = plaatsing_form(koppeldatum="2026-09-01", datum_gehuisvest="2026-08-01")
    assert not form.is_valid()
    assert form.errors["datum_gehuisvest"] == ["De datum gehuisvest (01-08-2026) ligt vóór de koppeling (01-09-2026)."]
    assert form.errors["datum_woning_aangeboden"] == [
        "Vul de datum in waarop de woning is aangeboden: het huishouden is al gehuisvest op 01-08-2026."
    ]
    assert form.errors["datum_huurovereenkomst"] == [
        "Vul de ingangsdatum van de huurovereenkomst in: het huishouden is al gehuisvest op 01-08-2026."
    ]


@pytest.mark.django_db
def test_meer_nareizigers_dan_verwacht_wordt_gemeld(adviseur_client):
    p = PlaatsingFactory(samenstelling="gezin", volwassenen=2, verwachte_nareizigers=1)
    data = {"plaatsing": p.pk, "datum": "2025-04-01", "aantal": 2}
    response = adviseur_client.post(reverse("taakstelling:nareiziger_add"), data, follow=True)
    assert "1 nareiziger(s) meer dan verwacht (1)" in response.content.decode()
    html = adviseur_client.get(p.get_absolute_url()).content.decode()
    assert "Verwacht: 1, geregistreerd: 2." in html and 'id="nareizigers-boven-verwacht"' in html


# --------------------------------------------------------------------------- the anchored chain


def test_periode_voor_het_anker_verandert_de_geschiedenis_niet():
    keten = [
        jaar(2022, 62, realisatie_officieel=81, beginsaldo_keten=0, beginsaldo_keten_bron="bestuursopdracht"),
        jaar(2023, 98, realisatie_officieel=62),
    ]
    zonder = s.bereken_keten(keten, date(2024, 6, 30))
    met = s.bereken_keten([jaar(2020, 50), jaar(2021, 40, realisatie_officieel=3), *keten], date(2024, 6, 30))
    assert [(r.saldo_begin, r.saldo_eind) for r in met[2:]] == [(r.saldo_begin, r.saldo_eind) for r in zonder]
    assert zonder[0].saldo_begin_bron == "beginsaldo van de keten; bron: bestuursopdracht"
    assert met[0].voor_anker and met[1].voor_anker and not met[2].voor_anker
    assert met[2].aansluitverschil == 0 - (-87)
    assert "sluit niet aan op het saldo eind van 2021 (−87)" in met[2].aansluiting


def test_ingevoerd_beginsaldo_en_officieel_coa_beginsaldo_zijn_twee_dingen():
    keten = [
        halfjaar(2030, 1, 10, beginsaldo_keten=5, beginsaldo_keten_bron="brief"),
        halfjaar(2030, 2, 10, saldo_begin_officieel=-4),
    ]
    eerste, tweede = s.bereken_keten(keten, date(2031, 1, 1))
    assert (eerste.saldo_begin_soort, tweede.saldo_begin_soort) == ("anker", "officieel")
    assert tweede.saldo_begin_bron.startswith("officieel beginsaldo (COA)")
    assert tweede.aansluitverschil == -4 - eerste.saldo_eind
    assert "Het officiële beginsaldo (COA) van 2030-H2 (−4) wijkt" in tweede.aansluiting


@pytest.mark.django_db
def test_eerdere_periode_toevoegen_laat_2022_tot_2025_staan(basisgegevens, maak_gebruiker):
    peil = date(2025, 6, 30)
    voor = [(r.label, r.saldo_begin, r.saldo_eind) for r in queries.periode_overzicht(peil)]
    form = PeriodeForm(
        {"begindatum": "2021-01-01", "einddatum": "2021-12-31", "netto_taakstelling": 87, "bron": "brief 2021"},
        user=maak_gebruiker("opgavemanager"),
    )
    assert form.is_valid(), form.errors
    form.save()
    na = [(r.label, r.saldo_begin, r.saldo_eind) for r in queries.periode_overzicht(peil)]
    assert na[1:] == voor and voor[-1][2] == -38
    # the anchor cannot be given twice nor wiped
    form = PeriodeForm(
        {
            "begindatum": "2020-01-01",
            "einddatum": "2020-12-31",
            "netto_taakstelling": 1,
            "beginsaldo_keten": 3,
            "beginsaldo_keten_bron": "x",
        },
        user=maak_gebruiker("opgavemanager", "m2"),
    )
    assert not form.is_valid() and "heeft al het beginsaldo van de keten" in form.errors["beginsaldo_keten"][0]


# --------------------------------------------------------------------------- stale figures


def test_verouderde_officiele_stand_geeft_geen_status():
    peil = date(2025, 5, 20)
    for dagen_oud, verouderd in ((45, False), (46, True)):
        keten = [
            halfjaar(
                2025,
                1,
                12,
                realisatie_officieel=20,
                realisatie_officieel_per=peil - timedelta(days=dagen_oud),
                beginsaldo_keten=0,
            )
        ]
        [r] = s.bereken_keten(keten, peil, max_dagen=45)
        assert r.realisatie_verouderd is verouderd
        assert (s.beoordeel(r, 0) == "verouderd") is verouderd
    assert s.STATUS_TEKST["verouderd"] == "onbekend — telling verouderd"
    # a closed period's final figure (of its last day) does not age; an interim stand stays one
    [r] = s.bereken_keten(keten, date(2027, 1, 1), max_dagen=45)
    assert r.realisatie_verouderd
    [r] = s.bereken_keten([halfjaar(2025, 1, 12, realisatie_officieel=20)], date(2027, 1, 1), max_dagen=45)
    assert not r.realisatie_verouderd and r.realisatie_per == "30-06-2025"


@pytest.mark.django_db
def test_statushouderspagina_markeert_verouderde_stand(manager_client):
    vandaag = timezone.localdate()
    begin, eind = rules.halfjaar_van(vandaag)
    periode = Periode.objects.create(
        begindatum=begin,
        einddatum=eind,
        netto_taakstelling=30,
        beginsaldo_keten=0,
        beginsaldo_keten_bron="brief",
        realisatie_officieel=25,
        realisatie_officieel_per=vandaag - timedelta(days=60),
    )
    CoaStand.objects.create(periode=periode, maand=begin, realisatie_cumulatief=4)
    html = manager_client.get(reverse("taakstelling:index")).content.decode()
    assert "Onbekend — telling verouderd" in html
    assert f"Officiële realisatie {periode.label} is verouderd (stand {vandaag - timedelta(days=60):%d-%m-%Y})" in html
    stand = begin.replace(month=begin.month + 1)
    verouderd = (vandaag - stand).days > 45
    assert (f"4 (COA-stand {stand:%d-%m-%Y}, verouderd)" in html) is verouderd


# --------------------------------------------------------------------------- missing periods


def test_ontbrekende_perioden_van_de_laatste_tot_en_met_de_volgende():
    rijen = rules.ontbrekende_perioden(date(2025, 6, 30), date(2026, 12, 1))
    assert [(r.label, r.begindatum, r.einddatum, r.afgesloten) for r in rijen] == [
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), True),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), True),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), False),
        ("2027-H1", date(2027, 1, 1), date(2027, 6, 30), False),
    ]
    assert [r.label for r in rules.ontbrekende_perioden(date(2026, 12, 31), date(2026, 12, 1))] == ["2027-H1"]


@pytest.mark.django_db
def test_dashboard_van_vandaag_vraagt_de_ontbrekende_perioden(basisgegevens, client, maak_gebruiker):
    from rapportage import dashboard

    vandaag = timezone.localdate()
    # the baseline invents no netto taakstelling after 2025-H1
    assert not Periode.objects.filter(begindatum__gt=date(2025, 6, 30)).exists()
    signalen = dashboard.dashboard(vandaag)["signalen"]
    url = reverse("taakstelling:periode_aanvullen")
    [signaal] = [x for x in signalen if x["url"] == url]
    assert signaal["tekst"].startswith(f"Geen periode voor {vandaag:%d-%m-%Y}: de netto taakstelling van 2025-H2")
    client.force_login(maak_gebruiker("opgavemanager"))
    assert url in client.get(reverse("dashboard")).content.decode()
    assert url in client.get(reverse("taakstelling:index")).content.decode()


@pytest.mark.django_db
def test_volgende_perioden_toevoegen_in_een_formulier(basisgegevens, client, maak_gebruiker):
    vandaag = timezone.localdate()
    url = reverse("taakstelling:periode_aanvullen")
    rijen = rules.ontbrekende_perioden(date(2025, 6, 30), vandaag)
    # the beleidsadviseur may not add closed half years
    client.force_login(maak_gebruiker("beleidsadviseur"))
    html = client.get(url).content.decode()
    assert 'id="alleen-opgavemanager"' in html and "perioden_0_netto_taakstelling" not in html
    client.force_login(maak_gebruiker("opgavemanager"))
    html = client.get(url).content.decode()
    for i, r in enumerate(rijen):  # prefilled dates: only the netto taakstelling and its source are asked
        assert f'id="periode-{r.label}"' in html and f"{r.begindatum:%d-%m-%Y} t/m {r.einddatum:%d-%m-%Y}" in html
        assert f'name="perioden-{i}-netto_taakstelling"' in html and f'name="perioden-{i}-bron"' in html
    assert 'name="perioden-0-begindatum"' not in html
    data = {"perioden-TOTAL_FORMS": len(rijen), "perioden-INITIAL_FORMS": 0}
    # a later one without the earlier, or a figure without its source: refused, nothing saved
    fout = client.post(url, {**data, "perioden-1-netto_taakstelling": 30, "perioden-1-bron": "brief"})
    assert "Vul eerst periode 2025-H2 in" in fout.content.decode()
    fout = client.post(url, {**data, "perioden-0-netto_taakstelling": 30})
    assert "Vul de bron in" in fout.content.decode()
    assert not Periode.objects.filter(begindatum__gt=date(2025, 6, 30)).exists()
    ingevuld = {**data}
    for i in range(len(rijen) - 1):
        ingevuld |= {f"perioden-{i}-netto_taakstelling": 30 + i, f"perioden-{i}-bron": f"brief {i}"}
    assert client.post(url, ingevuld).status_code == 302
    nieuw = Periode.objects.filter(begindatum__gt=date(2025, 6, 30)).order_by("begindatum")
    assert [(p.label, p.netto_taakstelling, p.bron) for p in nieuw] == [
        (r.label, 30 + i, f"brief {i}") for i, r in enumerate(rijen[:-1])
    ]
    assert not [x for x in queries_signalen(vandaag) if x["url"] == url]


def queries_signalen(peildatum):
    from rapportage import dashboard

    return dashboard.dashboard(peildatum)["signalen"]


@pytest.mark.django_db
def test_beleidsadviseur_voegt_de_lopende_en_volgende_periode_toe(client, maak_gebruiker):
    vandaag = timezone.localdate()
    begin, _eind = rules.halfjaar_van(vandaag)
    vorige_begin, vorige_eind = rules.halfjaar_van(begin - timedelta(days=1))
    Periode.objects.create(
        begindatum=vorige_begin,
        einddatum=vorige_eind,
        netto_taakstelling=10,
        beginsaldo_keten=0,
        beginsaldo_keten_bron="b",
    )
    client.force_login(maak_gebruiker("beleidsadviseur"))
    data = {
        "perioden-TOTAL_FORMS": 2,
        "perioden-INITIAL_FORMS": 0,
        "perioden-0-netto_taakstelling": 12,
        "perioden-0-bron": "brief lopend",
        "perioden-1-netto_taakstelling": 14,
        "perioden-1-bron": "brief volgend",
    }
    assert client.post(reverse("taakstelling:periode_aanvullen"), data).status_code == 302
    assert list(Periode.objects.filter(begindatum__gte=begin).values_list("netto_taakstelling", flat=True)) == [12, 14]
