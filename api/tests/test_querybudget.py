"""Every endpoint costs as many queries on little data as on much (no query per row), within a budget."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.queries import assert_vast_aantal_queries

from .factories import ALLEEN_INGELOGD, MAKERS, maak_token, token_header

ALLES = {"per_pagina": 1000}
# token lookup, its "laatst gebruikt", the audit entry, and what the app's own query functions need
BUDGET = {"iw_kerncijfers": 14, "berekende_indicatoren": 20}


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(MAKERS))
def test_vast_aantal_queries(basisgegevens, maak_gebruiker, naam):
    if naam in ALLEEN_INGELOGD:
        client = Client(headers={"Accept": "application/json"})
        client.force_login(maak_gebruiker("raadpleger"))
    else:
        _, sleutel = maak_token()
        client = Client(headers=token_header(sleutel))
    assert_vast_aantal_queries(
        client, reverse(f"api:{naam}"), MAKERS[naam], params=ALLES, klein=3, groot=30, budget=BUDGET.get(naam, 10)
    )
