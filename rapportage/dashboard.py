"""The opgavemanager's dashboard: the panels, signals and policy dates every active app registered.

The panels are plain JSON-serialisable dicts (:mod:`noordwijk_migratie.panelen`, charts as data), and
the halfjaarrapportage's sections about the same subjects use the same functions, so the dashboard and
the report show the same figures for a peildatum. Nothing here computes domain figures or knows the
apps: it assembles what ``noordwijk_migratie.registry`` holds, with one :class:`Peil` per build so
figures several panels need are computed once.

The dashboard is cached per peildatum through ``noordwijk_migratie.cache.gecachet``: every save or
delete of a project model raises the data version in its key, so it never shows stale figures.
"""

from datetime import date

from noordwijk_migratie import registry
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.registry import Peil


def dashboard(peildatum: date) -> dict:
    """Everything the dashboard shows for ``peildatum``, cached until the data changes."""
    actief = ",".join(a.label for a in registry.actieve())
    return gecachet("dashboard", (peildatum.isoformat(), actief), lambda: _bouw(peildatum))


def _bouw(peildatum: date) -> dict:
    peil = Peil(peildatum)
    panelen = (paneel.functie(peil) for paneel in registry.panelen())
    return {
        "peildatum": peildatum.isoformat(),
        "panelen": [p for p in panelen if p is not None],
        "signalen": registry.signalen(peil),
        "beleidsdatums": registry.termijnen(peil),
    }
