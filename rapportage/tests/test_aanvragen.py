"""Requesting, regenerating, finalising and downloading reports; who may do what."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from noordwijk_migratie import registry
from noordwijk_migratie.celery import app as celery_app
from rapportage import secties, services
from rapportage.models import Rapport, Status, Toelichting
from rapportage.tests.factories import RapportFactory

pytestmark = pytest.mark.django_db
AANVRAAG = reverse("rapportage:rapport_add")


def vraag(client, callbacks, soort=secties.HALFJAAR, peildatum="2025-07-01"):
    with callbacks(execute=True):
        return client.post(AANVRAAG, {"soort": soort, "peildatum": peildatum})


def test_opgavemanager_vraagt_halfjaarrapportage_aan(manager_client, django_capture_on_commit_callbacks):
    response = vraag(manager_client, django_capture_on_commit_callbacks)
    rapport = Rapport.objects.get()
    assert response.status_code == 302 and response["Location"] == rapport.get_absolute_url()
    assert (rapport.soort, rapport.peildatum, rapport.versie) == (secties.HALFJAAR, date(2025, 7, 1), 1)
    assert rapport.status == Status.KLAAR and rapport.sha256 and rapport.snapshot
    assert rapport.aangevraagd_door.username == "test-opgavemanager"
    assert rapport.taak_id
    # a toelichting per section, ready for the advisors
    verwacht = {s.code for s in registry.secties(secties.HALFJAAR) if s.toelichting}
    assert "samenvatting" in verwacht and "omslag" not in verwacht
    assert set(Toelichting.objects.values_list("sectie", flat=True)) == verwacht
    pagina = manager_client.get(rapport.get_absolute_url()).content.decode()
    assert "PDF downloaden" in pagina and "Definitief maken" in pagina and "<progress" in pagina
    assert 'hx-trigger="every 1s"' not in pagina  # done: no more polling


def test_halfjaar_peildatum_moet_1_januari_of_1_juli_zijn(manager_client, django_capture_on_commit_callbacks):
    response = vraag(manager_client, django_capture_on_commit_callbacks, peildatum="2025-06-30")
    assert response.status_code == 200
    assert "De peildatum van een halfjaarrapportage is 1 januari of 1 juli." in response.content.decode()
    assert not Rapport.objects.exists()
    # the database refuses it too
    with pytest.raises(ValidationError):
        Rapport(soort=secties.HALFJAAR, peildatum=date(2025, 3, 1)).full_clean()


def test_evaluatierapport_kan_op_elk_moment(manager_client, django_capture_on_commit_callbacks):
    vraag(manager_client, django_capture_on_commit_callbacks, secties.EVALUATIE, "2026-02-17")
    rapport = Rapport.objects.get()
    assert rapport.status == Status.KLAAR
    assert {s.code for s in registry.secties(secties.EVALUATIE)} == set(rapport.snapshot)
    assert {"omslag", "samenvatting", "programmalijn_1", "themasessies", "conclusies", "vervolgopdracht"} <= set(
        rapport.snapshot
    )


def test_opnieuw_genereren_maakt_een_nieuwe_versie(manager_client, django_capture_on_commit_callbacks):
    vraag(manager_client, django_capture_on_commit_callbacks)
    eerste = Rapport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse("rapportage:rapport_opnieuw", args=[eerste.pk]))
    tweede = Rapport.objects.get(versie=2)
    assert response["Location"] == tweede.get_absolute_url()
    assert tweede.status == Status.KLAAR and tweede.pdf.name != eerste.pdf.name
    # the old version stays downloadable
    download = manager_client.get(reverse("rapportage:rapport_download", args=[eerste.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_definitief_maken_en_daarna_onveranderlijk(manager_client, django_capture_on_commit_callbacks):
    vraag(manager_client, django_capture_on_commit_callbacks)
    rapport = Rapport.objects.get()
    Toelichting.objects.filter(sectie="samenvatting").update(tekst="Noordwijk ligt op schema.")
    concept_sha = rapport.sha256
    bevestig = manager_client.get(reverse("rapportage:rapport_definitief", args=[rapport.pk]))
    assert "niet meer worden gewijzigd" in bevestig.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk]))
    rapport.refresh_from_db()
    assert rapport.definitief and rapport.definitief_door.username == "test-opgavemanager"
    assert rapport.sha256 != concept_sha and services.pdf_is_compleet(rapport)
    assert "definitief" in rapport.pdf.name
    # immutable: model guard, no new versions, toelichtingen locked, task does nothing
    rapport.foutmelding = "x"
    with pytest.raises(ValidationError):
        rapport.save()
    with pytest.raises(ValidationError):
        rapport.delete()
    assert services.bouw_rapport(rapport.pk) == "definitief"
    response = manager_client.post(reverse("rapportage:rapport_opnieuw", args=[rapport.pk]))
    assert Rapport.objects.count() == 1
    assert "al een definitief rapport" in manager_client.get(response["Location"]).content.decode()
    assert vraag(manager_client, django_capture_on_commit_callbacks).status_code == 200
    assert Rapport.objects.count() == 1
    toelichting = Toelichting.objects.get(sectie="samenvatting")
    assert manager_client.get(reverse("rapportage:toelichting_edit", args=[toelichting.pk])).status_code == 403


def test_raadpleger_downloadt_maar_vraagt_niet_aan_en_maakt_niet_definitief(raadpleger_client):
    rapport = RapportFactory()
    pagina = raadpleger_client.get(rapport.get_absolute_url()).content.decode()
    assert reverse("rapportage:rapport_download", args=[rapport.pk]) in pagina
    assert reverse("rapportage:rapport_definitief", args=[rapport.pk]) not in pagina
    assert reverse("rapportage:rapport_opnieuw", args=[rapport.pk]) not in pagina
    assert raadpleger_client.get(reverse("rapportage:rapport_download", args=[rapport.pk])).status_code == 200
    assert raadpleger_client.get(AANVRAAG).status_code == 403
    assert raadpleger_client.post(AANVRAAG, {"soort": secties.HALFJAAR, "peildatum": "2026-01-01"}).status_code == 403
    assert raadpleger_client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk])).status_code == 403
    assert raadpleger_client.post(reverse("rapportage:rapport_opnieuw", args=[rapport.pk])).status_code == 403
    rapport.refresh_from_db()
    assert not rapport.definitief and Rapport.objects.count() == 1


def test_beleidsadviseur_schrijft_toelichting_maar_maakt_niet_definitief(adviseur_client):
    rapport = RapportFactory()
    toelichting = Toelichting.objects.create(
        soort=rapport.soort, peildatum=rapport.peildatum, sectie="taakstelling_perioden"
    )
    url = reverse("rapportage:toelichting_edit", args=[toelichting.pk])
    response = adviseur_client.post(url, {"tekst": "Realisatie 25 van 63.", "geladen_versie": toelichting.versie})
    assert response.status_code == 302 and response["Location"] == rapport.get_absolute_url()
    toelichting.refresh_from_db()
    assert toelichting.tekst == "Realisatie 25 van 63." and toelichting.versie == 2
    # a stale form (someone else saved in between) is refused
    stale = adviseur_client.post(url, {"tekst": "Oud", "geladen_versie": 1})
    assert stale.status_code == 200
    toelichting.refresh_from_db()
    assert toelichting.tekst == "Realisatie 25 van 63."
    assert adviseur_client.post(AANVRAAG, {"soort": secties.HALFJAAR, "peildatum": "2026-01-01"}).status_code == 403
    assert adviseur_client.post(reverse("rapportage:rapport_definitief", args=[rapport.pk])).status_code == 403


def test_wachtrij_onbereikbaar_geeft_nette_melding(manager_client, django_capture_on_commit_callbacks, settings):
    vrije_poort = _gesloten_poort()
    amqp = celery_app.amqp
    oud = (celery_app.conf.task_always_eager, celery_app.conf.broker_url, celery_app._pool, amqp._producer_pool)
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{vrije_poort}/0"
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = settings.CELERY_BROKER_URL
    celery_app._pool = amqp._producer_pool = None
    try:
        response = vraag(manager_client, django_capture_on_commit_callbacks)
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url, celery_app._pool, amqp._producer_pool = oud
    rapport = Rapport.objects.get()
    assert response.status_code == 302
    assert rapport.status == Status.MISLUKT
    assert rapport.foutmelding == "De wachtrij is niet bereikbaar; probeer het later opnieuw"
    pagina = manager_client.get(rapport.get_absolute_url()).content.decode()
    assert "De wachtrij is niet bereikbaar; probeer het later opnieuw" in pagina
    assert 'role="alert"' in pagina


def _gesloten_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_status_fragment_pollt_zolang_het_rapport_bezig_is(manager_client):
    rapport = RapportFactory(status=Status.BEZIG, voortgang=40, pdf="", sha256="")
    fragment = manager_client.get(reverse("rapportage:rapport_status", args=[rapport.pk]), HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html
    assert "PDF downloaden" not in html and "<html" not in html
    Rapport.objects.filter(pk=rapport.pk).update(status=Status.MISLUKT, foutmelding="Het duurde te lang.")
    html = manager_client.get(reverse("rapportage:rapport_status", args=[rapport.pk])).content.decode()
    assert "hx-trigger" not in html and "Het duurde te lang." in html


def test_plannen_maakt_automatisch_een_concept_precies_een_keer(settings, django_capture_on_commit_callbacks):
    settings.RAPPORTAGE_HALFJAAR_DAGEN_NA_PEILDATUM = 14
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = services.plan_rapporten(date(2026, 1, 20))
    assert [(r.soort, r.peildatum, r.aangevraagd_door) for r in nieuw] == [(secties.HALFJAAR, date(2026, 1, 1), None)]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.plan_rapporten(date(2026, 1, 21)) == []
    rapport = Rapport.objects.get()
    assert rapport.status == Status.KLAAR and not rapport.definitief
    assert "rapportage.plan_rapporten" in {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}


def test_taak_is_idempotent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.vraag_aan(secties.HALFJAAR, date(2025, 1, 1), None)
    rapport.refresh_from_db()
    assert services.bouw_rapport(rapport.pk) == "al klaar"
    # a half-finished run (status left "bezig", snapshot stored, no PDF) is completed on the same row,
    # from the stored snapshot: the data stay those of the first run
    snapshot = rapport.snapshot
    Toelichting.objects.filter(sectie="samenvatting").update(tekst="Later geschreven.")
    Rapport.objects.filter(pk=rapport.pk).update(status=Status.BEZIG, voortgang=60, pdf="", sha256="")
    assert services.bouw_rapport(rapport.pk) == "klaar"
    assert Rapport.objects.count() == 1
    rapport.refresh_from_db()
    assert rapport.status == Status.KLAAR and services.pdf_is_compleet(rapport)
    assert rapport.snapshot == snapshot
    # a corrupt file (sha mismatch) is rebuilt
    with open(rapport.pdf.path, "ab") as fh:
        fh.write(b"rommel")
    assert services.bouw_rapport(rapport.pk) == "klaar"
    rapport.refresh_from_db()
    assert services.pdf_is_compleet(rapport)


def test_rapportenlijst_filtert_en_heeft_een_vast_aantal_queries(manager_client):
    from tests.queries import assert_vast_aantal_queries

    RapportFactory.create_batch(3, soort=secties.EVALUATIE, peildatum=date(2027, 6, 1))
    RapportFactory(status=Status.MISLUKT)
    lijst = reverse("rapportage:rapport_list")
    response = manager_client.get(lijst, {"soort": secties.EVALUATIE})
    assert response.context["table"].paginator.count == 3
    assert manager_client.get(lijst, {"status": "mislukt"}).context["table"].paginator.count == 1
    assert manager_client.get(lijst, {"definitief": "true"}).context["table"].paginator.count == 0

    veel = assert_vast_aantal_queries(manager_client, lijst, RapportFactory.create_batch, klein=0, groot=96, budget=20)
    assert veel.response.context["table"].paginator.count == 100


def test_rapportenlijst_toont_de_status_die_de_taak_zonder_save_zette(manager_client):
    """The task updates a report's status with QuerySet.update (no signals): the list must not come from
    a cache keyed on project-data changes."""
    rapport = RapportFactory(status=Status.BEZIG)
    lijst, htmx = reverse("rapportage:rapport_list"), {"HX-Request": "true"}  # the results only
    voor = manager_client.get(lijst, headers=htmx).text
    assert "bezig" in voor and "mislukt" not in voor
    Rapport.objects.filter(pk=rapport.pk).update(status=Status.MISLUKT)
    assert "mislukt" in manager_client.get(lijst, headers=htmx).text
