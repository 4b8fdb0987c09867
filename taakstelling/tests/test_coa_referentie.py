"""The COA koppelreferentie: a reference, never a name or BSN; seen and searched only by the staff who
match placements with the COA; never in an export, nor in the audit trail (its display or export)."""

import io

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from noordwijk_migratie.audit import AFGESCHERMD
from taakstelling.imports import PlaatsingImporter
from taakstelling.models import Plaatsing

from .factories import PlaatsingFactory

pytestmark = pytest.mark.django_db

BSN_MELDING = "Dit lijkt een BSN"
NAAM_MELDING = "Dit lijkt een naam"
VORM_MELDING = "Een COA-koppelreferentie bestaat uit letters, cijfers"


def _nieuw(**wijzig):
    return {
        "koppeldatum": "2025-03-03",
        "samenstelling": "alleenstaande",
        "volwassenen": 1,
        "minderjarigen": 0,
        "verwachte_nareizigers": 0,
        "coa_referentie": "",
        **wijzig,
    }


def _tekst(response):
    """The body of a page, CSV or XLSX as text."""
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return " ".join(str(c) for rij in blad.iter_rows(values_only=True) for c in rij)
    return response.content.decode()


def test_formulier_weigert_persoonsgegevens_en_neemt_een_referentie_aan(adviseur_client):
    nieuw = reverse("taakstelling:plaatsing_add")
    for waarde, melding in [
        ("Jan Jansen BSN 123456782", BSN_MELDING),  # the value the attack run got accepted
        ("123456782", BSN_MELDING),
        ("1234.56.782", BSN_MELDING),
        ("KOP-123456782", BSN_MELDING),
        ("Jan Jansen", NAAM_MELDING),
        ("O'Brien-de Vries", NAAM_MELDING),
        ("Jansen", NAAM_MELDING),
        ("KOP 12", VORM_MELDING),
        ("KOP#12", VORM_MELDING),
    ]:
        response = adviseur_client.post(nieuw, _nieuw(coa_referentie=waarde))
        assert response.status_code == 200, waarde
        assert melding in response.content.decode(), waarde
    assert not Plaatsing.objects.exists()
    # references as the COA writes them, also 9 digits that are no BSN, are accepted
    for dag, waarde in enumerate(["KOP-2025-0042", "123456789", "2024/17.b", "REF_7"], start=1):
        assert (
            adviseur_client.post(nieuw, _nieuw(koppeldatum=f"2025-03-{dag:02d}", coa_referentie=waarde)).status_code
            == 302
        )
    assert sorted(Plaatsing.objects.values_list("coa_referentie", flat=True)) == [
        "123456789", "2024/17.b", "KOP-2025-0042", "REF_7"
    ]  # fmt: skip


def test_import_weigert_een_bsn_als_referentie_met_een_nederlandse_melding():
    regels = [
        "koppeldatum;samenstelling;volgnummer;volwassenen;coa_referentie",
        "2025-03-03;alleenstaande;1;1;KOP-1",
        "2025-03-03;alleenstaande;2;1;Jan Jansen BSN 123456782",
    ]
    bestand = SimpleUploadedFile("p.csv", ("\n".join(regels) + "\n").encode(), content_type="text/csv")
    resultaat = PlaatsingImporter().importeer(bestand)
    assert [(fout.rij, fout.kolom) for fout in resultaat.fouten] == [(3, "coa_referentie")]
    assert BSN_MELDING in resultaat.fouten[0].melding and "123456782" not in resultaat.fouten[0].melding
    assert not Plaatsing.objects.exists()  # all or nothing


def test_referentie_staat_niet_in_de_wijzigingsgeschiedenis_of_haar_export(client, maak_gebruiker):
    adviseur = maak_gebruiker("beleidsadviseur")
    client.force_login(adviseur)
    assert client.post(reverse("taakstelling:plaatsing_add"), _nieuw(coa_referentie="KOP-2025-0042")).status_code == 302
    plaatsing = Plaatsing.objects.get()
    bewerk = reverse("taakstelling:plaatsing_edit", args=[plaatsing.pk])
    client.post(bewerk, {**_nieuw(coa_referentie="KOP-2025-0043"), "volgnummer": 1, "geladen_versie": 1})
    plaatsing.refresh_from_db()
    assert plaatsing.coa_referentie == "KOP-2025-0043"

    regels = LogEntry.objects.get_for_object(plaatsing).order_by("timestamp")
    assert [r.changes["coa_referentie"] for r in regels] == [["None", AFGESCHERMD], [AFGESCHERMD, AFGESCHERMD]]
    assert not LogEntry.objects.filter(changes__icontains="KOP-2025-004").exists()

    # staff see the reference itself on the page, the trail only that it changed
    detail = client.get(plaatsing.get_absolute_url()).content.decode()
    assert "KOP-2025-0043" in detail and "KOP-2025-0042" not in detail and AFGESCHERMD in detail

    client.force_login(maak_gebruiker("opgavemanager"))
    for formaat in ("csv", "xlsx"):
        export = client.get(reverse("kern:audit_list"), {"export": formaat})
        assert export.status_code == 200
        inhoud = _tekst(export)
        assert "plaatsing" in inhoud.lower() and "KOP-2025-004" not in inhoud


def test_raadpleger_ziet_en_doorzoekt_de_referentie_niet(client, maak_gebruiker):
    PlaatsingFactory(coa_referentie="KOP-2025-0042")
    PlaatsingFactory(coa_referentie="KOP-2025-0099")
    lijst = reverse("taakstelling:plaatsing_list")

    client.force_login(maak_gebruiker("beleidsadviseur"))
    gezocht = client.get(lijst, {"q": "0042"}).content.decode()
    assert "KOP-2025-0042" in gezocht and "KOP-2025-0099" not in gezocht
    detail = client.get(Plaatsing.objects.first().get_absolute_url()).content.decode()
    assert '<dt class="utrecht-data-list__item-key">COA-koppelreferentie' in detail

    # the same address right after staff rendered it (the rendered rows are cached)
    client.force_login(maak_gebruiker("raadpleger"))
    for pagina in (client.get(lijst, {"q": "0042"}), client.get(lijst)):
        html = pagina.content.decode()
        assert pagina.status_code == 200
        assert "KOP-2025-00" not in html and "COA-referentie" not in html
    assert "2 resultaten" in client.get(lijst, {"q": "0042"}).content.decode()  # the search is not applied
    for plaatsing in Plaatsing.objects.all():
        detail = client.get(plaatsing.get_absolute_url()).content.decode()
        assert "KOP-2025-00" not in detail
        assert '<dt class="utrecht-data-list__item-key">COA-koppelreferentie' not in detail  # no such row
        assert f"COA-koppelreferentie</strong>: None → {AFGESCHERMD}" in detail  # the trail: set, not what


@pytest.mark.django_db(transaction=True)
def test_migratie_wist_referenties_die_persoonsgegevens_zijn():
    """Transactional: migrating back and forth alters tables, which PostgreSQL refuses inside a
    transaction with pending checks (the empty domain's DELETE leaves them)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", "taakstelling", "0001", verbosity=0)
    # the model as it was at 0001 (the current one has fields added later)
    oud = MigrationExecutor(connection).loader.project_state(("taakstelling", "0001_initial")).apps
    Oud = oud.get_model("taakstelling", "Plaatsing")
    fout, naam, goed = (
        Oud.objects.create(koppeldatum="2024-01-01", samenstelling="alleenstaande", volgnummer=nr, coa_referentie=ref)
        for nr, ref in enumerate(("Jan Jansen BSN 123456782", "Jan Jansen", "KOP-2025-0042"), start=1)
    )  # as accepted before the validation
    call_command("migrate", verbosity=0)
    rijen = Plaatsing.objects.filter(pk__in=[fout.pk, naam.pk, goed.pk]).order_by("pk")
    assert [p.coa_referentie for p in rijen] == [
        "",
        "",
        "KOP-2025-0042",
    ]
