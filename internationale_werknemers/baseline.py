"""Baseline from the Bestuursopdracht asiel en migratie 2025-2027 (§2c, §3 budget, Bijlage 1 line 3).

Only what the document says: the beleidsplan (council decision expected 17 July 2025), 8 actielijnen
whose names the document does not give (placeholders marked 'te benoemen'), the structural budget of
about €300,000 a year, the Regiodeal Sierteeltregio (max. €10 million from the Rijk for the region;
Noordwijk's share unknown), the three pilot locations (circa 500 beds together, max. 15 years; beds
per pilot unknown) and the criteria of the toetsingskader named in the document. Idempotent.
"""

import datetime
from decimal import Decimal

from .models import Actielijn, Beleidsplan, Budgetpost, Pilotlocatie, Toetsingscriterium

BRON = "Bestuursopdracht asiel en migratie 2025-2027"
BELEIDSPLAN = "Beleidsplan internationale werknemers"
PILOTS = ("Schippersvaartweg 44", "Maandagsewetering 80", "Gerleeweg 10")
CRITERIA = (
    # code, naam, omschrijving
    (
        "bed-voor-bed",
        "Bed-voor-bed",
        "Voorwaarde uit het toetsingskader 'nieuwe huisvestingsinitiatieven' van het beleidsplan (genoemd in de "
        "bestuursopdracht, §2c). De precieze uitwerking staat in het beleidsplan.",
    ),
    (
        "economische-binding",
        "Economische binding",
        "Voorwaarde uit het toetsingskader 'nieuwe huisvestingsinitiatieven' van het beleidsplan (genoemd in de "
        "bestuursopdracht, §2c). De precieze uitwerking staat in het beleidsplan.",
    ),
)


def laad(log):
    plan, _ = Beleidsplan.objects.get_or_create(
        naam=BELEIDSPLAN,
        defaults={
            "status": Beleidsplan.Status.TER_BESLUITVORMING,
            "raadsbesluit_verwacht": datetime.date(2025, 7, 17),
            "doel_bedden": 500,
            "doel_bedden_indicatief": True,
            "max_termijn_jaren": 15,
            "toelichting": (
                "Vaststelling door de gemeenteraad naar verwachting 17 juli 2025. Uitvoeringsplan met 8 actielijnen. "
                "Circa 500 bedden tijdelijke huisvesting (maximaal 15 jaar) op 3 pilotlocaties. Bron: " + BRON + "."
            ),
        },
    )
    for nummer in range(1, 9):
        Actielijn.objects.get_or_create(
            beleidsplan=plan, nummer=nummer, defaults={"naam": f"Actielijn {nummer}", "te_benoemen": True}
        )
    Budgetpost.objects.get_or_create(
        beleidsplan=plan,
        naam="Structureel budget beleidsplan (perspectiefnota)",
        defaults={
            "soort": Budgetpost.Soort.STRUCTUREEL,
            "status": Budgetpost.Status.BESCHIKBAAR,
            "bedrag_per_jaar": Decimal("300000"),
            "bedrag_indicatief": True,
            "bron": BRON + ", §3 (budget)",
            "toelichting": "Structureel budget opgenomen in de perspectiefnota, afgerond € 300.000.",
        },
    )
    Budgetpost.objects.get_or_create(
        beleidsplan=plan,
        naam="Regiodeal Sierteeltregio (cofinanciering)",
        defaults={
            "soort": Budgetpost.Soort.COFINANCIERING,
            "status": Budgetpost.Status.VERKENNING,
            "maximum_totaal": Decimal("10000000"),
            "aandeel_noordwijk": None,
            "bron": BRON + ", §2c en §3",
            "toelichting": (
                "Het Rijk reserveerde maximaal € 10 miljoen voor de Sierteeltregio (toegekend januari 2025). "
                "Mogelijkheden voor deelfinanciering worden verkend; het aandeel van Noordwijk is onbekend."
            ),
        },
    )
    for volgorde, (code, naam, omschrijving) in enumerate(CRITERIA, start=1):
        Toetsingscriterium.objects.get_or_create(
            code=code, defaults={"naam": naam, "omschrijving": omschrijving, "bron": BRON, "volgorde": volgorde}
        )
    for adres in PILOTS:
        Pilotlocatie.objects.get_or_create(
            adres=adres,
            defaults={
                "beleidsplan": plan,
                "max_termijn_jaren": 15,
                "toelichting": (
                    "Pilotlocatie voor tijdelijke huisvesting (maximaal 15 jaar), op voorwaarde dat wordt voldaan aan "
                    "het toetsingskader. Het aantal bedden per locatie staat niet in het brondocument (samen circa 500)."
                ),
            },
        )
    log(
        f"Beleidsplan: {Beleidsplan.objects.count()}, actielijnen: {Actielijn.objects.count()}, "
        f"budgetposten: {Budgetpost.objects.count()}, criteria: {Toetsingscriterium.objects.count()}, "
        f"pilotlocaties: {Pilotlocatie.objects.count()}"
    )
