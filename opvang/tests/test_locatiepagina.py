"""A location is managed from its own page: add a milestone, capacity or count with the location filled
in, and the Spreidingswet pipeline links each location to that page."""

import re

import pytest
from django.urls import reverse

from opvang.models import Fase, LocatieType

from .factories import OpvanglocatieFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lijst", ["opvang:mijlpaal_add", "opvang:capaciteitsstand_add", "opvang:bezetting_add"])
def test_toevoegen_vanaf_de_locatie_vult_de_locatie_in(manager_client, lijst):
    locatie = OpvanglocatieFactory(naam="Duinpark")  # with its milestones (the factory makes them)
    pagina = manager_client.get(locatie.get_absolute_url()).text
    url = f"{reverse(lijst)}?locatie={locatie.pk}"
    assert f'href="{url}"' in pagina
    formulier = manager_client.get(url).text
    keuze = re.search(r'<select name="locatie"[^>]*>(.*?)</select>', formulier, re.S).group(1)
    assert re.search(rf'<option value="{locatie.pk}" selected>Duinpark</option>', keuze)


def test_raadpleger_ziet_geen_toevoegknoppen(raadpleger_client):
    locatie = OpvanglocatieFactory()
    assert "Mijlpaal toevoegen" not in raadpleger_client.get(locatie.get_absolute_url()).text


def test_pijplijn_linkt_naar_de_locatie(manager_client, basisgegevens):
    locatie = OpvanglocatieFactory(naam="Zeeweg-verkenning", type=LocatieType.SPREIDINGSWET, fase=Fase.VERKENNING)
    html = manager_client.get(reverse("opvang:asielzoekers")).text
    pijplijn = html.split('id="pijplijn"')[1].split("</section>")[0]
    assert f'<a class="utrecht-link" href="{locatie.get_absolute_url()}">Zeeweg-verkenning</a>' in pijplijn
