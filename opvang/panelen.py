"""The opvang panels of the dashboard (also sections of the halfjaarrapportage), signals and policy dates."""

from dataclasses import asdict
from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.panelen import cijfer, paneel

from . import grafieken, queries
from .reeksen import bezetting_reeks


def referentie(peil) -> queries.Referentie:
    """Reference data shared by the panels and signals of one dashboard or report."""
    return peil.gedeeld("opvang.referentie", queries.Referentie)


def _beleidsdatums(peil):
    return peil.gedeeld("opvang.beleidsdatums", lambda: queries.beleidsdatums(peil.datum))


def _doelgroep_paneel(peil, doelgroep_code: str, titel, url_naam: str) -> dict | None:
    """None when the doelgroep is not in the reference data (baseline not loaded yet)."""
    ref = referentie(peil)
    if doelgroep_code not in ref.doelgroepen():
        return None
    peildatum = peil.datum
    o = queries.doelgroep_overzicht(doelgroep_code, peildatum, ref)
    url = reverse(url_naam)
    cijfers = [
        cijfer(_("Opgave"), o.opgave if o.opgave is not None else _("geen"), reverse("opvang:opgave_list")),
        cijfer(_("Beschikbaar"), o.beschikbaar, url),
        cijfer(_("Bezet"), o.bezet, reverse("opvang:bezetting_list")),
        cijfer(_("Gat (opgave − beschikbaar)"), o.gat if o.gat is not None else "—"),
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
    pijplijn = queries.spreidingswet_pijplijn(peil.datum, referentie(peil))
    p["cijfers"] = [
        cijfer(_("Opgave"), f"{pijplijn.opgave or 0} (AMV {pijplijn.opgave_amv or 0})", reverse("opvang:opgave_list")),
        cijfer(_("Gerealiseerd"), pijplijn.gerealiseerd),
        cijfer(_("In voorbereiding"), pijplijn.in_voorbereiding, reverse("opvang:asielzoekers")),
        cijfer(
            _("Ongedekt na pijplijn"),
            pijplijn.ongedekt_na_pijplijn if pijplijn.ongedekt_na_pijplijn is not None else "—",
        ),
    ]
    if pijplijn.cyclus_einde:
        p["cijfers"].append(cijfer(_("Einde cyclus"), datum(pijplijn.cyclus_einde)))
    p["grafieken"] = [grafieken.pijplijn(pijplijn)]
    p["toelichting"] = pijplijn.toelichting
    return p


def signalen(peil) -> list[dict]:
    url = reverse("opvang:index")
    return [
        {"ernst": s.ernst, "tekst": s.tekst, "url": url}
        for s in queries.signalen(peil.datum, referentie(peil), _beleidsdatums(peil))
    ]


def termijnen(peil) -> list[dict]:
    return [asdict(b) for b in _beleidsdatums(peil)]
