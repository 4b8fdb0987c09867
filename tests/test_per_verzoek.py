"""No per-request work the view doesn't ask for: a health check or the login page of a logged-in
browser loads neither its session nor its user; the audit trail still names who wrote."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from noordwijk_migratie.models import Gemeente

from .queries import geteld, queries_van


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "sql"), [("liveness", []), ("healthz", ["SELECT 1"])])
def test_health_checks_laden_geen_sessie_of_gebruiker(adviseur_client, naam, sql):
    telling = queries_van(adviseur_client, reverse(naam))
    assert telling.response.status_code == 200
    assert [q["sql"] for q in telling.queries] == sql
    # still private: the request carried a session
    assert "no-store" in telling.response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("methode", ["get", "head"])
def test_liveness_antwoordt_voor_de_middleware_stapel(adviseur_client, methode):
    """A liveness probe is answered before the stack: even with a session cookie no query, no session
    read or write (no Set-Cookie, no Vary: Cookie), and the security headers that fit a JSON answer."""
    adviseur_client.get(reverse("opvang:index"))  # a session that a page would extend and a CSRF cookie
    with geteld() as telling:
        response = getattr(adviseur_client, methode)(reverse("liveness"))
    assert response.status_code == 200
    assert telling.queries == []
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert not hasattr(response.wsgi_request, "session") and not hasattr(response.wsgi_request, "user")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff" and response["X-Frame-Options"] == "DENY"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    if methode == "get":
        assert response.json() == {"status": "ok"}
    # anything else than GET/HEAD goes through the stack to the view, which refuses it
    assert adviseur_client.post(reverse("liveness")).status_code in (403, 405)


@pytest.mark.django_db
def test_schrijven_legt_de_gebruiker_vast_in_de_wijzigingsgeschiedenis(client, maak_gebruiker):
    beheerder = maak_gebruiker("functioneel_beheerder")
    client.force_login(beheerder)
    response = client.post(reverse("kern:gemeente_add"), {"naam": "Teylingen", "cbs_code": "GM1525"})
    assert response.status_code == 302, response.content.decode()[:2000]
    gemeente = Gemeente.objects.get(naam="Teylingen")
    entry = LogEntry.objects.get_for_object(gemeente).get()
    assert entry.actor == beheerder


@pytest.mark.django_db
def test_een_pagina_verlengt_de_sessie_hooguit_eens_per_minuut(adviseur_client, settings):
    from django.contrib.sessions.models import Session

    settings.SESSION_COOKIE_AGE = 30 * 60
    pad = reverse("opvang:index")
    adviseur_client.get(pad)
    sessie = Session.objects.get()
    eerst = sessie.expire_date
    # right after: no write of the session row
    telling = queries_van(adviseur_client, pad)
    assert not [q for q in telling.queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]]
    # a minute later the next page moves the end on (the session changed through the session engine,
    # which keeps it in the cache and the database)
    opgeslagen = adviseur_client.session
    opgeslagen["_verlengd_op"] -= 61
    opgeslagen.save()
    adviseur_client.get(pad)
    assert Session.objects.get().expire_date > eerst


@pytest.mark.django_db
def test_rechten_uit_de_cache_en_een_rolwijziging_geldt_bij_het_volgende_verzoek(client, maak_gebruiker, rollen):
    from django.contrib.auth.models import Permission

    gebruiker = maak_gebruiker("beleidsadviseur")
    client.force_login(gebruiker)
    toevoegen = reverse("opvang:opvanglocatie_add")
    assert client.get(toevoegen).status_code == 200
    # warm: no permission query any more
    telling = queries_van(client, toevoegen)
    assert telling.response.status_code == 200
    assert not [q for q in telling.queries if "auth_permission" in q["sql"]]

    # the role taken away (from the user's side): refused on the next request
    gebruiker.groups.remove(rollen["Beleidsadviseur"])
    assert client.get(toevoegen).status_code == 403
    # given back from the group's side
    rollen["Beleidsadviseur"].user_set.add(gebruiker)
    assert client.get(toevoegen).status_code == 200
    # the role itself loses the right: every member's cached rights are stale
    recht = Permission.objects.get(codename="add_opvanglocatie")
    rollen["Beleidsadviseur"].permissions.remove(recht)
    assert client.get(toevoegen).status_code == 403
    rollen["Beleidsadviseur"].permissions.add(recht)
    assert client.get(toevoegen).status_code == 200
    # a deactivated user has no rights (and no session)
    gebruiker.is_active = False
    gebruiker.save()
    assert client.get(toevoegen).status_code in (302, 403)


@pytest.mark.django_db
def test_lijst_telt_niet_bij_elk_verzoek_opnieuw_maar_wel_na_een_wijziging(raadpleger_client):
    from opvang.models import Opvanglocatie
    from opvang.tests.factories import OpvanglocatieFactory

    OpvanglocatieFactory.create_batch(30)
    pad = reverse("opvang:opvanglocatie_list")

    def tellingen():
        telling = queries_van(raadpleger_client, pad, {"per_page": 10})
        assert telling.response.status_code == 200
        return telling.response.context["table"].paginator.count, [
            q for q in telling.queries if q["sql"].startswith("SELECT COUNT(*)")
        ]

    assert tellingen()[0] == 30
    aantal, counts = tellingen()
    assert aantal == 30 and not counts  # counted once, then from the cache
    Opvanglocatie.objects.first().delete()  # any change of project data counts again
    aantal, counts = tellingen()
    assert aantal == 29 and counts
    # another filter is another count
    gefilterd = queries_van(raadpleger_client, pad, {"per_page": 10, "q": "niet-bestaand-xyz"})
    assert gefilterd.response.context["table"].paginator.count == 0


@pytest.mark.django_db
def test_regiovergelijking_uit_de_cache_tot_een_regiocijfer_wijzigt(raadpleger_client):
    from taakstelling.tests.factories import GemeenteFactory, RegioCijferFactory

    cijfer = RegioCijferFactory(gemeente=GemeenteFactory(holland_rijnland=True, duin_en_bollenstreek=True))
    pad = reverse("taakstelling:regio_vergelijking")
    params = {"periode": cijfer.periode.label}
    raadpleger_client.get(pad, params)
    warm = queries_van(raadpleger_client, pad, params)
    assert not [q for q in warm.queries if "taakstelling_regiocijfer" in q["sql"]]
    assert "view" not in warm.response.context  # the page body from the page cache (paginacache)
    assert cijfer.gemeente.naam in warm.response.content.decode()
    cijfer.realisatie = 7
    cijfer.save()
    na = queries_van(raadpleger_client, pad, params).response.context["vergelijking"]
    assert [r.realisatie for r in na.rijen if r.gemeente == cijfer.gemeente.naam] == [7]


@pytest.mark.django_db
def test_filterkeuzes_uit_de_cache_tot_de_gegevens_wijzigen(raadpleger_client):
    from noordwijk_migratie.models import Corporatie
    from taakstelling.tests.factories import PeriodeFactory

    Corporatie.objects.create(naam="Stek")
    PeriodeFactory()
    pad = reverse("taakstelling:plaatsing_list")
    raadpleger_client.get(pad)
    warm = queries_van(raadpleger_client, pad)
    assert warm.response.status_code == 200
    assert not [q for q in warm.queries if "kern_corporatie" in q["sql"] or "taakstelling_periode" in q["sql"]]
    assert ">Stek</option>" in warm.response.content.decode()
    # a new corporatie is a choice on the next request
    nieuw = Corporatie.objects.create(naam="Dunavie")
    html = queries_van(raadpleger_client, pad).response.content.decode()
    assert ">Dunavie</option>" in html
    # a chosen value is still checked against the table, and shown as chosen
    gekozen = queries_van(raadpleger_client, pad, {"corporatie": nieuw.pk}).response
    assert f'<option value="{nieuw.pk}" selected>Dunavie</option>' in gekozen.content.decode()
    assert gekozen.context["filter"].form.cleaned_data["corporatie"] == nieuw
    weg = queries_van(raadpleger_client, pad, {"corporatie": nieuw.pk + 99}).response
    assert "corporatie" in weg.context["filter"].form.errors


@pytest.mark.django_db
def test_een_taal_dus_geen_taalonderhandeling(client, maak_gebruiker):
    """The UI has one language: a browser asking for English gets Dutch, and no response varies on
    Accept-Language (no LocaleMiddleware negotiating per request)."""
    health = client.get(reverse("liveness"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Accept-Language" not in health.get("Vary", "")
    client.force_login(maak_gebruiker("raadpleger"))
    pagina = client.get(reverse("opvang:index"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert pagina.status_code == 200
    assert '<html lang="nl"' in pagina.content.decode()
    assert "Accept-Language" not in pagina.get("Vary", "")
