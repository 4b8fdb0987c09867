"""The opvang panels of the dashboard (also sections of the halfjaarrapportage), signals and policy dates."""

from dataclasses import asdict
from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.panelen import cijfer, paneel

from . import grafieken, queries, rules
from .reeksen import bezetting_reeks


def referentie(peil) -> queries.Referentie:
    """Reference data shared by the panels and signals of one dashboard or report."""
    return peil.gedeeld("opvang.referentie", queries.Referentie)


def _beleidsdatums(peil):
    return peil.gedeeld("opvang.beleidsdatums", lambda: queries.beleidsdatums(peil.datum, referentie(peil)))


def _overzicht(peil, doelgroep_code: str):
    return peil.gedeeld(
        f"opvang.overzicht.{doelgroep_code}",
        lambda: queries.doelgroep_overzicht(doelgroep_code, peil.datum, referentie(peil)),
    )


def _opgave(plaatsen, onbekend: bool):
    """An opgave in force whose number is not known yet is "onbekend", not the previous cycle's figure."""
    if onbekend:
        return _("onbekend")
    return plaatsen if plaatsen is not None else _("geen")


def _tekort_of_overschot(gat: int | None, **datum) -> dict:
    """The gap between opgave and beschikbaar in words: a shortage or a surplus, never a signed number;
    ``datum``: the stand and mark of the capacity it comes from (see :func:`cijfer`)."""
    if gat is not None and gat < 0:
        return cijfer(_("Overschot (beschikbaar − opgave)"), -gat, **datum)
    return cijfer(_("Tekort (opgave − beschikbaar)"), gat if gat is not None else "—", **datum)


def _doelgroep_paneel(peil, doelgroep_code: str, titel, url_naam: str) -> dict | None:
    """None when the doelgroep is not in the reference data (baseline not loaded yet)."""
    ref = referentie(peil)
    if doelgroep_code not in ref.doelgroepen():
        return None
    peildatum = peil.datum
    o = _overzicht(peil, doelgroep_code)
    url = reverse(url_naam)
    cijfers = [
        cijfer(_("Opgave"), _opgave(o.opgave, o.opgave_onbekend), reverse("opvang:opgave_list")),
        cijfer(_("Beschikbaar"), o.beschikbaar, url, stand=o.capaciteit_stand, verouderd=o.capaciteit_verouderd),
        cijfer(_("Bezet"), o.bezet, reverse("opvang:bezetting_list"), stand=o.bezet_stand, verouderd=o.bezet_verouderd),
        _tekort_of_overschot(
            o.gat,
            stand=o.capaciteit_stand if o.gat is not None else "",
            verouderd=o.capaciteit_verouderd and o.gat is not None,
        ),
    ]
    if o.opgave_amv:
        cijfers.insert(1, cijfer(_("waarvan AMV"), o.opgave_amv))
    reeks = bezetting_reeks(doelgroep_code, peildatum - timedelta(days=365), peildatum, ref)
    grafiek = [grafieken.verloop(o.doelgroep_naam, reeks)] if reeks else []
    return paneel(
        doelgroep_code, titel, url, o.status, o.status_label, o.status_regel, cijfers, grafiek, o.status_toelichting
    )


def oekraine(peil) -> dict | None:
    return _doelgroep_paneel(peil, "oekraine", _("Oekraïense ontheemden"), "opvang:oekraine")


def asielzoekers(peil) -> dict | None:
    p = _doelgroep_paneel(peil, "asielzoekers", _("Asielzoekers (Spreidingswet)"), "opvang:asielzoekers")
    if p is None:
        return None
    ov = _overzicht(peil, "asielzoekers")
    pijplijn = queries.spreidingswet_pijplijn(peil.datum, referentie(peil), ov)
    opgave = _opgave(pijplijn.opgave, ov.opgave_onbekend)
    if pijplijn.opgave is not None:
        opgave = f"{pijplijn.opgave} (AMV {pijplijn.opgave_amv or 0})"
    p["cijfers"] = [
        cijfer(_("Opgave"), opgave, reverse("opvang:opgave_list")),
        cijfer(_("Gerealiseerd"), pijplijn.gerealiseerd),
        cijfer(_("In voorbereiding"), pijplijn.in_voorbereiding, reverse("opvang:asielzoekers")),
        cijfer(
            _("Ongedekt na pijplijn"),
            pijplijn.ongedekt_na_pijplijn if pijplijn.ongedekt_na_pijplijn is not None else "—",
        ),
    ]
    if pijplijn.cyclus_einde:
        p["cijfers"].append(cijfer(_("Einde cyclus"), datum(pijplijn.cyclus_einde)))
    for loc in pijplijn.locaties:  # each location's phase on the peildatum, with the decision that set it
        if loc.fase is not None:
            stand = _("sinds %(datum)s") % {"datum": datum(loc.fase_datum)} if loc.fase_datum else ""
            stand = "; ".join(t for t in (stand, loc.besluit) if t)
            p["cijfers"].append(cijfer(loc.naam, rules.fase_label(loc.fase), stand=stand))
    p["grafieken"] = [grafieken.pijplijn(pijplijn)]
    p["toelichting"] = pijplijn.toelichting
    return p


SIGNAAL_PAGINA = {  # where a signal asks the user to act
    "bezetting_verouderd": "opvang:bezetting_invoer",
    "capaciteit_verouderd": "opvang:capaciteitsstand_add",
    "mijlpaal_over_datum": "opvang:mijlpaal_list",
}


def _gebundeld(peil, soort: str, doelgroep_code: str, locaties: list[str]) -> str:
    """One signal for the verouderd figures of ``soort`` at several locations of one doelgroep: each location
    with the date of its figure, so a long list of locations is one line of the dashboard, not one each."""
    ov = _overzicht(peil, doelgroep_code)
    g = queries.grenzen()
    if soort == "bezetting_verouderd":
        datums = {r.locatie: r.bezet_datum for r in ov.locaties}
        tekst = _(
            "%(doelgroep)s: bij %(aantal)s locaties is de laatste telling meer dan %(dagen)s dagen oud: "
            "%(locaties)s. Voer nieuwe tellingen in."
        )
        dagen = g.bezetting_dagen
    else:
        datums = {r.locatie: r.capaciteit_datum for r in ov.locaties}
        tekst = _(
            "%(doelgroep)s: bij %(aantal)s locaties is de capaciteitsstand meer dan %(dagen)s dagen oud: "
            "%(locaties)s. Leg nieuwe standen vast."
        )
        dagen = g.capaciteit_dagen
    lijst = "; ".join(f"{naam} ({datum(datums[naam])})" if datums.get(naam) else naam for naam in locaties)
    return tekst % {"doelgroep": ov.doelgroep_naam, "aantal": len(locaties), "dagen": dagen, "locaties": lijst}


BUNDEL = ("bezetting_verouderd", "capaciteit_verouderd")  # one signal per kind and doelgroep, listing the locations


def signalen(peil) -> list[dict]:
    # one reverse() per kind of signal, not per signal (a long history has hundreds of overdue milestones)
    urls = {soort: reverse(naam) for soort, naam in SIGNAAL_PAGINA.items()}
    index = reverse("opvang:index")
    alle = queries.signalen(
        peil.datum, referentie(peil), _beleidsdatums(peil), overzicht=lambda code, _d, _r: _overzicht(peil, code)
    )
    bundels = {}
    for s in alle:
        if s.soort in BUNDEL:
            bundels.setdefault((s.soort, s.doelgroep_code), []).append(s)
    uit = []
    for s in alle:
        groep = bundels.get((s.soort, s.doelgroep_code)) if s.soort in BUNDEL else None
        if groep is None or len(groep) == 1:
            uit.append({"ernst": s.ernst, "tekst": s.tekst, "url": urls.get(s.soort, index)})
        elif groep[0] is s:  # the bundle stands where its first signal stood
            tekst = _gebundeld(peil, s.soort, s.doelgroep_code, [t.locatie for t in groep])
            uit.append({"ernst": s.ernst, "tekst": tekst, "url": urls.get(s.soort, index)})
    return uit


def termijnen(peil) -> list[dict]:
    return [asdict(b) for b in _beleidsdatums(peil)]
