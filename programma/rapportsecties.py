"""Report sections from the programme: action status (halfjaarrapportage) and, for the evaluation
report, per programme line the actions and every indicator with its series and trend (declared in
bijdragen.py)."""

from dataclasses import asdict, dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import lange_datum

from . import grafieken, queries
from .models import Indicator, Programmalijn
from .rules import PROGRAMMA_START, StatusTelling, is_te_laat, tel_statussen

MAX_PUNTEN = 12  # latest measurements per series in the evaluation report


def _json(obj):
    """Dataclasses with dates/Decimals as plain JSON values (ISO dates)."""
    import json

    return json.loads(json.dumps(asdict(obj), cls=DjangoJSONEncoder))


# The "Meetbaar door" question of Bijlage 1 answered from the actions of its line (programme line 1).
BIJSTUREN = "Zo nee, sturen we voldoende bij"


def _trede(peildatum) -> str:
    """The rung of the province's interventieladder on ``peildatum`` as a sentence ('' while the statushouders
    module is switched off)."""
    from noordwijk_migratie import registry

    taakstelling = registry.app("taakstelling")
    if taakstelling is None or not taakstelling.actief:
        return ""
    from taakstelling.queries import tredehistorie

    stap = next(iter(tredehistorie(peildatum)), None)
    if stap is None:
        return _("Interbestuurlijk toezicht: op %(datum)s is geen trede van de interventieladder vastgelegd.") % {
            "datum": lange_datum(peildatum)
        }
    return _("Interbestuurlijk toezicht: trede %(trede)s van de interventieladder (%(naam)s) sinds %(sinds)s.") % {
        "trede": stap.nummer,
        "naam": stap.naam,
        "sinds": lange_datum(stap.vanaf),
    }


def _bijsturen(acties, peildatum) -> str:
    """Whether the college steers: the trede on the peildatum, the line's actions running and planned, and the
    ones deliberately not done with their reason."""
    lopend = [a for a in acties if a.status in ("loopt", "vertraagd")]
    gepland = [a for a in acties if a.status == "niet_gestart"]
    bewust_niet = [a for a in acties if a.status == "bewust_niet"]
    tekst = _("Bijsturing volgens het programma: %(lopend)s acties lopen, %(gepland)s zijn gepland") % {
        "lopend": len(lopend),
        "gepland": len(gepland),
    }
    if bewust_niet:
        redenen = "; ".join(f"{a.code}: {a.reden_niet_uitvoeren}" for a in bewust_niet)
        tekst += _(", %(n)s bewust niet uitgevoerd, met als reden %(redenen)s.") % {
            "n": len(bewust_niet),
            "redenen": redenen,
        }
    else:
        tekst += _(", geen actie is bewust niet uitgevoerd.")
    return f"{_trede(peildatum)} {tekst}".strip()


def antwoord(reeks, trekker: str, acties, peildatum) -> dict:
    """The answer to one "Meetbaar door" question: the latest computed or measured value, or which
    measurement is missing since when and who should supply it."""
    if reeks.berekend:
        m = reeks.berekend[-1]
        tekst = _("Berekend op %(datum)s: %(waarde)s.") % {"datum": lange_datum(m.datum), "waarde": m.weergave}
        return {"soort": "berekend", "tekst": f"{tekst} {m.toelichting}".strip()}
    if reeks.handmatig:
        m = reeks.handmatig[-1]
        tekst = _("Gemeten op %(datum)s: %(waarde)s.") % {"datum": lange_datum(m.datum), "waarde": m.weergave}
        if m.bron:
            tekst += " " + _("Bron: %(bron)s.") % {"bron": m.bron}
        return {"soort": "gemeten", "tekst": tekst}
    if reeks.tekst.startswith(BIJSTUREN):
        return {"soort": "berekend", "tekst": _bijsturen(acties, peildatum)}
    wat = _("de gegevens waaruit de applicatie dit berekent") if reeks.berekenbaar else _("een meting")
    return {
        "soort": "ontbreekt",
        "tekst": _("Ontbreekt sinds %(sinds)s: %(wat)s, aan te leveren door %(wie)s.")
        % {"sinds": lange_datum(PROGRAMMA_START), "wat": wat, "wie": trekker},
    }


@dataclass
class _LijnStand:
    """A programme line's actions on the peildatum as the halfjaarrapportage shows them."""

    nummer: int
    naam: str
    statussen: StatusTelling
    te_laat: list[dict]


def programma_acties(peil):
    """Per programme line the status counts of its actions on the peildatum and its overdue actions.

    One query for the figures: every action's status on the peildatum in SQL (``queries.acties_op``, as
    the dashboard's signal), counted by the programme's rules (``tel_statussen``, ``is_te_laat``); the
    report needs no action objects (``queries.programma_overzicht`` builds one per action, for the pages).
    """
    peildatum = peil.datum
    per_lijn: dict[int, list] = {}
    for lijn_id, status, gepland_eind, code, tekst in queries.acties_op(peildatum).values_list(
        "programmalijn_id", "status_op", "gepland_eind", "code", "tekst"
    ):
        per_lijn.setdefault(lijn_id, []).append((status, gepland_eind, code or "", tekst))
    lijnen = [
        _LijnStand(
            nummer,
            naam,
            tel_statussen(((a[0], a[1]) for a in acties), peildatum),
            [{"code": a[2], "tekst": a[3]} for a in acties if is_te_laat(a[0], a[1], peildatum)],
        )
        for pk, nummer, naam in Programmalijn.objects.values_list("pk", "nummer", "naam")
        for acties in [per_lijn.get(pk, [])]
    ]
    return {
        "lijnen": [{**asdict(lijn), "totaal": lijn.statussen.totaal} for lijn in lijnen],
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
        lijst = list(Indicator.objects.filter(programmalijn=lijn).select_related("programmalijn").order_by("code"))
        # the report shows the latest points of each series (trend and chart); the indicator page
        # in the application has the whole series
        metingen = queries.laatste_metingen(lijst, peildatum, MAX_PUNTEN)
        for indicator in lijst:
            reeks = queries.indicator_reeks(indicator, tot=peildatum, metingen=metingen.get(indicator.pk, []))
            reeks.berekend = reeks.berekend[-MAX_PUNTEN:]
            indicatoren.append(
                {
                    **_json(reeks),
                    "antwoord": antwoord(reeks, lijn.get_trekker_display(), acties, peildatum),
                    "grafiek": grafieken.indicator_verloop(reeks),
                }
            )
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
