"""Report sections from the programme: action status (halfjaarrapportage) and, for the evaluation
report, per programme line the actions and every indicator with its series and trend (declared in
bijdragen.py)."""

from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.charts import grafiek_staaf

from . import services
from .models import Indicator, Programmalijn

MAX_PUNTEN = 12  # latest measurements per series in the evaluation report


def _json(obj):
    """Dataclasses with dates/Decimals as plain JSON values (ISO dates)."""
    import json

    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


def programma_acties(peil):
    lijnen = services.programma_overzicht(peil.datum)
    return {
        "lijnen": [{**_json(lijn), "totaal": lijn.statussen.totaal} for lijn in lijnen],
        "grafieken": [
            grafiek_staaf(
                _("Acties per programmalijn naar status"),
                [f"Lijn {lijn.nummer}" for lijn in lijnen],
                {
                    label: [(f"Lijn {lijn.nummer}", getattr(lijn.statussen, veld)) for lijn in lijnen]
                    for veld, label in (
                        ("niet_gestart", _("niet gestart")),
                        ("loopt", _("loopt")),
                        ("afgerond", _("afgerond")),
                        ("vertraagd", _("vertraagd")),
                        ("bewust_niet", _("bewust niet uitgevoerd")),
                    )
                },
                gestapeld=True,
                y_label=_("acties"),
            )
        ]
        if lijnen
        else [],
    }


def programmalijn_sectie(nummer: int):
    def functie(peil):
        peildatum = peil.datum
        lijn = Programmalijn.objects.filter(nummer=nummer).first()
        if lijn is None:
            return {"sjabloon": "programmalijn", "leeg": True, "indicatoren": [], "grafieken": []}
        # only this line's actions (services.acties_per_lijn would build every line's, four times per report)
        acties = [services._actie_kort(a, peildatum) for a in services._acties_qs().filter(programmalijn=lijn)]
        indicatoren = []
        for indicator in Indicator.objects.filter(programmalijn=lijn).order_by("code"):
            reeks = services.indicator_reeks(indicator, tot=peildatum)
            # the report shows the latest points of each series (trend and chart); the indicator page
            # in the application has the whole series
            reeks.handmatig = reeks.handmatig[-MAX_PUNTEN:]
            reeks.berekend = reeks.berekend[-MAX_PUNTEN:]
            spec = services.reeks_grafiek_spec(reeks)
            indicatoren.append({**_json(reeks), "grafiek": spec})
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
