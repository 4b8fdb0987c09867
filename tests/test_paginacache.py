"""The page body cache (noordwijk_migratie/paginacache.py): a warm page renders only the shell, and the
kept body is never another day's, another data version's, another query string's or another role's, and
nothing personal (names, CSRF token, messages) goes from one user to another. A data change gives a
fresh page: tests/test_per_verzoek.py (the regional comparison, kept until a regiocijfer changes)."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from .queries import queries_van

LIJST = "/statushouders/plaatsingen/"


def _sql_op(telling, tabel):
    return [q for q in telling.queries if tabel in q["sql"]]


def _ingelogd(gebruiker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(gebruiker)
    return client


def _uit_cache(response):
    """Only the shell was rendered: no view put its context in."""
    return "view" not in response.context


def _csrf(html):
    return re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)


@pytest.mark.django_db
def test_warme_pagina_draait_de_view_niet_en_toont_hetzelfde(raadpleger_client):
    from taakstelling.tests.factories import PlaatsingFactory

    PlaatsingFactory.create_batch(3)
    koud = queries_van(raadpleger_client, LIJST)
    assert _sql_op(koud, "taakstelling_plaatsing")
    warm = queries_van(raadpleger_client, LIJST)
    assert not _sql_op(warm, "taakstelling_plaatsing")  # the list's queries did not run
    assert not _sql_op(warm, "django_session") and not _sql_op(warm, "auth_group")  # nor session or roles
    zonder_token = [
        re.sub(r'"X-CSRFToken": "[^"]+"|value="[^"]{64}"', "", r.response.content.decode()) for r in (koud, warm)
    ]
    assert zonder_token[0] == zonder_token[1]


@pytest.mark.django_db
def test_andere_querystring_of_peildatum_is_een_andere_pagina(raadpleger_client, basisgegevens):
    from taakstelling.tests.factories import PlaatsingFactory

    PlaatsingFactory.create_batch(3)
    raadpleger_client.get(LIJST, {"per_page": 1})
    assert _uit_cache(raadpleger_client.get(LIJST, {"per_page": 1}))
    twee = queries_van(raadpleger_client, LIJST, {"per_page": 2})
    assert twee.response.context["table"].paginator.per_page == 2
    pad = reverse("opvang:oekraine")
    raadpleger_client.get(pad)
    assert _uit_cache(raadpleger_client.get(pad))
    op = raadpleger_client.get(pad, {"peildatum": "2024-03-01"})
    assert not _uit_cache(op) and op.context["peildatum"] == datetime.date(2024, 3, 1)


@pytest.mark.django_db
def test_een_nieuwe_dag_geeft_een_verse_pagina(raadpleger_client, basisgegevens, monkeypatch):
    """A kept body never outlives its day: figures that become stale overnight are marked (actualiteit)."""
    pad = reverse("opvang:oekraine")
    vandaag = timezone.localdate()
    raadpleger_client.get(pad)
    assert _uit_cache(raadpleger_client.get(pad))
    morgen = vandaag + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **kw: morgen)
    response = raadpleger_client.get(pad)
    assert not _uit_cache(response) and response.context["peildatum"] == morgen


@pytest.mark.django_db
def test_rechten_bepalen_welke_pagina_iemand_krijgt(maak_gebruiker, rollen):
    raadpleger = _ingelogd(maak_gebruiker("raadpleger"))
    adviseur_gebruiker = maak_gebruiker("beleidsadviseur")
    adviseur = _ingelogd(adviseur_gebruiker)
    toevoegen = reverse("taakstelling:plaatsing_add")
    raadpleger.get(LIJST)
    assert toevoegen not in raadpleger.get(LIJST).content.decode()
    assert toevoegen in adviseur.get(LIJST).content.decode()
    # a role change takes effect on the next request, cached body included
    adviseur_gebruiker.groups.set([rollen["Raadpleger"]])
    assert toevoegen not in adviseur.get(LIJST).content.decode()


@pytest.mark.django_db
def test_niets_persoonlijks_gaat_naar_een_andere_gebruiker(maak_gebruiker, django_user_model):
    anna = maak_gebruiker("raadpleger", "anna")
    anna.first_name, anna.last_name = "Anna", "de Vries"
    anna.save()
    bram = maak_gebruiker("raadpleger", "bram")
    bram.first_name, bram.last_name = "Bram", "Jansen"
    bram.save()
    eerste, tweede = _ingelogd(anna), _ingelogd(bram)
    eerste.get(LIJST)
    html_anna = eerste.get(LIJST).content.decode()
    assert not _uit_cache(tweede.get(LIJST))  # a kept body is its user's own: never Anna's for Bram
    antwoord_bram = tweede.get(LIJST)
    assert _uit_cache(antwoord_bram)
    html_bram = antwoord_bram.content.decode()
    assert "Bram Jansen" in html_bram and "Anna" not in html_bram
    assert _csrf(html_bram) != _csrf(html_anna)
    # Bram's token from the cached page is his: logging out with it works (CSRF checked), Anna's is refused
    assert tweede.post(reverse("logout"), {"csrfmiddlewaretoken": _csrf(html_anna)}).status_code == 403
    assert tweede.post(reverse("logout"), {"csrfmiddlewaretoken": _csrf(html_bram)}).status_code == 302


@pytest.mark.django_db
def test_een_warme_pagina_leest_redis_twee_keer(raadpleger_client, basisgegevens, monkeypatch):
    """The session, then one read with the user's rights, the data version, the kept body and the header's
    Mijn werk count: each round trip to Redis is a wait on another process."""
    from redis.connection import AbstractConnection

    pad = reverse("opvang:oekraine")
    raadpleger_client.get(pad)
    opdrachten = []
    stuur = AbstractConnection.send_packed_command
    monkeypatch.setattr(
        AbstractConnection, "send_packed_command", lambda self, *a, **kw: opdrachten.append(a) or stuur(self, *a, **kw)
    )
    assert _uit_cache(raadpleger_client.get(pad))
    assert len(opdrachten) == 2


@pytest.mark.parametrize("variabele", ["csrf_token", "messages", "user"])
def test_een_deel_met_iets_persoonlijks_wordt_niet_bewaard(variabele):
    sjabloon = Template(f'{{% load pagina %}}{{% paginadeel "inhoud" %}}[{{{{ {variabele} }}}}]{{% endpaginadeel %}}')
    verzoek = RequestFactory().get("/")
    verzoek._paginadelen_vangen = gevangen = {}
    html = sjabloon.render(Context({"request": verzoek, variabele: "van-deze-gebruiker"}))
    assert html == "[van-deze-gebruiker]"
    assert gevangen == {} and verzoek._paginadelen_vangen is None
    # without anything personal the part is kept
    verzoek._paginadelen_vangen = gevangen = {}
    Template('{% load pagina %}{% paginadeel "inhoud" %}[vast]{% endpaginadeel %}').render(
        Context({"request": verzoek})
    )
    assert gevangen == {"inhoud": "[vast]"}
