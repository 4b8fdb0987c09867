"""Sections of the halfjaarrapportage filled from the taakstelling services (snapshot = plain JSON)."""

from dataclasses import asdict
from datetime import date, timedelta

from django.conf import settings
from django.utils.translation import gettext as _

from rapportage.secties import HALFJAAR, grafiek_staaf, sectie

from . import services
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


@sectie(HALFJAAR, "statushouders_kerncijfers", _("Statushouders: stand van de taakstelling"), volgorde=20)
def statushouders_kerncijfers(peildatum):
    if not settings.MODULE_TAAKSTELLING_ACTIEF:
        return {"uit": True}
    kern = services.statushouders_kerncijfers(peildatum)
    return {
        **asdict(kern),
        "periode": _periode_dict(kern.periode),
        "laatste_afgesloten": _periode_dict(kern.laatste_afgesloten),
    }


@sectie(HALFJAAR, "taakstelling_perioden", _("Taakstelling per periode"), volgorde=30)
def taakstelling_perioden(peildatum):
    if not settings.MODULE_TAAKSTELLING_ACTIEF:
        return {"uit": True}
    perioden = services.periode_overzicht(peildatum)
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


@sectie(HALFJAAR, "coa_afstemming", _("Afstemming met het COA"), volgorde=40)
def coa_afstemming(peildatum):
    periode = verslagperiode(peildatum) if settings.MODULE_TAAKSTELLING_ACTIEF else None
    if periode is None:
        return {"periode": None, "rijen": []}
    return {
        "periode": periode.label,
        "rijen": [asdict(r) for r in services.coa_afstemming(periode, peildatum)],
    }


@sectie(HALFJAAR, "interventieladder", _("Interbestuurlijk toezicht: interventieladder"), volgorde=50)
def interventieladder(peildatum):
    if not settings.MODULE_TAAKSTELLING_ACTIEF:
        return {"uit": True}
    return asdict(services.interventieladder_status(peildatum))


@sectie(HALFJAAR, "regio_vergelijking", _("Vergelijking met de (sub)regio"), volgorde=60)
def regio_vergelijking(peildatum):
    periode = verslagperiode(peildatum) if settings.MODULE_TAAKSTELLING_ACTIEF else None
    if periode is None:
        return {"periode": None, "rijen": []}
    vergelijking = services.regio_vergelijking(periode, peildatum)
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
