"""Registry of computed indicators ("Meetbaar door" lines whose value the product can compute).

An app exposes a figure in its own ``indicatoren.py``::

    from noordwijk_migratie.indicatoren import Berekend, indicator

    @indicator("taakstelling_voldaan")
    def taakstelling_voldaan(peildatum):
        ...
        return Berekend(waarde=False, toelichting="Saldo eind 2024: −25 (achterstand)")

The programme app shows these values beside manual measurements; reports read them too. A
function returns ``None`` when there is no data for that date. Values are never copied by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import import_module
from importlib.util import find_spec

# The codes of the computed indicators of Bijlage 1 and the app that computes each.
CODES = {
    "taakstelling_voldaan": "taakstelling",  # Voldoen we aan taakstelling? (ja/nee)
    "regio_slechter_dan_gemiddeld": "taakstelling",  # Doen we het slechter dan gemiddeld in de (sub)regio? (ja/nee)
    "inburgering_succesratio": "taakstelling",  # Deelname aan en succesratio inburgering (percentage)
    "partners_betrokken": "themasessies",  # Goed contact met (maatschappelijke) partners (percentage aanwezig)
    "iw_inschrijvingen_rni_brp": "internationale_werknemers",  # inschrijvingen RNI en BRP (aantal)
    "iw_woningen_voldoen_normen": "internationale_werknemers",  # vergunde woningen die voldoen (percentage)
    "iw_woningen_terug_in_voorraad": "internationale_werknemers",  # woningen terug naar de voorraad (aantal)
    "iw_initiatieven_voldoen": "internationale_werknemers",  # initiatieven die voldoen aan voorwaarden (percentage)
    "iw_informatiebereik": "internationale_werknemers",  # bereik informatieapp en informatiepunt (aantal)
}


@dataclass(frozen=True)
class Berekend:
    waarde: bool | int | Decimal | str | None
    toelichting: str


REGISTER: dict[str, Callable[[date], Berekend | None]] = {}


def indicator(code: str):
    if code not in CODES:
        raise ValueError(f"Onbekende indicatorcode {code!r}; voeg hem toe aan CODES.")

    def decorator(func):
        REGISTER[code] = func
        return func

    return decorator


def laad_registratie() -> dict[str, Callable]:
    """Import every app's ``indicatoren`` module so its functions register themselves."""
    for app in sorted(set(CODES.values())):
        if find_spec(app) and find_spec(f"{app}.indicatoren"):
            import_module(f"{app}.indicatoren")
    return REGISTER


def bereken(code: str, peildatum: date) -> Berekend | None:
    functie = laad_registratie().get(code)
    return functie(peildatum) if functie else None
