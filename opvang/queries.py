"""Opvang on a date: load what one answer needs with a constant number of queries and apply the rules.

Everything returned is a plain dataclass of :mod:`opvang.rules`, so the pages, the dashboard panels
and the reports show the same figures.
"""

import datetime

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from noordwijk_migratie.models import Doelgroep

from . import rules
from .models import (
    Beleidsdatum,
    Bezetting,
    Capaciteitsstand,
    LocatieType,
    Mijlpaal,
    OekraineMaandcijfer,
    Opgave,
    Opvanglocatie,
)

OVERZICHT_DOELGROEPEN = ("oekraine", "asielzoekers", "statushouders")


def grenzen() -> rules.Grenzen:
    """How old an occupancy count and a capacity stand may be (settings ``OPVANG_*_VEROUDERD_DAGEN``)."""
    return rules.Grenzen(settings.OPVANG_BEZETTING_VEROUDERD_DAGEN, settings.OPVANG_CAPACITEIT_VEROUDERD_DAGEN)


def actuele_standen(datum):
    """QuerySet of the latest capacity stand per (locatie, doelgroep) on ``datum``, active locations only."""
    return Capaciteitsstand.objects.geldend_op(datum).filter(rules.actief_q(datum, "locatie__"))


def actuele_bezettingen(datum):
    """QuerySet of the latest occupancy per (locatie, doelgroep) on ``datum``, active locations only."""
    return Bezetting.objects.geldend_op(datum).filter(rules.actief_q(datum, "locatie__"))


def laatste_bezettingen(datum, locaties, doelgroep_ids) -> list[tuple[int, int, int, datetime.date]]:
    """(locatie_id, doelgroep_id, aantal, datum) of the latest occupancy count on or before ``datum`` per location
    of ``locaties`` (an Opvanglocatie QuerySet) and doelgroep of ``doelgroep_ids``; pairs never counted are left
    out. One query that probes the unique index on (locatie, doelgroep, datum), read backwards, once per pair and
    field, so its cost grows with the locations, not with the history (unlike
    :meth:`opvang.models.GedateerdQuerySet.geldend_op`, which reads every row of the groups it answers for)."""
    doelgroep_ids = list(doelgroep_ids)
    kolommen = {}
    for doelgroep_id in doelgroep_ids:
        laatste = Bezetting.objects.filter(locatie=OuterRef("pk"), doelgroep_id=doelgroep_id, datum__lte=datum)
        laatste = laatste.order_by("-datum")
        kolommen[f"aantal_{doelgroep_id}"] = Subquery(laatste.values("aantal")[:1])
        kolommen[f"datum_{doelgroep_id}"] = Subquery(laatste.values("datum")[:1])
    if not kolommen:
        return []
    return [
        (rij["pk"], doelgroep_id, rij[f"aantal_{doelgroep_id}"], rij[f"datum_{doelgroep_id}"])
        for rij in locaties.order_by().values("pk", **kolommen)
        for doelgroep_id in doelgroep_ids
        if rij[f"datum_{doelgroep_id}"] is not None
    ]


class Referentie:
    """Doelgroepen and opgaven (a handful of reference rows), read once per request or report, and per
    date the locations, stands and occupancy of all doelgroepen at once.

    Pass one instance to the functions below that accept ``ref`` so a page that shows several
    overviews does not read the same rows again for each of them.
    """

    def __init__(self):
        self._doelgroepen = None
        self._opgaven = None
        self._per_datum = {}

    def per_datum(self, naam: str, datum, maak):
        """``maak()`` once per (naam, datum)."""
        if (naam, datum) not in self._per_datum:
            self._per_datum[naam, datum] = maak()
        return self._per_datum[naam, datum]

    def doelgroepen(self) -> dict:
        if self._doelgroepen is None:
            self._doelgroepen = {d.code: d for d in Doelgroep.objects.all()}
        return self._doelgroepen

    def doelgroep(self, code):
        try:
            return self.doelgroepen()[code]
        except KeyError:
            raise Doelgroep.DoesNotExist(code) from None

    def opgaven(self, doelgroep_code: str) -> list[rules.OpgaveWaarde]:
        if self._opgaven is None:
            self._opgaven = {}
            for o in Opgave.objects.select_related("doelgroep").order_by("geldig_vanaf"):
                self._opgaven.setdefault(o.doelgroep.code, []).append(
                    rules.OpgaveWaarde(o.geldig_vanaf, o.plaatsen, o.amv_plaatsen, o.bron, o.cyclus_einde)
                )
        return self._opgaven.get(doelgroep_code, [])

    def opgave_op(self, doelgroep_code: str, datum) -> rules.OpgaveWaarde | None:
        return rules.geldend_op(self.opgaven(doelgroep_code), datum, lambda o: o.geldig_vanaf)


def locatie_standen(doelgroep, datum, ref: Referentie | None = None) -> list[rules.LocatieStand]:
    """Per active location of ``doelgroep``: its capacity (own stand or a reservation) and occupancy on ``datum``.

    Three queries whatever the history length, shared by all doelgroepen on the same date through ``ref``:
    the active locations with their doelgroepen, the latest stands, the latest occupancy.
    """
    ref = ref or Referentie()
    koppelingen = ref.per_datum(
        "locaties",
        datum,
        lambda: list(
            Opvanglocatie.objects.filter(rules.actief_q(datum))
            .order_by("naam", "pk")
            .values_list(
                "pk", "naam", "doelgroepen", "capaciteitsstanden__doelgroep", "capaciteitsstanden__gereserveerd_voor"
            )
        ),
    )
    locaties = dict.fromkeys((pk, naam) for pk, naam, *groepen in koppelingen if doelgroep.pk in groepen)
    standen = {}
    for s in ref.per_datum("standen", datum, lambda: list(actuele_standen(datum).values_list(*rules.STAND_VELDEN))):
        standen.setdefault(s[0], []).append(rules.StandWaarde(*s))
    bezettingen = ref.per_datum(  # plain values of the active locations, all doelgroepen at once
        "bezettingen",
        datum,
        lambda: laatste_bezettingen(
            datum,
            Opvanglocatie.objects.filter(pk__in={pk for pk, *_rest in koppelingen}),
            [d.pk for d in ref.doelgroepen().values()],
        ),
    )
    bezet = {pk: (aantal, dag) for pk, doelgroep_id, aantal, dag in bezettingen if doelgroep_id == doelgroep.pk}
    return [
        rules.locatie_stand(pk, naam, doelgroep.pk, standen.get(pk, ()), *bezet.get(pk, (None, None)))
        for pk, naam in locaties
    ]


def doelgroep_overzicht(doelgroep_code: str, peildatum, ref: Referentie | None = None) -> rules.DoelgroepOverzicht:
    ref = ref or Referentie()
    doelgroep = ref.doelgroep(doelgroep_code)
    return rules.bereken_overzicht(
        doelgroep.code,
        doelgroep.naam,
        peildatum,
        ref.opgave_op(doelgroep_code, peildatum),
        locatie_standen(doelgroep, peildatum, ref),
        marge=settings.OPVANG_RISICO_MARGE_PROCENT,
        grenzen=grenzen(),
    )


def spreidingswet_pijplijn(
    peildatum, ref: Referentie | None = None, overzicht: rules.DoelgroepOverzicht | None = None
) -> rules.SpreidingswetPijplijn:
    """``overzicht``: the asielzoekers' :func:`doelgroep_overzicht` on ``peildatum`` if the caller has it."""
    ref = ref or Referentie()
    doelgroep = ref.doelgroep("asielzoekers")
    locaties = Opvanglocatie.objects.filter(Q(type=LocatieType.SPREIDINGSWET) | Q(doelgroepen=doelgroep)).distinct()
    locaties = locaties.prefetch_related(Prefetch("mijlpalen", queryset=Mijlpaal.objects.all()))
    pijplijn = []
    for loc in locaties.order_by("naam"):
        mijlpalen = list(loc.mijlpalen.all())
        fase = rules.fase_op([(m.fase, m.datum, m.gepland) for m in mijlpalen], peildatum)
        bereikt = next((m for m in mijlpalen if m.fase == fase and not m.gepland), None)
        pijplijn.append(
            rules.PijplijnLocatie(
                loc.naam,
                fase,
                loc.geplande_plaatsen,
                loc.geplande_amv_plaatsen,
                bereikt.datum if bereikt else None,
                bereikt.besluit_referentie if bereikt else "",
                loc.get_absolute_url(),
            )
        )
    ov = overzicht or doelgroep_overzicht("asielzoekers", peildatum, ref)
    return rules.bereken_pijplijn(
        peildatum, ref.opgave_op("asielzoekers", peildatum), pijplijn, ov.beschikbaar, ov.capaciteit_amv
    )


def beleidsdatums(peildatum, ref: Referentie | None = None) -> list[rules.BeleidsdatumStand]:
    """Policy dates as they held on ``peildatum`` (per code the stand in force then) plus the cycle end of each
    opgave in force, with days remaining."""
    ref = ref or Referentie()
    per_code = rules.tijdlijnen(
        Beleidsdatum.objects.select_related("doelgroep"),
        lambda b: b.code,
        lambda b: b.geldig_vanaf or datetime.date.min,  # without a date: since always
    )
    uit = [
        rules.beleidsdatum_stand(
            b.code, b.naam, b.datum, peildatum, b.doelgroep.code if b.doelgroep else None, b.bron, b.geldig_vanaf
        )
        for tijdlijn in per_code.values()
        if (b := tijdlijn.op(peildatum)) is not None
    ]
    for doelgroep in ref.doelgroepen().values():
        o = ref.opgave_op(doelgroep.code, peildatum)
        if o is not None and o.cyclus_einde:
            uit.append(
                rules.beleidsdatum_stand(
                    f"cyclus-einde-{doelgroep.code}",
                    _("Einde cyclus opgave %(doelgroep)s") % {"doelgroep": doelgroep.naam},
                    o.cyclus_einde,
                    peildatum,
                    doelgroep.code,
                    o.bron,
                )
            )
    return sorted(uit, key=lambda b: (b.datum, b.naam))


def laatste_tellingen(peildatum) -> list[rules.Telling]:
    """Per location in use on ``peildatum`` and per doelgroep it houses: the latest occupancy count on or before
    that date (none: ``datum`` None, *onbekend*) and whether it is verouderd then
    (``OPVANG_BEZETTING_VEROUDERD_DAGEN``, :func:`noordwijk_migratie.actualiteit.is_verouderd`). Two queries;
    for reminders that ask for a new count."""
    tellingen = {(b.locatie_id, b.doelgroep_id): b for b in actuele_bezettingen(peildatum)}
    locaties = (
        Opvanglocatie.objects.filter(rules.actief_q(peildatum))
        .order_by("naam", "pk")
        .values_list("pk", "naam", "doelgroepen", "doelgroepen__code")
    )
    return [
        rules.telling(pk, naam, code, b.datum if b else None, b.aantal if b else None, peildatum, grenzen())
        for pk, naam, doelgroep_id, code in locaties
        if doelgroep_id is not None
        for b in [tellingen.get((pk, doelgroep_id))]
    ]


def mijlpalen_over_datum(peildatum):
    """QuerySet of the milestones still "gepland" after their date on ``peildatum``, of locations not stopped
    by then (:func:`opvang.rules.mijlpaal_over_datum`)."""
    return Mijlpaal.objects.filter(rules.mijlpaal_over_datum_q(peildatum)).select_related("locatie")


def signalen(
    peildatum,
    ref: Referentie | None = None,
    datums: list[rules.BeleidsdatumStand] | None = None,
    overzicht=doelgroep_overzicht,
) -> list[rules.Signaal]:
    """``datums``: :func:`beleidsdatums` on ``peildatum`` if the caller already has them; ``overzicht``: how the
    caller gets :func:`doelgroep_overzicht` (the dashboard: the overviews its panels already built)."""
    ref = ref or Referentie()
    codes = set(ref.doelgroepen())
    overzichten = [overzicht(c, peildatum, ref) for c in OVERZICHT_DOELGROEPEN if c in codes]
    return rules.signalen_voor(
        overzichten,
        beleidsdatums(peildatum, ref) if datums is None else datums,
        drempel_procent=settings.OPVANG_SIGNAAL_BEZETTING_PROCENT,
        dagen=settings.OPVANG_SIGNAAL_DAGEN,
        grenzen=grenzen(),
        mijlpalen=[(m.locatie.naam, m.fase, m.datum) for m in mijlpalen_over_datum(peildatum).order_by("datum", "pk")],
    )


def oekraine_maandcijfers(van, tot) -> list[rules.Maandcijfer]:
    return [
        rules.Maandcijfer(
            m.maand, m.leefgeld_ontvangers, m.leefgeld_bedrag, m.eigen_bijdrage_betalers, m.eigen_bijdrage_bedrag
        )
        for m in OekraineMaandcijfer.objects.filter(maand__gte=van, maand__lte=tot).order_by("maand")
    ]


def locatie_detail(locatie) -> dict:
    """Milestones, capacity stands, today's capacity per doelgroep and the occupancy history of one location.

    ``bezetting_per_doelgroep``: (doelgroep, [(datum, bezet, capaciteit on that date or None)]) for the chart.
    """
    vandaag = timezone.localdate()
    mijlpalen = sorted(locatie.mijlpalen.all(), key=lambda m: rules.FASEN.index(m.fase))
    for m in mijlpalen:  # a plan of a stopped location lapsed with it; one past its date is a signal
        m.over_datum = rules.mijlpaal_over_datum(m.gepland, m.datum, locatie.fase, vandaag)
    standen = list(
        locatie.capaciteitsstanden.select_related("doelgroep", "gereserveerd_voor").order_by(
            "doelgroep__volgorde", "-ingangsdatum"
        )
    )
    bezettingen = list(locatie.bezettingen.select_related("doelgroep").order_by("datum"))
    per_doelgroep = rules.tijdlijnen(standen, lambda s: s.doelgroep, lambda s: s.ingangsdatum)
    huidig = [
        (
            doelgroep,
            rules.locatie_regel(rules.locatie_stand(locatie.pk, locatie.naam, doelgroep.pk, [s]), vandaag, grenzen()),
        )
        for doelgroep, tijdlijn in per_doelgroep.items()
        if (s := tijdlijn.op(vandaag)) is not None
    ]
    verloop = {}
    for b in bezettingen:
        capaciteit = per_doelgroep[b.doelgroep].op(b.datum) if b.doelgroep in per_doelgroep else None
        verloop.setdefault(b.doelgroep, []).append((b.datum, b.aantal, capaciteit.plaatsen if capaciteit else None))
    return {
        "mijlpalen": mijlpalen,
        "standen": standen,
        "huidige_capaciteit": huidig,
        "recente_bezettingen": list(reversed(bezettingen[-20:])),
        "aantal_bezettingen": len(bezettingen),
        "bezetting_per_doelgroep": list(verloop.items()),
    }


def locaties_met_mijlpalen_sinds(datum):
    """The locations with a milestone dated on or after ``datum``, each with all its milestones prefetched (two
    queries): the decisions and deadlines of the halfjaarrapportage."""
    return (
        Opvanglocatie.objects.filter(mijlpalen__datum__gte=datum)
        .distinct()
        .order_by("naam", "pk")
        .prefetch_related(Prefetch("mijlpalen", queryset=Mijlpaal.objects.order_by("datum", "pk")))
    )


def beleidsdatum_toelichtingen() -> dict[tuple[str, datetime.date], str]:
    """The toelichting of every stand of a policy date, by (code, datum)."""
    return {(code, dag): tekst for code, dag, tekst in Beleidsdatum.objects.values_list("code", "datum", "toelichting")}
