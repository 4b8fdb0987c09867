"""Computed "Meetbaar door" indicators of programme line 3 (beleidsplan internationale werknemers)."""

from datetime import date

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum, getal, saldo
from noordwijk_migratie.indicatoren import Berekend

from . import queries, rules


def _getal(waarde) -> str:
    return _("onbekend") if waarde is None else getal(waarde)


def inschrijvingen_rni_brp(peildatum: date) -> Berekend | None:
    trend = rules.registratie_trend(queries.laad_registratiepunten(peildatum), peildatum)
    laatste = trend.laatste
    if laatste is None:
        return None
    toelichting = _("Stand %(datum)s: RNI %(rni)s, BRP %(brp)s.") % {
        "datum": datum(laatste.peildatum),
        "rni": _getal(laatste.rni),
        "brp": _getal(laatste.brp),
    }
    if trend.vorige is None:
        toelichting += " " + _("Er is geen eerdere stand om mee te vergelijken.")
    elif trend.verschil_totaal is None:
        toelichting += " " + _(
            "Niet vergelijkbaar met de vorige stand (%(datum)s): niet dezelfde registers ingevuld."
        ) % {"datum": datum(trend.vorige.peildatum)}
    else:
        toelichting += " " + _("Ten opzichte van %(datum)s: %(verschil)s (%(richting)s).") % {
            "datum": datum(trend.vorige.peildatum),
            "verschil": saldo(trend.verschil_totaal),
            "richting": _(trend.richting),
        }
    return Berekend(waarde=laatste.totaal, toelichting=toelichting)


def woningen_voldoen_normen(peildatum: date) -> Berekend | None:
    punt = rules.kwaliteit_op(queries.laad_woningstanden(), peildatum)
    if not punt.vergund:
        return None
    return Berekend(
        waarde=punt.aandeel,
        toelichting=_(
            "%(voldoet)s van %(vergund)s vergunde woningen voldoen bij de laatste inspectie aan alle normen "
            "(%(zonder)s nog niet geïnspecteerd, geteld als niet voldoend)."
        )
        % {"voldoet": punt.voldoet, "vergund": punt.vergund, "zonder": punt.zonder_inspectie},
    )


def woningen_terug_in_voorraad(peildatum: date) -> Berekend | None:
    woningen = queries.laad_woningstanden()
    if not any(w.onttrokken_op for w in woningen):
        return None
    terug = rules.terug_in_voorraad(woningen, peildatum)
    return Berekend(
        waarde=terug,
        toelichting=_("%(terug)s woningen terug in de lokale woningvoorraad; %(onttrokken)s nog onttrokken.")
        % {"terug": terug, "onttrokken": rules.onttrokken_op_datum(woningen, peildatum)},
    )


def initiatieven_voldoen(peildatum: date) -> Berekend | None:
    voldoen, beoordeeld, aandeel = rules.aandeel_initiatieven_voldoen(queries.laad_toetsingen())
    if not beoordeeld:
        return None
    return Berekend(
        waarde=aandeel,
        toelichting=_("%(voldoen)s van %(beoordeeld)s volledig beoordeelde initiatieven voldoen aan alle criteria.")
        % {"voldoen": voldoen, "beoordeeld": beoordeeld},
    )


def informatiebereik(peildatum: date) -> Berekend | None:
    bereik = rules.laatste_bereik(queries.laad_bereik(), peildatum)
    if bereik is None:
        return None
    return Berekend(
        waarde=bereik.totaal,
        toelichting=_("Periode %(van)s – %(tot)s: informatieapp %(app)s, informatiepunt %(punt)s.")
        % {
            "van": datum(bereik.periode_start),
            "tot": datum(bereik.periode_eind),
            "app": _getal(bereik.per_kanaal.get("informatieapp")),
            "punt": _getal(bereik.per_kanaal.get("informatiepunt")),
        },
    )
