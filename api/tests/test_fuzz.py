"""Hostile query parameters on every endpoint: never a 5xx, always an answer in Dutch."""

import itertools

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import ALLEEN_INGELOGD, maak_token, token_header
from .test_api import ENDPOINTS

PARAMETERS = ("peildatum", "gewijzigd_sinds", "pagina", "per_pagina", "format")
EERDER_FOUT = ("0001-01-01", "9999-12-31", "-1", "²", "0", "99999999999999999999", "csv\x00", "")
NUMMER = itertools.count()
ENGELS = ("Invalid", "not found", "Not found", "Expected", "Enter a valid", "throttled")


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "scope"), ENDPOINTS, ids=[n for n, _ in ENDPOINTS])
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parameter=st.sampled_from(PARAMETERS), waarde=st.sampled_from(EERDER_FOUT) | st.text(max_size=30))
def test_vijandige_parameters(basisgegevens, maak_gebruiker, naam, scope, parameter, waarde):
    if naam in ALLEEN_INGELOGD:
        client = Client(headers={"Accept": "application/json"})
        client.force_login(maak_gebruiker("raadpleger", username=f"fuzz {next(NUMMER)}"))
    else:
        _, sleutel = maak_token(naam=f"fuzz {next(NUMMER)}")
        client = Client(headers=token_header(sleutel))
    response = client.get(reverse(f"api:{naam}"), {parameter: waarde})
    assert response.status_code in (200, 400, 404), (parameter, waarde, response.status_code)
    if response.status_code != 200:
        tekst = response.content.decode()
        assert not any(woord in tekst for woord in ENGELS), (parameter, waarde, tekst)
