"""Report sections from the programme: action status (halfjaarrapportage) and, for the evaluation
report, per programme line the actions and every indicator with its series and trend."""

from dataclasses import asdict

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from rapportage.secties import EVALUATIE, HALFJAAR, grafiek_staaf, sectie

from . import services
from .models import Indicator, Programmalijn

MAX_PUNTEN = 12  # latest measurements per series in the evaluation report


def _json(obj):
    """Dataclasses with dates/Decimals as plain JSON values (ISO dates)."""
    import json

    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


@sectie(HALFJAAR, "programma_acties", _("Voortgang van de acties uit het programma"), volgorde=90)
def programma_acties(peildatum):
    lijnen = services.programma_overzicht(peildatum)
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
    def functie(peildatum):
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


for _nummer, _titel in (
    (1, _("Programmalijn 1: wettelijke taken statushouders, asielopvang en Oekraïense ontheemden")),
    (2, _("Programmalijn 2: integrale samenhangende aanpak met maatschappelijke partners")),
    (3, _("Programmalijn 3: beleidsplan internationale werknemers")),
    (4, _("Programmalijn 4: evaluatie juni 2027")),
):
    sectie(EVALUATIE, f"programmalijn_{_nummer}", _titel, volgorde=20 + _nummer)(programmalijn_sectie(_nummer))
