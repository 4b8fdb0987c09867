"""The programme's figures from the database: per programme line the status counts and overdue actions,
the follow-ups of the theme sessions per line, and per indicator its series of manual and computed values.

These functions load the data and leave every rule to :mod:`programma.rules`. Everything returned is
a plain dataclass, serialisable with ``dataclasses.asdict`` (dates and Decimals via DjangoJSONEncoder),
so the dashboard and the reports use the same figures as the pages.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.db.models import Count, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from noordwijk_migratie.indicatoren import functie as berekening
from themasessies.models import Vervolgactie
from themasessies.rules import vervolg_te_laat

from .models import Actie, ActieStatus, Meting, Programmalijn, Statuswijziging
from .rules import (
    BEGINSTATUS,
    PROGRAMMA_START,
    Meetpunt,
    StatusTelling,
    als_waarde,
    formatteer_waarde,
    halfjaar_peildata,
    is_te_laat,
    status_op,
    tel_statussen,
    trend_zin,
)


@dataclass
class ActieKort:
    id: int
    code: str
    tekst: str
    programmalijn: int
    subthema: str
    status: str
    status_label: str
    trekker: str
    doelgroepen: list[str]
    gepland_eind: date | None
    te_laat: bool
    url: str
    reden_niet_uitvoeren: str = ""
    werkelijk_eind: date | None = None


@dataclass
class VervolgactieKort:
    id: int
    omschrijving: str
    sessie: str
    eigenaar: str
    deadline: date | None
    status: str
    status_label: str
    te_laat: bool
    actie_code: str
    url: str


@dataclass
class LijnOverzicht:
    id: int
    nummer: int
    naam: str
    trekker: str
    statussen: StatusTelling
    aantal_acties: int
    te_laat: list[ActieKort]
    aantal_indicatoren: int
    vervolgacties_open: int
    url: str


@dataclass
class LijnActies:
    nummer: int
    naam: str
    acties: list[ActieKort] = field(default_factory=list)


@dataclass
class IndicatorReeks:
    indicator_id: int
    code: str
    tekst: str
    programmalijn: int
    type: str
    type_label: str
    eenheid: str
    richting: str
    richting_label: str
    streefwaarde: float | None
    berekening: str | None
    berekenbaar: bool
    handmatig: list[Meetpunt]
    berekend: list[Meetpunt]
    trend: str


def actie_urls():
    """``pk -> url`` of an action's detail page (its ``get_absolute_url``), reversed once: the URL of pk 0 with
    the pk in its place. For the lists of hundreds of actions, where a reverse per action costs more than the
    rest of the row."""
    begin, eind = reverse("programma:actie_detail", args=[0]).rsplit("/0/", 1)
    return lambda pk: f"{begin}/{pk}/{eind}"


def doelgroepen_per_actie(acties, veld: str = "naam") -> dict[int, list[str]]:
    """Per action (ids or a queryset of them) its doelgroepen's ``veld``, in the doelgroepen's order, read as
    plain pairs in one query: per action, and as a prefetch of the many-to-many, they cost more than the rest."""
    per_actie = {}
    paren = Actie.doelgroepen.through.objects.filter(actie_id__in=acties)
    for actie_id, waarde in paren.order_by("doelgroep__volgorde", "doelgroep__naam").values_list(
        "actie_id", f"doelgroep__{veld}"
    ):
        per_actie.setdefault(actie_id, []).append(waarde)
    return per_actie


def _wijzigingen_per_actie(pks) -> dict[int, list[tuple[date | None, str, str]]]:
    """Per action its status changes (datum, status, reden) in the model's order within an action, as plain
    tuples in one query: as a prefetch, Django sets up a queryset per action, which on hundreds of actions costs
    more than the rest."""
    per_actie = {}
    volgorde = ("actie_id", F("datum").asc(nulls_first=True), "pk")
    rijen = Statuswijziging.objects.filter(actie_id__in=pks).order_by(*volgorde)
    for actie_id, *wijziging in rijen.values_list("actie_id", "datum", "status", "reden"):
        per_actie.setdefault(actie_id, []).append(tuple(wijziging))
    return per_actie


class _ActieRij(NamedTuple):
    """The columns of an action that :class:`ActieKort` needs, read as values (no model instances)."""

    pk: int
    code: str | None
    tekst: str
    programmalijn_id: int
    lijn_nummer: int
    subthema: str | None
    trekker: str
    gepland_eind: date | None
    werkelijk_eind: date | None


def _actie_rijen(acties) -> list[_ActieRij]:
    """The actions of a queryset as :class:`_ActieRij`, in the model's order, in one query."""
    velden = ("pk", "code", "tekst", "programmalijn_id", "programmalijn__nummer", "subthema__naam", "trekker")
    return [_ActieRij(*r) for r in acties.values_list(*velden, "gepland_eind", "werkelijk_eind")]


def _acties_kort(acties: list[_ActieRij], peildatum) -> list[ActieKort]:
    """:func:`_actie_kort` of each action, with the labels of the choices translated once, the doelgroepen
    from :func:`doelgroepen_per_actie` and the status changes from :func:`_wijzigingen_per_actie`."""
    pks = [a.pk for a in acties]
    namen, wijzigingen = doelgroepen_per_actie(pks), _wijzigingen_per_actie(pks)
    trekkers = {waarde: str(label) for waarde, label in Actie._meta.get_field("trekker").flatchoices}
    statussen = {waarde: str(label) for waarde, label in ActieStatus.choices}
    url = actie_urls()
    return [
        _actie_kort(a, peildatum, trekkers, statussen, namen.get(a.pk, []), url(a.pk), wijzigingen.get(a.pk, []))
        for a in acties
    ]


def _actie_kort(
    actie: _ActieRij, peildatum, trekkers: dict, statussen: dict, doelgroepen: list[str], url: str, wijzigingen: list
) -> ActieKort:
    """The action as it stood on ``peildatum``: its status then (from its dated status changes) and the reason
    recorded with that change."""
    status = status_op(((d, s) for d, s, _reden in wijzigingen), peildatum)
    reden = next((r for d, s, r in reversed(wijzigingen) if s == status and (d or date.min) <= peildatum), "")
    return ActieKort(
        id=actie.pk,
        code=actie.code or "",
        tekst=actie.tekst,
        programmalijn=actie.lijn_nummer,
        subthema=actie.subthema or "",
        status=status,
        status_label=statussen[status],
        trekker=trekkers.get(actie.trekker, actie.trekker),
        doelgroepen=doelgroepen,
        gepland_eind=actie.gepland_eind,
        te_laat=is_te_laat(status, actie.gepland_eind, peildatum),
        url=url,
        reden_niet_uitvoeren=reden if status == ActieStatus.BEWUST_NIET else "",
        werkelijk_eind=actie.werkelijk_eind if actie.werkelijk_eind and actie.werkelijk_eind <= peildatum else None,
    )


def acties_op(peildatum: date):
    """Actions annotated with ``status_op``, their status on ``peildatum`` (:func:`programma.rules.status_op`
    in SQL), for conditions such as ``te_laat_q(peildatum, "status_op")``."""
    laatste = Statuswijziging.objects.filter(Q(datum__isnull=True) | Q(datum__lte=peildatum), actie=OuterRef("pk"))
    laatste = laatste.order_by(F("datum").desc(nulls_last=True)).values("status")[:1]
    return Actie.objects.annotate(status_op=Coalesce(Subquery(laatste), Value(BEGINSTATUS)))


def _lijnen_met_tellingen(lijnen):
    """The programme lines with the counts :class:`LijnOverzicht` shows."""
    return lijnen.annotate(
        n_indicatoren=Count("indicatoren", distinct=True),
        n_vervolg_open=Count("vervolgacties", filter=~Q(vervolgacties__status="afgerond"), distinct=True),
    )


def _lijn_overzicht(lijn, acties: list[ActieKort], peildatum: date) -> LijnOverzicht:
    return LijnOverzicht(
        id=lijn.pk,
        nummer=lijn.nummer,
        naam=lijn.naam,
        trekker=lijn.get_trekker_display(),
        statussen=tel_statussen(((a.status, a.gepland_eind) for a in acties), peildatum),
        aantal_acties=len(acties),
        te_laat=[a for a in acties if a.te_laat],
        aantal_indicatoren=lijn.n_indicatoren,
        vervolgacties_open=lijn.n_vervolg_open,
        url=lijn.get_absolute_url(),
    )


def _per_lijn(lijnen, peildatum: date) -> list[tuple[Programmalijn, list[ActieKort]]]:
    """Each line with :func:`_acties_kort` of its actions, for all lines at once (the actions as values)."""
    lijnen = list(lijnen)
    per_lijn: dict[int, list[ActieKort]] = {lijn.pk: [] for lijn in lijnen}
    rijen = _actie_rijen(Actie.objects.filter(programmalijn__in=lijnen))
    for rij, actie in zip(rijen, _acties_kort(rijen, peildatum), strict=True):
        per_lijn[rij.programmalijn_id].append(actie)
    return [(lijn, per_lijn[lijn.pk]) for lijn in lijnen]


def programma_overzicht(peildatum: date | None = None) -> list[LijnOverzicht]:
    """Per programme line: status counts, overdue actions, indicators and open follow-ups on ``peildatum``."""
    peildatum = peildatum or timezone.localdate()
    return [
        _lijn_overzicht(lijn, acties, peildatum)
        for lijn, acties in _per_lijn(_lijnen_met_tellingen(Programmalijn.objects.all()), peildatum)
    ]


def lijn_met_acties(lijn, peildatum: date) -> tuple[LijnOverzicht, list[ActieKort]]:
    """One programme line's overview (as in :func:`programma_overzicht`) and its actions, for its own page:
    only this line's actions are loaded, once."""
    [(lijn, acties)] = _per_lijn(_lijnen_met_tellingen(Programmalijn.objects.filter(pk=lijn.pk)), peildatum)
    return _lijn_overzicht(lijn, acties, peildatum), acties


def acties_per_lijn(peildatum: date | None = None) -> list[LijnActies]:
    """Every action grouped by programme line, with its status and whether it is overdue on ``peildatum``."""
    peildatum = peildatum or timezone.localdate()
    return [
        LijnActies(lijn.nummer, lijn.naam, acties) for lijn, acties in _per_lijn(Programmalijn.objects.all(), peildatum)
    ]


def acties_van_lijn(lijn, peildatum: date) -> list[ActieKort]:
    """The actions of one programme line (for a report section about that line alone)."""
    return _acties_kort(_actie_rijen(Actie.objects.filter(programmalijn=lijn)), peildatum)


def vervolgacties_voor_lijn(lijn, peildatum: date | None = None) -> list[VervolgactieKort]:
    """Follow-up actions of theme sessions that belong to this programme line (directly or via an action)."""
    peildatum = peildatum or timezone.localdate()
    qs = Vervolgactie.objects.filter(programmalijn=lijn).select_related("sessie", "actie").order_by("deadline", "pk")
    return [
        VervolgactieKort(
            id=v.pk,
            omschrijving=v.omschrijving,
            sessie=str(v.sessie),
            eigenaar=v.eigenaar,
            deadline=v.deadline,
            status=v.status,
            status_label=v.get_status_display(),
            te_laat=vervolg_te_laat(v.deadline, v.afgerond_op, peildatum),
            actie_code=(v.actie.code or str(v.actie)) if v.actie_id else "",
            url=v.get_absolute_url(),
        )
        for v in qs
    ]


def _meetpunt(waarde, d: date, indicator, soort: str, bron: str, toelichting: str) -> Meetpunt:
    waarde = als_waarde(waarde)
    return Meetpunt(
        datum=d,
        waarde=waarde,
        weergave=formatteer_waarde(waarde, indicator.type, indicator.eenheid),
        soort=soort,
        bron=bron,
        toelichting=toelichting,
    )


def laatste_metingen(indicatoren, tot: date, aantal: int, van: date | None = None) -> dict[int, list]:
    """Per indicator its latest ``aantal`` manual measurements in [van, tot], oldest first, in one query
    (the report shows only the latest points of each series; the indicator page reads them all)."""
    van = van or min(PROGRAMMA_START, tot)
    rang = Window(RowNumber(), partition_by=F("indicator_id"), order_by=(F("datum").desc(), F("pk").desc()))
    qs = (
        Meting.objects.filter(indicator__in=indicatoren, datum__gte=van, datum__lte=tot)
        .annotate(rang=rang)
        .filter(rang__lte=aantal)
        .order_by("indicator_id", "datum", "pk")
    )
    per_indicator = {}
    for meting in qs:
        per_indicator.setdefault(meting.indicator_id, []).append(meting)
    return per_indicator


def indicator_reeks(indicator, van: date | None = None, tot: date | None = None, metingen=None) -> IndicatorReeks:
    """Manual measurements in [van, tot] and computed values at the half-year ends plus ``tot``.
    ``metingen``: the manual measurements already read (``laatste_metingen``), oldest first."""
    tot = tot or timezone.localdate()
    van = van or min(PROGRAMMA_START, tot)
    if metingen is None:
        metingen = indicator.metingen.filter(datum__gte=van, datum__lte=tot).order_by("datum", "pk")
    handmatig = [_meetpunt(m.waarde, m.datum, indicator, "handmatig", m.bron, m.toelichting) for m in metingen]
    functie = berekening(indicator.berekening)
    berekend = []
    if functie is not None:
        for d in halfjaar_peildata(van, tot):
            uitkomst = functie(d)
            if uitkomst is not None:
                berekend.append(
                    _meetpunt(
                        uitkomst.waarde,
                        d,
                        indicator,
                        "berekend",
                        _("berekend door de applicatie"),
                        uitkomst.toelichting,
                    )
                )
    basis = berekend or handmatig
    return IndicatorReeks(
        indicator_id=indicator.pk,
        code=indicator.code or "",
        tekst=indicator.tekst,
        programmalijn=indicator.programmalijn.nummer,
        type=indicator.type,
        type_label=indicator.get_type_display(),
        eenheid=indicator.eenheid,
        richting=indicator.richting,
        richting_label=indicator.get_richting_display(),
        streefwaarde=float(indicator.streefwaarde) if indicator.streefwaarde is not None else None,
        berekening=indicator.berekening,
        berekenbaar=functie is not None,
        handmatig=handmatig,
        berekend=berekend,
        trend=trend_zin(basis, indicator.type, indicator.richting, indicator.streefwaarde, indicator.eenheid),
    )
