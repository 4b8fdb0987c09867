"""The shape of a dashboard panel (also a section of the halfjaarrapportage).

A panel is a plain JSON-serialisable dict, so the same figures appear on the dashboard and, stored
in a report's snapshot, in the PDF. Apps build theirs with :func:`paneel` and :func:`cijfer` and
declare them in their ``bijdragen.py`` (see :mod:`noordwijk_migratie.registry`).
"""

STATUS_KLASSE = {"op_schema": "ok", "risico": "risico", "achter": "achter"}


def cijfer(label, waarde, url=None, eenheid="", stand="", verouderd=False) -> dict:
    """One key figure. ``stand``: the date it carries ("telling 30-06-2025", see
    :func:`noordwijk_migratie.actualiteit.label`); ``verouderd``: older than its limit on the peildatum."""
    return {
        "label": str(label),
        "waarde": waarde,
        "eenheid": eenheid,
        "url": url,
        "stand": str(stand),
        "verouderd": verouderd,
    }


def paneel(code, titel, url, status, status_label, regel, cijfers, grafieken=(), toelichting="") -> dict:
    return {
        "code": code,
        "titel": str(titel),
        "url": url,
        "status": status if status in STATUS_KLASSE else "onbekend",
        "status_klasse": STATUS_KLASSE.get(status, "onbekend"),
        "status_label": str(status_label),
        "regel": str(regel),
        "toelichting": str(toelichting),
        "cijfers": cijfers,
        "grafieken": list(grafieken),
    }


def gedeeld_paneel(functie, peil) -> dict | None:
    """The panel of ``functie`` on ``peil``, computed once per report (its section and the kernboodschap)."""
    return peil.gedeeld(f"paneel:{functie.__module__}.{functie.__qualname__}", lambda: functie(peil))


def als_sectie(functie):
    """The report section of a panel function: the same data, drawn by pdf/secties/paneel.html."""

    def sectie(peil) -> dict:
        data = gedeeld_paneel(functie, peil)
        return {**(data or {"leeg": True, "cijfers": [], "grafieken": []}), "sjabloon": "paneel"}

    sectie.__name__ = f"{functie.__name__}_sectie"
    return sectie
