"""Taakstelling: load the data with the ORM and apply the rules of :mod:`taakstelling.rules`.

Thin loaders: every figure is computed by a rule, and every result is a plain dataclass of numbers
and strings (``json.dumps(dataclasses.asdict(result))`` works), so views, exports, indicators, the
dashboard and the reports share them and reports can snapshot them.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.models import Gemeente

from . import rules
from .models import (
    CoaStand,
    InburgeringCohort,
    Nareiziger,
    Periode,
    Plaatsing,
    RegioCijfer,
    TijdelijkeLocatie,
    TredeHistorie,
)
from .rules import PeriodeResultaat


def momenten(
    peildatum: date | None = None, binnen: tuple[date, date] | None = None, grenzen: Sequence[date] | None = None
) -> list[tuple[date, int]]:
    """The counting moments (:func:`rules.telmomenten`) known on ``peildatum`` (all when None),
    summed per day in SQL: the periods only need persons per counting date, not one row per household.
    ``binnen``: only the moments from the first to the last day (both included), for a caller that counts
    within one period and need not read the whole history. ``grenzen``: :func:`rules.bakgrenzen` of the
    periods the caller counts: the moments per bucket (:func:`rules.naar_bakken`), on PostgreSQL summed per
    bucket in SQL (:func:`rules.bak_expr`), so every period's realisatie reads a row per bucket rather than
    one per counting day of the history."""
    if grenzen is not None and not grenzen:
        return []
    per_bak = grenzen is not None and connection.vendor == "postgresql"
    plaatsingen = Plaatsing.objects.filter(rules.telt_mee_q(peildatum))
    nareizigers = Nareiziger.objects.annotate(dag=rules.nareiziger_telmoment_expr()).filter(
        rules.nareiziger_telt_mee_q(peildatum)
    )
    if binnen is not None:
        plaatsingen = plaatsingen.filter(datum_gehuisvest__range=binnen)
        nareizigers = nareizigers.filter(dag__range=binnen)
    rijen = []
    for qs, dag, aantal in ((plaatsingen, "datum_gehuisvest", rules.personen_expr()), (nareizigers, "dag", "aantal")):
        sleutel = rules.bak_expr(F(dag), grenzen) if per_bak else F(dag)
        rijen += (
            qs.order_by()
            .annotate(sleutel=sleutel)
            .values("sleutel")
            .annotate(n=Sum(aantal))
            .values_list("sleutel", "n")
        )
    if per_bak:
        return [(grenzen[bak - 1], n) for bak, n in rijen if bak]
    return rijen if grenzen is None else rules.naar_bakken(rijen, grenzen)


def plaatsing_invoer(p: Plaatsing, nareizigers: Iterable[tuple[date, int]] | None = None) -> rules.PlaatsingInvoer:
    """One household as the rules see it; ``nareizigers`` (arrival, persons) as stored when None."""
    if nareizigers is None:
        nareizigers = p.nareizigers.values_list("datum", "aantal") if p.pk else ()
    return rules.PlaatsingInvoer(
        p.koppeldatum,
        p.personen,
        p.datum_woning_aangeboden,
        p.datum_huurovereenkomst,
        p.datum_gehuisvest,
        bool(p.beeindiging),
        tuple(nareizigers),
    )


def periodegrenzen() -> list[tuple[str, date, date]]:
    """(label, begindatum, einddatum) of every period."""
    return list(Periode.objects.order_by("begindatum").values_list("label", "begindatum", "einddatum"))


def tijdelijke_locaties():
    """Temporary locations, each with ``gehuisvest``: the persons housed there who count."""
    telt = (
        Plaatsing.objects.filter(rules.telt_mee_q(), tijdelijke_locatie=OuterRef("pk"))
        .order_by()
        .values("tijdelijke_locatie")
        .annotate(n=Sum(rules.personen_expr()))
        .values("n")
    )
    return TijdelijkeLocatie.objects.annotate(gehuisvest=Coalesce(Subquery(telt), 0)).order_by("naam")


def coa_standen(peildatum: date) -> dict[int, dict[date, int]]:
    """Per period id: month -> COA's cumulative stand, for the stands published by ``peildatum``."""
    standen: dict[int, dict[date, int]] = {}
    for periode_id, maand, aantal in CoaStand.objects.order_by("maand").values_list(
        "periode_id", "maand", "realisatie_cumulatief"
    ):
        if rules.coa_stand_bekend(maand, peildatum):
            standen.setdefault(periode_id, {})[maand] = aantal
    return standen


def periode_invoer(peildatum: date) -> list[rules.PeriodeInvoer]:
    perioden = list(Periode.objects.order_by("begindatum"))
    grenzen = rules.bakgrenzen((p.begindatum, p.einddatum) for p in perioden)
    telling = rules.Telling(momenten(peildatum, grenzen=grenzen))
    standen = coa_standen(peildatum)
    invoer = []
    for p in perioden:
        coa = standen.get(p.pk)
        invoer.append(
            rules.PeriodeInvoer(
                id=p.pk,
                label=p.label,
                begindatum=p.begindatum,
                einddatum=p.einddatum,
                netto=p.netto_taakstelling,
                realisatie_eigen=telling.realisatie_in(p.begindatum, p.einddatum),
                realisatie_officieel=p.realisatie_officieel,
                realisatie_officieel_per=p.realisatie_officieel_per,
                realisatie_coa=coa[max(coa)] if coa else None,
                coa_stand_datum=rules.volgende_maand(max(coa)) if coa else None,
                saldo_begin_officieel=p.saldo_begin_officieel,
                beginsaldo_keten=p.beginsaldo_keten,
                beginsaldo_keten_bron=p.beginsaldo_keten_bron,
            )
        )
    return invoer


def periode_overzicht(peildatum: date) -> list[PeriodeResultaat]:
    """Every period with netto, saldo begin (and where it comes from), gecorrigeerd, realisatie (the
    count used, with its bron and date), realisatie eigen and COA (with the date of its stand), saldo
    eind, nog te realiseren and the COA norm on peildatum; stale official figures marked verouderd."""
    return rules.bereken_keten(
        periode_invoer(peildatum), peildatum, max_dagen=settings.TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN
    )


def periode_overzicht_gecachet(peildatum: date) -> list[PeriodeResultaat]:
    """:func:`periode_overzicht` under the data version (``cache.gecachet``): the dashboard, the reminders,
    the indicators and the pages share one build per data change and peildatum."""
    grens = settings.TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN
    return gecachet("taakstelling-overzicht", (peildatum.isoformat(), grens), lambda: periode_overzicht(peildatum))


def interventieladder_status(
    peildatum: date, overzicht: Sequence[PeriodeResultaat] | None = None
) -> rules.Interventiestatus:
    overzicht = periode_overzicht(peildatum) if overzicht is None else overzicht
    return rules.interventiestatus(
        peildatum, overzicht, tredehistorie(peildatum), settings.TAAKSTELLING_ACHTERSTAND_DREMPEL
    )


def tredehistorie(peildatum: date) -> list[rules.TredeStap]:
    """The steps of the interventieladder from on or before ``peildatum``, newest first (a later step was not
    in force then, so a report at that peildatum never shows it)."""
    return [
        rules.TredeStap(h.trede.nummer, h.trede.naam, h.datum_vanaf, h.bron, h.notities)
        for h in TredeHistorie.objects.filter(datum_vanaf__lte=peildatum).select_related("trede")
    ]


def _open_plaatsingen(peildatum: date) -> dict:
    """The signals' counts and the persons in the pipeline, in one pass over the placements (each by its own
    rule's condition)."""
    return Plaatsing.objects.aggregate(
        koppeling=Count("pk", filter=rules.koppeling_over_termijn_q(peildatum)),
        verhuizing=Count("pk", filter=rules.verhuizing_over_termijn_q(peildatum)),
        in_pijplijn=Coalesce(Sum(rules.personen_expr(), filter=rules.in_pijplijn_q()), 0),
    )


def signalen(peildatum: date) -> tuple[int, int]:
    """(koppelingen without an offer after 10 weeks, households not moved 2 weeks after the lease)."""
    tellingen = _open_plaatsingen(peildatum)
    return tellingen["koppeling"], tellingen["verhuizing"]


def statushouders_kerncijfers(
    peildatum: date, overzicht: Sequence[PeriodeResultaat] | None = None
) -> rules.Kerncijfers:
    """:func:`rules.kerncijfers` on ``peildatum``; ``overzicht``: :func:`periode_overzicht` on
    ``peildatum`` if the caller already has it."""
    overzicht = periode_overzicht(peildatum) if overzicht is None else overzicht
    tellingen = _open_plaatsingen(peildatum)
    return rules.kerncijfers(
        peildatum,
        overzicht,
        tellingen["in_pijplijn"],
        (tellingen["koppeling"], tellingen["verhuizing"]),
        interventieladder_status(peildatum, overzicht),
    )


def coa_afstemming(periode, peildatum: date | None = None) -> list[rules.AfstemmingsRij]:
    """Per month of ``periode`` (a Periode or its label): own count, COA stand, difference."""
    if isinstance(periode, str):
        periode = Periode.objects.get(label=periode)
    peildatum = peildatum or timezone.localdate()
    standen = coa_standen(peildatum).get(periode.pk, {})
    binnen = (periode.begindatum, periode.einddatum)  # the months of this period only
    return rules.afstemming(periode.begindatum, periode.einddatum, momenten(peildatum, binnen), standen)


def regio_standaardperiode() -> Periode | None:
    """The regional comparison opens on the latest period with regional figures (else the latest)."""
    perioden = Periode.objects.order_by("-begindatum")
    return perioden.filter(regiocijfers__isnull=False).distinct().first() or perioden.first()


def regio_vergelijking(periode, peildatum: date | None = None) -> rules.RegioVergelijking:
    """Compare our gemeente with the Duin- en Bollenstreek and Holland Rijnland for one period
    (a Periode, its label, or a (begindatum, einddatum) tuple)."""
    if isinstance(periode, str):
        periode = Periode.objects.get(label=periode)
    elif isinstance(periode, tuple):
        periode = Periode.objects.get(begindatum=periode[0], einddatum=periode[1])
    eigen_code = settings.TAAKSTELLING_GEMEENTE_CBS_CODE
    rijen = [
        rules.regio_rij(
            c.gemeente.naam,
            c.gemeente.cbs_code,
            c.gemeente.duin_en_bollenstreek,
            c.gemeente.cbs_code == eigen_code,
            c.netto_taakstelling,
            c.realisatie,
            c.saldo_eind,
            c.inwoners,
        )
        for c in RegioCijfer.objects.filter(periode=periode, gemeente__holland_rijnland=True)
        .select_related("gemeente")
        .order_by("gemeente__naam")
    ]
    eigen_bron = "geïmporteerde regiocijfers"
    if not any(r.eigen for r in rijen):
        # Our own chain, so the comparison still works before our row is imported (inwoners unknown).
        resultaat = next((r for r in periode_overzicht(peildatum or timezone.localdate()) if r.id == periode.pk), None)
        gemeente = Gemeente.objects.filter(cbs_code=eigen_code).first()
        if resultaat is not None:
            rijen.append(
                rules.regio_rij(
                    gemeente.naam if gemeente else eigen_code,
                    eigen_code,
                    bool(gemeente and gemeente.duin_en_bollenstreek),
                    True,
                    resultaat.netto,
                    resultaat.realisatie,
                    resultaat.saldo_eind,
                    None,
                )
            )
            rijen.sort(key=lambda r: r.gemeente)
            eigen_bron = f"eigen periodecijfers ({resultaat.bron_tekst}); inwoners onbekend"
    return rules.vergelijk_regio(periode.label, rijen, eigen_bron)


def correcties(periode: Periode) -> dict:
    """The corrections after closing of ``periode`` (newest first), and the definitief reports they came
    after: a definitief report keeps its own figures (its snapshot), so the page says the period changed
    since ("gecorrigeerd na definitieve rapportage van …")."""
    from rapportage.models import Rapport

    lijst = list(periode.correcties.select_related("door"))
    rapporten = []
    if lijst:
        laatste = max(c.op for c in lijst)
        gebruikt = Rapport.objects.filter(definitief=True, definitief_op__lt=laatste, peildatum__gt=periode.begindatum)
        for rapport in gebruikt.order_by("peildatum"):
            perioden = rapport.snapshot.get("taakstelling_perioden", {}).get("data", {}).get("perioden", [])
            if any(p.get("label") == periode.label for p in perioden):
                rapporten.append(rapport)
    return {"lijst": lijst, "na_rapporten": rapporten}


def inburgering_overzicht(peildatum: date | None = None) -> rules.InburgeringOverzicht:
    """Per cohort that had started by ``peildatum`` the counts (with their date and source) and succesratio;
    the latest cohort whose 3-year term has ended. The page, the indicator and the halfjaarrapportage."""
    peildatum = peildatum or timezone.localdate()
    cohorten = InburgeringCohort.objects.filter(cohort__lte=peildatum.year)
    return rules.inburgering(peildatum, cohorten.values(*rules.COHORT_AANTALLEN, "peildatum_cijfers", "bron"))
