"""The opgavemanager's dashboard: one panel per doelgroep plus signals, read from the apps' services.

The panels are plain JSON-serialisable dicts (charts as data, see ``rapportage.secties``), so the
same figures appear on the dashboard and in the halfjaarrapportage for a peildatum. Nothing here
recomputes the domain arithmetic; it only selects and labels what the services return.

The dashboard is cached per peildatum through ``noordwijk_migratie.cache.gecachet``: every save or
delete of a project model raises the data version in its key, so it never shows stale figures.
"""

from dataclasses import asdict
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.cache import gecachet

from .secties import grafiek_lijn, grafiek_staaf

STATUS_KLASSE = {"op_schema": "ok", "risico": "risico", "achter": "achter"}


def _cijfer(label, waarde, url=None, eenheid=""):
    return {"label": str(label), "waarde": waarde, "eenheid": eenheid, "url": url}


def _paneel(code, titel, url, status, status_label, regel, cijfers, grafieken=(), toelichting=""):
    return {
        "code": code,
        "titel": str(titel),
        "url": url,
        "status": status if status in STATUS_KLASSE else "onbekend",
        "status_klasse": STATUS_KLASSE.get(status, "onbekend"),
        "status_label": str(status_label),
        "regel": str(regel),
        "toelichting": str(toelichting),
        "cijfers": cijfers,
        "grafieken": list(grafieken),
    }


def als_sectie(paneel: dict | None) -> dict:
    """A panel as the data of a report section (template pdf/secties/paneel.html)."""
    return {**(paneel or {"leeg": True, "cijfers": [], "grafieken": []}), "sjabloon": "paneel"}


def statushouders_paneel(peildatum: date, kern=None, overzicht=None) -> dict | None:
    """``kern``/``overzicht``: the taakstelling figures on ``peildatum`` if the caller already has them."""
    if not settings.MODULE_TAAKSTELLING_ACTIEF:
        return None
    from taakstelling import services

    overzicht = services.periode_overzicht(peildatum) if overzicht is None else overzicht
    kern = services.statushouders_kerncijfers(peildatum, overzicht) if kern is None else kern
    p = kern.periode
    index = reverse("taakstelling:index")
    cijfers = []
    if p is not None:
        cijfers = [
            _cijfer(_("Periode"), p.label, reverse("taakstelling:periode_detail", args=[p.id]) if p.id else index),
            _cijfer(_("Netto taakstelling"), p.netto),
            _cijfer(_("Saldo begin"), p.saldo_begin_tekst),
            _cijfer(_("Gecorrigeerde taakstelling"), p.gecorrigeerd),
            _cijfer(
                _("Gerealiseerd (%(bron)s)") % {"bron": p.bron_tekst},
                p.realisatie,
                reverse("taakstelling:plaatsing_list"),
            ),
            _cijfer(_("COA-norm op schema"), p.op_schema_norm),
            _cijfer(_("Prognose einde periode"), kern.prognose_realisatie),
        ]
    elif kern.laatste_afgesloten is not None:
        laatst = kern.laatste_afgesloten
        cijfers = [
            _cijfer(
                _("Laatste afgesloten periode"),
                laatst.label,
                reverse("taakstelling:periode_detail", args=[laatst.id]) if laatst.id else index,
            ),
            _cijfer(_("Gecorrigeerde taakstelling"), laatst.gecorrigeerd),
            _cijfer(_("Gerealiseerd (%(bron)s)") % {"bron": laatst.bron_tekst}, laatst.realisatie),
            _cijfer(_("Saldo eind"), laatst.saldo_eind_tekst),
        ]
    cijfers.append(
        _cijfer(
            _("Interventieladder"),
            _("trede %(t)s") % {"t": kern.trede} if kern.trede else _("onbekend"),
            reverse("taakstelling:tredehistorie_list"),
        )
    )
    grafiek = grafiek_staaf(
        _("Realisatie tegen gecorrigeerde taakstelling"),
        [r.label for r in overzicht],
        {
            _("Gecorrigeerd"): [(r.label, r.gecorrigeerd) for r in overzicht],
            _("Realisatie"): [(r.label, r.realisatie) for r in overzicht],
        },
        y_label=_("personen"),
    )
    return _paneel(
        "statushouders",
        _("Statushouders"),
        index,
        kern.status,
        kern.status_tekst,
        kern.regel,
        cijfers,
        [grafiek] if overzicht else [],
        kern.toelichting,
    )


def opvang_paneel(doelgroep_code: str, titel, url_naam: str, peildatum: date, ref=None) -> dict | None:
    """``ref``: an opvang.services.Referentie shared by the panels of one dashboard. None when the
    doelgroep is not in the reference data (baseline not loaded yet)."""
    from opvang import services

    ref = ref or services.Referentie()
    if doelgroep_code not in ref.doelgroepen():
        return None

    o = services.doelgroep_overzicht(doelgroep_code, peildatum, ref)
    url = reverse(url_naam)
    cijfers = [
        _cijfer(_("Opgave"), o.opgave if o.opgave is not None else _("geen"), reverse("opvang:opgave_list")),
        _cijfer(_("Beschikbaar"), o.beschikbaar, url),
        _cijfer(_("Bezet"), o.bezet, reverse("opvang:bezetting_list")),
        _cijfer(_("Gat (opgave − beschikbaar)"), o.gat if o.gat is not None else "—"),
    ]
    if o.opgave_amv:
        cijfers.insert(1, _cijfer(_("waarvan AMV"), o.opgave_amv))
    reeks = services.bezetting_reeks(doelgroep_code, peildatum - timedelta(days=365), peildatum, ref)
    grafieken = (
        [
            grafiek_lijn(
                _("%(titel)s: opgave, beschikbaar en bezet") % {"titel": titel},
                {
                    _("Opgave"): [(p.datum, p.opgave) for p in reeks],
                    _("Beschikbaar"): [(p.datum, p.beschikbaar) for p in reeks],
                    _("Bezet"): [(p.datum, p.bezet) for p in reeks],
                },
                y_label=_("plaatsen"),
            )
        ]
        if reeks
        else []
    )
    return _paneel(
        doelgroep_code, titel, url, o.status, o.status_label, o.status_regel, cijfers, grafieken, o.status_toelichting
    )


def asiel_paneel(peildatum: date, ref=None) -> dict | None:
    from opvang import services

    ref = ref or services.Referentie()
    paneel = opvang_paneel("asielzoekers", _("Asielzoekers (Spreidingswet)"), "opvang:asielzoekers", peildatum, ref)
    if paneel is None:
        return None
    pijplijn = services.spreidingswet_pijplijn(peildatum, ref)
    paneel["cijfers"] = [
        _cijfer(_("Opgave"), f"{pijplijn.opgave or 0} (AMV {pijplijn.opgave_amv or 0})", reverse("opvang:opgave_list")),
        _cijfer(_("Gerealiseerd"), pijplijn.gerealiseerd),
        _cijfer(_("In voorbereiding"), pijplijn.in_voorbereiding, reverse("opvang:asielzoekers")),
        _cijfer(
            _("Ongedekt na pijplijn"),
            pijplijn.ongedekt_na_pijplijn if pijplijn.ongedekt_na_pijplijn is not None else "—",
        ),
    ]
    if pijplijn.cyclus_einde:
        paneel["cijfers"].append(_cijfer(_("Einde cyclus"), pijplijn.cyclus_einde.strftime("%d-%m-%Y")))
    paneel["grafieken"] = (
        [
            grafiek_staaf(
                _("Spreidingswet: geplande plaatsen per fase"),
                [f.label for f in pijplijn.fasen],
                {
                    _("Plaatsen"): [(f.label, f.plaatsen) for f in pijplijn.fasen],
                    _("AMV"): [(f.label, f.amv_plaatsen) for f in pijplijn.fasen],
                },
                y_label=_("plaatsen"),
                referentielijnen=[(_("opgave"), pijplijn.opgave)] if pijplijn.opgave else (),
            )
        ]
        if pijplijn.fasen
        else []
    )
    paneel["toelichting"] = pijplijn.toelichting
    return paneel


def iw_paneel(peildatum: date) -> dict:
    from internationale_werknemers import services

    k = services.iw_kerncijfers(peildatum)
    index = reverse("internationale_werknemers:index")
    onbekend = _("onbekend")
    cijfers = [
        _cijfer(
            _("Pilotbedden gepland"),
            k.pilot_bedden_gepland if k.pilot_bedden_gepland is not None else onbekend,
            reverse("internationale_werknemers:pilotlocatie_list"),
        ),
        _cijfer(
            _("Pilotbedden gerealiseerd"),
            k.pilot_bedden_gerealiseerd if k.pilot_bedden_gerealiseerd is not None else onbekend,
        ),
        _cijfer(
            _("Inschrijvingen RNI + BRP"),
            k.registraties_totaal if k.registraties_totaal is not None else onbekend,
            reverse("internationale_werknemers:registratiestand_list"),
        ),
        _cijfer(_("Trend inschrijvingen"), k.registraties_trend),
        _cijfer(
            _("Vergunde woningen die voldoen"),
            f"{k.aandeel_woningen_voldoen} %" if k.aandeel_woningen_voldoen is not None else onbekend,
            reverse("internationale_werknemers:woning_list"),
        ),
    ]
    reeks = services.registratie_reeks(peildatum - timedelta(days=730), peildatum)
    grafieken = (
        [
            grafiek_lijn(
                _("Inschrijvingen internationale werknemers in RNI en BRP"),
                {
                    "RNI": [(p.peildatum, p.rni) for p in reeks.punten],
                    "BRP": [(p.peildatum, p.brp) for p in reeks.punten],
                },
                y_label=_("inschrijvingen"),
            )
        ]
        if reeks.punten
        else []
    )
    return _paneel(
        "internationale-werknemers",
        _("Internationale werknemers"),
        index,
        k.status,
        k.status_label,
        k.status_regel,
        cijfers,
        grafieken,
    )


def signalen(peildatum: date, kern=None, ref=None, datums=None) -> list[dict]:
    """All warnings for the opgavemanager, each with a link to the page behind it."""
    uit: list[dict] = []
    if settings.MODULE_TAAKSTELLING_ACTIEF:
        from taakstelling import services as ts

        kern = ts.statushouders_kerncijfers(peildatum) if kern is None else kern
        lijst = reverse("taakstelling:plaatsing_list")
        if kern.koppelingen_over_termijn:
            uit.append(
                {
                    "ernst": "waarschuwing",
                    "url": f"{lijst}?signaal=koppeling",
                    "tekst": _("%(n)s koppeling(en) zonder woningaanbod binnen 10 weken")
                    % {"n": kern.koppelingen_over_termijn},
                }
            )
        if kern.verhuizingen_over_termijn:
            uit.append(
                {
                    "ernst": "waarschuwing",
                    "url": f"{lijst}?signaal=verhuizing",
                    "tekst": _("%(n)s huishouden(s) niet verhuisd binnen 2 weken na ingang huur")
                    % {"n": kern.verhuizingen_over_termijn},
                }
            )
        if kern.trede_waarschuwing:
            uit.append({"ernst": "kritiek", "url": reverse("taakstelling:index"), "tekst": kern.trede_toelichting})
    from opvang import services as ov

    for s in ov.signalen(peildatum, ref, datums):
        uit.append({"ernst": s.ernst, "tekst": s.tekst, "url": reverse("opvang:index")})
    uit.extend(_programma_signalen(peildatum))
    return uit


def _programma_signalen(peildatum: date) -> list[dict]:
    """Overdue actions and follow-ups and the next theme session (programma and themasessies)."""
    from programma import services as ps
    from themasessies import services as ths

    uit = []
    from programma.models import Actie

    te_laat = Actie.objects.filter(ps.te_laat_q(peildatum)).count()
    if te_laat:
        uit.append(
            {
                "ernst": "waarschuwing",
                "url": reverse("programma:index"),
                "tekst": _("%(n)s programma-actie(s) over de geplande einddatum") % {"n": te_laat},
            }
        )
    kern = ths.themasessies_kerncijfers(peildatum)
    if kern.vervolg_te_laat:
        uit.append(
            {
                "ernst": "waarschuwing",
                "url": reverse("themasessies:index"),
                "tekst": _("%(n)s vervolgactie(s) van themasessies over de deadline") % {"n": kern.vervolg_te_laat},
            }
        )
    if kern.volgende_sessie:
        uit.append(
            {
                "ernst": "info",
                "url": reverse("themasessies:index"),
                "tekst": _("Volgende themasessie: %(datum)s") % {"datum": f"{kern.volgende_sessie:%d-%m-%Y}"},
            }
        )
    return uit


def beleidsdatums(peildatum: date) -> list[dict]:
    from opvang import services as ov

    return [asdict(b) for b in ov.beleidsdatums(peildatum)]


def dashboard(peildatum: date) -> dict:
    """Everything the dashboard shows for ``peildatum``, cached until the data changes."""
    return gecachet(
        "dashboard", (peildatum.isoformat(), int(settings.MODULE_TAAKSTELLING_ACTIEF)), lambda: _bouw(peildatum)
    )


def _bouw(peildatum: date) -> dict:
    from opvang import services as ov

    # figures several panels and the signals share are read once per build
    ref = ov.Referentie()
    kern = overzicht = None
    if settings.MODULE_TAAKSTELLING_ACTIEF:
        from taakstelling import services as ts

        overzicht = ts.periode_overzicht(peildatum)
        kern = ts.statushouders_kerncijfers(peildatum, overzicht)
    datums = ov.beleidsdatums(peildatum)
    panelen = [
        statushouders_paneel(peildatum, kern, overzicht),
        opvang_paneel("oekraine", _("Oekraïense ontheemden"), "opvang:oekraine", peildatum, ref),
        asiel_paneel(peildatum, ref),
        iw_paneel(peildatum),
    ]
    return {
        "peildatum": peildatum.isoformat(),
        "panelen": [p for p in panelen if p is not None],
        "signalen": signalen(peildatum, kern, ref, datums),
        "beleidsdatums": [asdict(b) for b in datums],
    }
