"""Sections of the halfjaarrapportage filled from the taakstelling queries (snapshot = plain JSON);
declared in bijdragen.py."""

from dataclasses import asdict
from datetime import date, timedelta

from noordwijk_migratie.getallen import getal, saldo

from . import grafieken, panelen, queries, rules
from .models import Periode
from .rules import PeriodeResultaat


def _periode_dict(p: PeriodeResultaat | None) -> dict | None:
    if p is None:
        return None
    return {**asdict(p), "saldo_begin_tekst": p.saldo_begin_tekst, "saldo_eind_tekst": p.saldo_eind_tekst}


def afgesloten_halfjaar(peildatum: date, overzicht) -> PeriodeResultaat | None:
    """The period a halfjaarrapportage reports: the one that ended the day before the peildatum
    (1 July: the first half of that year; 1 January: the second half or the whole previous year),
    else the latest period closed on the peildatum."""
    dag_ervoor = (peildatum - timedelta(days=1)).isoformat()
    return next((p for p in overzicht if p.einddatum == dag_ervoor), None) or rules.laatste_afgesloten(overzicht)


def niet_ingevoerd(peildatum: date, afgesloten: PeriodeResultaat | None) -> str:
    """A sentence when the half year that just ended is not entered as a period ('' when it is)."""
    dag_ervoor = peildatum - timedelta(days=1)
    if afgesloten is not None and afgesloten.einddatum == dag_ervoor.isoformat():
        return ""
    helft = "1e" if dag_ervoor.month <= 6 else "2e"
    zin = f"Het {helft} halfjaar {dag_ervoor.year} is (nog) niet als periode ingevoerd"
    return zin + (f"; hieronder de laatst afgesloten periode, {afgesloten.label}." if afgesloten else ".")


def statushouders_kerncijfers(peil):
    """The closed half year's result first (what the report is about), then the running half year's
    start position, pipeline and forecast."""
    kern = panelen.kerncijfers(peil)
    afgesloten = afgesloten_halfjaar(peil.datum, panelen.overzicht(peil))
    return {
        **asdict(kern),
        "periode": _periode_dict(kern.periode),
        "laatste_afgesloten": _periode_dict(kern.laatste_afgesloten),
        "afgesloten": _periode_dict(afgesloten),
        "niet_ingevoerd": niet_ingevoerd(peil.datum, afgesloten),
        "afgesloten_gehaald": None if afgesloten is None else afgesloten.saldo_eind >= 0,
        "startpositie": kern.periode.saldo_begin if kern.periode else (afgesloten.saldo_eind if afgesloten else None),
        # the panel's key figures, with their dates and marks (a stale one asks for a toelichting)
        "cijfers": panelen.statushouders(peil)["cijfers"],
    }


def taakstelling_perioden(peil):
    perioden = panelen.overzicht(peil)
    return {"perioden": [_periode_dict(p) for p in perioden], "grafieken": grafieken.perioden(perioden)}


def verslagperiode(peil) -> Periode | None:
    """The Periode of :func:`afgesloten_halfjaar`."""
    resultaat = afgesloten_halfjaar(peil.datum, panelen.overzicht(peil))
    return None if resultaat is None else Periode.objects.filter(pk=resultaat.id).first()


def coa_afstemming(peil):
    resultaat = afgesloten_halfjaar(peil.datum, panelen.overzicht(peil))
    periode = verslagperiode(peil)
    if periode is None:
        return {"periode": None, "rijen": []}
    rijen = queries.coa_afstemming(periode, peil.datum)
    return {
        "periode": periode.label,
        "realisatie": resultaat.realisatie,
        "bron_tekst": resultaat.bron_tekst,
        "eigen_totaal": sum(r.eigen for r in rijen),
        "coa_bekend": any(r.coa_cumulatief is not None for r in rijen),
        "rijen": [asdict(r) for r in rijen],
    }


def ladder(peil) -> rules.Interventiestatus:
    """The interventieladder on the peildatum, once per report (kernboodschap and section)."""
    return peil.gedeeld(
        "taakstelling.ladder", lambda: queries.interventieladder_status(peil.datum, panelen.overzicht(peil))
    )


def interventieladder(peil):
    """Interbestuurlijk toezicht as it stood on the peildatum: the trede with its date and source, the closed
    periods in a row behind with their end dates, and when the warning threshold is reached if the running
    period also closes behind."""
    status = ladder(peil)
    overzicht = panelen.overzicht(peil)
    afgesloten = [r for r in overzicht if r.status == "afgesloten"]
    rij = afgesloten[len(afgesloten) - status.achterstand_perioden :]  # the closed periods in a row behind
    laatste = max((date.fromisoformat(r.einddatum) for r in overzicht), default=None)
    # closed half years after the last entered period: not counted, so the row behind may be longer
    niet_ingevoerd = (
        [n.label for n in rules.ontbrekende_perioden(laatste, peil.datum) if n.afgesloten] if laatste else []
    )
    nog = status.drempel - status.achterstand_perioden
    return {
        **asdict(status),
        "achter": [{"label": r.label, "einddatum": r.einddatum, "saldo_eind": r.saldo_eind} for r in rij],
        "niet_ingevoerd": niet_ingevoerd,
        "drempel_bij": lopend_halfjaar(peil.datum, overzicht) if nog == 1 and not niet_ingevoerd else None,
    }


def lopend_halfjaar(peildatum: date, overzicht) -> dict:
    """The period running on the peildatum ({"label", "einddatum"}), else the calendar half year (not entered)."""
    lopend = next((r for r in overzicht if r.status == "lopend"), None)
    if lopend is not None:
        return {"label": lopend.label, "einddatum": lopend.einddatum}
    eerste = peildatum.month <= 6
    einde = date(peildatum.year, 6, 30) if eerste else date(peildatum.year, 12, 31)
    return {"label": f"{peildatum.year}-H{1 if eerste else 2}", "einddatum": einde.isoformat()}


def toezicht_zin(status: rules.Interventiestatus) -> str:
    """The interbestuurlijk toezicht in one sentence for page 1."""
    if status.trede:
        zin = f"Trede {status.trede} van de interventieladder van de provincie ({status.trede_naam})"
        zin += f" sinds {status.sinds}" if status.sinds else ""
    else:
        zin = "De trede van de interventieladder op de peildatum is niet vastgelegd"
    zin += (
        f"; {status.achterstand_perioden} afgesloten periode(n) op rij met een achterstand, de "
        f"waarschuwingsdrempel is {status.drempel}."
    )
    return ("Waarschuwingsdrempel bereikt. " if status.waarschuwing else "") + zin


def inburgering(peil):
    """Inburgering per cohort on the peildatum (the figures of the inburgering page, with their dates)."""
    return asdict(queries.inburgering_overzicht(peil.datum))


def regio_vergelijking(peil):
    periode = verslagperiode(peil)
    if periode is None:
        return {"periode": None, "rijen": []}
    vergelijking = queries.regio_vergelijking(periode, peil.datum)
    return {**asdict(vergelijking), "grafieken": grafieken.regio(vergelijking)}


def kernboodschap(peil) -> dict | None:
    """The statushouders' block on page 1: the closed half year against its opgave, with the running
    half year's start position and forecast (texts; the PDF writes periods and dates its own way)."""
    overzicht = panelen.overzicht(peil)
    afgesloten = afgesloten_halfjaar(peil.datum, overzicht)
    if afgesloten is None:
        return None
    kern = panelen.kerncijfers(peil)
    gehaald = afgesloten.saldo_eind >= 0
    achterstand = -afgesloten.saldo_begin
    opgave = f"Gecorrigeerde taakstelling {afgesloten.label}: {getal(afgesloten.gecorrigeerd)} personen"
    if afgesloten.gecorrigeerd <= 0:
        opgave = (
            f"Netto taakstelling {afgesloten.label}: {getal(afgesloten.netto)} personen, geheel gedekt door "
            f"{getal(-achterstand)} voorsprong uit eerdere perioden"
        )
    elif achterstand > 0:
        opgave += f", de netto taakstelling van {getal(afgesloten.netto)} plus {getal(achterstand)} achterstand"
    elif achterstand < 0:
        opgave += f", de netto taakstelling van {getal(afgesloten.netto)} min {getal(-achterstand)} voorsprong"
    stand = (
        f"{getal(afgesloten.realisatie)} personen gehuisvest, geteld volgens: {afgesloten.bron_tekst}; "
        f"saldo eind {saldo(afgesloten.saldo_eind)}"
    )
    stand += ", een voorsprong." if afgesloten.saldo_eind > 0 else (", een achterstand." if not gehaald else ".")
    if kern.periode is not None:
        p = kern.periode
        vooruit = (
            f"Lopend halfjaar {p.label}: startpositie {saldo(p.saldo_begin)}, gecorrigeerde taakstelling "
            f"{getal(p.gecorrigeerd)}, nog {getal(kern.in_pijplijn)} in de pijplijn, prognose einde periode "
            f"{getal(kern.prognose_realisatie)} gehuisvest; status {kern.status_tekst}."
        )
    else:
        vooruit = (
            f"Lopend halfjaar: de taakstelling is nog niet ingevoerd; startpositie {saldo(afgesloten.saldo_eind)}, "
            f"nog {getal(kern.in_pijplijn)} in de pijplijn."
        )
    return {
        "melding": niet_ingevoerd(peil.datum, afgesloten),
        "opgave": opgave + ".",
        "stand": stand,
        "vooruit": vooruit,
        "toezicht": toezicht_zin(ladder(peil)),
        "status": "op_schema" if gehaald else "achter",
        "status_label": "gehaald" if gehaald else "niet gehaald",
        "regel": "Gehaald als de realisatie ten minste de gecorrigeerde taakstelling is (saldo eind 0 of hoger).",
    }
