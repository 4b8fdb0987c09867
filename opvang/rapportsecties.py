"""The section "Komende besluiten en termijnen" of the halfjaarrapportage (declared in bijdragen.py): the
policy dates and cycle ends of the dashboard's countdown (:func:`opvang.panelen.termijnen`) and the planned
milestones of the locations (collegebesluit, raadsbesluit, …), as they stood on the peildatum. A date that had
passed on the peildatum is listed as passed, with what became of it, never as still to come."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import getal, lange_datum

from . import panelen, queries, rules
from .models import Fase


def _sinds(peildatum: date) -> date:
    """Passed dates are reported for the year before the peildatum (two halfjaarrapportages)."""
    return peildatum - timedelta(days=365)


def _zin(*delen: str) -> str:
    """The non-empty parts as sentences, each ending in a full stop."""
    return " ".join(d if d.endswith((".", "!", "?")) else f"{d}." for d in (d.strip() for d in delen) if d)


def _item(naam: str, dag: date, peildatum: date, toelichting: str = "", bron: str = "", status: str = "") -> dict:
    """One decision or deadline; ``status`` "komend", "verstreken" (its date passed) or "vervallen" (its
    location was stopped)."""
    return {
        "naam": naam,
        "datum": dag.isoformat(),
        "dagen": (dag - peildatum).days,
        "status": status or ("verstreken" if dag < peildatum else "komend"),
        "toelichting": toelichting,
        "bron": bron,
    }


def _opvolger(opgave: rules.OpgaveWaarde | None, einde: date) -> str:
    """What followed a cycle that ended on ``einde``: the opgave in force after it, or that none is entered."""
    if opgave is None or opgave.geldig_vanaf <= einde:
        return _("De cyclus is afgelopen; een opgave voor een volgende cyclus is nog niet ingevoerd.")
    plaatsen = (
        _("%(n)s plaatsen") % {"n": getal(opgave.plaatsen)}
        if opgave.plaatsen is not None
        else _("het aantal plaatsen voor Noordwijk is nog onbekend")
    )
    einde_nieuw = lange_datum(opgave.cyclus_einde) if opgave.cyclus_einde else _("nog onbekend")
    return _(
        "De cyclus is afgelopen. Sinds %(vanaf)s geldt de opgave van de volgende cyclus: %(plaatsen)s; het einde "
        "van die cyclus is %(einde)s."
    ) % {"vanaf": lange_datum(opgave.geldig_vanaf), "plaatsen": plaatsen, "einde": einde_nieuw}


def _cycli(peil, sinds: date) -> tuple[list[dict], list[dict]]:
    """Per doelgroep the cycle ends that passed since ``sinds`` (with what followed) and a running cycle whose
    end is not known yet (after a cycle that had one)."""
    peildatum = peil.datum
    ref = panelen.referentie(peil)
    verstreken, onbekend = [], []
    for doelgroep in ref.doelgroepen().values():
        geldend = ref.opgave_op(doelgroep.code, peildatum)
        eerder = [o for o in ref.opgaven(doelgroep.code) if o.geldig_vanaf <= peildatum and o.cyclus_einde]
        naam = _("Einde cyclus opgave %(doelgroep)s") % {"doelgroep": doelgroep.naam}
        for o in eerder:
            if o is not geldend and sinds <= o.cyclus_einde < peildatum:  # the one in force: panelen.termijnen
                verstreken.append(_item(naam, o.cyclus_einde, peildatum, _opvolger(geldend, o.cyclus_einde), o.bron))
        if geldend is not None and geldend.cyclus_einde is None and any(o is not geldend for o in eerder):
            onbekend.append(
                {
                    "naam": naam,
                    "toelichting": _(
                        "De cyclus die op %(vanaf)s begon, heeft nog geen bekende einddatum; de opgave voor Noordwijk "
                        "is %(plaatsen)s."
                    )
                    % {
                        "vanaf": lange_datum(geldend.geldig_vanaf),
                        "plaatsen": getal(geldend.plaatsen) if geldend.plaatsen is not None else _("nog onbekend"),
                    },
                    "bron": geldend.bron,
                }
            )
    return verstreken, onbekend


def _mijlpalen(peildatum: date, sinds: date) -> list[dict]:
    """The planned milestones of the locations (collegebesluit, raadsbesluit, …): dated from the peildatum on
    they are still to come; still "gepland" after their date they passed unreached; of a location stopped by
    the peildatum they lapsed with it. A milestone reached after the peildatum is left out: whether it was
    planned on the peildatum is not recorded."""
    uit = []
    for locatie in queries.locaties_met_mijlpalen_sinds(sinds):
        mijlpalen = list(locatie.mijlpalen.all())
        gestopt = rules.fase_op([(m.fase, m.datum, m.gepland) for m in mijlpalen], peildatum) == Fase.BEEINDIGD
        einde = next((m for m in mijlpalen if m.fase == Fase.BEEINDIGD and not m.gepland), None)
        for m in (m for m in mijlpalen if m.gepland and m.datum is not None and m.datum >= sinds):
            naam = f"{rules.fase_label(m.fase)}: {locatie.naam}"
            if gestopt:
                zin = _("Vervallen: de locatie is op %(datum)s beëindigd.") % {
                    "datum": lange_datum(einde.datum) if einde and einde.datum else _("een onbekende datum")
                }
                reden = einde.besluit_referentie if einde else ""
                uit.append(_item(naam, m.datum, peildatum, _zin(zin, reden), status="vervallen"))
            elif m.datum >= peildatum:
                uit.append(_item(naam, m.datum, peildatum, _zin(m.besluit_referentie)))
            else:
                zin = _("Stond gepland en was op de peildatum nog niet als bereikt vastgelegd.")
                uit.append(_item(naam, m.datum, peildatum, _zin(zin, m.besluit_referentie)))
    return uit


def termijnen(peil) -> dict:
    """Coming decisions and deadlines on the peildatum, and those passed in the year before it (commented)."""
    peildatum = peil.datum
    sinds = _sinds(peildatum)
    toelichtingen = queries.beleidsdatum_toelichtingen()
    items = []
    for b in panelen.termijnen(peil):
        if b["datum"] < sinds:
            continue
        toelichting = toelichtingen.get((b["code"], b["datum"]), "")
        if b["verstreken"] and b["code"] == f"cyclus-einde-{b['doelgroep_code']}":  # the opgave in force ended
            toelichting = _opvolger(None, b["datum"])
        items.append(_item(b["naam"], b["datum"], peildatum, toelichting, b["bron"]))
    cycli, onbekend = _cycli(peil, sinds)
    items += cycli + _mijlpalen(peildatum, sinds)
    items.sort(key=lambda i: (i["datum"], i["naam"]))
    return {
        "peildatum": peildatum.isoformat(),
        "sinds": sinds.isoformat(),
        "komend": [i for i in items if i["status"] == "komend"],
        "onbekend": onbekend,
        "verstreken": [i for i in items if i["status"] != "komend"],
    }
