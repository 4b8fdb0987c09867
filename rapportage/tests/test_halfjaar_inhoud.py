"""The halfjaarrapportage says what stood on the peildatum: the trede and interbestuurlijk toezicht with their
dates (also on page 1), inburgering per cohort, and the coming decisions and deadlines, where a date that
had passed is shown as passed with what became of it, never as still to come."""

import datetime

import pytest
from pypdf import PdfReader

from taakstelling.models import Trede, TredeHistorie
from taakstelling.tests.factories import InburgeringCohortFactory

from .test_rapport_tekst import EVALUATIE, HALFJAAR, controleer_notatie, controleer_opmaak, maak

pytestmark = pytest.mark.django_db


def deel(tekst: str, begin: str, eind: str | None = None) -> str:
    """The text from the last heading ``begin`` (the chapter, not its TOC line) to ``eind``."""
    na = tekst[tekst.rindex(begin) :]
    return na[: na.index(eind)] if eind and eind in na else na


def test_trede_en_toezicht_met_datums_op_de_peildatum_ook_op_pagina_1(basisgegevens, maak_gebruiker):
    # a later step (trede 4 from 1 March 2026) was not in force on 1 July 2025: the report never shows it
    TredeHistorie.objects.create(trede=Trede.objects.get(nummer=4), datum_vanaf=datetime.date(2026, 3, 1), bron="PZH")
    rapport, paginas = maak(HALFJAAR, datetime.date(2025, 7, 1), maak_gebruiker("opgavemanager"))
    begin = " ".join(paginas[:2])
    assert (
        "Interbestuurlijk toezicht Trede 3 van de interventieladder van de provincie (Bestuurlijk toezicht) sinds "
        "1 maart 2025; 3 afgesloten periode(n) op rij met een achterstand, de waarschuwingsdrempel is 4." in begin
    )
    tekst = " ".join(paginas)
    ladder = deel(tekst, "Interbestuurlijk toezicht: interventieladder", "Vergelijking met de (sub)regio")
    assert "Op 1 juli 2025 staat Noordwijk sinds 1 maart 2025 op trede 3" in ladder
    assert "bestuurlijk toezichtgesprek provincie" in ladder
    # 2023, 2024 and the first half of 2025 closed behind, with their end dates; one more is the threshold
    assert "3 afgesloten perioden op rij sloten met een achterstand" in ladder
    assert "2023 31 december 2023 −17" in ladder and "2024 31 december 2024 −25" in ladder
    assert "1e halfjaar 2025 30 juni 2025 −38" in ladder
    assert "Sluit ook het 2e halfjaar 2025 op 31 december 2025 met een achterstand, dan is de drempel bereikt." in (
        ladder
    )
    assert "Termijn voor inhaalplan" not in tekst and "1 maart 2026" not in tekst
    assert rapport.snapshot["interventieladder"]["data"]["historie"] == [
        {"trede": 3, "naam": "Bestuurlijk toezicht", "vanaf": "01-03-2025", "bron": ladder_bron()}
    ]
    # the PDF's own title writes the peildatum as the report does
    assert PdfReader(rapport.pdf.path).metadata.title == "Halfjaarrapportage taakstelling 1 juli 2025 (concept)"
    controleer_notatie(paginas)
    controleer_opmaak(rapport)


def ladder_bron():
    return TredeHistorie.objects.get(datum_vanaf=datetime.date(2025, 3, 1)).bron


def test_inburgering_per_cohort_zoals_op_de_pagina(basisgegevens, maak_gebruiker):
    InburgeringCohortFactory(cohort=2022, inburgeringsplichtig=40, voldaan_binnen_termijn=26, bron="ISD Bollenstreek")
    InburgeringCohortFactory(cohort=2023, inburgeringsplichtig=30, voldaan_binnen_termijn=9, bron="ISD Bollenstreek")
    InburgeringCohortFactory(cohort=2027, inburgeringsplichtig=5)  # had not started on the peildatum
    for c in (2022, 2023):
        InburgeringCohortFactory._meta.model.objects.filter(cohort=c).update(
            peildatum_cijfers=datetime.date(2026, 6, 1)
        )
    rapport, paginas = maak(HALFJAAR, datetime.date(2026, 7, 1), maak_gebruiker("opgavemanager"))
    tekst = deel(" ".join(paginas), "Statushouders: inburgering per cohort", "Oekraïense ontheemden")
    assert "Succesratio = aantal inburgeringsplichtigen van het cohort" in tekst
    # cohort 2022's term ended on 31 December 2025: 26 of 40 within the term; 2023 is still running
    assert (
        "Het laatste cohort waarvan de termijn van 3 jaar is verstreken, is cohort 2022 (termijn tot 31 december "
        "2025): succesratio 65,0 %." in tekst
    )
    assert "Cohort 2022 2023 (loopt)" in tekst  # the row headers (pdftotext reads the table by column)
    assert "40 18 15 10 3 4 26 65,0 % 1 juni 2026 30 18 15 10 3 4 9 30,0 % 1 juni 2026" in tekst
    assert "Bron: ISD Bollenstreek." in tekst and "2027" not in tekst
    # one data function: the section holds exactly what the inburgering page shows for that date
    from dataclasses import asdict

    from taakstelling import queries

    assert rapport.snapshot["inburgering"]["data"] == asdict(queries.inburgering_overzicht(datetime.date(2026, 7, 1)))
    controleer_notatie(paginas)


def test_komende_besluiten_en_termijnen_op_1_juli_2025(basisgegevens, maak_gebruiker):
    rapport, paginas = maak(HALFJAAR, datetime.date(2025, 7, 1), maak_gebruiker("opgavemanager"))
    tekst = deel(" ".join(paginas), "Komende besluiten en termijnen Besluiten en termijnen zoals")
    assert "25 september 2025 Raadsbesluit: Achterweg (tijdelijke asielopvang) Nog 86 dagen na de peildatum." in tekst
    assert "Raadsvoorstel voor de raadsvergadering van 25 september 2025." in tekst
    assert "31 januari 2026 Einde cyclus opgave Asielzoekers Nog 214 dagen na de peildatum." in tekst
    assert "4 maart 2027 Einde Richtlijn Tijdelijke Bescherming (RTB) Nog 611 dagen na de peildatum." in tekst
    # what happened later is not known on 1 July 2025
    assert "motie" not in tekst.lower() and "Vervallen" not in tekst and "Verstreken" not in tekst
    controleer_notatie(paginas)


def test_verstreken_termijnen_staan_als_verstreken_met_wat_ervan_werd(basisgegevens, maak_gebruiker):
    rapport, paginas = maak(HALFJAAR, datetime.date(2026, 7, 1), maak_gebruiker("opgavemanager"))
    data = rapport.snapshot["termijnen"]["data"]
    assert [i["naam"] for i in data["komend"]] == ["Einde Richtlijn Tijdelijke Bescherming (RTB)"]
    assert all(i["datum"] < "2026-07-01" or i["status"] == "vervallen" for i in data["verstreken"])
    tekst = deel(" ".join(paginas), "Komende besluiten en termijnen Besluiten en termijnen zoals")
    komend, verstreken = tekst.split("Verstreken sinds 1 juli 2025")
    assert "4 maart 2027 Einde Richtlijn Tijdelijke Bescherming (RTB) Nog 246 dagen" in komend
    # the second Spreidingswet cycle: its end and Noordwijk's opgave are not known
    assert (
        "Einde cyclus opgave Asielzoekers De cyclus die op 1 februari 2026 begon, heeft nog geen bekende einddatum; "
        "de opgave voor Noordwijk is nog onbekend." in komend
    )
    assert "31 januari 2026" not in komend and "25 september 2025" not in komend
    assert (
        "31 januari 2026 Einde cyclus opgave Asielzoekers Verstreken vóór de peildatum. De cyclus is afgelopen. Sinds "
        "1 februari 2026 geldt de opgave van de volgende cyclus: het aantal plaatsen voor Noordwijk is nog onbekend"
        in verstreken
    )
    # 2025-H2 and 2026-H1 closed but are not entered: the toezicht does not pretend one more half year decides
    ladder = deel(" ".join(paginas), "Interbestuurlijk toezicht: interventieladder", "Vergelijking met de (sub)regio")
    assert "Nog niet als periode ingevoerd en daarom niet meegeteld: 2e halfjaar 2025, 1e halfjaar 2026" in ladder
    assert "Sluit ook het" not in ladder
    assert (
        "25 september 2025 Raadsbesluit: Achterweg (tijdelijke asielopvang) Vervallen: de locatie is op "
        "25 september 2025 beëindigd. Motie 'Geen AZC in de gemeente Noordwijk', aangenomen door de gemeenteraad op "
        "25 september 2025." in verstreken
    )
    controleer_notatie(paginas)


def test_evaluatierapport_bijsturen_is_trede_maatregelen_en_bewuste_keuzes(basisgegevens, maak_gebruiker):
    from programma.models import Actie

    actie = Actie.objects.filter(programmalijn__nummer=1).order_by("code").first()
    actie.status, actie.reden_niet_uitvoeren = "bewust_niet", "Provincie akkoord."
    actie.save()
    rapport, paginas = maak(EVALUATIE, datetime.date(2027, 6, 1), maak_gebruiker("opgavemanager"))
    lijn = rapport.snapshot["programmalijn_1"]["data"]["indicatoren"]
    bijsturen = next(i for i in lijn if i["tekst"].startswith("Zo nee, sturen we voldoende bij"))
    assert bijsturen["antwoord"]["soort"] == "berekend"
    antwoord = bijsturen["antwoord"]["tekst"]
    assert antwoord.startswith(
        "Interbestuurlijk toezicht: trede 3 van de interventieladder (Bestuurlijk toezicht) sinds 1 maart 2025. "
        "Bijsturing volgens het programma: "
    )
    assert f"1 bewust niet uitgevoerd, met als reden {actie.code}: Provincie akkoord." in antwoord
    assert antwoord in " ".join(paginas)
