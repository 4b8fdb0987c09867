"""Evaluation report: the theme sessions held and the involvement of the partners."""

import json
from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.charts import grafiek_staaf
from programma.services import PROGRAMMA_START

from . import services


def _json(obj):
    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


def themasessies(peil):
    peildatum = peil.datum
    van = min(PROGRAMMA_START, peildatum)
    sessies = services.sessies_in_periode(van, peildatum)
    betrokkenheid = services.partner_betrokkenheid(van, peildatum)
    kern = services.themasessies_kerncijfers(peildatum)
    partners = [p for p in betrokkenheid.partners if p.uitgenodigd or p.uit_bestuursopdracht]
    return {
        "van": van.isoformat(),
        "sessies": [_json(s) for s in sessies],
        "partners": [_json(p) for p in partners],
        "kerncijfers": _json(kern),
        "grafieken": [
            grafiek_staaf(
                _("Uitnodigingen en aanwezigheid per partner"),
                [p.naam for p in partners],
                {_("Uitgenodigd"): [(p.naam, p.uitgenodigd) for p in partners],
                 _("Aanwezig"): [(p.naam, p.aanwezig) for p in partners]},
                y_label=_("sessies"),
            )
        ] if sessies else [],
    }
