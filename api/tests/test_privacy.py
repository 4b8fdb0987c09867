"""No field of the API may ever carry personal data of a newcomer: this walks every property of every
schema of every endpoint (nested ones too), in the schema drf-spectacular generates from the serializers."""

import re

from drf_spectacular.generators import SchemaGenerator

# names, BSN, V-nummer, COA reference, birth dates, contact details of persons
VERBODEN = re.compile(
    r"bsn|burgerservice|v_?nummer|vreemdeling|coa_referentie|geboorte|leeftijd|nationaliteit|geslacht"
    r"|voornaam|achternaam|roepnaam|persoon_?naam|naam_|_naam$|adres|telefoon|e_?mail|contactpersoon|^naam$",
    re.IGNORECASE,
)
# Names that are reference data, not a person's: where such a field sits and why it may.
TOEGESTAAN = {
    "DoelgroepOverzicht.doelgroep_naam": "de naam van de doelgroep (Oekraïne, asielzoekers, …)",
    "Opvanglocatie.naam": "de naam van een opvanglocatie uit het register",
    "PijplijnLocatie.naam": "de naam van een kandidaat-locatie in de Spreidingswet-pijplijn (een gebouw of terrein)",
    "Partner.naam": "de naam van een partnerorganisatie (COA, woningcorporatie, …)",
    # professionals at a partner, never newcomers; only for logged-in users who may see them on the
    # Contactpersonen page, never with a token (test_api.test_contactpersonen_alleen_voor_wie_ze_op_de_pagina_ziet)
    "Contactpersoon.naam": "de naam van een contactpersoon bij een partner (een professional)",
    "Contactpersoon.email": "het werk-e-mailadres van die contactpersoon",
}


def _velden(schemas, naam, pad=None, gezien=None):
    """(schema.field path, field name) of every property reachable from component ``naam``."""
    gezien = gezien if gezien is not None else set()
    if naam in gezien:
        return
    gezien.add(naam)
    for veld, spec in schemas[naam].get("properties", {}).items():
        yield f"{naam}.{veld}", veld
        for ref in re.findall(r"#/components/schemas/(\w+)", str(spec)):
            yield from _velden(schemas, ref, pad, gezien)


def _schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_geen_persoonsgegevens_in_enig_veld():
    schema = _schema()
    schemas = schema["components"]["schemas"]
    gevonden = set()
    for pad, methodes in schema["paths"].items():
        for ref in re.findall(r"#/components/schemas/(\w+)", str(methodes)):
            for plek, veld in _velden(schemas, ref):
                gevonden.add(plek)
                if VERBODEN.search(veld):
                    assert plek in TOEGESTAAN, f"{pad}: veld {plek} lijkt op persoonsgegevens"
    assert len(gevonden) > 100  # the walk really reached the nested figures
    assert set(TOEGESTAAN) <= gevonden


def test_de_regel_herkent_persoonsgegevens():
    for veld in ("bsn", "v_nummer", "vnummer", "geboortedatum", "voornaam", "naam", "coa_referentie", "e_mail"):
        assert VERBODEN.search(veld), veld
    for veld in ("netto", "saldo_eind", "personen", "huishoudens", "bezettingsgraad", "plaatsen"):
        assert not VERBODEN.search(veld), veld
