"""Internationale werknemers: beleidsplan and actielijnen, budget, huisvestingsinitiatieven tested
against the toetsingskader, pilot locations, housing quality (SNF) and RNI/BRP registrations.

One module per sub-area (after NetBox's ``dcim/models/``); every model is importable from here, so
``from internationale_werknemers.models import Woning`` and the migrations do not depend on the split:

- :mod:`.beleid` — Beleidsplan, Actielijn, Budgetpost, Budgetjaar
- :mod:`.huisvesting` — Toetsingscriterium, Huisvestingsinitiatief, Beoordeling, Pilotlocatie, Pilotstand
- :mod:`.woningen` — Woning, Inspectie
- :mod:`.registraties` — Registratiestand, Informatiebereik

Privacy: nothing here describes a person. Registrations and information reach are counts; dwellings
are addresses of premises (not of residents); initiators are organisations.
"""

from .beleid import Actielijn, Beleidsplan, Budgetjaar, Budgetpost
from .huisvesting import Beoordeling, Huisvestingsinitiatief, Pilotlocatie, Pilotstand, Toetsingscriterium
from .registraties import Informatiebereik, Registratiestand
from .woningen import Inspectie, Woning

__all__ = [
    "Actielijn",
    "Beleidsplan",
    "Beoordeling",
    "Budgetjaar",
    "Budgetpost",
    "Huisvestingsinitiatief",
    "Informatiebereik",
    "Inspectie",
    "Pilotlocatie",
    "Pilotstand",
    "Registratiestand",
    "Toetsingscriterium",
    "Woning",
]
