"""Computed indicators ("Meetbaar door" lines whose value the product can compute).

An app declares each computed indicator in its ``bijdragen.py``
(``Indicator("taakstelling_voldaan", indicatoren.taakstelling_voldaan, _("Voldoen we aan de taakstelling?"))``,
see :mod:`noordwijk_migratie.registry`); the function lives in the app's ``indicatoren.py``::

    def taakstelling_voldaan(peildatum):
        ...
        return Berekend(waarde=False, toelichting="Saldo eind 2024: −25 (achterstand)")

The programme app shows these values beside manual measurements (an indicator names its computation
in ``programma.Indicator.berekening``, whose choices come from the registry: a new computed indicator
needs no migration); reports read them too. A function returns ``None`` when there is no data for that
date. Values are never copied by hand. Indicators of a switched-off app are not computed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import registry


@dataclass(frozen=True)
class Berekend:
    waarde: bool | int | Decimal | str | None
    toelichting: str


def functie(code: str | None) -> Callable[[date], Berekend | None] | None:
    """The computation of ``code`` (None: unknown code or its app is switched off)."""
    gevonden = registry.indicatoren().get(code) if code else None
    return gevonden.functie if gevonden else None


def bereken(code: str, peildatum: date) -> Berekend | None:
    f = functie(code)
    return f(peildatum) if f else None
