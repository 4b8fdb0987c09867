"""User management without escalation (issue #12, point 4): the functioneel beheerder manages users
and the four roles through the admin, but never grants superuser status, single permissions or
other groups, never widens a role, and cannot touch an account that has powers beyond the roles."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from noordwijk_migratie.roles import FUNCTIONEEL_BEHEERDER, OPGAVEMANAGER

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(maak_gebruiker):
    user = maak_gebruiker("functioneel_beheerder", "fb")
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password="geheim-wachtwoord-123")


def wijzig_gebruiker(client, user, **velden):
    """POST the admin change form of ``user`` as the stock form would send it, plus ``velden``."""
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [g.pk for g in user.groups.all()],
        "date_joined_0": timezone.localdate().isoformat(),
        "date_joined_1": "09:00:00",
        "last_login_0": "",
        "last_login_1": "",
        **velden,
    }
    return client.post(reverse("admin:auth_user_change", args=[user.pk]), data)


def rechten_van(user):
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache
    return user.is_superuser, set(user.user_permissions.all()), set(user.groups.values_list("name", flat=True))


def test_functioneel_beheerder_maakt_zichzelf_geen_superuser(client, beheerder):
    client.force_login(beheerder)
    beheer = client.get(reverse("kern:beheer")).content.decode()
    assert reverse("admin:index") in beheer  # "Gebruikers en rollen" from the app's beheer page
    url = reverse("admin:auth_user_change", args=[beheerder.pk])
    formulier = client.get(url).content.decode()
    assert 'name="is_superuser"' not in formulier and 'name="user_permissions"' not in formulier

    alles = Permission.objects.get(codename="change_group")
    rollen = [Group.objects.get(name=FUNCTIONEEL_BEHEERDER.naam).pk, Group.objects.get(name=OPGAVEMANAGER.naam).pk]
    response = wijzig_gebruiker(client, beheerder, is_superuser="on", user_permissions=[alles.pk], groups=rollen)

    assert response.status_code == 302  # role membership is saved ...
    superuser, losse_rechten, groepen = rechten_van(beheerder)
    assert not superuser and not losse_rechten  # ... superuser status and single permissions are not
    assert groepen == {FUNCTIONEEL_BEHEERDER.naam, OPGAVEMANAGER.naam}


def test_functioneel_beheerder_kent_alleen_de_vier_rollen_toe(client, beheerder, maak_gebruiker):
    alles = Group.objects.create(name="Alles")
    alles.permissions.set(Permission.objects.all())
    collega = maak_gebruiker("raadpleger", "collega")
    client.force_login(beheerder)

    assert "Alles" not in client.get(reverse("admin:auth_user_change", args=[collega.pk])).content.decode()
    response = wijzig_gebruiker(client, collega, groups=[alles.pk])

    assert response.status_code == 200
    assert "geldige keuze" in response.content.decode()
    assert rechten_van(collega) == (False, set(), {"Raadpleger"})


def test_account_met_meer_dan_een_rol_is_onaantastbaar_voor_functioneel_beheerder(client, beheerder, superuser):
    hash_voor = superuser.password
    client.force_login(beheerder)

    assert client.get(reverse("admin:auth_user_change", args=[superuser.pk])).status_code == 200  # may look
    wijzig = wijzig_gebruiker(client, superuser, is_superuser="", is_staff="", username="overgenomen")
    wachtwoord = client.post(
        reverse("admin:auth_user_password_change", args=[superuser.pk]),
        {"password1": "nieuw-wachtwoord-456", "password2": "nieuw-wachtwoord-456", "usable_password": "true"},
    )
    verwijder = client.post(reverse("admin:auth_user_delete", args=[superuser.pk]), {"post": "yes"})

    assert (wijzig.status_code, wachtwoord.status_code, verwijder.status_code) == (403, 403, 403)
    superuser.refresh_from_db()
    assert superuser.username == "root" and superuser.is_superuser and superuser.password == hash_voor


def test_functioneel_beheerder_verruimt_geen_rol(client, beheerder):
    groep = Group.objects.get(name=FUNCTIONEEL_BEHEERDER.naam)
    rechten_voor = set(groep.permissions.all())
    client.force_login(beheerder)

    wijzig = client.post(
        reverse("admin:auth_group_change", args=[groep.pk]),
        {"name": groep.name, "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )
    nieuw = client.post(reverse("admin:auth_group_add"), {"name": "Eigen rol", "permissions": [1, 2, 3]})

    assert (wijzig.status_code, nieuw.status_code) == (403, 403)
    assert set(groep.permissions.all()) == rechten_voor
    assert not Group.objects.filter(name="Eigen rol").exists()
    assert not beheerder.has_perm("auth.change_permission") and not beheerder.has_perm("auth.add_group")


def test_superuser_kan_wel_alle_rechten_toekennen(client, superuser, maak_gebruiker):
    alles = Group.objects.create(name="Alles")
    recht = Permission.objects.get(codename="change_group")
    collega = maak_gebruiker("raadpleger", "collega")
    client.force_login(superuser)

    response = wijzig_gebruiker(client, collega, is_superuser="on", user_permissions=[recht.pk], groups=[alles.pk])

    assert response.status_code == 302
    assert rechten_van(collega) == (True, {recht}, {"Alles"})
