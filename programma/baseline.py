"""Baseline of the programme: the four lines, their sub-themes, every action and indicator of Bijlage 1.

Idempotent: keyed on the line number and on the fixed codes (B1-<lijn>-<nn> for actions, M-<lijn>-<nn>
for indicators). Texts and placement follow the document on every run; what advisors maintain
(status, dates, target values, tags) is only set when the record is first created.
"""

from datetime import date

from noordwijk_migratie.models import Doelgroep

from .bijlage1 import PROGRAMMALIJNEN
from .models import Actie, Indicator, Programmalijn, Subthema

# Bijlage 1 dates programme line 4 (evaluation) to June 2027.
GEPLAND_EIND = {4: date(2027, 6, 30)}


def actie_code(lijn: int, volgnummer: int) -> str:
    return f"B1-{lijn}-{volgnummer:02d}"


def indicator_code(lijn: int, volgnummer: int) -> str:
    return f"M-{lijn}-{volgnummer:02d}"


def laad(log):
    doelgroepen = {d.code: d for d in Doelgroep.objects.all()}
    n_acties = n_indicatoren = 0
    for gegevens in PROGRAMMALIJNEN:
        lijn, _ = Programmalijn.objects.update_or_create(
            nummer=gegevens["nummer"],
            defaults={"naam": gegevens["naam"]},
            create_defaults={
                "naam": gegevens["naam"],
                "omschrijving": gegevens["omschrijving"],
                "trekker": gegevens["trekker"],
            },
        )
        volgnummer = 0
        for s_volgorde, (subnaam, acties) in enumerate(gegevens["subthemas"].items(), start=1):
            subthema = None
            if subnaam:
                subthema, _ = Subthema.objects.update_or_create(
                    programmalijn=lijn, naam=subnaam, defaults={"volgorde": s_volgorde}
                )
            for tekst, tags in acties:
                volgnummer += 1
                actie, aangemaakt = Actie.objects.update_or_create(
                    code=actie_code(lijn.nummer, volgnummer),
                    defaults={
                        "programmalijn": lijn,
                        "subthema": subthema,
                        "volgnummer": volgnummer,
                        "tekst": tekst,
                        "uit_bijlage1": True,
                    },
                    create_defaults={
                        "programmalijn": lijn,
                        "subthema": subthema,
                        "volgnummer": volgnummer,
                        "tekst": tekst,
                        "uit_bijlage1": True,
                        "trekker": gegevens["trekker"],
                        "gepland_eind": GEPLAND_EIND.get(lijn.nummer),
                    },
                )
                if aangemaakt:
                    actie.doelgroepen.set([doelgroepen[t] for t in tags])
                n_acties += 1
        for i, (tekst, type_, richting, eenheid, berekening) in enumerate(gegevens["indicatoren"], start=1):
            vast = {
                "programmalijn": lijn,
                "volgnummer": i,
                "tekst": tekst,
                "berekening": berekening,
                "uit_bijlage1": True,
            }
            Indicator.objects.update_or_create(
                code=indicator_code(lijn.nummer, i),
                defaults=vast,
                create_defaults={**vast, "type": type_, "richting": richting, "eenheid": eenheid},
            )
            n_indicatoren += 1
    log(
        f"Programmalijnen: {Programmalijn.objects.count()}, acties uit Bijlage 1: {n_acties}, "
        f"indicatoren uit Bijlage 1: {n_indicatoren}"
    )
