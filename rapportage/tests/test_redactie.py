"""Written and approved in the app: the texts (safe formatting, preview, no lost edits, who writes what),
the rules of definitief (texts, stale figures, the peildatum), the watermark, the cover's reference data,
and finalising in the background."""

import subprocess
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from rapportage import secties, services
from rapportage.models import Rapport, Toelichting, Voorblad
from rapportage.tekst import als_html
from rapportage.tests.factories import RapportFactory
from tests.werker import via_wachtrij

pytestmark = pytest.mark.django_db


def definitief(client, rapport, callbacks):
    with callbacks(execute=True):
        return client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk]), follow=True)


def tekst(soort, peildatum, sectie, inhoud=""):
    return Toelichting.objects.update_or_create(
        soort=soort, peildatum=peildatum, sectie=sectie, defaults={"tekst": inhoud}
    )[0]


def volgende_halfjaar_peildatum(vandaag: date) -> date:
    return date(vandaag.year, 7, 1) if vandaag.month < 7 else date(vandaag.year + 1, 1, 1)


# --- the texts -------------------------------------------------------------------------------


def test_tekst_wordt_alineas_en_opsommingen_en_nooit_html():
    html = als_html(
        "Noordwijk ligt op schema.\nTweede regel.\n\n- 25 gehuisvest\n- 3 in de pijplijn\n  en 2 gepland\n\n"
        "<script>alert(1)</script> & <b>vet</b>"
    )
    assert html == (
        "<p>Noordwijk ligt op schema.<br>Tweede regel.</p>\n"
        "<ul><li>25 gehuisvest</li><li>3 in de pijplijn en 2 gepland</li></ul>\n"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;</p>"
    )
    assert als_html("") == "" and als_html("  \n\n ") == ""


def test_voorbeeld_toont_de_opmaak_zonder_op_te_slaan(manager_client):
    rapport = RapportFactory()
    samenvatting = tekst(rapport.soort, rapport.peildatum, "samenvatting")
    url = reverse("rapportage:toelichting_edit", args=[samenvatting.pk])
    response = manager_client.post(
        url, {"tekst": "Op schema.\n\n- 25 gehuisvest\n- <i>niet schuin</i>", "geladen_versie": 1, "voorbeeld": "1"}
    )
    pagina = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld (nog niet opgeslagen)" in pagina
    assert "<ul><li>25 gehuisvest</li><li>&lt;i&gt;niet schuin&lt;/i&gt;</li></ul>" in pagina
    samenvatting.refresh_from_db()
    assert samenvatting.tekst == "" and samenvatting.versie == 1
    # then saving keeps it
    response = manager_client.post(url, {"tekst": "Op schema.", "geladen_versie": 1})
    assert response.status_code == 302
    samenvatting.refresh_from_db()
    assert samenvatting.tekst == "Op schema."


def test_gelijktijdig_bewerken_verliest_niets_ongemerkt(client, maak_gebruiker):
    """Two writers open the same text; the second save is refused with a Dutch message and the second
    writer's text stays in the form (nothing is overwritten, nothing silently dropped)."""
    rapport = RapportFactory()
    samenvatting = tekst(rapport.soort, rapport.peildatum, "samenvatting")
    url = reverse("rapportage:toelichting_edit", args=[samenvatting.pk])
    client.force_login(maak_gebruiker("opgavemanager", username="anna"))
    assert client.post(url, {"tekst": "Tekst van Anna.", "geladen_versie": 1}).status_code == 302
    client.force_login(maak_gebruiker("opgavemanager", username="bram"))
    response = client.post(url, {"tekst": "Tekst van Bram.", "geladen_versie": 1})
    pagina = response.content.decode()
    assert response.status_code == 200
    assert "gewijzigd door anna" in pagina and "Tekst van Bram." in pagina
    samenvatting.refresh_from_db()
    assert samenvatting.tekst == "Tekst van Anna."


def test_beleidsadviseur_schrijft_onderdelen_maar_niet_de_rapportteksten(adviseur_client):
    rapport = RapportFactory()
    samenvatting = tekst(rapport.soort, rapport.peildatum, "samenvatting")
    onderdeel = tekst(rapport.soort, rapport.peildatum, "taakstelling_perioden")
    assert "samenvatting" in services.rapportteksten(rapport.soort)
    assert "taakstelling_perioden" not in services.rapportteksten(rapport.soort)
    response = adviseur_client.post(
        reverse("rapportage:toelichting_edit", args=[onderdeel.pk]), {"tekst": "Toelichting.", "geladen_versie": 1}
    )
    assert response.status_code == 302
    response = adviseur_client.post(
        reverse("rapportage:toelichting_edit", args=[samenvatting.pk]), {"tekst": "Mijn samenvatting."}
    )
    assert response.status_code == 403
    samenvatting.refresh_from_db()
    assert samenvatting.tekst == ""
    pagina = adviseur_client.get(rapport.get_absolute_url()).content.decode()
    assert reverse("rapportage:toelichting_edit", args=[onderdeel.pk]) in pagina
    assert reverse("rapportage:toelichting_edit", args=[samenvatting.pk]) not in pagina


# --- the rules of definitief -----------------------------------------------------------------


def test_definitief_geweigerd_zolang_een_verplichte_tekst_leeg_is(manager_client, django_capture_on_commit_callbacks):
    rapport = RapportFactory(
        soort=secties.EVALUATIE,
        peildatum=date(2026, 6, 1),
        snapshot={"omslag": {"titel": "Omslag", "data": {}}, "conclusies": {"titel": "Conclusies", "data": {}}},
    )
    tekst(rapport.soort, rapport.peildatum, "samenvatting", "Het programma liep.")
    tekst(rapport.soort, rapport.peildatum, "conclusies", "   \n ")
    assert services.ontbreekt_voor_definitief(rapport, date(2026, 7, 1)) == [
        "Conclusies: de tekst ontbreekt.",
        "Vervolgopdracht: de tekst ontbreekt.",
    ]
    pagina = manager_client.get(rapport.get_absolute_url()).content.decode()
    assert "Nog nodig voor definitief" in pagina and "Vervolgopdracht: de tekst ontbreekt." in pagina
    pagina = definitief(manager_client, rapport, django_capture_on_commit_callbacks).content.decode()
    assert "Het rapport kan nog niet definitief worden:" in pagina
    assert "Conclusies: de tekst ontbreekt." in pagina and "Vervolgopdracht: de tekst ontbreekt." in pagina
    rapport.refresh_from_db()
    assert not rapport.definitief and not rapport.wordt_definitief

    tekst(rapport.soort, rapport.peildatum, "conclusies", "De taakstelling is gehaald.")
    tekst(rapport.soort, rapport.peildatum, "vervolgopdracht", "- Doorgaan met de pilot\n- Evalueren in 2029")
    assert services.ontbreekt_voor_definitief(rapport) == []
    pagina = definitief(manager_client, rapport, django_capture_on_commit_callbacks).content.decode()
    rapport.refresh_from_db()
    assert rapport.definitief, pagina
    assert rapport.definitief_door.username == "test-opgavemanager"
    # the texts as they were at finalising are in the snapshot the PDF was made from
    assert rapport.snapshot["conclusies"]["toelichting"] == "De taakstelling is gehaald."


def test_definitief_pas_na_de_peildatum_en_niet_van_een_versie_van_ervoor():
    peildatum = date(2026, 7, 1)
    vooraf = RapportFactory(peildatum=peildatum)
    Rapport.objects.filter(pk=vooraf.pk).update(aangevraagd_op=timezone.make_aware(timezone.datetime(2026, 6, 20)))
    vooraf.refresh_from_db()
    tekst(vooraf.soort, peildatum, "samenvatting", "Op schema.")
    assert vooraf.voor_peildatum and vooraf.watermerk == "CONCEPT — peildatum nog niet bereikt"
    assert services.ontbreekt_voor_definitief(vooraf, date(2026, 6, 30)) == [
        "De peildatum (1 juli 2026) is nog niet voorbij; het rapport kan pas daarna definitief worden."
    ]
    assert services.ontbreekt_voor_definitief(vooraf, peildatum) != []  # on the peildatum itself: not yet
    assert services.ontbreekt_voor_definitief(vooraf, date(2026, 7, 2)) == [
        "Deze versie is gemaakt vóór de peildatum; maak eerst een nieuwe versie (‘Opnieuw genereren’)."
    ]
    nieuw = RapportFactory(peildatum=peildatum)  # requested now, long after the peildatum
    assert not nieuw.voor_peildatum and nieuw.watermerk == ""
    assert services.ontbreekt_voor_definitief(nieuw) == []


def test_verouderde_gegevens_vragen_een_toelichting(basisgegevens):
    """On the baseline the last occupancy counts are of 30-06-2025: a report of 1 July 2026 shows them
    marked verouderd, and cannot become definitief until its section explains them."""
    peildatum = date(2026, 7, 1)
    rapport = RapportFactory(peildatum=peildatum, snapshot=services.maak_snapshot("halfjaarrapportage", peildatum))
    tekst(rapport.soort, rapport.peildatum, "samenvatting", "Op schema.")
    meldingen = services.ontbreekt_voor_definitief(rapport, date(2026, 7, 2))
    oekraine = [m for m in meldingen if m.startswith("Oekraïense ontheemden")]
    assert oekraine and all("30-06-2025, verouderd" in m and "licht dat toe" in m for m in oekraine), meldingen
    tekst(rapport.soort, rapport.peildatum, "oekraine", "De telling van juni kwam niet binnen; COA is gevraagd.")
    assert not [m for m in services.ontbreekt_voor_definitief(rapport, date(2026, 7, 2)) if "Oekraïense" in m]


def test_beleidsadviseur_kan_niet_definitief_maken(adviseur_client, django_capture_on_commit_callbacks):
    rapport = RapportFactory()
    tekst(rapport.soort, rapport.peildatum, "samenvatting", "Op schema.")
    pagina = adviseur_client.get(rapport.get_absolute_url()).content.decode()
    assert reverse("rapportage:rapport_definitief", args=[rapport.pk]) not in pagina
    with django_capture_on_commit_callbacks(execute=True):
        response = adviseur_client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk]))
    assert response.status_code == 403
    rapport.refresh_from_db()
    assert not rapport.definitief and rapport.definitief_gevraagd_op is None


# --- the cover -------------------------------------------------------------------------------


def test_functioneel_beheerder_beheert_de_voorbladgegevens(client, maak_gebruiker):
    beheerder = maak_gebruiker("functioneel_beheerder")
    client.force_login(beheerder)
    response = client.get(reverse("rapportage:voorblad"))
    voorblad = Voorblad.objects.get()
    assert response["Location"] == voorblad.get_absolute_url()
    response = client.post(
        reverse("rapportage:voorblad_edit", args=[voorblad.pk]),
        {
            "gemeente": "Gemeente Noordwijk",
            "portefeuillehouder": "Wethouder asiel en migratie",
            "opsteller": "Opgaveteam asiel en migratie",
            "contact": "asielenmigratie@noordwijk.example",
            "geladen_versie": 1,
        },
    )
    assert response.status_code == 302
    voorblad.refresh_from_db()
    assert voorblad.portefeuillehouder == "Wethouder asiel en migratie"
    wijziging = LogEntry.objects.get_for_object(voorblad).first()
    assert wijziging.actor == beheerder and "portefeuillehouder" in wijziging.changes_dict
    # the opgavemanager reads them but does not change them
    client.force_login(maak_gebruiker("opgavemanager"))
    assert client.get(voorblad.get_absolute_url()).status_code == 200
    assert client.get(reverse("rapportage:voorblad_edit", args=[voorblad.pk])).status_code == 403


def test_concept_voor_de_peildatum_heeft_een_watermerk_en_het_voorblad_de_gegevens(
    manager_client, django_capture_on_commit_callbacks
):
    Voorblad.objects.create(
        pk=1, portefeuillehouder="Wethouder asiel en migratie", opsteller="Opgaveteam", contact="14 071"
    )
    peildatum = volgende_halfjaar_peildatum(timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse("rapportage:rapport_add"),
            {"soort": secties.HALFJAAR, "peildatum": peildatum.isoformat(), "zaaknummer": "Z-2026-0042"},
        )
    rapport = Rapport.objects.get()
    assert response["Location"] == rapport.get_absolute_url()
    assert rapport.watermerk == "CONCEPT — peildatum nog niet bereikt"
    voorblad = rapport.snapshot["omslag"]["data"]["voorblad"]
    assert voorblad["portefeuillehouder"] == "Wethouder asiel en migratie"
    pagina = manager_client.get(rapport.get_absolute_url()).content.decode()
    assert "CONCEPT — peildatum nog niet bereikt" in pagina and "is nog niet voorbij" in pagina
    pdf = subprocess.run(["pdftotext", rapport.pdf.path, "-"], capture_output=True, text=True, check=True).stdout
    assert "CONCEPT — peildatum nog niet bereikt" in pdf
    for waarde in ("Wethouder asiel en migratie", "Opgaveteam", "14 071", "Z-2026-0042"):
        assert waarde in pdf
    lang = f"1 {'januari' if peildatum.month == 1 else 'juli'} {peildatum.year}"
    assert lang in pdf
    # a new version keeps the zaaknummer
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(reverse("rapportage:rapport_opnieuw", args=[rapport.pk]))
    assert Rapport.objects.get(versie=2).zaaknummer == "Z-2026-0042"


# --- never waiting on the task ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_definitief_maken_loopt_op_de_achtergrond(manager_client):
    """With a real queue (Redis) and no worker yet, the POST returns at once: the report is 'wordt definitief
    gemaakt', its status fragment keeps polling and the texts are locked; the task then finalises it."""
    rapport = RapportFactory()
    samenvatting = tekst(rapport.soort, rapport.peildatum, "samenvatting", "Op schema.")
    with via_wachtrij():
        response = manager_client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk]), follow=True)
    pagina = response.content.decode()
    rapport.refresh_from_db()
    assert not rapport.definitief and rapport.wordt_definitief
    assert "wordt nu definitief gemaakt" in pagina
    status = manager_client.get(reverse("rapportage:rapport_status", args=[rapport.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in status and "wordt definitief gemaakt" in status
    assert manager_client.get(reverse("rapportage:toelichting_edit", args=[samenvatting.pk])).status_code == 403
    assert "Definitief maken" not in status

    from rapportage.tasks import maak_rapport_definitief

    assert maak_rapport_definitief.apply(args=[rapport.pk, None]).get() == "definitief"
    rapport.refresh_from_db()
    assert rapport.definitief
    status = manager_client.get(reverse("rapportage:rapport_status", args=[rapport.pk])).content.decode()
    assert 'hx-trigger="every 1s"' not in status


def test_geweigerd_op_de_achtergrond_laat_het_concept_staan(manager_client):
    """When the task finds a reason after all (another version became definitief meanwhile), the concept
    stays a concept with the reason on its page."""
    rapport = RapportFactory(versie=1)
    RapportFactory(versie=2, definitief=True)
    Rapport.objects.filter(pk=rapport.pk).update(definitief_gevraagd_op=timezone.now() - timedelta(seconds=1))
    from rapportage.tasks import maak_rapport_definitief

    assert maak_rapport_definitief.apply(args=[rapport.pk, None]).get() == "geweigerd"
    rapport.refresh_from_db()
    assert not rapport.definitief and rapport.definitief_gevraagd_op is None
    assert "Er is al een andere versie van dit rapport definitief." in rapport.foutmelding
