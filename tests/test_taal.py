"""Plain Dutch on every screen: no English defaults of Django, django-filter, django-tables2 or
django-auditlog on any page a role can open (checked in the walk of tests/test_permissions.py, with
the rules in tests/taal.py), yes/no filters and choice lists that start in Dutch."""

import re

import pytest
from django.urls import reverse

from .taal import zichtbare_tekst


@pytest.mark.django_db
def test_ja_nee_filters_bieden_alle_ja_nee(client, basisgegevens, maak_gebruiker):
    """A yes/no filter (django-filter's BooleanFilter) offers Alle / Ja / Nee, not Onbekend, and filters."""
    from internationale_werknemers.tests.factories import ToetsingscriteriumFactory

    ToetsingscriteriumFactory(naam="Actief criterium", actief=True)
    ToetsingscriteriumFactory(naam="Vervallen criterium", actief=False)
    client.force_login(maak_gebruiker("raadpleger"))
    lijst = reverse("internationale_werknemers:toetsingscriterium_list")
    html = client.get(lijst).content.decode()
    keuzes = re.search(r'<select name="actief".*?</select>', html, re.S).group()
    assert zichtbare_tekst(keuzes) == ["Alle", "Ja", "Nee"]
    gefilterd = client.get(lijst, {"actief": "false"}).content.decode()
    assert "Vervallen criterium" in gefilterd and "Actief criterium" not in gefilterd
    assert "Actief criterium" in client.get(lijst, {"actief": "true"}).content.decode()


@pytest.mark.django_db
def test_keuzelijsten_beginnen_in_het_nederlands(client, basisgegevens, maak_gebruiker):
    client.force_login(maak_gebruiker("beleidsadviseur"))
    formulier = client.get(reverse("opvang:mijlpaal_add")).content.decode()
    assert '<option value="" selected>Maak een keuze</option>' in formulier
    lijst = client.get(reverse("opvang:mijlpaal_list")).content.decode()
    assert '<option value="" selected>Alle</option>' in lijst and "---------" not in lijst
