"""Computed "Meetbaar door" indicators of the statushouders line (see noordwijk_migratie.indicatoren)."""

from noordwijk_migratie.indicatoren import Berekend

from . import queries, rules


def taakstelling_voldaan(peildatum):
    """Ja when the running period is on schedule, else when the last closed period ended ≥ 0."""
    overzicht = queries.periode_overzicht_gecachet(peildatum)
    lopend = rules.huidige_periode(overzicht)
    if lopend is not None and lopend.realisatie_verouderd:
        return Berekend(
            waarde=None,
            toelichting=(
                f"Lopende periode {lopend.label}: de officiële realisatie (stand {lopend.realisatie_per or 'zonder datum'}) "
                "is verouderd; daaruit volgt geen oordeel."
            ),
        )
    if lopend is not None:
        return Berekend(
            waarde=lopend.op_schema,
            toelichting=(
                f"Lopende periode {lopend.label}: realisatie {lopend.realisatie} ({lopend.bron_tekst}) tegen een "
                f"COA-norm van {lopend.op_schema_norm} na {lopend.verstreken_maanden} van {lopend.maanden} maanden "
                f"(gecorrigeerde taakstelling {lopend.gecorrigeerd}): "
                + ("op schema." if lopend.op_schema else "niet op schema.")
            ),
        )
    laatste = rules.laatste_afgesloten(overzicht)
    if laatste is None:
        return None
    return Berekend(
        waarde=laatste.saldo_eind >= 0,
        toelichting=(
            f"Saldo eind {laatste.label}: {laatste.saldo_eind_tekst} "
            f"({'voorsprong' if laatste.saldo_eind > 0 else 'achterstand' if laatste.saldo_eind < 0 else 'precies gehaald'}; "
            f"netto {laatste.netto}, saldo begin {laatste.saldo_begin_tekst}, gecorrigeerd "
            f"{laatste.gecorrigeerd}, realisatie {laatste.realisatie} volgens {laatste.bron_tekst})."
        ),
    )


def regio_slechter_dan_gemiddeld(peildatum):
    """Ja/nee against the Duin- en Bollenstreek average, for the latest closed period with regional figures."""
    from .models import Periode

    periode = (
        Periode.objects.filter(einddatum__lt=peildatum, regiocijfers__isnull=False)
        .distinct()
        .order_by("-begindatum")
        .first()
    )
    if periode is None:
        return None
    vergelijking = queries.regio_vergelijking(periode, peildatum)
    if vergelijking.slechter_dan_subregio is None:
        return None
    return Berekend(waarde=vergelijking.slechter_dan_subregio, toelichting=vergelijking.toelichting)


def inburgering_succesratio(peildatum):
    """Succesratio of the latest cohort whose 3-year term has ended, with its definition."""
    from decimal import Decimal

    overzicht = queries.inburgering_overzicht(peildatum)
    cohort = overzicht.laatste_complete
    if cohort is None or cohort.succesratio is None:
        return None
    return Berekend(
        waarde=Decimal(str(cohort.succesratio)),
        toelichting=(
            f"Cohort {cohort.cohort}: {cohort.voldaan_binnen_termijn} van {cohort.inburgeringsplichtig} "
            f"inburgeringsplichtigen voldaan binnen de termijn (tot {cohort.termijn_einde}). {overzicht.definitie}"
        ),
    )
