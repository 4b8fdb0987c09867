"""One rounding rule and one way to write numbers and dates, for pages, exports, charts and PDFs.

Percentages round half up to one decimal (1/16 = 6,3 %), everywhere. Numbers are written the Dutch
way (``1.234``, ``12,5``), dates as ``01-07-2025`` (or ``1 juli 2025`` in reports), both through
Django's format machinery with the formats in ``noordwijk_migratie/formats/nl``; signed figures
(saldi) carry a real minus sign (−17) or a plus (+19).
"""

import functools
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.signals import setting_changed
from django.db import models
from django.utils import formats, translation

MIN = "\u2212"  # the minus sign, not a hyphen


def afgerond(waarde, decimalen: int = 1) -> Decimal:
    """``waarde`` rounded half up (not to even) to ``decimalen`` decimals."""
    return Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def percentage(deel, geheel, decimalen: int = 1) -> Decimal | None:
    """``deel`` as a percentage of ``geheel``, rounded half up; None when there is no whole."""
    if deel is None or not geheel:
        return None
    return afgerond(Decimal(deel) * 100 / Decimal(geheel), decimalen)


def getal(waarde) -> str:
    """Dutch number: ``1.234``, ``12,5``, ``−0,25``; integral values without decimals, at most two
    decimals from 1 up and enough to show a small value."""
    d = Decimal(str(waarde)) if isinstance(waarde, float) else Decimal(waarde)
    if d.is_zero():
        return "0"
    if d == d.to_integral_value():
        plaatsen = 0
    else:
        plaatsen = 2 if abs(d) >= 1 else min(10, 2 - d.adjusted())
        d = d.quantize(Decimal(1).scaleb(-plaatsen), rounding=ROUND_HALF_UP).normalize()
        plaatsen = max(0, -d.as_tuple().exponent)
        if d.is_zero():
            return "0"
    tekst = formats.number_format(d, plaatsen, use_l10n=True, force_grouping=True)
    return tekst.replace("-", MIN)


def procent(waarde, decimalen: int = 1, onbekend: str = "onbekend") -> str:
    """A percentage as text with a fixed number of decimals: ``65,0 %``, ``6,3 %``."""
    if waarde is None:
        return onbekend
    return f"{formats.number_format(afgerond(waarde, decimalen), decimalen, use_l10n=True)} %".replace("-", MIN)


def saldo(n: int | None, onbekend: str = "onbekend") -> str:
    """Signed figure for saldi: +19, −17, 0."""
    if n is None:
        return onbekend
    if n > 0:
        return f"+{getal(n)}"
    return getal(n) if n < 0 else "0"


def datum(d: date | None) -> str:
    """01-07-2025 ('' for None); with the time for a datetime."""
    if d is None:
        return ""
    if isinstance(d, datetime):
        return formats.date_format(d, "SHORT_DATETIME_FORMAT")
    return _korte_datum(d)


def per_taal(functie):
    """``functie`` (of hashable arguments) computed once per arguments and active language, and forgotten
    when a setting changes (a test that switches formats or languages): for texts a dashboard or report
    writes hundreds of times with the same few values (dates, labels), where Django's formatting or a
    translation lookup costs more than the rest."""
    bewaard = functools.lru_cache(maxsize=4096)(lambda _taal, *args: functie(*args))
    setting_changed.connect(lambda **_kwargs: bewaard.cache_clear(), weak=False)

    @functools.wraps(functie)
    def binnen(*args):
        return bewaard(translation.get_language(), *args)

    return binnen


@per_taal
def _korte_datum(d: date) -> str:
    return formats.date_format(d, "SHORT_DATE_FORMAT")


def lange_datum(d: date | None) -> str:
    """1 juli 2025 ('' for None)."""
    return "" if d is None else formats.date_format(d, "DATE_FORMAT")


def is_jaar(veld) -> bool:
    """An integer field that holds a year (``jaar``, ``cohort (jaar)``): written without a thousands
    separator (2026, not 2.026) wherever it is shown."""
    return isinstance(veld, models.IntegerField) and re.search(r"\bjaar\b", str(veld.verbose_name)) is not None
