"""The statushouders' reminder kinds (registered in bijdragen.py): the two placement terms, a missing
period, a stale COA stand and the interventieladder's warning.

Each function yields the items open on ``vandaag`` (see :class:`noordwijk_migratie.registry.Aanleiding`);
the rules are those of :mod:`taakstelling.rules`. A household is only ever its size and koppeldatum
("huishouden van 3 personen, gekoppeld 01-09-2026"): never the COA reference.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from noordwijk_migratie.actualiteit import is_verouderd
from noordwijk_migratie.getallen import datum
from noordwijk_migratie.registry import Aanleiding

from . import queries, rules
from .models import CoaStand, Periode, Plaatsing

STATUSHOUDERS = ("statushouders",)
DAG = timedelta(days=1)


def huishouden(p: Plaatsing) -> str:
    return ngettext(
        "huishouden van %(n)s persoon, gekoppeld %(datum)s",
        "huishouden van %(n)s personen, gekoppeld %(datum)s",
        p.personen,
    ) % {"n": p.personen, "datum": datum(p.koppeldatum)}


def _wachtend(term_q):
    """The placements a term rule flags once their term has passed, whatever their term: the rule seen
    from a day beyond every term (the term itself is the item's date)."""
    return Plaatsing.objects.filter(term_q(date.max)).only(
        "koppeldatum", "volwassenen", "minderjarigen", "datum_huurovereenkomst"
    )


def woningaanbod(vandaag):
    """Households without a housing offer: due before and on the day 10 weeks after the koppeling."""
    for p in _wachtend(rules.koppeling_over_termijn_q).order_by("koppeldatum", "pk"):
        uiterlijk = rules.aanbod_uiterlijk(p.koppeldatum)
        yield Aanleiding(
            str(p.pk),
            uiterlijk,
            _("%(huishouden)s: uiterlijk %(datum)s een woning aanbieden (10 weken na de koppeling).")
            % {"huishouden": huishouden(p).capitalize(), "datum": datum(uiterlijk)},
            p.get_absolute_url(),
            STATUSHOUDERS,
        )


def verhuizing(vandaag):
    """Households not moved in: due before and on the day 2 weeks after the lease started."""
    for p in _wachtend(rules.verhuizing_over_termijn_q).order_by("datum_huurovereenkomst", "pk"):
        uiterlijk = rules.verhuizing_uiterlijk(p.datum_huurovereenkomst)
        yield Aanleiding(
            str(p.pk),
            uiterlijk,
            _("%(huishouden)s: huur ingegaan %(huur)s, uiterlijk %(datum)s verhuizen (2 weken na ingang huur).")
            % {
                "huishouden": huishouden(p).capitalize(),
                "huur": datum(p.datum_huurovereenkomst),
                "datum": datum(uiterlijk),
            },
            p.get_absolute_url(),
            STATUSHOUDERS,
        )


def halfjaar(dag: date) -> tuple[date, date]:
    """The half year (1 January–30 June or 1 July–31 December) that holds ``dag``."""
    if dag.month <= 6:
        return date(dag.year, 1, 1), date(dag.year, 6, 30)
    return date(dag.year, 7, 1), date(dag.year, 12, 31)


def ontbrekende_halfjaren(laatste_einddatum: date | None, vandaag: date) -> list[tuple[date, date]]:
    """The half years still to be entered: from the day after the last period through the running and the
    next half year (without any period: those two)."""
    begin = laatste_einddatum + DAG if laatste_einddatum else halfjaar(vandaag)[0]
    tot = halfjaar(halfjaar(vandaag)[1] + DAG)[1]
    uit = []
    while begin <= tot:
        begin, eind = halfjaar(begin)
        uit.append((begin, eind))
        begin = eind + DAG
    return uit


def periode_ontbreekt(vandaag):
    """Every half year still to be entered, due from its lead time (2 weeks) before the half year begins."""
    laatste = Periode.objects.aggregate(laatste=Max("einddatum"))["laatste"]
    for begin, eind in ontbrekende_halfjaren(laatste, vandaag):
        label = rules.periode_label(begin, eind)
        yield Aanleiding(
            label,
            begin,
            _("Periode %(label)s (%(van)s t/m %(tot)s) ontbreekt: voer de netto taakstelling in.")
            % {"label": label, "van": datum(begin), "tot": datum(eind)},
            reverse("taakstelling:periode_add"),
            STATUSHOUDERS,
        )


def coa_stand_verouderd(vandaag):
    """The latest COA stand (published on the 1st of the next month) is verouderd on ``vandaag``
    (:func:`noordwijk_migratie.actualiteit.is_verouderd`); the item's date is the stand's date."""
    laatste = CoaStand.objects.order_by("-maand").only("maand").first()
    if laatste is None:
        return
    gepubliceerd = rules.volgende_maand(laatste.maand)
    grens = settings.TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN
    if not is_verouderd(gepubliceerd, vandaag, grens):
        return
    yield Aanleiding(
        laatste.maand.isoformat(),
        gepubliceerd,
        _(
            "De laatste COA-stand is die van %(maand)s (stand per %(datum)s), ouder dan %(dagen)s dagen: voer de nieuwe stand in."
        )
        % {"maand": rules.maand_tekst(laatste.maand), "datum": datum(gepubliceerd), "dagen": grens},
        reverse("taakstelling:coastand_list"),
        STATUSHOUDERS,
    )


def interventieladder(vandaag):
    """The warning threshold reached: the number of closed periods in a row behind; one reminder per
    period that closed the run (a new period behind is a new reminder)."""
    overzicht = queries.periode_overzicht(vandaag)
    status = queries.interventieladder_status(vandaag, overzicht)
    laatste = rules.laatste_afgesloten(overzicht)
    if not status.waarschuwing or laatste is None:
        return
    yield Aanleiding(
        laatste.label,
        date.fromisoformat(laatste.einddatum) + DAG,
        status.toelichting,
        reverse("taakstelling:tredehistorie_list"),
        STATUSHOUDERS,
    )
