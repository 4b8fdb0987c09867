"""The baseline holds every action and every "Meetbaar door ✓" line of Bijlage 1, exactly as the
shipped copy of the Bestuursopdracht says (parsed independently of programma/bijlage1.py)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from noordwijk_migratie.registry import alle_indicatorcodes
from programma.models import Actie, Indicator, Programmalijn

BRON = Path(__file__).resolve().parents[1] / "data" / "bestuursopdracht-asiel-migratie-2025-2027.txt"
TAG_NAAR_CODE = {"statushouders": "statushouders", "asielzoekers": "asielzoekers", "OEK": "oekraine"}


@dataclass
class Bullet:
    lijn: int
    subthema: str
    tekst: str
    tags: list[str] = field(default_factory=list)


def parse_bijlage1(tekst: str) -> tuple[list[Bullet], list[Bullet], dict[int, str]]:
    """Actions and ✓-indicators per programme line and sub-theme, and the line titles."""
    deel = tekst[tekst.index("Bijlage 1:") : tekst.index("Bijlage 2:")]
    regels = [r.strip() for r in deel.splitlines()]
    acties, indicatoren, titels = [], [], {}
    lijn, subthema, kop = None, "", ""
    for regel in regels[1:]:
        if not regel:
            continue
        if m := re.fullmatch(r"(\d)\. (.+)", regel):
            lijn, subthema, kop, titels[int(m[1])] = int(m[1]), "", "", m[2]
        elif regel.startswith("- "):
            inhoud = regel[2:]
            if kop == "Meetbaar door":
                assert inhoud.startswith("✓ ")
                indicatoren.append(Bullet(lijn, "", inhoud[2:]))
            else:
                tags = re.findall(r"\(\*\*(.+?)\*\*\)", inhoud)
                inhoud = re.sub(r"\s*\(\*\*.+?\*\*\)\s*$", "", inhoud)
                acties.append(Bullet(lijn, subthema, inhoud, tags))
        elif not regel.startswith("Trekker") and len(regel) < 80 and not regel.endswith("."):
            # a heading: a sub-theme ("Huisvesting:") or "Meetbaar door:"
            kop = regel.rstrip(":")
            if kop != "Meetbaar door":
                subthema = kop
        else:
            kop = ""  # paragraph text of the line
    return acties, indicatoren, titels


@pytest.fixture(scope="module")
def bijlage1():
    return parse_bijlage1(BRON.read_text(encoding="utf-8"))


def test_de_parser_vindt_de_bijlage_zoals_het_document_hem_opsomt(bijlage1):
    acties, indicatoren, titels = bijlage1
    assert sorted(titels) == [1, 2, 3, 4]
    assert [sum(a.lijn == n for a in acties) for n in (1, 2, 3, 4)] == [19, 10, 2, 2]
    assert [sum(i.lijn == n for i in indicatoren) for n in (1, 2, 3, 4)] == [6, 3, 8, 0]
    assert {a.subthema for a in acties if a.lijn == 1} == {
        "Huisvesting",
        "Inburgering en meedoen aan de samenleving",
        "Communicatie en participatie",
    }


@pytest.mark.django_db
def test_basis_bevat_elke_actie_van_bijlage_1_met_lijn_subthema_tekst_en_doelgroep(basisgegevens, bijlage1):
    acties, _indicatoren, titels = bijlage1
    geladen = list(
        Actie.objects.filter(uit_bijlage1=True)
        .select_related("programmalijn", "subthema")
        .prefetch_related("doelgroepen")
        .order_by("programmalijn__nummer", "volgnummer")
    )
    assert len(geladen) == len(acties) == 33
    for bullet, actie in zip(acties, geladen, strict=True):
        assert actie.tekst == bullet.tekst
        assert actie.programmalijn.nummer == bullet.lijn
        assert (actie.subthema.naam if actie.subthema else "") == (bullet.subthema if bullet.lijn != 4 else "")
        codes = {d.code for d in actie.doelgroepen.all()}
        if bullet.tags:  # the bold tags of the document, exactly
            assert codes == {TAG_NAAR_CODE[t] for t in bullet.tags}, bullet.tekst
        if bullet.lijn == 3:
            assert codes == {"internationale-werknemers"}
        assert actie.trekker  # a role, never a person
        assert actie.status == "niet_gestart"
    assert {lijn.nummer: lijn.naam for lijn in Programmalijn.objects.all()} == titels


@pytest.mark.django_db
def test_basis_bevat_elke_meetbaar_door_regel_met_zijn_programmalijn(basisgegevens, bijlage1):
    _acties, indicatoren, _titels = bijlage1
    geladen = list(Indicator.objects.filter(uit_bijlage1=True).order_by("programmalijn__nummer", "volgnummer"))
    assert len(geladen) == len(indicatoren) == 17
    for bullet, indicator in zip(indicatoren, geladen, strict=True):
        assert (indicator.programmalijn.nummer, indicator.tekst) == (bullet.lijn, bullet.tekst)


@pytest.mark.django_db
def test_berekende_indicatoren_zijn_gekoppeld_naar_betekenis(basisgegevens):
    berekend = dict(Indicator.objects.exclude(berekening=None).values_list("berekening", "tekst"))
    assert set(berekend) == set(alle_indicatorcodes())
    assert berekend["taakstelling_voldaan"] == "Voldoen we aan taakstelling?"
    assert berekend["regio_slechter_dan_gemiddeld"] == "Doen we het slechter dan gemiddeld in de (sub)regio?"
    assert berekend["partners_betrokken"] == "Goed contact met (maatschappelijke) partners"
    assert "RNI" in berekend["iw_inschrijvingen_rni_brp"]
    lijn_per_code = dict(Indicator.objects.exclude(berekening=None).values_list("berekening", "programmalijn__nummer"))
    assert {c for c, n in lijn_per_code.items() if n == 3} == {c for c in alle_indicatorcodes() if c.startswith("iw_")}


@pytest.mark.django_db
def test_basis_laden_is_herhaalbaar_en_overschrijft_geen_werk_van_adviseurs(basisgegevens):
    from django.core.management import call_command

    actie = Actie.objects.get(code="B1-1-01")
    actie.status = "loopt"
    actie.save()
    aantallen = (Actie.objects.count(), Indicator.objects.count())
    call_command("laad_basisgegevens", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Actie.objects.count(), Indicator.objects.count()) == aantallen
    actie.refresh_from_db()
    assert actie.status == "loopt"


@pytest.mark.django_db
def test_basis_bevat_de_partners_en_de_negen_kandidaat_themas(basisgegevens):
    from themasessies.models import Partner, Thema

    namen = set(Partner.objects.filter(uit_bestuursopdracht=True).values_list("naam", flat=True))
    for verwacht in (
        "COA",
        "Vluchtelingenwerk",
        "ISD Bollenstreek",
        "Provincie Zuid-Holland",
        "Holland Rijnland",
        "Veiligheidsregio Hollands Midden",
        "Taalpact",
        "Regionaal Bureau Leerrecht",
        "Regio Deal",
        "BZK",
        "corporaties",
    ):
        assert any(verwacht.lower() in n.lower() for n in namen), verwacht
    tekst = BRON.read_text(encoding="utf-8")
    blok = tekst[tekst.index("Mogelijke thema's") : tekst.index("Tijdens elke sessie")]
    kandidaten = [r[2:].strip() for r in blok.splitlines() if r.startswith("- ")]
    assert len(kandidaten) == 9
    assert set(Thema.objects.filter(uit_bestuursopdracht=True).values_list("titel", flat=True)) == set(kandidaten)
