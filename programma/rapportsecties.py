"""Report sections from the programme: action status (halfjaarrapportage) and, for the evaluation
report, per programme line the actions and every indicator with its series and trend (declared in
bijdragen.py)."""

from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder

from . import grafieken, queries
from .models import Indicator, Programmalijn

MAX_PUNTEN = 12  # latest measurements per series in the evaluation report


def _json(obj):
    """Dataclasses with dates/Decimals as plain JSON values (ISO dates)."""
    import json

    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


def programma_acties(peil):
    lijnen = queries.programma_overzicht(peil.datum)
    return {
        "lijnen": [{**_json(lijn), "totaal": lijn.statussen.totaal} for lijn in lijnen],
        "grafieken": [grafieken.acties_per_status(lijnen)] if lijnen else [],
    }


def programmalijn_sectie(nummer: int):
    def functie(peil):
        peildatum = peil.datum
        lijn = Programmalijn.objects.filter(nummer=nummer).first()
        if lijn is None:
            return {"sjabloon": "programmalijn", "leeg": True, "indicatoren": [], "grafieken": []}
        # only this line's actions (queries.acties_per_lijn would build every line's, four times per report)
        acties = queries.acties_van_lijn(lijn, peildatum)
        indicatoren = []
        for indicator in Indicator.objects.filter(programmalijn=lijn).order_by("code"):
            reeks = queries.indicator_reeks(indicator, tot=peildatum)
            # the report shows the latest points of each series (trend and chart); the indicator page
            # in the application has the whole series
            reeks.handmatig = reeks.handmatig[-MAX_PUNTEN:]
            reeks.berekend = reeks.berekend[-MAX_PUNTEN:]
            indicatoren.append({**_json(reeks), "grafiek": grafieken.indicator_verloop(reeks)})
        return {
            "sjabloon": "programmalijn",
            "lijn": {"nummer": lijn.nummer, "naam": lijn.naam},
            "afgerond": [_json(a) for a in acties if a.status == "afgerond"],
            "te_laat": [_json(a) for a in acties if a.te_laat],
            "bewust_niet": [_json(a) for a in acties if a.status == "bewust_niet"],
            "overig": sum(1 for a in acties if a.status != "afgerond" and not a.te_laat and a.status != "bewust_niet"),
            "indicatoren": indicatoren,  # each with its chart spec, drawn beside it (template filter `teken`)
        }

    return functie
