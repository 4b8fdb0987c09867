"""The programme's rules, pure: overdue actions, status counts, measurement validation, display of a
value, the peildata of a series and the trend sentence.

Plain values in, plain values/dataclasses out; nothing here touches the database (the query functions
are in :mod:`programma.queries`). A rule that also runs in SQL has its query form right beside it
(``te_laat_q`` beside ``is_te_laat``), and a test proves the two agree.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils.translation import gettext as _

from noordwijk_migratie import getallen
from noordwijk_migratie.getallen import datum

PROGRAMMA_START = date(2025, 7, 1)

STATUSSEN = ("niet_gestart", "loopt", "afgerond", "vertraagd", "bewust_niet")
AFGESLOTEN = ("afgerond", "bewust_niet")


def is_te_laat(status: str, gepland_eind: date | None, peildatum: date) -> bool:
    """Overdue: the planned end date has passed and the action is neither done nor consciously dropped."""
    return gepland_eind is not None and gepland_eind < peildatum and status not in AFGESLOTEN


def te_laat_q(peildatum: date, status_veld: str = "status"):
    """:func:`is_te_laat` as a query condition on actions (the dashboard signal, the list filter).
    ``status_veld``: e.g. the ``status_op`` annotation of :func:`programma.queries.acties_op`."""
    return Q(gepland_eind__lt=peildatum) & ~Q(**{f"{status_veld}__in": AFGESLOTEN})


BEGINSTATUS = "niet_gestart"


def status_op(wijzigingen: Iterable[tuple[date | None, str]], peildatum: date) -> str:
    """An action's status on ``peildatum`` from its dated (datum, status) changes: the latest on or before it;
    a change without a date holds since the beginning; before the first change an action is "niet gestart"."""
    geldig = [(d or date.min, i, status) for i, (d, status) in enumerate(wijzigingen) if d is None or d <= peildatum]
    return max(geldig)[2] if geldig else BEGINSTATUS


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


def als_waarde(waarde):
    """A stored or computed value as a plain one: bool, text or None as they are, numbers as float."""
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
