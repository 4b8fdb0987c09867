"""The opvang reminder kinds (registered in bijdragen.py): policy dates approaching (the RTB end, the end of
a Spreidingswet cycle, council meetings entered as policy dates), a milestone past its date still
"gepland", and an occupancy count or capacity stand older than its limit.

Each function yields the items open on ``vandaag`` (see :class:`noordwijk_migratie.registry.Aanleiding`),
from the same queries as the pages (:mod:`opvang.queries`). Newcomers are only ever counted.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.actualiteit import is_verouderd
from noordwijk_migratie.getallen import datum
from noordwijk_migratie.registry import Aanleiding

from . import queries
from .models import Beleidsdatum, Mijlpaal

DAG = timedelta(days=1)


def beleidsdatums(vandaag):
    """Every policy date of :func:`opvang.queries.beleidsdatums` not yet passed (the lead times count back)."""
    # the row by code and date: the stand in force, also when a code has several stands over time
    eigen = {(code, dag): pk for code, dag, pk in Beleidsdatum.objects.values_list("code", "datum", "pk")}
    for b in queries.beleidsdatums(vandaag):
        if b.verstreken:
            continue
        url = (
            reverse("opvang:beleidsdatum_detail", args=[eigen[b.code, b.datum]])
            if (b.code, b.datum) in eigen
            else reverse("opvang:opgave_list")  # the cycle end of an opgave
        )
        yield Aanleiding(
            b.code,
            b.datum,
            _("%(naam)s: %(datum)s.") % {"naam": b.naam, "datum": datum(b.datum)},
            url,
            (b.doelgroep_code,) if b.doelgroep_code else (),
        )


def mijlpalen_verlopen(vandaag):
    """Milestones still "gepland" after their date: due the day after."""
    qs = Mijlpaal.objects.filter(gepland=True, datum__lt=vandaag).select_related("locatie")
    for m in qs.prefetch_related("locatie__doelgroepen").order_by("datum", "pk"):
        yield Aanleiding(
            str(m.pk),
            m.datum + DAG,
            _(
                "Mijlpaal %(fase)s van %(locatie)s stond gepland op %(datum)s en staat nog op 'gepland': "
                "leg vast dat hij is bereikt of verschuif de datum."
            )
            % {"fase": m.get_fase_display().lower(), "locatie": m.locatie, "datum": datum(m.datum)},
            m.get_absolute_url(),
            tuple(d.code for d in m.locatie.doelgroepen.all()),
        )


def _verouderd(vandaag, rijen, datumveld: str, grens: int, tekst: str):
    """The rows whose date is verouderd on ``vandaag`` (:func:`noordwijk_migratie.actualiteit.is_verouderd`);
    the item's date is the count's own date (the reminder is due while it stays the latest)."""
    for rij in rijen.select_related("locatie", "doelgroep").order_by(datumveld, "pk"):
        dag = getattr(rij, datumveld)
        if not is_verouderd(dag, vandaag, grens):
            continue
        yield Aanleiding(
            f"{rij.locatie_id}-{rij.doelgroep_id}-{dag.isoformat()}",
            dag,
            tekst % {"locatie": rij.locatie, "doelgroep": rij.doelgroep, "datum": datum(dag), "dagen": grens},
            rij.locatie.get_absolute_url(),
            (rij.doelgroep.code,),
        )


def bezetting_verouderd(vandaag):
    """The latest occupancy of a location in use (per doelgroep) is older than its limit."""
    return _verouderd(
        vandaag,
        queries.actuele_bezettingen(vandaag),
        "datum",
        settings.OPVANG_BEZETTING_VEROUDERD_DAGEN,
        _(
            "De bezetting van %(locatie)s (%(doelgroep)s) is het laatst geteld op %(datum)s, meer dan %(dagen)s dagen geleden."
        ),
    )


def capaciteit_verouderd(vandaag):
    """The capacity stand in force at a location in use (per doelgroep) is older than its limit."""
    return _verouderd(
        vandaag,
        queries.actuele_standen(vandaag),
        "ingangsdatum",
        settings.OPVANG_CAPACITEIT_VEROUDERD_DAGEN,
        _(
            "De capaciteitsstand van %(locatie)s (%(doelgroep)s) is van %(datum)s, meer dan %(dagen)s dagen oud: "
            "klopt hij nog?"
        ),
    )
