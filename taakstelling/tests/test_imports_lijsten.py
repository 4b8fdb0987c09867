"""Imports (all-or-nothing, per-row errors, idempotent), exports without the COA reference,
regional comparison, inburgering, indicators, and a query budget for every list."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from noordwijk_migratie.indicatoren import bereken
from noordwijk_migratie.models import Corporatie, Gemeente
from taakstelling import queries, rules
from taakstelling.imports import PlaatsingImporter, RegioCijferImporter
from taakstelling.models import CoaStand, Periode, Plaatsing, RegioCijfer

from . import factories as f

pytestmark = pytest.mark.django_db


def csv(naam, regels):
    return SimpleUploadedFile(naam, ("\n".join(regels) + "\n").encode("utf-8"), content_type="text/csv")


PLAATSING_KOP = "koppeldatum;samenstelling;volgnummer;volwassenen;minderjarigen;woonvorm;datum_woning_aangeboden;datum_huurovereenkomst;datum_gehuisvest;coa_referentie"


def test_plaatsingen_import_is_idempotent(adviseur_client):
    regels = [
        PLAATSING_KOP,
        "2024-01-10;alleenstaande;1;1;0;corporatiewoning;01-02-2024;2024-03-01;2024-03-05;KOP-123",
        "2024-01-10;alleenstaande;2;1;0;;;;;",
        "2024-01-10;gezin;1;2;3;;;;;",
    ]
    for _ in range(2):
        resultaat = PlaatsingImporter().importeer(csv("p.csv", regels))
        assert resultaat.geslaagd, resultaat.fouten
    assert Plaatsing.objects.count() == 3
    p = Plaatsing.objects.get(coa_referentie="KOP-123")
    assert (p.status, p.datum_gehuisvest, p.personen) == ("gehuisvest", date(2024, 3, 5), 1)
    # the upload page works through the browser flow too, and the template can be downloaded
    response = adviseur_client.post(reverse("taakstelling:plaatsing_import"), {"bestand": csv("p.csv", regels)})
    assert response.status_code == 302
    assert Plaatsing.objects.count() == 3
    sjabloon = adviseur_client.get(reverse("taakstelling:plaatsing_import") + "?sjabloon=csv").content.decode(
        "utf-8-sig"
    )
    assert sjabloon.startswith("koppeldatum;samenstelling;volgnummer")


def test_plaatsingen_import_met_fouten_slaat_niets_op(adviseur_client):
    regels = [
        PLAATSING_KOP,
        "2024-01-10;alleenstaande;1;1;0;;;;;",
        "2024-13-40;alleenstaande;1;1;0;;;;;",
        "2024-01-11;eenling;1;1;0;;;;;",
        "2024-01-12;gezin;1;1;0;;;;2024-03-05;",
    ]
    response = adviseur_client.post(reverse("taakstelling:plaatsing_import"), {"bestand": csv("p.csv", regels)})
    assert response.status_code == 200
    fouten = response.context["resultaat"].fouten
    assert {(fout.rij, fout.kolom) for fout in fouten} >= {(3, "koppeldatum"), (4, "samenstelling")}
    assert Plaatsing.objects.count() == 0
    # a model rule (housed without lease) is reported per row and column too, and rolls everything back
    resultaat = PlaatsingImporter().importeer(csv("p.csv", [regels[0], regels[1], regels[4]]))
    # housed without offer or lease: the missing steps are the wrong fields
    assert [(x.rij, x.kolom) for x in resultaat.fouten] == [
        (3, "datum_woning_aangeboden"),
        (3, "datum_huurovereenkomst"),
    ]
    assert resultaat.fouten[1].melding == (
        "Vul de ingangsdatum van de huurovereenkomst in: het huishouden is al gehuisvest op 05-03-2024."
    )
    assert Plaatsing.objects.count() == 0


def test_export_bevat_nooit_de_coa_referentie(adviseur_client):
    f.PlaatsingFactory(coa_referentie="GEHEIM-42")
    lijst = adviseur_client.get(reverse("taakstelling:plaatsing_list"), {"q": "GEHEIM"})
    assert "GEHEIM-42" in lijst.content.decode()  # searchable and shown to staff
    for formaat in ("csv", "xlsx"):
        export = adviseur_client.get(reverse("taakstelling:plaatsing_list"), {"export": formaat})
        assert export.status_code == 200
        inhoud = export.content
        if formaat == "xlsx":
            import io

            import openpyxl

            blad = openpyxl.load_workbook(io.BytesIO(inhoud)).active
            inhoud = " ".join(str(c) for rij in blad.iter_rows(values_only=True) for c in rij).encode()
        assert b"GEHEIM-42" not in inhoud
        assert b"COA-koppelreferentie" not in inhoud


def test_lijst_filtert_op_overschreden_termijn_en_periode(adviseur_client):
    periode = f.PeriodeFactory(begindatum=date(2024, 1, 1), einddatum=date(2024, 6, 30))
    te_laat = f.PlaatsingFactory(koppeldatum=date(2024, 1, 1))
    gehuisvest = f.PlaatsingFactory(
        koppeldatum=date(2024, 1, 1),
        datum_woning_aangeboden=date(2024, 1, 5),
        woonvorm="corporatiewoning",
        datum_huurovereenkomst=date(2024, 2, 1),
        datum_gehuisvest=date(2024, 2, 2),
        corporatie=Corporatie.objects.create(naam="Corporatie A"),
    )
    url = reverse("taakstelling:plaatsing_list")
    assert list(adviseur_client.get(url, {"signaal": "koppeling"}).context["object_list"]) == [te_laat]
    assert list(adviseur_client.get(url, {"periode": periode.pk}).context["object_list"]) == [gehuisvest]
    corporatie = gehuisvest.corporatie.pk
    assert list(adviseur_client.get(url, {"corporatie": corporatie}).context["object_list"]) == [gehuisvest]
    assert list(adviseur_client.get(url, {"status": "gehuisvest"}).context["object_list"]) == [gehuisvest]
    html = adviseur_client.get(url, {"sort": "-aantal_personen"}).content.decode()
    assert "geen woning binnen 10 weken" in html


def _regio():
    periode = Periode.objects.get(label="2024")  # from the baseline
    regels = ["cbs_code;periode;netto_taakstelling;realisatie;saldo_eind;inwoners"]
    regels += [
        "GM0575;2024;91;83;-25;45000",  # Noordwijk: 83 of 108 = 76.9 %
        "GM0537;2024;120;120;0;66000",  # Katwijk: 100 %
        "GM0553;2024;40;36;-4;23000",  # Lisse: 90 %
        "GM0546;2024;200;100;-100;128000",  # Leiden (not subregio): 50 %
    ]
    return periode, regels


def test_regio_import_en_vergelijking(basisgegevens, adviseur_client):
    periode, regels = _regio()
    resultaat = RegioCijferImporter().importeer(csv("r.csv", regels))
    assert resultaat.geslaagd, resultaat.fouten
    assert RegioCijferImporter().importeer(csv("r.csv", regels)).ongewijzigd == 4
    assert RegioCijfer.objects.count() == 4
    v = queries.regio_vergelijking("2024")
    assert v.eigen.pct_gerealiseerd == 76.9
    assert v.subregio_gemiddeld_pct == 95.0
    assert v.slechter_dan_subregio is True
    assert v.slechter_dan_regio is True  # (100 + 90 + 50) / 3 = 80
    html = adviseur_client.get(reverse("taakstelling:regio_vergelijking"), {"periode": "2024"}).content.decode()
    assert "Doen we het slechter dan gemiddeld in de subregio?" in html and "<svg" in html
    indicator = bereken("regio_slechter_dan_gemiddeld", date(2025, 7, 1))
    assert indicator.waarde is True and "76,9 %" in indicator.toelichting


def test_regio_import_onbekende_cbs_code_is_een_rijfout(basisgegevens):
    _regio()
    resultaat = RegioCijferImporter().importeer(
        csv(
            "r.csv",
            [
                "cbs_code;periode;netto_taakstelling;realisatie;saldo_eind;inwoners",
                "GM0575;2024;91;83;-25;45000",
                "GM9999;2024;1;1;0;1000",
                "GM0537;2099;1;1;0;1000",
            ],
        )
    )
    assert [(x.rij, x.kolom) for x in resultaat.fouten] == [(3, "cbs_code"), (4, "periode")]
    assert "Onbekende CBS-code GM9999" in resultaat.fouten[0].melding
    assert RegioCijfer.objects.count() == 0
    assert Gemeente.objects.count() == 13


def test_coa_standen_import(adviseur_client):
    f.PeriodeFactory(begindatum=date(2024, 1, 1), einddatum=date(2024, 6, 30))
    regels = ["periode;maand;realisatie_cumulatief", "2024-H1;2024-01;2", "2024-H1;15-02-2024;5"]
    response = adviseur_client.post(reverse("taakstelling:coastand_import"), {"bestand": csv("c.csv", regels)})
    assert response.status_code == 302
    assert (
        adviseur_client.post(reverse("taakstelling:coastand_import"), {"bestand": csv("c.csv", regels)}).status_code
        == 302
    )
    assert list(CoaStand.objects.order_by("maand").values_list("maand", "realisatie_cumulatief")) == [
        (date(2024, 1, 1), 2),
        (date(2024, 2, 1), 5),
    ]


def test_inburgering_succesratio_en_indicator(adviseur_client):
    f.InburgeringCohortFactory(cohort=2022, inburgeringsplichtig=40, voldaan_binnen_termijn=26)
    f.InburgeringCohortFactory(cohort=2023, inburgeringsplichtig=30, voldaan_binnen_termijn=3)
    overzicht = queries.inburgering_overzicht(date(2026, 3, 1))
    assert overzicht.laatste_complete.cohort == 2022 and overzicht.laatste_complete.succesratio == 65.0
    uitkomst = bereken("inburgering_succesratio", date(2026, 3, 1))
    assert uitkomst.waarde == Decimal("65.0") and "26 van 40" in uitkomst.toelichting
    assert bereken("inburgering_succesratio", date(2025, 3, 1)) is None  # no cohort complete yet
    html = adviseur_client.get(reverse("taakstelling:inburgeringcohort_list")).content.decode()
    assert "binnen de termijn van 3 jaar" in html and "65,0 %" in html


def test_inburgering_validatie(manager_client):
    response = manager_client.post(
        reverse("taakstelling:inburgeringcohort_add"),
        {
            "cohort": 2024,
            "inburgeringsplichtig": 10,
            "brede_intake": 12,
            "pip_op_tijd": 0,
            "leerroute_b1": 0,
            "leerroute_onderwijs": 0,
            "leerroute_z": 0,
            "voldaan_binnen_termijn": 0,
            "peildatum_cijfers": "",
            "bron": "",
        },
    )
    assert response.status_code == 200
    assert "groter dan het aantal inburgeringsplichtigen" in response.content.decode()


def test_indicator_taakstelling_voldaan(basisgegevens):
    uitkomst = bereken("taakstelling_voldaan", date(2025, 1, 15))  # 2025-H1 running, 0 months done: norm 0
    assert uitkomst.waarde is True and "Lopende periode 2025-H1" in uitkomst.toelichting
    uitkomst = bereken("taakstelling_voldaan", date(2025, 8, 1))
    assert uitkomst.waarde is False and "Saldo eind 2025-H1: −38" in uitkomst.toelichting
    # on 01-03-2023 the official total of 2023 (a fact of 31-12-2023) was not known: the own registration
    # (nothing entered for 2023) counts, behind the norm
    uitkomst = bereken("taakstelling_voldaan", date(2023, 3, 1))
    assert uitkomst.waarde is False and "realisatie 0 (eigen registratie" in uitkomst.toelichting
    assert bereken("taakstelling_voldaan", date(2021, 3, 1)) is None


def test_interventieladder_waarschuwing_bij_drempel(settings, basisgegevens, adviseur_client):
    # 2023, 2024 and 2025-H1 ended behind: three in a row
    assert queries.interventieladder_status(date(2025, 8, 1)).achterstand_perioden == 3
    assert queries.interventieladder_status(date(2025, 8, 1)).waarschuwing is False
    settings.TAAKSTELLING_ACHTERSTAND_DREMPEL = 3
    status = queries.interventieladder_status(date(2025, 8, 1))
    assert status.waarschuwing is True and status.toelichting.startswith("Waarschuwing")
    html = adviseur_client.get(reverse("taakstelling:tredehistorie_list")).content.decode()
    assert "Trede 3" in html and "Waarschuwing" in html


def test_tijdelijke_locatie_toont_maximum(adviseur_client, basisgegevens):
    from taakstelling.models import TijdelijkeLocatie

    trampoline = TijdelijkeLocatie.objects.get(naam="Trampoline II")
    f.PlaatsingFactory(
        koppeldatum=date(2025, 1, 2),
        volwassenen=11,
        woonvorm="tijdelijke_locatie",
        tijdelijke_locatie=trampoline,
        datum_woning_aangeboden=date(2025, 1, 10),
        datum_huurovereenkomst=date(2025, 2, 1),
        datum_gehuisvest=date(2025, 2, 1),
    )
    html = adviseur_client.get(trampoline.get_absolute_url()).content.decode()
    assert "Maximum: 10" in html and "Boven het maximum" in html


# ----------------------------------------------------------------------------- query budgets

LIJSTEN = {
    "taakstelling:periode_list": lambda n: f.PeriodeFactory.create_batch(n),
    "taakstelling:plaatsing_list": lambda n: [
        f.NareizigerFactory(plaatsing=p) for p in f.PlaatsingFactory.create_batch(n)
    ],
    "taakstelling:nareiziger_list": lambda n: f.NareizigerFactory.create_batch(n),
    "taakstelling:coastand_list": lambda n: f.CoaStandFactory.create_batch(n),
    "taakstelling:trede_list": lambda n: f.TredeFactory.create_batch(n),
    "taakstelling:tredehistorie_list": lambda n: f.TredeHistorieFactory.create_batch(n),
    "taakstelling:regiocijfer_list": lambda n: f.RegioCijferFactory.create_batch(n),
    "taakstelling:inburgeringcohort_list": lambda n: f.InburgeringCohortFactory.create_batch(n),
    "taakstelling:tijdelijkelocatie_list": lambda n: [
        f.PlaatsingFactory(woonvorm="tijdelijke_locatie", tijdelijke_locatie=loc)
        for loc in f.TijdelijkeLocatieFactory.create_batch(n)
    ],
}


@pytest.mark.parametrize("naam", sorted(LIJSTEN))
def test_querybudget_gelijk_voor_een_deel_van_een_pagina_en_meer_paginas(adviseur_client, naam):
    from tests.queries import GROOT, assert_vast_aantal_queries

    veel = assert_vast_aantal_queries(adviseur_client, reverse(naam), LIJSTEN[naam])
    assert veel.response.context["table"].paginator.count >= GROOT


# ----------------------------------------------------------------------------- bulk import: audit, cache, rules


def _auditregels(actie):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Plaatsing), action=actie)


def test_import_schrijft_per_rij_een_auditregel_met_de_importeur(adviseur_client):
    from auditlog.models import LogEntry

    regels = [PLAATSING_KOP] + [f"2024-02-{d:02d};overig;1;1;0;;;;;REF-{d}" for d in range(1, 8)]
    response = adviseur_client.post(reverse("taakstelling:plaatsing_import"), {"bestand": csv("p.csv", regels)})
    assert response.status_code == 302
    gebruiker = response.wsgi_request.user
    nieuw = _auditregels(LogEntry.Action.CREATE)
    assert nieuw.count() == 7
    assert {(r.actor_id, r.actor_email) for r in nieuw} == {(gebruiker.pk, gebruiker.email)}
    p = Plaatsing.objects.get(coa_referentie="REF-3")
    regel = nieuw.get(object_pk=str(p.pk))
    assert regel.object_id == p.pk and regel.object_repr == str(p)
    # the reference is personal data: the trail records that it was set, not its value
    assert regel.changes["coa_referentie"] == ["None", "(afgeschermd)"]
    assert regel.changes["status"] == ["None", "gekoppeld"]
    # the detail page shows the entry in its audit trail
    assert "REF-3" in adviseur_client.get(p.get_absolute_url()).content.decode()

    # the same file again: nothing changes, so no new entries and no new versions
    adviseur_client.post(reverse("taakstelling:plaatsing_import"), {"bestand": csv("p.csv", regels)})
    assert LogEntry.objects.filter(content_type=regel.content_type).count() == 7
    assert set(Plaatsing.objects.values_list("versie", flat=True)) == {1}

    # two rows changed: two UPDATE entries with the changed fields, status and version follow
    regels[2] = "2024-02-02;overig;1;1;2;corporatiewoning;2024-03-01;;;REF-2"
    regels[5] = "2024-02-05;overig;1;3;0;;;;;REF-5"
    resultaat = PlaatsingImporter().importeer(csv("p.csv", regels))
    assert (resultaat.aangemaakt, resultaat.bijgewerkt, resultaat.ongewijzigd, resultaat.fouten) == (0, 2, 5, [])
    bijgewerkt = {r.object_repr: r.changes for r in _auditregels(LogEntry.Action.UPDATE)}
    assert len(bijgewerkt) == 2
    twee = Plaatsing.objects.get(coa_referentie="REF-2")
    assert bijgewerkt[str(twee)] == {
        "minderjarigen": ["0", "2"],
        "woonvorm": ["", "corporatiewoning"],
        "datum_woning_aangeboden": ["None", "2024-03-01"],
        "status": ["gekoppeld", "woning_aangeboden"],
        "versie": ["1", "2"],
    }
    assert (twee.status, twee.versie, twee.personen) == ("woning_aangeboden", 2, 3)
    assert bijgewerkt[str(Plaatsing.objects.get(coa_referentie="REF-5"))]["volwassenen"] == ["1", "3"]


def test_import_zonder_auditlog_schrijft_geen_auditregels():
    from auditlog.context import disable_auditlog
    from auditlog.models import LogEntry

    with disable_auditlog():
        resultaat = PlaatsingImporter().importeer(csv("p.csv", [PLAATSING_KOP, "2024-02-01;gezin;1;2;1;;;;;"]))
    assert resultaat.aangemaakt == 1
    assert not _auditregels(LogEntry.Action.CREATE).exists()


def test_import_controleert_modelregels_en_sleutels_per_rij(adviseur_client):
    f.PlaatsingFactory(koppeldatum=date(2024, 2, 1), samenstelling="gezin", volgnummer=1, coa_referentie="BEZET-1")
    regels = [
        PLAATSING_KOP,
        "2024-02-01;gezin;2;1;0;;;;;",
        "2024-02-01;gezin;3;0;0;;;;;",  # CheckConstraint: at least one person
        "2024-02-01;gezin;4;1;0;;2024-03-01;;;",  # offered without woonvorm
        "2024-02-01;gezin;5;1;0;;;;;BEZET-1",  # reference of another placement
        "2024-02-01;gezin;1;1;0;;;;;BEZET-1",  # the placement itself: an update
    ]
    resultaat = PlaatsingImporter().importeer(csv("p.csv", regels))
    assert [(x.rij, x.kolom) for x in resultaat.fouten] == [(3, "volwassenen"), (4, "woonvorm"), (5, "coa_referentie")]
    assert "ten minste één persoon" in resultaat.fouten[0].melding
    assert (resultaat.aangemaakt, resultaat.bijgewerkt) == (0, 0)
    assert Plaatsing.objects.count() == 1
    goed = PlaatsingImporter().importeer(csv("p.csv", [regels[0], regels[1], regels[5]]))
    assert (goed.aangemaakt, goed.bijgewerkt, goed.ongewijzigd, goed.fouten) == (1, 0, 1, [])


def test_import_meldt_een_veldfout_en_een_regelfout_op_elke_rij_ook_bij_dezelfde_waarden():
    """The model's field checks run once per distinct value (Importer.regelfouten): a value that failed is
    reported on every row that has it, and the model's clean() still judges every row."""
    regels = [
        PLAATSING_KOP,
        "2024-02-01;gezin;1;1;0;corporatiewoning;2024-03-01;;;KOP-1",
        "2024-02-01;gezin;2;1;0;;2024-03-01;;;KOP-2",  # values that passed, but offered without woonvorm (clean)
        "2024-02-01;gezin;3;1;0;;2024-03-01;;;KOP-3",  # and again
        "2024-02-01;gezin;4;1;0;corporatiewoning;2024-03-01;;;Jansen",  # a name (the model's validator)
        "2024-02-01;gezin;5;1;0;corporatiewoning;2024-03-01;;;Jansen",  # the same value fails again
    ]
    resultaat = PlaatsingImporter().importeer(csv("p.csv", regels))
    assert [(x.rij, x.kolom) for x in resultaat.fouten] == [
        (3, "woonvorm"),
        (4, "woonvorm"),
        (5, "coa_referentie"),
        (6, "coa_referentie"),
    ]
    assert resultaat.fouten[2].melding == resultaat.fouten[3].melding
    assert "lijkt een naam" in resultaat.fouten[3].melding
    assert Plaatsing.objects.count() == 0


def test_dashboard_toont_geimporteerde_plaatsingen_direct():
    from noordwijk_migratie.cache import data_versie
    from rapportage import dashboard

    # the running half year: an import into a closed one would need the opgavemanager and a reason
    peildatum = timezone.localdate()
    begin, eind = rules.halfjaar_van(peildatum)
    Periode.objects.create(begindatum=begin, einddatum=eind, netto_taakstelling=80)

    def gerealiseerd():
        paneel = next(p for p in dashboard.dashboard(peildatum)["panelen"] if p["code"] == "statushouders")
        return next(c["waarde"] for c in paneel["cijfers"] if c["label"].startswith("Gerealiseerd"))

    assert gerealiseerd() == 0  # and now cached
    versie = data_versie()
    koppel = begin - timedelta(days=60)
    regels = [PLAATSING_KOP] + [
        f"{koppel + timedelta(days=d)};gezin;1;2;1;corporatiewoning;{koppel + timedelta(days=30)};"
        f"{koppel + timedelta(days=40)};{begin};"
        for d in range(1, 21)
    ]
    assert PlaatsingImporter().importeer(csv("p.csv", regels)).aangemaakt == 20
    assert data_versie() == versie + 1  # once per import, not once per row
    assert gerealiseerd() == 60


def test_import_schrijft_dezelfde_geschiedenis_als_auditlog_bij_opslaan(maak_gebruiker):
    """The import builds its audit entries itself, in bulk; they read exactly as the entries django-auditlog's
    own receivers write when the same household is added and then changed one save at a time."""
    from auditlog.context import set_actor
    from auditlog.models import LogEntry

    from noordwijk_migratie import historie

    corporatie = Corporatie.objects.create(naam="Stek")
    waarden = {
        "samenstelling": "gezin",
        "volwassenen": 2,
        "minderjarigen": 1,
        "woonvorm": "corporatiewoning",
        "corporatie": corporatie,
        "datum_woning_aangeboden": date(2024, 3, 1),
    }
    adviseur = maak_gebruiker("beleidsadviseur")
    kop = f"{PLAATSING_KOP};corporatie"
    rij = "2024-02-01;gezin;{nr};2;{kinderen};corporatiewoning;2024-03-01;{huur};;{ref};Stek"
    resultaat = PlaatsingImporter().importeer(csv("p.csv", [kop, rij.format(nr=1, kinderen=1, huur="", ref="REF-1")]))
    assert resultaat.aangemaakt == 1, resultaat.fouten
    with set_actor(adviseur):
        opgeslagen = Plaatsing.objects.create(
            koppeldatum=date(2024, 2, 1), volgnummer=2, coa_referentie="REF-2", **waarden
        )
    resultaat = PlaatsingImporter().importeer(
        csv("p.csv", [kop, rij.format(nr=1, kinderen=3, huur="2024-03-20", ref="REF-3")])
    )
    assert resultaat.bijgewerkt == 1, resultaat.fouten
    with set_actor(adviseur):
        opgeslagen.minderjarigen, opgeslagen.coa_referentie = 3, "REF-4"
        opgeslagen.datum_huurovereenkomst = date(2024, 3, 20)
        opgeslagen.save()
    geimporteerd = Plaatsing.objects.get(volgnummer=1)

    def gelezen(plaatsing):
        entries = LogEntry.objects.get_for_object(plaatsing).order_by("pk")
        return [
            (g.actie, [r for r in g.regels if r.veld not in ("Volgnummer", "COA-koppelreferentie")])
            for g in historie.beschrijf(entries)
        ]

    assert gelezen(geimporteerd) == gelezen(opgeslagen)
    assert [a for a, _r in gelezen(geimporteerd)] == ["aangemaakt", "gewijzigd"]
    assert len(gelezen(geimporteerd)[1][1]) == 3  # minderjarigen, huurovereenkomst, status
