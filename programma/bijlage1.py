"""Bijlage 1 of the Bestuursopdracht asiel en migratie 2025-2027 as data.

Texts are copied literally from ``programma/data/bestuursopdracht-asiel-migratie-2025-2027.txt``
(the bold target-group tags are held separately as doelgroep codes); a test parses that copy and
compares every bullet with this module, so the two cannot drift apart.

Doelgroep codes are those of ``noordwijk_migratie.baseline.DOELGROEPEN``. Actions the document
tags are tagged exactly so; untagged actions that name their groups explicitly carry those groups,
and the actions of programme line 3 concern the international workers.
"""

SH, AZ, OEK, IW = "statushouders", "asielzoekers", "oekraine", "internationale-werknemers"

# Trekker roles (a role, never a person) as the document names them.
TREKKER_WETTELIJK = "beleidsadviseurs_wettelijk"
TREKKER_OPGAVETEAM = "opgaveteam"
TREKKER_IW = "beleidsmedewerker_iw"
TREKKER_OPGAVEMANAGER = "opgavemanager"

# Indicator types and desired directions (see programma.models.Indicator).
JA_NEE, AANTAL, PERCENTAGE, SCORE, TEKST = "ja_nee", "aantal", "percentage", "score", "tekst"

PROGRAMMALIJNEN = [
    {
        "nummer": 1,
        "naam": "Uitvoering van de wettelijke taken voor statushouders, asielopvang en Oekraïense ontheemden",
        "omschrijving": (
            "We hebben wettelijke taken voor het huisvesten van statushouders, asielzoekers en Oekraïense "
            "ontheemden (OEK) welke we als gemeente dienen uit te voeren."
        ),
        "trekker": TREKKER_WETTELIJK,
        "subthemas": {
            "Huisvesting": [
                (
                    "Monitoring taakstelling huisvesting statushouders, asielzoekers en Oekraïense ontheemden",
                    [SH, AZ, OEK],
                ),
                ("Actief volgen landelijke politieke ontwikkelingen rondom nieuwkomers", []),
                (
                    "Doorlopen vergunningsprocedure om max. 10 statushouders te plaatsen in de Oekraïne opvang "
                    "Trampoline",
                    [SH],
                ),
                ("Overleg met Wonen en RO over mogelijkheden voor hospitaverhuur, woningdelen en woningverhuur", [SH]),
                ("Inzet op tijdelijke asielopvang in het Achterweggebied in Noordwijk", [AZ]),
                ("Het bieden van een veilige en leefbare opvang aan Oekraïense ontheemden", [OEK]),
                (
                    "Voorbereiden nieuwe aanbesteding sociaal beheer: 1 partij die alles monitort en begeleidt op de "
                    "locatie en schakelt met alle stakeholders",
                    [OEK],
                ),
            ],
            "Inburgering en meedoen aan de samenleving": [
                (
                    "Borgen dat statushouders, zodra ze in onze gemeente zijn, kunnen inburgeren en dezelfde toegang "
                    "hebben tot voorzieningen als onze inwoners",
                    [SH],
                ),
                ("Evaluatie uitvoering Wet Inburgering", [SH]),
                (
                    "Goede contacten onderhouden met ISD, Vluchtelingenwerk, corporaties (via Wonen), COA en provincie",
                    [SH],
                ),
                ("Afstemming met Leidse regio over marktconsultatie voor mogelijke aanbesteding taalonderwijs", [SH]),
                (
                    "We onderschrijven het standpunt van de regio Holland-Rijnland voor asielzoekers, namelijk meedoen "
                    "vanaf dag één.",
                    [AZ],
                ),
                (
                    "De zelf- en samenredzaamheid van de Oekraïense ontheemden stimuleren, door dienstverlening en "
                    'ondersteuning daarop aan te passen. Inzet op "community": bewoners zoveel mogelijk betrekken en '
                    "verantwoordelijkheid geven",
                    [OEK],
                ),
                ("Innen eigen bijdrage en uitkering leefgeld (ISD en KCC)", [OEK]),
            ],
            "Communicatie en participatie": [
                ("Participatie met omwonenden bijvoorbeeld door middel van verdiepende focusgroepmeetings", []),
                ("(Begeleiden van) initiatieven voor participatie en betrokkenheid op locatie", [OEK]),
                ("Periodiek versturen nieuwsbrief: intern en naar omwonenden", [OEK]),
                (
                    "Integrale afstemming intern en extern over de impact op de Noordwijkse samenleving als gevolg van "
                    "de komst van asielzoekers (indien concreet zicht is op ingebruikname van een locatie)",
                    [AZ],
                ),
                ("Communicatie/participatie over nieuwe ontwikkelingen binnen het kabinetsbeleid", []),
            ],
        },
        # (text, type, desired direction, unit, computed code)
        "indicatoren": [
            ("Voldoen we aan taakstelling?", JA_NEE, "ja", "", "taakstelling_voldaan"),
            (
                "Zo nee, sturen we voldoende bij (of is het een expliciete keuze om iets niet te doen)?",
                JA_NEE,
                "ja",
                "",
                None,
            ),
            ("Doen we het slechter dan gemiddeld in de (sub)regio?", JA_NEE, "nee", "", "regio_slechter_dan_gemiddeld"),
            ("Deelname aan en succesratio inburgering", PERCENTAGE, "hoger", "%", "inburgering_succesratio"),
            (
                "Uitkomsten interviews met doelgroep zelf: voelen ze zich gezien/gehoord/geholpen?",
                TEKST,
                "geen",
                "",
                None,
            ),
            (
                "Uitkomsten inwonersenquête: is draagvlak voor nieuwkomers gelijk gebleven of gestegen?",
                SCORE,
                "gelijk_of_hoger",
                "",
                None,
            ),
        ],
    },
    {
        "nummer": 2,
        "naam": "Integrale samenhangende aanpak maatschappelijke partners",
        "omschrijving": (
            "Een goede integrale samenwerking tussen verschillende betrokken instanties en organisaties draagt "
            "bij aan het succes."
        ),
        "trekker": TREKKER_OPGAVETEAM,
        "subthemas": {
            "Externe samenwerking": [
                (
                    "Door uitvoering van de integrale samenhangende aanpak worden de partners in het veld en bestaande "
                    "netwerken actief betrokken door middel van brede themasessies",
                    [],
                ),
                (
                    "Actief informeren van partners in het veld, regio, provincie en Rijk over relevante ontwikkelingen "
                    "rondom de opgave in Noordwijk",
                    [],
                ),
                ("Deelname aan regionale regietafel (RRT) Holland-Rijnland (bestuurlijk + ambtelijk).", []),
                ("Deelname locatiehoofdenoverleg opvang OEK veiligheidsregio Holland Midden", [OEK]),
                ("Voortzetting van het Taalpact Bollenstreek & Oegstgeest om taalvaardigheid te bevorderen", []),
                (
                    "Deelname aan overleggen van Regionaal Bureau Leerrecht uit Leiden om (school)verzuim, vroegtijdig "
                    "schoolverlaten en thuiszitten actief tegen te gaan (i.s.m. team Onderwijs)",
                    [],
                ),
                ("Er worden goede contacten onderhouden met het COA en Vluchtelingenwerk.", []),
                ("Deelname aan Regio Deal sierteeltregio", []),
                ("Ambtelijk overleg met provincie Zuid-Holland (vanuit Wonen + RO)", []),
                (
                    "Betrokkenheid bij regionale versnellingsstafel Holland Rijnland met ministerie van BZK en "
                    "provincie ZH (vanuit Wonen)",
                    [],
                ),
            ],
        },
        "indicatoren": [
            ("Goed contact met (maatschappelijke) partners", PERCENTAGE, "hoger", "%", "partners_betrokken"),
            ("Mate van samenwerking in (sub)regio", SCORE, "hoger", "", None),
            ("Goede ambtelijke en bestuurlijke contacten met provincie en Rijk", JA_NEE, "ja", "", None),
        ],
    },
    {
        "nummer": 3,
        "naam": "Beleidsplan internationale werknemers",
        "omschrijving": "Uitvoering van het beleidsplan internationale werknemers.",
        "trekker": TREKKER_IW,
        "subthemas": {
            "Uitvoeringsplan internationale werknemers": [
                (
                    "Uitvoering geven aan uitvoeringsplan (8 actielijnen), monitoring en evaluatie van het beleidsplan "
                    "internationale werknemers",
                    [IW],
                ),
                ("Betrekken van raad, inwoners, ondernemers, maatschappelijke partners en de doelgroep zelf", [IW]),
            ],
        },
        "indicatoren": [
            (
                "Arbeidsmigranten in beeld: meer inschrijvingen van arbeidsmigranten in de RNI en de BRP",
                AANTAL,
                "hoger",
                "inschrijvingen",
                "iw_inschrijvingen_rni_brp",
            ),
            (
                "Vergunningen en woonkwaliteit op orde: een groter aantal vergunde woningen voldoet aan de "
                "kwaliteitsnormen",
                PERCENTAGE,
                "hoger",
                "%",
                "iw_woningen_voldoen_normen",
            ),
            ("Effectenrapportage opgenomen in Omgevingsvisie 2.0", JA_NEE, "ja", "", None),
            (
                "Meer woningen komen terug naar de lokale woningvoorraad welke eerst waren onttrokken",
                AANTAL,
                "hoger",
                "woningen",
                "iw_woningen_terug_in_voorraad",
            ),
            (
                "Huisvestingsinitiatieven voldoen aan aanvullende lokale voorwaarden",
                PERCENTAGE,
                "hoger",
                "%",
                "iw_initiatieven_voldoen",
            ),
            (
                "Informatievoorziening op orde: we bereiken arbeidsmigranten met informatie over wonen, werken, "
                "welzijn en zorg in Noordwijk (informatieapp en informatiepunt)",
                AANTAL,
                "hoger",
                "bereikt",
                "iw_informatiebereik",
            ),
            ("Uitkomsten interviews met doelgroep zelf: voelen ze zich gezien/ geholpen?", TEKST, "geen", "", None),
            (
                "Uitkomsten inwonersenquête: is draagvlak gelijk gebleven of gestegen?",
                SCORE,
                "gelijk_of_hoger",
                "",
                None,
            ),
        ],
    },
    {
        "nummer": 4,
        "naam": "Evaluatie - juni 2027",
        "omschrijving": "",
        "trekker": TREKKER_OPGAVEMANAGER,
        "subthemas": {
            "": [
                ("Collegevoorstel evaluatie", []),
                ("Bepalen of een vervolgopdracht wenselijk is", []),
            ],
        },
        "indicatoren": [],
    },
]
