"""Sections of the halfjaarrapportage filled from the taakstelling services (snapshot = plain JSON);
declared in bijdragen.py."""

from dataclasses import asdict
from datetime import date, timedelta

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_staaf

from . import panelen, services
from .models import Periode


def _periode_dict(p: services.PeriodeResultaat | None) -> dict | None:
    if p is None:
        return None
    return {**asdict(p), "saldo_begin_tekst": p.saldo_begin_tekst, "saldo_eind_tekst": p.saldo_eind_tekst}


def verslagperiode(peildatum: date) -> Periode | None:
    """The period the report is about: the one that ended the day before the peildatum, else the
    latest period that started before it."""
    return (
        Periode.objects.filter(einddatum=peildatum - timedelta(days=1)).first()
        or Periode.objects.filter(begindatum__lt=peildatum).order_by("-begindatum").first()
    )


def statushouders_kerncijfers(peil):
    kern = panelen.kerncijfers(peil)
    return {
        **asdict(kern),
        "periode": _periode_dict(kern.periode),
        "laatste_afgesloten": _periode_dict(kern.laatste_afgesloten),
    }


def taakstelling_perioden(peil):
    perioden = panelen.overzicht(peil)
    labels = [p.label for p in perioden]
    return {
        "perioden": [_periode_dict(p) for p in perioden],
        "grafieken": [
            grafiek_staaf(
                _("Gecorrigeerde taakstelling en realisatie per periode"),
                labels,
                {
                    _("Gecorrigeerd"): [(p.label, p.gecorrigeerd) for p in perioden],
                    _("Realisatie"): [(p.label, p.realisatie) for p in perioden],
                    _("Saldo eind"): [(p.label, p.saldo_eind) for p in perioden],
                },
                y_label=_("personen"),
            )
        ],
    }


def coa_afstemming(peil):
    periode = verslagperiode(peil.datum)
    if periode is None:
        return {"periode": None, "rijen": []}
    return {
        "periode": periode.label,
        "rijen": [asdict(r) for r in services.coa_afstemming(periode, peil.datum)],
    }


def interventieladder(peil):
    return asdict(services.interventieladder_status(peil.datum, panelen.overzicht(peil)))


def regio_vergelijking(peil):
    periode = verslagperiode(peil.datum)
    if periode is None:
        return {"periode": None, "rijen": []}
    vergelijking = services.regio_vergelijking(periode, peil.datum)
    rijen = [r for r in vergelijking.rijen if r.pct_gerealiseerd is not None]
    return {
        **asdict(vergelijking),
        "grafieken": [
            grafiek_staaf(
                _("Percentage van de gecorrigeerde taakstelling gerealiseerd, %(periode)s") % {"periode": periode.label},
                [r.gemeente for r in rijen],
                {_("% gerealiseerd"): [(r.gemeente, round(r.pct_gerealiseerd, 1)) for r in rijen]},
                y_label="%",
                referentielijnen=[(_("gemiddelde subregio"), round(vergelijking.subregio_gemiddeld_pct, 1))]
                if vergelijking.subregio_gemiddeld_pct is not None
                else (),
            )
        ]
        if rijen
        else [],
    }
