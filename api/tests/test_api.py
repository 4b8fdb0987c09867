"""The read-only API: every endpoint against every kind of caller, the audit of each call, the token's life
(created by the functioneel beheerder, key shown once, stored hashed, revoked), the parameters with their
Dutch errors, paging, CSV and the rate limit."""

import csv
import dataclasses
import io
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api import urls as api_urls
from api.models import ApiToken, Scope, hash_van
from api.throttling import PerTokenThrottle
from taakstelling import queries as taakstelling

from .factories import ALLEEN_INGELOGD, MAKERS, maak_token, token_header

# (url name, scope) of every endpoint
ENDPOINTS = [
    (p.name, p.callback.view_class.scope) for p in api_urls.urlpatterns if hasattr(p.callback.view_class, "scope")
]
ANDERE_SCOPE = {s: next(a for a in Scope.values if a != s) for s in Scope.values}


def test_elk_gebied_heeft_endpoints():
    assert {scope for _, scope in ENDPOINTS} == set(Scope.values)


def _get(naam, sleutel=None, **params):
    client = Client(headers=token_header(sleutel) if sleutel else {})
    return client.get(reverse(f"api:{naam}"), params)


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "scope"), ENDPOINTS, ids=[n for n, _ in ENDPOINTS])
def test_endpoint_per_soort_aanroeper(basisgegevens, naam, scope):
    geen = _get(naam)
    assert geen.status_code == 401
    assert "Authenticatiegegevens zijn niet opgegeven." in geen.json()["detail"]
    assert _get(naam, "geen-bestaande-sleutel").status_code == 401

    _, verlopen = maak_token(naam="verlopen", verloopt_op=timezone.now() - timedelta(minutes=1))
    assert _get(naam, verlopen).json() == {"detail": "Onbekend, verlopen of ingetrokken token."}
    _, ingetrokken = maak_token(naam="ingetrokken", ingetrokken_op=timezone.now())
    assert _get(naam, ingetrokken).status_code == 401

    _, ander_gebied = maak_token(naam="ander gebied", scopes=[ANDERE_SCOPE[scope]])
    verboden = _get(naam, ander_gebied)
    assert verboden.status_code == 403
    assert verboden.json() == {"detail": "Dit token heeft geen toegang tot dit gebied van de API."}

    if naam in MAKERS:
        MAKERS[naam](2)
    _, geldig = maak_token(naam="geldig", scopes=[scope])
    response = _get(naam, geldig)
    if naam in ALLEEN_INGELOGD:
        assert response.status_code == 403
        assert response.json() == {
            "detail": "Contactpersonen van partners zijn alleen te zien voor ingelogde medewerkers met het recht "
            "daartoe, niet via een token."
        }
        return
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "private, no-store" or set(response["Cache-Control"].split(", ")) == {
        "private",
        "no-store",
    }
    assert response.json()["results"]


@pytest.mark.django_db
def test_elke_aanroep_staat_in_de_wijzigingsgeschiedenis(basisgegevens):
    token, sleutel = maak_token(naam="Power BI opvang", scopes=[Scope.OPVANG])
    voor = LogEntry.objects.count()
    assert _get("opvang_overzicht", sleutel, peildatum="2026-01-01").status_code == 200
    assert _get("spreidingswet", sleutel).status_code == 200
    assert _get("perioden", sleutel).status_code == 403  # a refusal is recorded too

    entries = list(LogEntry.objects.order_by("pk")[voor:])
    assert len(entries) == 3  # the access entries, and nothing for the "laatst gebruikt" bookkeeping
    eerste = entries[0]
    assert eerste.action == LogEntry.Action.ACCESS
    assert eerste.actor == token.eigenaar
    assert eerste.object_repr == "Power BI opvang"
    assert eerste.additional_data == {
        "token": "Power BI opvang",
        "endpoint": "/api/v1/opvang/overzicht/",
        "parameters": {"peildatum": ["2026-01-01"]},
        "status": 200,
    }
    assert entries[2].additional_data["status"] == 403
    token.refresh_from_db()
    assert timezone.now() - token.laatst_gebruikt < timedelta(minutes=1)


@pytest.mark.django_db
def test_beheerder_ziet_de_aanroepen_in_de_wijzigingsgeschiedenis(client, maak_gebruiker, basisgegevens):
    _, sleutel = maak_token(naam="Power BI programma", scopes=[Scope.PROGRAMMA])
    assert _get("acties", sleutel).status_code == 200
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    pagina = client.get(reverse("kern:audit_list"))
    assert pagina.status_code == 200
    assert "Power BI programma" in pagina.content.decode()


def _beheerder(maak_gebruiker):
    beheerder = maak_gebruiker("functioneel_beheerder")
    beheerder.is_staff = True  # the admin is the functioneel beheerder's tool (noordwijk_migratie/oidc.py)
    beheerder.save()
    return beheerder


@pytest.mark.django_db
def test_beheerder_maakt_token_sleutel_eenmalig_getoond_en_gehasht_bewaard(client, maak_gebruiker):
    beheerder = _beheerder(maak_gebruiker)
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:api_apitoken_add"),
        {"naam": "Excel team", "eigenaar": beheerder.pk, "scopes": [Scope.PROGRAMMA]},
        follow=True,
    )
    assert response.status_code == 200
    melding = next(str(m) for m in response.context["messages"] if "sleutel" in str(m))
    sleutel = melding.split("is: ")[1].split(" —")[0]
    token = ApiToken.objects.get(naam="Excel team")
    assert token.token_hash == hash_van(sleutel)
    assert sleutel not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    # in the audit trail that it was made, never the hash
    wijziging = LogEntry.objects.get_for_object(token).get(action=LogEntry.Action.CREATE)
    assert token.token_hash not in str(wijziging.changes)
    # not shown again
    detail = client.get(reverse("admin:api_apitoken_change", args=[token.pk]))
    assert sleutel not in detail.content.decode()
    assert _get("acties", sleutel).status_code == 200
    assert _get("perioden", sleutel).status_code == 403


@pytest.mark.django_db
def test_beheerder_trekt_token_in_en_niemand_anders_beheert_tokens(client, maak_gebruiker):
    token, sleutel = maak_token(naam="oud rapport")
    for rol in ("raadpleger", "beleidsadviseur", "opgavemanager"):
        gebruiker = maak_gebruiker(rol)
        gebruiker.is_staff = True  # even in the admin
        gebruiker.save()
        client.force_login(gebruiker)
        assert client.get(reverse("admin:api_apitoken_changelist")).status_code == 403
    client.force_login(_beheerder(maak_gebruiker))
    assert client.post(reverse("admin:api_apitoken_delete", args=[token.pk])).status_code == 403  # never deleted
    response = client.post(
        reverse("admin:api_apitoken_changelist"), {"action": "intrekken", "_selected_action": [token.pk]}, follow=True
    )
    assert "1 token ingetrokken." in response.content.decode()
    assert _get("acties", sleutel).status_code == 401
    token.refresh_from_db()
    assert LogEntry.objects.get_for_object(token).filter(action=LogEntry.Action.UPDATE).exists()


@pytest.mark.django_db
def test_ingelogde_gebruiker_volgens_zijn_rol(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("raadpleger"))
    assert client.get(reverse("api:perioden"), HTTP_ACCEPT="application/json").status_code == 200
    bladeren = client.get(reverse("api:perioden"), HTTP_ACCEPT="text/html")  # DRF's browsable API
    assert bladeren.status_code == 200
    assert "Perioden" in bladeren.content.decode()
    assert client.get(reverse("api:schema")).status_code == 200
    client.force_login(maak_gebruiker(None))
    assert client.get(reverse("api:perioden"), HTTP_ACCEPT="application/json").status_code == 403


@pytest.mark.django_db
def test_contactpersonen_alleen_voor_wie_ze_op_de_pagina_ziet(client, maak_gebruiker, basisgegevens):
    from django.contrib.auth.models import Permission

    from themasessies.tests.factories import ContactpersoonFactory

    contact = ContactpersoonFactory(naam="Jan de Vries", email="jan@partner.example")
    raadpleger = maak_gebruiker("raadpleger")
    client.force_login(raadpleger)
    assert client.get(reverse("themasessies:contactpersoon_list")).status_code == 200
    rijen = client.get(reverse("api:contactpersonen"), {"per_pagina": 1000}, HTTP_ACCEPT="application/json")
    assert rijen.status_code == 200
    assert {"id": contact.pk, "partner": contact.partner_id, "naam": "Jan de Vries", "rol": contact.rol,
            "email": "jan@partner.example"} in rijen.json()["results"]  # fmt: skip

    # someone who may see the sessions and partners but not the contact persons: neither page nor API
    zonder = maak_gebruiker(None, username="alleen-sessies")
    zonder.user_permissions.set(
        Permission.objects.filter(content_type__app_label="themasessies", codename__in=["view_sessie", "view_partner"])
    )
    client.force_login(zonder)
    assert client.get(reverse("themasessies:contactpersoon_list")).status_code == 403
    assert client.get(reverse("api:partners"), HTTP_ACCEPT="application/json").status_code == 200
    assert client.get(reverse("api:contactpersonen"), HTTP_ACCEPT="application/json").status_code == 403

    # a token with every scope: the partners, never their contact persons
    _, sleutel = maak_token()
    partners = _get("partners", sleutel, per_pagina=1000, format="csv").content.decode()
    assert contact.partner.naam in partners
    assert "Jan de Vries" not in partners and "jan@partner.example" not in partners
    assert _get("contactpersonen", sleutel).status_code == 403


@pytest.mark.django_db
def test_sessies_met_themas_en_partners_zonder_nieuwkomers(basisgegevens):
    from themasessies.models import Sessie
    from themasessies.tests.factories import PartnerFactory, SessieFactory, ThemaFactory

    sessie = SessieFactory(titel="Wonen en werken")
    gemeente, coa = PartnerFactory(naam="Gemeente Katwijk"), PartnerFactory(naam="COA")
    sessie.themas.set([ThemaFactory(titel="Huisvesting jongeren")])
    sessie.uitgenodigd.set([gemeente, coa])
    sessie.aanwezig.set([coa])
    _, sleutel = maak_token(scopes=[Scope.THEMASESSIES])
    body = _get("sessies", sleutel, per_pagina=1000).json()
    assert body["count"] == Sessie.objects.count()
    assert [r["datum"] for r in body["results"]] == sorted(r["datum"] for r in body["results"])  # stable order
    rij = next(r for r in body["results"] if r["id"] == sessie.pk)
    assert rij["themas"] == list(sessie.themas.values_list("pk", flat=True))
    assert rij["uitgenodigd"] == sorted([gemeente.pk, coa.pk])
    assert rij["aanwezig"] == [coa.pk]
    kop = _get("sessies", sleutel, format="csv").content.decode().lstrip("\ufeff").splitlines()[0]
    assert kop == "id;titel;datum;plaats;themas;uitgenodigd;aanwezig;samenvatting"

    # a partner that came after all is a change of the session, for incremental refresh
    LogEntry.objects.filter(content_type__app_label="themasessies").update(
        timestamp=timezone.now() - timedelta(days=30)
    )
    sessie.aanwezig.add(gemeente)
    gewijzigd = _get("sessies", sleutel, gewijzigd_sinds=timezone.localdate().isoformat()).json()["results"]
    assert [(r["id"], r["aanwezig"]) for r in gewijzigd] == [(sessie.pk, sorted([gemeente.pk, coa.pk]))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("morgen", "Voer een geldige datum in."),
        ("0001-01-01", "Kies een datum tussen 01-01-2000 en 31-12-2100."),
        ("2026-13-01", "Voer een geldige datum in."),
    ],
)
@pytest.mark.parametrize(("naam", "param"), [("perioden", "peildatum"), ("acties", "gewijzigd_sinds")])
def test_ongeldige_datum_geeft_nederlandse_melding(naam, param, waarde, melding):
    _, sleutel = maak_token()
    response = _get(naam, sleutel, **{param: waarde})
    assert response.status_code == 400
    assert response.json() == {param: [melding]}


@pytest.mark.django_db
def test_cijfers_zijn_die_van_de_pagina(basisgegevens, raadpleger_client):
    """The baseline's periods as the statushouders page shows them today, field for field."""
    pagina = raadpleger_client.get(reverse("taakstelling:index")).context["perioden"]
    _, sleutel = maak_token(scopes=[Scope.STATUSHOUDERS])
    api = _get("perioden", sleutel, per_pagina=1000).json()
    assert api["count"] == len(pagina) > 1
    assert api["results"] == [dataclasses.asdict(p) for p in pagina]


@pytest.mark.django_db
def test_peildatum_is_die_van_de_rekenregels(basisgegevens):
    """The API's figures are the page's: the same query and rule functions, on the given date."""
    _, sleutel = maak_token(scopes=[Scope.STATUSHOUDERS])
    rijen = _get("perioden", sleutel, peildatum="01-07-2025", per_pagina=1000).json()["results"]
    verwacht = taakstelling.periode_overzicht(timezone.datetime(2025, 7, 1).date())
    assert [(r["label"], r["realisatie"], r["saldo_eind"], r["status"]) for r in rijen] == [
        (p.label, p.realisatie, p.saldo_eind, p.status) for p in verwacht
    ]


@pytest.mark.django_db
def test_gewijzigd_sinds_volgt_de_wijzigingsgeschiedenis(basisgegevens):
    from programma.models import Actie

    _, sleutel = maak_token(scopes=[Scope.PROGRAMMA])
    LogEntry.objects.filter(content_type__app_label="programma").update(timestamp=timezone.now() - timedelta(days=30))
    actie = Actie.objects.order_by("pk").first()
    actie.status = "loopt"
    actie.save()
    vandaag = timezone.localdate().isoformat()
    rijen = _get("acties", sleutel, gewijzigd_sinds=vandaag).json()["results"]
    assert [r["id"] for r in rijen] == [actie.pk]
    assert _get("acties", sleutel).json()["count"] == Actie.objects.count()


@pytest.mark.django_db
def test_paginering_met_volgende_pagina_in_body_en_header(basisgegevens):
    from programma.models import Actie

    _, sleutel = maak_token(scopes=[Scope.PROGRAMMA])
    eerste = _get("acties", sleutel, per_pagina=2)
    body = eerste.json()
    assert body["count"] == Actie.objects.count() > 2
    assert len(body["results"]) == 2
    assert "pagina=2" in body["next"] and 'rel="next"' in eerste["Link"]
    tweede = _get("acties", sleutel, per_pagina=2, pagina=2).json()["results"]
    assert {r["id"] for r in tweede}.isdisjoint(r["id"] for r in body["results"])  # stable order
    voorbij = _get("acties", sleutel, pagina=999)
    assert voorbij.status_code == 404
    assert voorbij.json() == {"detail": "Deze pagina bestaat niet."}


@pytest.mark.django_db
def test_csv_voor_excel_en_power_bi(basisgegevens):
    from programma.models import Actie

    actie = Actie.objects.order_by("pk").first()
    actie.reden_niet_uitvoeren = '=HYPERLINK("http://x")'
    actie.save()
    _, sleutel = maak_token(scopes=[Scope.PROGRAMMA])
    for response in (
        _get("acties", sleutel, format="csv", per_pagina=1000),
        Client(headers={**token_header(sleutel), "Accept": "text/csv"}).get(
            reverse("api:acties"), {"per_pagina": 1000}
        ),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        tekst = response.content.decode("utf-8")
        assert tekst.startswith("\ufeffid;code;programmalijn;tekst;")
        rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
        assert len(rijen) == Actie.objects.count()
        assert next(r for r in rijen if r["id"] == str(actie.pk))["reden_niet_uitvoeren"].startswith("'=")


@pytest.mark.django_db
def test_geneste_cijfers_in_csv(basisgegevens):
    _, sleutel = maak_token(scopes=[Scope.OPVANG])
    tekst = _get("spreidingswet", sleutel, format="csv").content.decode()
    kop = tekst.lstrip("\ufeff").splitlines()[0].split(";")
    assert {"peildatum", "opgave", "fasen", "ongedekt"} <= set(kop)


@pytest.mark.django_db
def test_limiet_per_token(basisgegevens, monkeypatch):
    monkeypatch.setattr(PerTokenThrottle, "rate", "3/minute", raising=False)
    _, eerste = maak_token(naam="druk")
    _, tweede = maak_token(naam="rustig")
    assert [_get("opgaven", eerste).status_code for _ in range(3)] == [200, 200, 200]
    te_veel = _get("opgaven", eerste)
    assert te_veel.status_code == 429
    wacht = int(te_veel["Retry-After"])
    assert 0 < wacht <= 60
    assert te_veel.json() == {
        "detail": f"Te veel verzoeken met dit token; probeer het over {wacht} seconde{'n' if wacht > 1 else ''} opnieuw."
    }
    assert _get("opgaven", tweede).status_code == 200  # per token, not for everyone


@pytest.mark.django_db
def test_module_uit_dan_geen_statushouders(basisgegevens, settings):
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    _, sleutel = maak_token()
    response = _get("perioden", sleutel)
    assert response.status_code == 404
    assert response.json() == {"detail": "Deze module is uitgeschakeld."}
    assert _get("opgaven", sleutel).status_code == 200
