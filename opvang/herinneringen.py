"""The opvang reminder kinds (registered in bijdragen.py): policy dates approaching (the RTB end, the end of
a Spreidingswet cycle, council meetings entered as policy dates), a milestone past its date still
"gepland", and an occupancy count or capacity stand older than its limit.

Each function yields the items open on ``vandaag`` (see :class:`noordwijk_migratie.registry.Aanleiding`),
from the same queries as the pages (:mod:`opvang.queries`). Newcomers are only ever counted.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie.actualiteit import is_verouderd
from noordwijk_migratie.getallen import datum
from noordwijk_migratie.models import Doelgroep
from noordwijk_migratie.registry import Aanleiding

from . import queries
from .models import Beleidsdatum

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
    """Milestones still "gepland" after their date (:func:`opvang.queries.mijlpalen_over_datum`, the
    dashboard's signal): due the day after."""
    for m in queries.mijlpalen_over_datum(vandaag).prefetch_related("locatie__doelgroepen").order_by("datum", "pk"):
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


def bezetting_verouderd(vandaag):
    """The latest occupancy count of a location in use (per doelgroep) is verouderd
    (:func:`opvang.queries.laatste_tellingen`; never counted is unknown, not verouderd)."""
    namen = dict(Doelgroep.objects.values_list("code", "naam"))
    for t in queries.laatste_tellingen(vandaag):
        if not t.verouderd:
            continue
        yield Aanleiding(
            f"{t.locatie_id}-{t.doelgroep_code}-{t.datum.isoformat()}",
            t.datum,
            _(
                "De bezetting van %(locatie)s (%(doelgroep)s) is het laatst geteld op %(datum)s, "
                "meer dan %(dagen)s dagen geleden."
            )
            % {
                "locatie": t.locatie,
                "doelgroep": namen.get(t.doelgroep_code, t.doelgroep_code),
                "datum": datum(t.datum),
                "dagen": queries.grenzen().bezetting_dagen,
            },
            reverse("opvang:opvanglocatie_detail", args=[t.locatie_id]),
            (t.doelgroep_code,),
        )


def capaciteit_verouderd(vandaag):
    """The capacity stand in force at a location in use (per doelgroep) is verouderd on ``vandaag``
    (:func:`noordwijk_migratie.actualiteit.is_verouderd`, ``OPVANG_CAPACITEIT_VEROUDERD_DAGEN``); the item's
    date is the stand's own date (the reminder is due while it stays in force)."""
    grens = queries.grenzen().capaciteit_dagen
    standen = queries.actuele_standen(vandaag).select_related("locatie", "doelgroep")
    for stand in standen.order_by("ingangsdatum", "pk"):
        if not is_verouderd(stand.ingangsdatum, vandaag, grens):
            continue
        yield Aanleiding(
            f"{stand.locatie_id}-{stand.doelgroep_id}-{stand.ingangsdatum.isoformat()}",
            stand.ingangsdatum,
            _(
                "De capaciteitsstand van %(locatie)s (%(doelgroep)s) is van %(datum)s, meer dan %(dagen)s dagen oud: "
                "klopt hij nog?"
            )
            % {
                "locatie": stand.locatie,
                "doelgroep": stand.doelgroep,
                "datum": datum(stand.ingangsdatum),
                "dagen": grens,
            },
            stand.locatie.get_absolute_url(),
            (stand.doelgroep.code,),
        )
