"""The wijzigingsgeschiedenis reads as Dutch: who, when, which field by its name, old → new value as
the pages show it (choice labels, dd-mm-jjjj, ja/nee, related objects by name, many-to-many as names
added and removed), on the object's page and in the audit list under Beheer."""

import datetime
import re
from html import unescape

import pytest
from auditlog.context import set_actor
from django.urls import reverse
from django.utils import timezone

from noordwijk_migratie.models import Doelgroep
from opvang.models import Fase, Mijlpaal
from opvang.tests.factories import MijlpaalFactory, OpvanglocatieFactory

from .taal import taalfouten

pytestmark = pytest.mark.django_db


def _tekst(html: str) -> str:
    """The text of a piece of HTML as it reads, whitespace collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def _historie(html: str) -> str:
    """The text of the history section of a detail page."""
    sectie = html[html.index('id="audit-kop"') :]
    return _tekst(sectie[: sectie.index("</section>")])


def test_een_wijziging_leest_als_nederlandse_zinnen(client, basisgegevens, maak_gebruiker):
    adviseur = maak_gebruiker("beleidsadviseur", username="a.de.vries")
    adviseur.first_name, adviseur.last_name = "Anna", "de Vries"
    adviseur.save()
    oekraine, asielzoekers = Doelgroep.objects.get(code="oekraine"), Doelgroep.objects.get(code="asielzoekers")
    eerste, tweede = OpvanglocatieFactory(naam="De Duinrand"), OpvanglocatieFactory(naam="Het Bollenveld")
    mijlpaal = MijlpaalFactory(locatie=eerste, fase=Fase.VERGUNNING, datum=datetime.date(2025, 3, 1), gepland=True)

    with set_actor(adviseur):
        mijlpaal = Mijlpaal.objects.get(pk=mijlpaal.pk)
        mijlpaal.fase = Fase.REALISATIE  # a choice
        mijlpaal.datum = datetime.date(2026, 7, 14)  # a date
        mijlpaal.locatie = tweede  # a foreign key
        mijlpaal.gepland = False  # a boolean
        mijlpaal.save()
        eerste.doelgroepen.set([asielzoekers])  # many-to-many: oekraine removed, asielzoekers added

    client.force_login(adviseur)
    pagina = client.get(mijlpaal.get_absolute_url()).content.decode()
    historie = _historie(pagina)
    vandaag = timezone.localdate()
    assert re.search(rf"{vandaag:%d-%m-%Y} om \d\d:\d\d: Anna de Vries heeft dit gegeven gewijzigd:", historie)
    assert "Fase: Vergunning →werd Realisatie" in historie  # the arrow is read aloud as "werd"
    assert re.search(r"Datum: 01-03-2025 .{0,12} 14-07-2026", historie)
    assert re.search(r"Locatie: De Duinrand .{0,12} Het Bollenveld", historie)
    assert re.search(r"Gepland \(nog niet bereikt\): ja .{0,12} nee", historie)
    # the creation: the values it started with, no primary key, no reverse relations, no "None"
    assert re.search(r"het systeem heeft dit gegeven aangemaakt met: .*Fase: Vergunning.*Datum: 01-03-2025", historie)
    assert "ID" not in historie and "versie" not in historie.lower()
    assert taalfouten(pagina) == []

    locatie = _historie(client.get(eerste.get_absolute_url()).content.decode())
    assert f"Doelgroepen: verwijderd: {oekraine.naam}" in locatie
    assert f"Doelgroepen: toegevoegd: {asielzoekers.naam}" in locatie
    assert "operation" not in locatie and "type" not in locatie

    # the audit list under Beheer, and its export, say the same
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    lijst = client.get(reverse("kern:audit_list")).content.decode()
    tekst = _tekst(lijst[lijst.index("<main") :])
    assert "Anna de Vries" in tekst and "Mijlpaal" in tekst and "gewijzigd" in tekst and "aangemaakt" in tekst
    assert re.search(r"Locatie: De Duinrand .{0,12} Het Bollenveld", tekst)
    assert taalfouten(lijst) == []
    export = client.get(reverse("kern:audit_list"), {"export": "csv"}).content.decode("utf-8-sig")
    assert "Fase: Vergunning → Realisatie" in export and "Gepland (nog niet bereikt): ja → nee" in export
    assert "create" not in export and "update" not in export and "True" not in export
