"""Programme arithmetic: status counts, overdue actions, measurement validation, series and trends.

The pure functions at the top take plain values and return plain values/dataclasses; the query
functions below them load data and call the pure ones. Everything returned is a plain dataclass,
serialisable with ``dataclasses.asdict`` (dates and Decimals via DjangoJSONEncoder), so the
dashboard and the reports can use the same figures as the pages.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from noordwijk_migratie import getallen
from noordwijk_migratie.getallen import datum

PROGRAMMA_START = date(2025, 7, 1)

STATUSSEN = ("niet_gestart", "loopt", "afgerond", "vertraagd", "bewust_niet")
AFGESLOTEN = ("afgerond", "bewust_niet")


# --- pure functions -----------------------------------------------------------------------------


def is_te_laat(status: str, gepland_eind: date | None, peildatum: date) -> bool:
    """Overdue: the planned end date has passed and the action is neither done nor consciously dropped."""
    return gepland_eind is not None and gepland_eind < peildatum and status not in AFGESLOTEN


def te_laat_q(peildatum: date):
    """:func:`is_te_laat` as a query condition on actions (counted in SQL for the dashboard)."""
    from django.db.models import Q

    return Q(gepland_eind__lt=peildatum) & ~Q(status__in=AFGESLOTEN)


@dataclass
class StatusTelling:
    niet_gestart: int = 0
    loopt: int = 0
    afgerond: int = 0
    vertraagd: int = 0
    bewust_niet: int = 0
    te_laat: int = 0

    @property
    def totaal(self) -> int:
        return sum(getattr(self, s) for s in STATUSSEN)


def tel_statussen(acties: Iterable[tuple[str, date | None]], peildatum: date) -> StatusTelling:
    """Count (status, gepland_eind) pairs per status, plus how many are overdue on ``peildatum``."""
    telling = StatusTelling()
    for status, gepland_eind in acties:
        setattr(telling, status, getattr(telling, status) + 1)
        if is_te_laat(status, gepland_eind, peildatum):
            telling.te_laat += 1
    return telling


def valideer_meetwaarde(type_: str, *, getal=None, ja_nee=None, tekst: str = "") -> dict[str, str]:
    """Dutch errors per field when a measurement does not fit its indicator's type (empty = valid)."""
    tekst = (tekst or "").strip()
    fouten = {}
    if type_ == "ja_nee":
        if ja_nee is None:
            fouten["waarde_ja_nee"] = _("Deze indicator is een ja/nee-vraag: kies ja of nee.")
        if getal is not None:
            fouten["waarde_getal"] = _("Een ja/nee-indicator heeft geen getal als waarde.")
        if tekst:
            fouten["waarde_tekst"] = _("Een ja/nee-indicator heeft geen tekst als waarde; gebruik de toelichting.")
        return fouten
    if type_ == "tekst":
        if not tekst:
            fouten["waarde_tekst"] = _("Deze indicator meet een uitkomst in tekst: beschrijf de uitkomst.")
        if getal is not None:
            fouten["waarde_getal"] = _("Deze indicator meet een uitkomst in tekst, geen getal.")
        if ja_nee is not None:
            fouten["waarde_ja_nee"] = _("Deze indicator meet een uitkomst in tekst, geen ja/nee.")
        return fouten
    # aantal, percentage, score
    if ja_nee is not None:
        fouten["waarde_ja_nee"] = _("Deze indicator meet een getal, geen ja/nee.")
    if tekst:
        fouten["waarde_tekst"] = _("Deze indicator meet een getal; zet een uitleg in de toelichting.")
    if getal is None:
        fouten["waarde_getal"] = _("Vul een getal in.")
        return fouten
    try:
        getal = Decimal(getal)
    except (InvalidOperation, TypeError, ValueError):
        fouten["waarde_getal"] = _("Vul een geldig getal in.")
        return fouten
    if getal < 0:
        fouten["waarde_getal"] = _("De waarde kan niet negatief zijn.")
    elif type_ == "percentage" and getal > 100:
        fouten["waarde_getal"] = _("Een percentage ligt tussen 0 en 100.")
    elif type_ == "score" and getal > 10:
        fouten["waarde_getal"] = _("Een score ligt tussen 0 en 10.")
    elif type_ == "aantal" and getal != getal.to_integral_value():
        fouten["waarde_getal"] = _("Een aantal is een geheel getal.")
    return fouten


def formatteer_waarde(waarde, type_: str | None, eenheid: str = "") -> str:
    """Dutch display of a value: ja/nee, 12,5 %, 1.234 inschrijvingen, or the text itself."""
    if waarde is None or waarde == "":
        return _("onbekend")
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, int | float | Decimal):
        tekst = getallen.getal(waarde)
        if type_ == "percentage":
            return f"{tekst} %"
        return f"{tekst} {eenheid}".strip()
    return str(waarde)


def halfjaar_peildata(van: date, tot: date) -> list[date]:
    """The ends of the half years (30 June, 31 December) from ``van`` up to ``tot``, plus ``tot`` itself."""
    if tot < van:
        return []
    data = []
    for jaar in range(van.year, tot.year + 1):
        for einde in (date(jaar, 6, 30), date(jaar, 12, 31)):
            if van <= einde <= tot:
                data.append(einde)
    if not data or data[-1] != tot:
        data.append(tot)
    return data


@dataclass
class Meetpunt:
    datum: date
    waarde: bool | float | str | None
    weergave: str
    soort: str  # "handmatig" or "berekend"
    bron: str = ""
    toelichting: str = ""


def _als_waarde(waarde):
    if waarde is None or isinstance(waarde, bool | str):
        return waarde
    return float(waarde)


def trend_zin(punten: list[Meetpunt], type_: str, richting: str, streefwaarde, eenheid: str = "") -> str:
    """One Dutch sentence (or a few) on the latest value, its change and how it relates to the target."""
    punten = sorted((p for p in punten if p.waarde is not None and p.waarde != ""), key=lambda p: p.datum)
    if not punten:
        return _("Nog geen metingen of berekende waarden.")
    laatste = punten[-1]
    soort = _("berekend") if laatste.soort == "berekend" else _("handmatig")
    zin = _("Laatste waarde (%(datum)s, %(soort)s): %(waarde)s.") % {
        "datum": datum(laatste.datum),
        "soort": soort,
        "waarde": laatste.weergave,
    }
    if type_ == "tekst":
        return zin + " " + _("Een uitkomst in tekst heeft geen trend; lees de uitkomsten hieronder.")
    vorige = punten[-2] if len(punten) > 1 else None
    if type_ == "ja_nee":
        if vorige is not None and vorige.waarde != laatste.waarde:
            zin += " " + _("Dat is veranderd sinds %(datum)s (toen: %(waarde)s).") % {
                "datum": datum(vorige.datum),
                "waarde": vorige.weergave,
            }
        if richting in ("ja", "nee"):
            gewenst = richting == "ja"
            if bool(laatste.waarde) == gewenst:
                zin += " " + _("Dat is de gewenste uitkomst.")
            else:
                zin += " " + _("Gewenst is: %(gewenst)s.") % {"gewenst": _("ja") if gewenst else _("nee")}
        return zin
    huidig = Decimal(str(laatste.waarde))
    if vorige is not None:
        verschil = huidig - Decimal(str(vorige.waarde))
        context = {"datum": datum(vorige.datum), "waarde": vorige.weergave}
        if verschil > 0:
            zin += " " + _("Gestegen ten opzichte van %(datum)s (%(waarde)s)") % context
        elif verschil < 0:
            zin += " " + _("Gedaald ten opzichte van %(datum)s (%(waarde)s)") % context
        else:
            zin += " " + _("Gelijk gebleven ten opzichte van %(datum)s") % context
        gewenst = {
            "hoger": verschil > 0,
            "gelijk_of_hoger": verschil >= 0,
            "lager": verschil < 0,
        }.get(richting)
        if gewenst is None:
            zin += "."
        elif gewenst:
            zin += "; " + _("dat is de gewenste richting.")
        else:
            zin += "; " + _("dat is niet de gewenste richting.")
    else:
        zin += " " + _("Er is nog geen eerdere waarde om mee te vergelijken.")
    if streefwaarde is None:
        zin += " " + _("Er is geen streefwaarde vastgelegd.")
    else:
        streef = Decimal(str(streefwaarde))
        bereikt = huidig <= streef if richting == "lager" else huidig >= streef
        weergave = formatteer_waarde(streef, type_, eenheid)
        if bereikt:
            zin += " " + _("De streefwaarde (%(streef)s) is bereikt.") % {"streef": weergave}
        else:
            zin += " " + _("De streefwaarde (%(streef)s) is nog niet bereikt; verschil %(verschil)s.") % {
                "streef": weergave,
                "verschil": getallen.getal(abs(streef - huidig)),
            }
    return zin


# --- dataclasses returned by the query functions -------------------------------------------------


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


# --- query functions -----------------------------------------------------------------------------


def _actie_kort(actie, peildatum) -> ActieKort:
    return ActieKort(
        id=actie.pk,
        code=actie.code or "",
        tekst=actie.tekst,
        programmalijn=actie.programmalijn.nummer,
        subthema=actie.subthema.naam if actie.subthema_id else "",
        status=actie.status,
        status_label=actie.get_status_display(),
        trekker=actie.get_trekker_display(),
        doelgroepen=[d.naam for d in actie.doelgroepen.all()],
        gepland_eind=actie.gepland_eind,
        te_laat=is_te_laat(actie.status, actie.gepland_eind, peildatum),
        url=actie.get_absolute_url(),
        reden_niet_uitvoeren=actie.reden_niet_uitvoeren,
        werkelijk_eind=actie.werkelijk_eind,
    )


def _acties_qs():
    from .models import Actie

    return Actie.objects.select_related("programmalijn", "subthema").prefetch_related("doelgroepen")


def programma_overzicht(peildatum: date | None = None) -> list[LijnOverzicht]:
    """Per programme line: status counts, overdue actions, indicators and open follow-ups on ``peildatum``."""
    from django.db.models import Count, Q

    from .models import Programmalijn

    peildatum = peildatum or timezone.localdate()
    lijnen = Programmalijn.objects.annotate(
        n_indicatoren=Count("indicatoren", distinct=True),
        n_vervolg_open=Count("vervolgacties", filter=~Q(vervolgacties__status="afgerond"), distinct=True),
    ).prefetch_related(Prefetch("acties", queryset=_acties_qs()))
    resultaat = []
    for lijn in lijnen:
        acties = list(lijn.acties.all())
        resultaat.append(
            LijnOverzicht(
                id=lijn.pk,
                nummer=lijn.nummer,
                naam=lijn.naam,
                trekker=lijn.get_trekker_display(),
                statussen=tel_statussen(((a.status, a.gepland_eind) for a in acties), peildatum),
                aantal_acties=len(acties),
                te_laat=[_actie_kort(a, peildatum) for a in acties if a.is_te_laat(peildatum)],
                aantal_indicatoren=lijn.n_indicatoren,
                vervolgacties_open=lijn.n_vervolg_open,
                url=lijn.get_absolute_url(),
            )
        )
    return resultaat


def acties_per_lijn(peildatum: date | None = None) -> list[LijnActies]:
    """Every action grouped by programme line, with its status and whether it is overdue on ``peildatum``."""
    from .models import Programmalijn

    peildatum = peildatum or timezone.localdate()
    lijnen = Programmalijn.objects.prefetch_related(Prefetch("acties", queryset=_acties_qs()))
    return [
        LijnActies(lijn.nummer, lijn.naam, [_actie_kort(a, peildatum) for a in lijn.acties.all()]) for lijn in lijnen
    ]


def vervolgacties_voor_lijn(lijn, peildatum: date | None = None) -> list[VervolgactieKort]:
    """Follow-up actions of theme sessions that belong to this programme line (directly or via an action)."""
    from themasessies.models import Vervolgactie
    from themasessies.services import vervolg_te_laat

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
            te_laat=vervolg_te_laat(v.status, v.deadline, v.afgerond_op, peildatum),
            actie_code=(v.actie.code or str(v.actie)) if v.actie_id else "",
            url=v.get_absolute_url(),
        )
        for v in qs
    ]


def _meetpunt_berekend(berekend, d: date, indicator) -> Meetpunt:
    waarde = _als_waarde(berekend.waarde)
    return Meetpunt(
        datum=d,
        waarde=waarde,
        weergave=formatteer_waarde(waarde, indicator.type, indicator.eenheid),
        soort="berekend",
        bron=_("berekend door de applicatie"),
        toelichting=berekend.toelichting,
    )


def indicator_reeks(indicator, van: date | None = None, tot: date | None = None) -> IndicatorReeks:
    """Manual measurements in [van, tot] and computed values at the half-year ends plus ``tot``."""
    from noordwijk_migratie.indicatoren import functie as berekening

    tot = tot or timezone.localdate()
    van = van or min(PROGRAMMA_START, tot)
    handmatig = [
        Meetpunt(
            datum=m.datum,
            waarde=_als_waarde(m.waarde),
            weergave=formatteer_waarde(m.waarde, indicator.type, indicator.eenheid),
            soort="handmatig",
            bron=m.bron,
            toelichting=m.toelichting,
        )
        for m in indicator.metingen.filter(datum__gte=van, datum__lte=tot).order_by("datum", "pk")
    ]
    functie = berekening(indicator.berekening)
    berekend = []
    if functie is not None:
        for d in halfjaar_peildata(van, tot):
            uitkomst = functie(d)
            if uitkomst is not None:
                berekend.append(_meetpunt_berekend(uitkomst, d, indicator))
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


def reeks_grafiek_spec(reeks: IndicatorReeks) -> dict | None:
    """The series as chart data (manual and computed as two labelled series); None for text indicators.
    Stored as-is in report snapshots; drawn with ``noordwijk_migratie.charts.maak_grafiek``."""
    from noordwijk_migratie.charts import grafiek_lijn

    if reeks.type == "tekst":
        return None

    def punten(lijst):
        if reeks.type == "ja_nee":
            return [(p.datum, 1 if p.waarde else 0) for p in lijst]
        return [(p.datum, float(p.waarde) if p.waarde is not None else None) for p in lijst]

    series = {}
    if reeks.handmatig:
        series[_("Handmatig")] = punten(reeks.handmatig)
    if reeks.berekend:
        series[_("Berekend")] = punten(reeks.berekend)
    refs = [(_("Streefwaarde"), float(reeks.streefwaarde))] if reeks.streefwaarde is not None else []
    y_label = {"ja_nee": _("1 = ja, 0 = nee"), "percentage": "%"}.get(reeks.type, reeks.eenheid)
    return grafiek_lijn(
        _("Verloop: %(tekst)s") % {"tekst": reeks.tekst[:80]},
        series or {_("Handmatig"): []},
        y_label=y_label,
        referentielijnen=refs,
    )


def reeks_grafiek(reeks: IndicatorReeks):
    """The series as a chart for the indicator page; None for text indicators."""
    from noordwijk_migratie.charts import maak_grafiek

    spec = reeks_grafiek_spec(reeks)
    return maak_grafiek(spec) if spec else None
