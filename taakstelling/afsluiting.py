"""Closed periods stay closed: one rule for every write path (forms, delete view, import, admin).

A write that changes a closed period's figures — a placement or nareiziger created, changed or deleted
whose counting date is, or was, inside a closed period (:func:`rules.geraakte_afgesloten_perioden`), or
a closed period's own figures — is refused for everyone without ``taakstelling.wijzig_afgesloten_periode``
(the opgavemanager), with a Dutch message naming the period and why. The opgavemanager may make it
only with a reason: the reason goes into the audit entry of the change (``additional_data``, see
:class:`taakstelling.models.CorrectieNaAfsluiten`) and becomes a :class:`~taakstelling.models.Correctie`
shown on the period's page.

The caller computes what a change touches with a :class:`Toets`, asks :func:`weigering` whether this
user may make it, and — inside the transaction of the write — calls :func:`markeer` before and
:func:`leg_vast` after saving.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from noordwijk_migratie.getallen import datum

from . import queries, rules
from .models import Correctie, Nareiziger, Periode, Plaatsing
from .rules import GeraaktePeriode

RECHT = "taakstelling.wijzig_afgesloten_periode"
REDEN_VELD = "reden_correctie"


class Toets:
    """What a change touches, against the closed periods on ``vandaag`` (read once: an import checks
    every row with the same list)."""

    def __init__(self, vandaag=None):
        self.vandaag = vandaag or timezone.localdate()
        self._grenzen = None

    @property
    def grenzen(self):
        if self._grenzen is None:
            self._grenzen = queries.periodegrenzen()
        return self._grenzen

    def geraakt(self, voor, na) -> list[GeraaktePeriode]:
        """Households (:class:`rules.PlaatsingInvoer`) before and after the change."""
        return rules.geraakte_afgesloten_perioden(
            rules.telmomenten(voor), rules.telmomenten(na), self.grenzen, self.vandaag
        )

    def plaatsing(self, oud: Plaatsing | None, nieuw: Plaatsing | None, nareizigers=None) -> list[GeraaktePeriode]:
        """``oud``: the household as stored (None: new); ``nieuw``: as it will be (None: deleted). Its
        nareizigers move with it (they count from its housing date); ``nareizigers`` (arrival, persons) when
        the caller has them already."""
        if nareizigers is None:
            nareizigers = list(oud.nareizigers.values_list("datum", "aantal")) if oud is not None else []
        voor = [queries.plaatsing_invoer(oud, nareizigers)] if oud is not None else []
        na = [queries.plaatsing_invoer(nieuw, nareizigers)] if nieuw is not None else []
        return self.geraakt(voor, na)

    def nareiziger(self, oud: Nareiziger | None, nieuw: Nareiziger | None) -> list[GeraaktePeriode]:
        """``oud``: as stored (None: new); ``nieuw``: as it will be (None: deleted); it may move to another
        household, so both households are compared as a whole."""
        ids = {n.plaatsing_id for n in (oud, nieuw) if n is not None and n.plaatsing_id}
        plaatsingen = Plaatsing.objects.in_bulk(ids)
        opgeslagen = list(
            Nareiziger.objects.filter(plaatsing__in=ids).values_list("pk", "plaatsing_id", "datum", "aantal")
        )
        gewijzigd = [r for r in opgeslagen if oud is None or r[0] != oud.pk]
        if nieuw is not None:
            gewijzigd.append((nieuw.pk, nieuw.plaatsing_id, nieuw.datum, nieuw.aantal))

        def huishoudens(rijen):
            return [
                queries.plaatsing_invoer(p, [(d, n) for _pk, pid, d, n in rijen if pid == p.pk])
                for p in plaatsingen.values()
            ]

        return self.geraakt(huishoudens(opgeslagen), huishoudens(gewijzigd))

    def periode(self, periode: Periode) -> list[GeraaktePeriode]:
        """A period's own figures: touched when it is closed."""
        if periode.einddatum is None or not rules.is_afgesloten(periode.einddatum, self.vandaag):
            return []
        return [GeraaktePeriode(periode.label, periode.begindatum, periode.einddatum, None, None)]


def _beschrijf(g: GeraaktePeriode) -> str:
    tekst = _("afgesloten periode %(periode)s (%(begin)s t/m %(eind)s)") % {
        "periode": g.label,
        "begin": datum(g.begindatum),
        "eind": datum(g.einddatum),
    }
    if g.voor is None:
        return tekst
    return _("%(periode)s: daar telden %(voor)s, na de wijziging %(na)s") % {
        "periode": tekst,
        "voor": ngettext("%(n)s persoon", "%(n)s personen", g.voor) % {"n": g.voor},
        "na": g.na,
    }


def beschrijving(geraakt: list[GeraaktePeriode]) -> str:
    return "; ".join(_beschrijf(g) for g in geraakt)


def weigering(gebruiker, geraakt: list[GeraaktePeriode], reden: str, reden_nodig: bool = True):
    """None when ``gebruiker`` may make this change, else the ValidationError to show (a reason missing:
    on the reason field)."""
    if not geraakt:
        return None
    wat = beschrijving(geraakt)
    if gebruiker is None or not gebruiker.has_perm(RECHT):
        return ValidationError(
            _(
                "Deze wijziging verandert de cijfers van %(wat)s. Een afgesloten periode is definitief: alleen "
                "de opgavemanager mag haar cijfers nog corrigeren, met een reden. Er is niets opgeslagen."
            )
            % {"wat": wat},
            code="afgesloten",
        )
    if reden_nodig and not (reden or "").strip():
        return ValidationError(
            {
                REDEN_VELD: _(
                    "Deze wijziging verandert de cijfers van %(wat)s. Vul de reden van deze correctie na "
                    "afsluiten in: die komt in de wijzigingsgeschiedenis en op de pagina van de periode."
                )
                % {"wat": wat}
            },
            code="reden",
        )
    return None


def markeer(obj, geraakt: list[GeraaktePeriode], reden: str) -> None:
    """Before saving or deleting ``obj``: its audit entry carries the periods and the reason."""
    obj.correctie_na_afsluiten = {"perioden": [g.label for g in geraakt], "reden": reden.strip()} if geraakt else None


def leg_vast(gebruiker, geraakt: list[GeraaktePeriode], reden: str, onderwerp: str) -> None:
    """After the write, in its transaction: one Correctie per touched period (in the audit trail too)."""
    perioden = Periode.objects.in_bulk([g.label for g in geraakt], field_name="label")
    for g in geraakt:
        Correctie.objects.create(
            periode=perioden[g.label],
            door=gebruiker,
            onderwerp=str(onderwerp)[:300],
            voor=g.voor,
            na=g.na,
            reden=reden.strip(),
        )
