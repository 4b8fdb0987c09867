"""Evaluation report: the theme sessions held and the involvement of the partners."""

import json
from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder

from programma.rules import PROGRAMMA_START

from . import grafieken, queries


def _json(obj):
    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


def themasessies(peil):
    peildatum = peil.datum
    van = min(PROGRAMMA_START, peildatum)
    sessies = queries.sessies_in_periode(van, peildatum)
    betrokkenheid = queries.partner_betrokkenheid(van, peildatum)
    kern = queries.themasessies_kerncijfers(peildatum)
    partners = [p for p in betrokkenheid.partners if p.uitgenodigd or p.uit_bestuursopdracht]
    return {
        "van": van.isoformat(),
        "sessies": [_json(s) for s in sessies],
        "partners": [_json(p) for p in partners],
        "kerncijfers": _json(kern),
        "grafieken": [grafieken.uitnodigingen_en_aanwezigheid(partners)] if sessies else [],
    }
