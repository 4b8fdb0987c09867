"""Baseline from the Bestuursopdracht asiel en migratie 2025–2027 (30 June 2025). Idempotent.

Only numbers the document gives; the rest stays empty and shows as "onbekend" (e.g. the split of
not-usable places at Trampoline II, the start dates of the former GOO locations, the capacity of
NH-Hotel Leeuwenhorst and the planned places at the Achterweg).
"""

import datetime

from noordwijk_migratie.models import Doelgroep

from .models import Beleidsdatum, Bezetting, Capaciteitsstand, Fase, LocatieType, Mijlpaal, Opgave, Opvanglocatie

BRON = "Bestuursopdracht asiel en migratie 2025-2027"
D = datetime.date


def laad(log):
    dg = {d.code: d for d in Doelgroep.objects.filter(code__in=["oekraine", "asielzoekers", "statushouders"])}
    if len(dg) < 3:
        log("Opvang: doelgroepen ontbreken; eerst de basisgegevens van kern laden.")
        return

    Opgave.objects.update_or_create(
        doelgroep=dg["oekraine"],
        geldig_vanaf=D(2025, 7, 1),
        defaults={
            "plaatsen": 221,
            "amv_plaatsen": None,
            "cyclus_einde": None,
            "bron": "Veiligheidsregio Hollands Midden (verdeling van 109.000 plekken landelijk)",
            "toelichting": "Noordwijk moet vanaf 1 juli 2025 221 plekken beschikbaar hebben (" + BRON + ").",
        },
    )
    Opgave.objects.update_or_create(
        doelgroep=dg["asielzoekers"],
        geldig_vanaf=D(2024, 2, 1),
        defaults={
            "plaatsen": 275,
            "amv_plaatsen": 23,
            "cyclus_einde": D(2026, 1, 31),
            "bron": "Spreidingswet (Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen)",
            "toelichting": "275 duurzame opvangplekken, inclusief 23 plaatsen voor AMV; eerste cyclus loopt af op "
            "31 januari 2026 (" + BRON + ").",
        },
    )
    Beleidsdatum.objects.update_or_create(
        code="rtb-einde",
        defaults={
            "naam": "Einde Richtlijn Tijdelijke Bescherming (RTB)",
            "datum": D(2026, 3, 4),
            "doelgroep": dg["oekraine"],
            "bron": BRON,
            "toelichting": "Verlengd tot 4 maart 2026; nogmaals verlengen met 1 jaar is in bespreking.",
        },
    )

    def locatie(naam, **velden):
        doelgroepen = velden.pop("doelgroepen")
        obj, _ = Opvanglocatie.objects.update_or_create(naam=naam, defaults=velden)
        obj.doelgroepen.set([dg[c] for c in doelgroepen])
        return obj

    trampoline = locatie(
        "Trampoline II",
        adres="Schippersvaartweg, Noordwijkerhout",
        type=LocatieType.GOO,
        doelgroepen=["oekraine", "statushouders"],
        startdatum=D(2024, 7, 1),
        fase=Fase.IN_GEBRUIK,
        toelichting="Oekraïne-opvang met 300 plekken sinds 1 juli 2024. Een deel is gereserveerd voor max. 10 "
        "statushouders (2 tot 5 jaar; vergunningverlening in voorbereiding); een deel is niet invulbaar "
        "(calamiteitenkamers, indelingsverlies; aantallen onbekend). Aanbesteding sociaal beheer in "
        "voorbereiding.",
    )
    Mijlpaal.objects.update_or_create(
        locatie=trampoline,
        fase=Fase.IN_GEBRUIK,
        defaults={
            "datum": D(2024, 7, 1),
            "gepland": False,
            "besluit_referentie": "",
            "toelichting": "Gerealiseerd op 1 juli 2024; 200 ontheemden verhuisden in juli 2024 vanuit de GOO en POO.",
        },
    )
    Capaciteitsstand.objects.update_or_create(
        locatie=trampoline,
        doelgroep=dg["oekraine"],
        ingangsdatum=D(2024, 7, 1),
        defaults={
            "plaatsen": 300,
            "gereserveerd": 0,
            "gereserveerd_voor": None,
            "toelichting": "300 opvangplekken bij opening.",
        },
    )
    Capaciteitsstand.objects.update_or_create(
        locatie=trampoline,
        doelgroep=dg["oekraine"],
        ingangsdatum=D(2025, 6, 30),
        defaults={
            "plaatsen": 300,
            "gereserveerd": 10,
            "gereserveerd_voor": dg["statushouders"],
            "toelichting": "Stand volgens de bestuursopdracht (30-06-2025): max. 10 plaatsen gereserveerd voor "
            "statushouders; niet-inzetbare plaatsen (calamiteitenkamers, indelingsverlies) onbekend.",
        },
    )
    Bezetting.objects.update_or_create(
        locatie=trampoline,
        doelgroep=dg["oekraine"],
        datum=D(2025, 6, 30),
        defaults={"aantal": 230, "toelichting": "ongeveer, volgens bestuursopdracht"},
    )

    for naam in ("Achmea", "Dijkzicht", "Maria ter Zee", "Windkrachthuis"):
        goo = locatie(
            naam,
            type=LocatieType.GOO,
            doelgroepen=["oekraine"],
            einddatum=D(2024, 7, 31),
            fase=Fase.BEEINDIGD,
            toelichting="Voormalige gemeentelijke opvanglocatie; bewoners verhuisden in juli 2024 naar "
            "Trampoline II (dag van beëindiging onbekend, vastgelegd als 31-07-2024).",
        )
        Mijlpaal.objects.update_or_create(
            locatie=goo,
            fase=Fase.BEEINDIGD,
            defaults={"datum": D(2024, 7, 31), "gepland": False, "toelichting": "Beëindigd in juli 2024."},
        )

    locatie(
        "NH-Hotel Leeuwenhorst",
        type=LocatieType.COA_NOODOPVANG,
        doelgroepen=["statushouders"],
        beheerder="COA",
        fase=Fase.IN_GEBRUIK,
        toelichting="COA-noodopvang van 30-40 statushouders (bestuursopdracht); capaciteit en startdatum niet "
        "vastgelegd.",
    )

    achterweg = locatie(
        "Achterweg (tijdelijke asielopvang)",
        adres="Achterweggebied, Noordwijk",
        type=LocatieType.SPREIDINGSWET,
        doelgroepen=["asielzoekers"],
        gemeentegrond=True,
        termijn_jaren=5,
        fase=Fase.COLLEGEBESLUIT,
        geplande_plaatsen=None,
        geplande_amv_plaatsen=None,
        toelichting="Verkenning van tijdelijke asielopvang voor 5 jaar op gronden die de gemeente al in eigendom "
        "heeft. Aantal plaatsen nog onbekend.",
    )
    Mijlpaal.objects.update_or_create(
        locatie=achterweg,
        fase=Fase.COLLEGEBESLUIT,
        defaults={
            "datum": D(2025, 6, 10),
            "gepland": False,
            "besluit_referentie": "Collegebesluit 10 juni 2025: aanpassing plan Achterweg (evaluatie verkenning)",
            "toelichting": "Combinatie met permanente woningbouw losgelaten; tijdelijke asielopvang voor 5 jaar verkend.",
        },
    )
    Mijlpaal.objects.update_or_create(
        locatie=achterweg,
        fase=Fase.RAADSBESLUIT,
        defaults={
            "datum": D(2025, 9, 25),
            "gepland": True,
            "besluit_referentie": "Raadsvoorstel voor de raadsvergadering van 25 september 2025",
            "toelichting": "Locaties voor tijdelijke asielopvang staan op de adviesrechtlijst van de raad.",
        },
    )

    log(
        f"Opvang: {Opgave.objects.count()} opgaven, {Opvanglocatie.objects.count()} locaties, "
        f"{Beleidsdatum.objects.count()} beleidsdatums"
    )
