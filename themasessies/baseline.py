"""Baseline of the integral approach: the partners named in the Bestuursopdracht and the nine candidate
themes of chapter 3 ("Mogelijke thema's ... zijn bijvoorbeeld"). Idempotent (keyed on name/title);
what the team maintains later (status, votes, priority, contacts) is only set on creation."""

from .models import Partner, PartnerCategorie, Thema

PARTNERS = [
    (
        "COA (Centraal Orgaan opvang asielzoekers)",
        PartnerCategorie.UITVOERING,
        "Koppelt vergunninghouders aan gemeenten; goede contacten onderhouden (programmalijn 1 en 2).",
    ),
    (
        "Vluchtelingenwerk",
        PartnerCategorie.MAATSCHAPPELIJK,
        "Lid van de Werkgroep Huisvesting statushouders; goede contacten onderhouden.",
    ),
    (
        "ISD Bollenstreek",
        PartnerCategorie.UITVOERING,
        "Voert leefgeld en eigen bijdrage Oekraïense ontheemden uit; inburgering.",
    ),
    (
        "Woningcorporaties in Noordwijk",
        PartnerCategorie.CORPORATIE,
        "De twee corporaties in de Werkgroep Huisvesting statushouders (via team Wonen).",
    ),
    (
        "Provincie Zuid-Holland",
        PartnerCategorie.PROVINCIE,
        "Interbestuurlijk toezicht; ambtelijk overleg (vanuit Wonen + RO).",
    ),
    (
        "Holland Rijnland (regionale regietafel)",
        PartnerCategorie.REGIO,
        "Regionale regietafel (RRT), bestuurlijk en ambtelijk.",
    ),
    (
        "Veiligheidsregio Hollands Midden (locatiehoofdenoverleg OEK)",
        PartnerCategorie.VEILIGHEID,
        "Locatiehoofdenoverleg opvang Oekraïense ontheemden; verdeelt de opvangplekken.",
    ),
    ("Taalpact Bollenstreek & Oegstgeest", PartnerCategorie.ONDERWIJS, "Bevordert taalvaardigheid."),
    (
        "Regionaal Bureau Leerrecht Leiden",
        PartnerCategorie.ONDERWIJS,
        "Tegengaan van (school)verzuim, vroegtijdig schoolverlaten en thuiszitten (i.s.m. team Onderwijs).",
    ),
    ("Regio Deal Sierteeltregio", PartnerCategorie.REGIO, "Samenwerking rond internationale werknemers."),
    (
        "Ministerie van BZK (regionale versnellingstafel)",
        PartnerCategorie.RIJK,
        "Regionale versnellingstafel Holland Rijnland met ministerie van BZK en provincie ZH (vanuit Wonen).",
    ),
]

KANDIDAAT_THEMAS = [
    "De integratie en participatie van statushouders",
    "De achterstand in de taakstelling huisvesting statushouders en de gevolgen van doorstroomlocaties zoals de "
    "gemeentelijke panden en de plekken in Trampoline II",
    "De impact van nieuwkomers op het onderwijs en kinderopvang",
    "Voorlichting, preventie en zorg aan nieuwkomers",
    "Wensen, behoeften en perspectieven van de doelgroep zelf",
    "De consequenties van het verbod op voorrang huisvesting statushouders en het afschaffen van de taakstelling "
    "(indien hierover meer bekend is)",
    "Het toekomstperspectief voor Oekraïense ontheemden (indien hierover meer bekend is)",
    "De komst van asielzoekers (indien concreet zicht is op ingebruikname van een locatie)",
    "Nieuwe ontwikkelingen n.a.v. kabinetsbeleid",
]


def laad(log):
    for naam, categorie, omschrijving in PARTNERS:
        Partner.objects.update_or_create(
            naam=naam,
            defaults={"uit_bestuursopdracht": True},
            create_defaults={"categorie": categorie, "omschrijving": omschrijving, "uit_bestuursopdracht": True},
        )
    for titel in KANDIDAAT_THEMAS:
        Thema.objects.update_or_create(
            titel=titel,
            defaults={"uit_bestuursopdracht": True},
            create_defaults={
                "uit_bestuursopdracht": True,
                "toelichting": "Mogelijk thema uit de bestuursopdracht (hoofdstuk 3).",
            },
        )
    log(f"Partners uit de bestuursopdracht: {len(PARTNERS)}, kandidaat-thema's: {len(KANDIDAAT_THEMAS)}")
