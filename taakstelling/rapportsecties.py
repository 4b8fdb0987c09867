"""Sections of the halfjaarrapportage filled from the taakstelling queries (snapshot = plain JSON);
declared in bijdragen.py."""

from dataclasses import asdict
from datetime import date, timedelta

from . import grafieken, panelen, queries
from .models import Periode
from .rules import PeriodeResultaat


def _periode_dict(p: PeriodeResultaat | None) -> dict | None:
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
    return {"perioden": [_periode_dict(p) for p in perioden], "grafieken": grafieken.perioden(perioden)}


def coa_afstemming(peil):
    periode = verslagperiode(peil.datum)
    if periode is None:
        return {"periode": None, "rijen": []}
    return {
        "periode": periode.label,
        "rijen": [asdict(r) for r in queries.coa_afstemming(periode, peil.datum)],
    }


def interventieladder(peil):
    return asdict(queries.interventieladder_status(peil.datum, panelen.overzicht(peil)))


def regio_vergelijking(peil):
    periode = verslagperiode(peil.datum)
    if periode is None:
        return {"periode": None, "rijen": []}
    vergelijking = queries.regio_vergelijking(periode, peil.datum)
    return {**asdict(vergelijking), "grafieken": grafieken.regio(vergelijking)}
