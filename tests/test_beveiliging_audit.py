"""The audit trail holds no secrets (password hashes, tokens, keys: now or in fields added later), the
existing trail is purged of them, and a user who made changes keeps being named: never deleted."""

import io
import json

import openpyxl
import pytest
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from noordwijk_migratie.audit import AFGESCHERMD, is_geheim
from noordwijk_migratie.models import Gemeente

pytestmark = pytest.mark.django_db

# Names that hold secrets, by this test's own list (independent of the rule in noordwijk_migratie.audit).
GEHEIM_IN_NAAM = (
    "password", "passwd", "wachtwoord", "secret", "geheim", "token", "credential", "api_key", "apikey",
    "private_key", "totp", "otp_", "_otp", "session_", "salt",
)  # fmt: skip


def _geheime_velden():
    return [
        (model, veld)
        for model in auditlog.get_models()
        for veld in model._meta.concrete_fields
        if any(deel in veld.name.lower() for deel in GEHEIM_IN_NAAM)
    ]


def _inhoud(response):
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return " ".join(str(c) for rij in blad.iter_rows(values_only=True) for c in rij)
    return response.content.decode()


def _beheerder(maak_gebruiker, username="beheerder"):
    beheerder = maak_gebruiker("functioneel_beheerder", username=username)
    beheerder.is_staff = True  # the functioneel beheerder works in the admin
    beheerder.save()
    return beheerder


def test_geen_enkel_geheim_veld_van_een_gelogd_model_komt_in_de_trail():
    """Every field of every audited model whose name looks like a secret: auditlog's own diff (which
    every entry is built from) records that it changed, never a character of the value."""
    velden = _geheime_velden()
    assert (get_user_model(), get_user_model()._meta.get_field("password")) in velden  # not a vacuous walk
    for model, veld in velden:
        oud, nieuw = model(), model()
        setattr(oud, veld.attname, "oude-geheime-waarde")
        setattr(nieuw, veld.attname, "nieuwe-geheime-waarde")
        diff = model_instance_diff(oud, nieuw) or {}
        assert "geheime-waarde" not in json.dumps(diff), (model._meta.label, veld.name)
        assert veld.name not in diff or list(diff[veld.name]) == [AFGESCHERMD, AFGESCHERMD]
    # django-otp's TOTP secret is a field named just ``key``: masked all the same
    oud, nieuw = TOTPDevice(key="aa" * 20), TOTPDevice(key="bb" * 20)
    assert list(model_instance_diff(oud, nieuw)["key"]) == [AFGESCHERMD, AFGESCHERMD]
    # and nothing else is masked (that would empty the trail) but the COA reference, by the settings
    gemaskeerd = {
        (model._meta.label, naam)
        for model in auditlog.get_models()
        for naam in auditlog.get_model_fields(model)["mask_fields"]
        if naam in {f.name for f in model._meta.concrete_fields}
    }
    assert gemaskeerd - {(m._meta.label, v.name) for m, v in velden} == {
        ("taakstelling.Plaatsing", "coa_referentie"),
        ("otp_totp.TOTPDevice", "key"),
    }


@pytest.mark.parametrize(
    "naam",
    ["password", "oidc_rp_client_secret", "api_token_hash", "totp_key", "otp_secret", "refresh_token",
     "private_key", "wachtwoord_hash", "session_key", "api_key", "pin", "backup_codes_salt", "mfa_seed"],
)  # fmt: skip
def test_geheimen_die_later_worden_toegevoegd_vallen_vanzelf_onder_de_regel(naam):
    assert is_geheim(naam)


def test_wachtwoorden_en_inloggen_laten_geen_hash_in_trail_admin_of_export(client, maak_gebruiker):
    User = get_user_model()  # noqa: N806
    beheerder = _beheerder(maak_gebruiker)
    client.force_login(beheerder)
    hashes = set()

    # the functioneel beheerder creates an account and later sets a new password, in the admin
    response = client.post(
        reverse("admin:auth_user_add"),
        {"username": "nieuwe-collega", "password1": "Eerste-wachtwoord-42", "password2": "Eerste-wachtwoord-42",
         "usable_password": "true"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    collega = User.objects.get(username="nieuwe-collega")
    hashes.add(collega.password)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[collega.pk]),
        {"password1": "Tweede-wachtwoord-42", "password2": "Tweede-wachtwoord-42", "usable_password": "true"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    collega.refresh_from_db()
    hashes.add(collega.password)
    assert len(hashes) == 2

    # logging in is not a change (last_login was noise in the trail)
    voor = LogEntry.objects.count()
    client.logout()
    assert (
        client.post(reverse("login"), {"username": "nieuwe-collega", "password": "Tweede-wachtwoord-42"}).status_code
        == 302
    )
    assert LogEntry.objects.count() == voor

    regels = LogEntry.objects.get_for_object(collega).order_by("timestamp")
    opgeslagen = json.dumps([r.changes for r in LogEntry.objects.all()])
    for waarde in hashes:
        assert waarde not in opgeslagen and waarde.rsplit("$", 1)[-1] not in opgeslagen
    assert "last_login" not in opgeslagen
    # the trail still says that (and by whom) the password was set and changed
    assert [(r.actor, r.changes["password"]) for r in regels if "password" in r.changes] == [
        (beheerder, ["None", AFGESCHERMD]),
        (beheerder, [AFGESCHERMD, AFGESCHERMD]),
    ]

    # nowhere to be seen: the admin's log entries (functioneel beheerder), the audit list and its exports
    client.force_login(beheerder)
    paginas = [client.get(reverse("admin:auditlog_logentry_changelist"))]
    paginas += [client.get(reverse("admin:auditlog_logentry_change", args=[r.pk])) for r in regels]
    client.force_login(maak_gebruiker("opgavemanager"))
    paginas += [client.get(reverse("kern:audit_list"), {"export": formaat}) for formaat in ("csv", "xlsx")]
    paginas.append(client.get(reverse("kern:audit_list")))
    for pagina in paginas:
        assert pagina.status_code == 200
        inhoud = _inhoud(pagina)
        assert "nieuwe-collega" in inhoud
        for waarde in hashes:
            assert waarde.rsplit("$", 1)[-1] not in inhoud


def test_migratie_verwijdert_geheimen_uit_de_bestaande_trail():
    """Entries written before the masking (old → new hash, last_login) are purged; the rest stays."""
    User = get_user_model()  # noqa: N806
    gebruiker = User.objects.create_user("oud-account", password="Oud-wachtwoord-42")
    gemeente = Gemeente.objects.create(cbs_code="GM9991", naam="Proefgemeente")
    ct_user = ContentType.objects.get_for_model(User)
    ct_plaatsing = ContentType.objects.get(app_label="taakstelling", model="plaatsing")
    oude_hash = "pbkdf2_sha256$870000$zout$abcdefHASHabcdef="

    call_command("migrate", "kern", "0001", verbosity=0)

    def regel(ct, pk, changes):
        return LogEntry.objects.create(
            content_type=ct, object_pk=str(pk), object_id=pk, object_repr="x", action=LogEntry.Action.UPDATE,
            changes=changes,
        )  # fmt: skip

    wachtwoord = regel(ct_user, gebruiker.pk, {"password": [oude_hash, gebruiker.password], "first_name": ["", "Jo"]})
    inloggen = regel(ct_user, gebruiker.pk, {"last_login": ["None", "2026-01-05 09:00:00"]})
    beide = regel(
        ct_user, gebruiker.pk, {"last_login": ["None", "2026-01-06 09:00:00"], "is_active": ["True", "False"]}
    )
    coa = regel(ct_plaatsing, 1, {"coa_referentie": ["", "Jan Jansen BSN 123456782"], "volwassenen": ["1", "2"]})
    gewoon = LogEntry.objects.get_for_object(gemeente).get()
    gewoon_changes = gewoon.changes

    call_command("migrate", "kern", verbosity=0)

    wachtwoord.refresh_from_db()
    assert wachtwoord.changes == {"password": [AFGESCHERMD, AFGESCHERMD], "first_name": ["", "Jo"]}
    assert not LogEntry.objects.filter(pk=inloggen.pk).exists()
    beide.refresh_from_db()
    assert beide.changes == {"is_active": ["True", "False"]}
    coa.refresh_from_db()
    assert coa.changes == {"coa_referentie": ["", AFGESCHERMD], "volwassenen": ["1", "2"]}
    gewoon.refresh_from_db()
    assert gewoon.changes == gewoon_changes
    alles = json.dumps([r.changes for r in LogEntry.objects.all()])
    assert "HASH" not in alles and gebruiker.password not in alles and "123456782" not in alles


def test_gebruiker_met_wijzigingen_wordt_gedeactiveerd_niet_verwijderd(client, maak_gebruiker):
    User = get_user_model()  # noqa: N806
    vertrekker = maak_gebruiker("functioneel_beheerder", username="vertrekker")
    client.force_login(vertrekker)
    gemeente = Gemeente.objects.create(cbs_code="GM9992", naam="Proefdorp")
    data = {"cbs_code": "GM9992", "naam": "Proefstad", "veiligheidsregio": "HM", "geladen_versie": gemeente.versie}
    assert client.post(reverse("kern:gemeente_edit", args=[gemeente.pk]), data).status_code == 302
    wijziging = LogEntry.objects.get_for_object(gemeente).latest("timestamp")
    assert wijziging.actor == vertrekker
    nooit_actief = User.objects.create_user("nooit-actief")

    client.force_login(_beheerder(maak_gebruiker))
    # one user: the admin explains why not and what to do instead, and does not delete on confirmation
    verwijder = reverse("admin:auth_user_delete", args=[vertrekker.pk])
    uitleg = client.get(verwijder).content.decode()
    assert "wijziging in de wijzigingsgeschiedenis" in uitleg and "inactief" in uitleg
    client.post(verwijder, {"post": "yes"})
    # several at once with the admin's bulk action: likewise
    lijst = reverse("admin:auth_user_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [vertrekker.pk, nooit_actief.pk], "post": "yes"}
    assert "inactief" in client.post(lijst, bulk).content.decode()
    assert User.objects.filter(pk__in=[vertrekker.pk, nooit_actief.pk]).count() == 2

    # deactivating keeps the name on every change; a user without changes can still be deleted
    User.objects.filter(pk=vertrekker.pk).update(is_active=False)
    wijziging.refresh_from_db()
    assert wijziging.actor == vertrekker
    assert "vertrekker" in client.get(gemeente.get_absolute_url()).content.decode()
    client.post(reverse("admin:auth_user_delete", args=[nooit_actief.pk]), {"post": "yes"})
    assert not User.objects.filter(pk=nooit_actief.pk).exists()

    # outside the admin (shell, scripts, bulk deletes) the database keeps the user too
    with pytest.raises(ProtectedError), transaction.atomic():
        User.objects.get(pk=vertrekker.pk).delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        User.objects.filter(username="vertrekker").delete()
    assert User.objects.filter(pk=vertrekker.pk).exists()
