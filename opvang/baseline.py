"""Baseline from the Bestuursopdracht asiel en migratie 2025–2027 (30 June 2025) and the public facts
after it (domain.md, "After 30 June 2025"), each as dated data with its source. Idempotent.

Only numbers the sources give; the rest stays empty and shows as "onbekend" (e.g. the split of
not-usable places at Trampoline II, the start dates of the former GOO locations, the capacity of
NH-Hotel Leeuwenhorst, the planned places at the Achterweg and Noordwijk's opgave in the second
Spreidingswet cycle). A location's phase follows from its milestones.
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
    # The second cycle: Noordwijk's figure is not in our sources. Created once, so a figure the team enters
    # later is never reset to unknown.
    Opgave.objects.get_or_create(
        doelgroep=dg["asielzoekers"],
        geldig_vanaf=D(2026, 2, 1),
        defaults={
            "plaatsen": None,
            "amv_plaatsen": None,
            "cyclus_einde": None,
            "bron": "Spreidingswet, tweede cyclus: provinciale opgaven en indicatieve verdeling per gemeente van "
            "de minister (27-02-2026); bindend verdeelbesluit verwacht eind 2026",
            "toelichting": "De eerste cyclus eindigde op 31 januari 2026; het coalitieakkoord van 30 januari 2026 "
            "houdt de Spreidingswet voorlopig in stand. Landelijke behoefte 88.000 plaatsen (COA-capaciteitsbesluit "
            "26 september 2025); Zuid-Holland 11.400 extra plaatsen. Het cijfer voor Noordwijk staat nog niet in "
            "onze bronnen: vul het in zodra het bekend is.",
        },
    )
    rtb = {"naam": "Einde Richtlijn Tijdelijke Bescherming (RTB)", "doelgroep": dg["oekraine"]}
    Beleidsdatum.objects.update_or_create(
        code="rtb-einde",
        geldig_vanaf=None,
        defaults={
            **rtb,
            "datum": D(2026, 3, 4),
            "bron": BRON,
            "toelichting": "Verlengd tot 4 maart 2026; nogmaals verlengen met 1 jaar is in bespreking.",
        },
    )
    Beleidsdatum.objects.update_or_create(
        code="rtb-einde",
        geldig_vanaf=D(2025, 6, 13),
        defaults={
            **rtb,
            "datum": D(2027, 3, 4),
            "bron": "Raad van de Europese Unie, akkoord van 13 juni 2025; Rijksoverheid, nieuwsbericht 4 juli 2025",
            "toelichting": "De tijdelijke bescherming van ontheemden uit Oekraïne is verlengd tot 4 maart 2027. "
            "Een latere verlenging is niet bekend.",
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
            toelichting="Voormalige gemeentelijke opvanglocatie; bewoners verhuisden in juli 2024 naar "
            "Trampoline II (dag van beëindiging onbekend, vastgelegd als 31-07-2024).",
        )
        Mijlpaal.objects.update_or_create(
            locatie=goo,
            fase=Fase.IN_GEBRUIK,
            defaults={"datum": None, "gepland": False, "toelichting": "In gebruik tot juli 2024; startdatum onbekend."},
        )
        Mijlpaal.objects.update_or_create(
            locatie=goo,
            fase=Fase.BEEINDIGD,
            defaults={"datum": D(2024, 7, 31), "gepland": False, "toelichting": "Beëindigd in juli 2024."},
        )

    leeuwenhorst = locatie(
        "NH-Hotel Leeuwenhorst",
        type=LocatieType.COA_NOODOPVANG,
        doelgroepen=["statushouders"],
        beheerder="COA",
        toelichting="COA-noodopvang van 30-40 statushouders (bestuursopdracht); capaciteit en startdatum niet "
        "vastgelegd.",
    )
    Mijlpaal.objects.update_or_create(
        locatie=leeuwenhorst,
        fase=Fase.IN_GEBRUIK,
        defaults={
            "datum": None,
            "gepland": False,
            "toelichting": "In gebruik volgens de bestuursopdracht; startdatum onbekend.",
        },
    )

    achterweg = locatie(
        "Achterweg (tijdelijke asielopvang)",
        adres="Achterweggebied, Noordwijk",
        type=LocatieType.SPREIDINGSWET,
        doelgroepen=["asielzoekers"],
        gemeentegrond=True,
        termijn_jaren=5,
        geplande_plaatsen=None,
        geplande_amv_plaatsen=None,
        toelichting="Verkenning van tijdelijke asielopvang voor 5 jaar op gronden die de gemeente al in eigendom "
        "heeft (aantal plaatsen onbekend). Gestopt: op 25 september 2025 nam de gemeenteraad de motie 'Geen AZC "
        "in de gemeente Noordwijk' aan en het college stopte de voorbereiding.",
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
            "toelichting": "Locaties voor tijdelijke asielopvang staan op de adviesrechtlijst van de raad. Niet "
            "genomen: de raad nam die avond de motie 'Geen AZC in de gemeente Noordwijk' aan.",
        },
    )
    Mijlpaal.objects.update_or_create(
        locatie=achterweg,
        fase=Fase.BEEINDIGD,
        defaults={
            "datum": D(2025, 9, 25),
            "gepland": False,
            "besluit_referentie": "Motie 'Geen AZC in de gemeente Noordwijk', aangenomen door de gemeenteraad "
            "op 25 september 2025",
            "toelichting": "Het college stopte de voorbereiding van tijdelijke asielopvang aan de Achterweg "
            "(noordwijk.nl, nieuwsbericht 'Raad tegen tijdelijke asielopvang Achterweg').",
        },
    )

    log(
        f"Opvang: {Opgave.objects.count()} opgaven, {Opvanglocatie.objects.count()} locaties, "
        f"{Beleidsdatum.objects.count()} beleidsdatums"
    )
