"""Baseline from the Bestuursopdracht (30-06-2025), reconciled in domain.md §1.

The document's "Taakstelling" column is the gecorrigeerde taakstelling for the closed years and the
netto taakstelling for 2025-H1; the netto figures below follow from the carry-over rule. The
placements behind the historical totals are not known, so each period's realisation is an
official total (``realisatie_officieel``). Nothing the document does not give is invented.
"""

from datetime import date

from .models import Periode, TijdelijkeLocatie, Trede, TredeHistorie

BRON = "Bestuursopdracht Asiel & Migratie 2025-2027 (30-06-2025), tabel taakstelling statushouders"
# The chain starts in 2022 without voor- or achterstand: the anchor that later, earlier periods are
# reconciled against instead of shifting 2022–2025.
BEGINSALDO_KETEN = (date(2022, 1, 1), 0, f"{BRON}: 2022 begint zonder voor- of achterstand")
# 2025-H1's realisation is the stand of the document's date, not the period's final figure.
REALISATIE_PER = {date(2025, 1, 1): date(2025, 6, 30)}

PERIODEN = (
    # begindatum, einddatum, netto, officiële realisatie, notities
    (date(2022, 1, 1), date(2022, 12, 31), 62, 81, "Hele jaar (historisch). Beginsaldo van de keten 0."),
    (
        date(2023, 1, 1),
        date(2023, 12, 31),
        98,
        62,
        "Hele jaar (historisch). Het document noemt de gecorrigeerde taakstelling 79.",
    ),
    (
        date(2024, 1, 1),
        date(2024, 12, 31),
        91,
        83,
        "Hele jaar (historisch). Het document noemt de gecorrigeerde taakstelling 108.",
    ),
    (
        date(2025, 1, 1),
        date(2025, 6, 30),
        38,
        25,
        "Realisatie: stand ('geplaatst') volgens de bestuursopdracht van 30-06-2025. COA-cijfers lopen "
        "administratief achter; het definitieve cijfer kan hoger zijn.",
    ),
)


def laad(log):
    # a chain already anchored elsewhere (an earlier period entered by hand) keeps its anchor
    anker_elders = Periode.objects.filter(beginsaldo_keten__isnull=False).exclude(begindatum=BEGINSALDO_KETEN[0])
    anker = (
        {}
        if anker_elders.exists()
        else {"beginsaldo_keten": BEGINSALDO_KETEN[1], "beginsaldo_keten_bron": BEGINSALDO_KETEN[2]}
    )
    for begindatum, einddatum, netto, realisatie, notities in PERIODEN:
        Periode.objects.update_or_create(
            begindatum=begindatum,
            einddatum=einddatum,
            defaults={
                "netto_taakstelling": netto,
                "realisatie_officieel": realisatie,
                "realisatie_officieel_per": REALISATIE_PER.get(begindatum),
                "bron": BRON,
                "notities": notities,
                **(anker if begindatum == BEGINSALDO_KETEN[0] else {}),
            },
        )
    log(f"Perioden taakstelling: {Periode.objects.count()}")

    trede3, _ = Trede.objects.update_or_create(
        nummer=3,
        defaults={
            "naam": "Bestuurlijk toezicht",
            "omschrijving": "Officiële omschrijving niet gevonden. Noordwijk staat sinds maart 2025 op deze trede; "
            "er is in maart 2025 een bestuurlijk toezichtgesprek gevoerd.",
        },
    )
    Trede.objects.update_or_create(
        nummer=4,
        defaults={
            "naam": "Termijn voor inhaalplan",
            "omschrijving": "De provincie stelt een termijn waarbinnen de gemeente een inhaalplan moet tonen "
            "(openbare bron). De laatste stap van de ladder is indeplaatsstelling.",
        },
    )
    TredeHistorie.objects.update_or_create(
        datum_vanaf=date(2025, 3, 1),
        defaults={
            "trede": trede3,
            "bron": "Bestuursopdracht 2025-2027: bestuurlijk toezichtgesprek provincie Zuid-Holland, maart 2025",
            "notities": "De dag is niet bekend; het document noemt maart 2025.",
        },
    )
    log(f"Interventieladder: {Trede.objects.count()} treden, {TredeHistorie.objects.count()} historie")

    TijdelijkeLocatie.objects.update_or_create(
        naam="Trampoline II",
        defaults={
            "maximum_statushouders": 10,
            "termijn": "minimaal 2 tot maximaal 5 jaar",
            "toelichting": "Schippersvaartweg, Noordwijkerhout (Oekraïne-opvang). Onderdeel van het plan van aanpak: "
            "max. 10 statushouders; vergunningverlening in voorbereiding.",
        },
    )
    log("Tijdelijke locaties: Trampoline II (max. 10 statushouders)")
