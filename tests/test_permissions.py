"""Walks EVERY URL pattern: anonymous users are sent to the login page; each role gets the page or
403 exactly as its permissions say, in plain Dutch (tests/taal.py); the read-only role can never change
anything with POST."""

import pytest
from django.urls import reverse

from noordwijk_migratie.generic import ObjectPermissionMixin
from noordwijk_migratie.models import ImportTaak
from noordwijk_migratie.roles import ROLLEN
from noordwijk_migratie.testdata.paginas import alle_urls, view_model

from .factories import alle_factories
from .taal import taalfouten

FACTORIES = alle_factories()

# URL names that are not pages of the application itself.
OPENBAAR = {"healthz", "liveness", "login"}
# authentication itself: the provider's login and its return, the second factor (a user's own account)
NIET_VOOR_POST = {
    "login",
    "logout",
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "tweestaps_verifieren",
    "tweestaps_instellen",
}
# Values for URL keywords other than pk (extend when an app adds such a route).
EXTRA_KWARGS = {"jaar": 2025}
# Objects only the user they belong to may open (anyone else gets 404): made for the walking user.
VAN_GEBRUIKER = {ImportTaak}


ALLE_URLS = sorted(alle_urls(), key=lambda item: item[0])


def _bouw_url(naam, pattern, user=None):
    view_class, initkwargs, model = view_model(pattern)
    kwargs = {}
    for key in pattern.pattern.regex.groupindex:
        if key == "pk":
            assert model in FACTORIES, f"Geen factory voor {model} (URL {naam}); voeg er een toe in tests/factories.py"
            eigen = {"gebruiker": user} if user and model in VAN_GEBRUIKER else {}
            kwargs["pk"] = FACTORIES[model](**eigen).pk
        else:
            assert key in EXTRA_KWARGS, f"URL {naam} heeft onbekend argument {key}; vul EXTRA_KWARGS aan"
            kwargs[key] = EXTRA_KWARGS[key]
    return reverse(naam, kwargs=kwargs), view_class, initkwargs, kwargs


def _vereiste_rechten(view_class, initkwargs, kwargs):
    if view_class is None or not issubclass(view_class, ObjectPermissionMixin):
        return ()
    view = view_class(**initkwargs)
    view.kwargs = kwargs
    return view.get_permission_required()


def test_de_wandeling_dekt_elk_gebied():
    namen = {naam for naam, _ in ALLE_URLS}
    for verwacht in (
        "dashboard",
        "taakstelling:index",
        "opvang:index",
        "internationale_werknemers:index",
        "programma:index",
        "themasessies:index",
        "rapportage:index",
        "kern:beheer",
        "kern:gemeente_list",
    ):
        assert verwacht in namen


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "pattern"), ALLE_URLS, ids=[n for n, _ in ALLE_URLS])
def test_anoniem_wordt_naar_inloggen_gestuurd(client, basisgegevens, naam, pattern):
    url, *_ = _bouw_url(naam, pattern)
    response = client.get(url)
    if naam in OPENBAAR:
        assert response.status_code == 200
        return
    assert response.status_code == 302, f"{naam} ({url}) gaf {response.status_code}"
    assert response["Location"].startswith(reverse("login"))
    if naam not in NIET_VOOR_POST:
        post = client.post(url, {})
        assert post.status_code in (302, 405)
        if post.status_code == 302:
            assert post["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [r.code for r in ROLLEN])
def test_elke_rol_krijgt_precies_wat_zijn_rechten_zeggen_in_het_nederlands(client, basisgegevens, maak_gebruiker, rol):
    """One walk per role for both: the page or 403 as the permissions say, and the page it lands on
    (after a redirect) holds no English library default and no year with a thousands separator."""
    user = maak_gebruiker(rol)
    client.force_login(user)
    fouten = []
    for naam, pattern in ALLE_URLS:
        if naam in OPENBAAR or naam in NIET_VOOR_POST:
            continue
        url, view_class, initkwargs, kwargs = _bouw_url(naam, pattern, user)
        rechten = _vereiste_rechten(view_class, initkwargs, kwargs)
        toegestaan = user.has_perms(rechten)
        response = client.get(url, follow=True)
        status = response.redirect_chain[0][1] if response.redirect_chain else response.status_code
        if toegestaan and status not in (200, 302):
            fouten.append(f"{naam}: verwacht toegang, kreeg {status}")
        if not toegestaan and status != 403:
            fouten.append(f"{naam}: verwacht 403 (mist {rechten}), kreeg {status}")
        if "html" in response.get("Content-Type", ""):
            fouten += [f"{naam} ({url}): {fout}" for fout in taalfouten(response.content.decode())]
    assert not fouten, "\n".join(fouten)


@pytest.mark.django_db
def test_raadpleger_kan_nooit_iets_wijzigen_met_post(client, basisgegevens, maak_gebruiker):
    from auditlog.models import LogEntry

    raadpleger = maak_gebruiker("raadpleger")
    client.force_login(raadpleger)
    fouten = []
    for naam, pattern in ALLE_URLS:
        if naam in OPENBAAR or naam in NIET_VOOR_POST:
            continue
        url, *_ = _bouw_url(naam, pattern, raadpleger)
        status = client.post(url, {"naam": "x", "cbs_code": "GM0001"}).status_code
        if status not in (403, 405):
            fouten.append(f"{naam}: POST gaf {status}")
    assert not fouten, "\n".join(fouten)
    assert not LogEntry.objects.filter(actor=raadpleger).exists()


@pytest.mark.django_db
def test_gebruiker_zonder_rol_krijgt_403_op_lijsten(client, basisgegevens, maak_gebruiker):
    client.force_login(maak_gebruiker(None))
    assert client.get(reverse("kern:gemeente_list")).status_code == 403
    assert client.get(reverse("dashboard")).status_code == 200
