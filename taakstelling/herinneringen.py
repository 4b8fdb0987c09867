"""The statushouders' reminder kinds (registered in bijdragen.py): the two placement terms, a missing
period, a stale COA stand and the interventieladder's warning.

Each function yields the items open on ``vandaag`` (see :class:`noordwijk_migratie.registry.Aanleiding`);
the rules are those of :mod:`taakstelling.rules`. A household is only ever its size and koppeldatum
("huishouden van 3 personen, gekoppeld 01-09-2026"): never the COA reference.
"""

from datetime import date, timedelta

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


def periode_ontbreekt(vandaag):
    """Every half year still to be entered (:func:`taakstelling.rules.ontbrekende_perioden`), due from its lead
    time (2 weeks) before the half year begins."""
    laatste = Periode.objects.aggregate(laatste=Max("einddatum"))["laatste"]
    for n in rules.ontbrekende_perioden(laatste, vandaag):
        yield Aanleiding(
            n.label,
            n.begindatum,
            _("Periode %(label)s (%(van)s t/m %(tot)s) ontbreekt: voer de netto taakstelling in.")
            % {"label": n.label, "van": datum(n.begindatum), "tot": datum(n.einddatum)},
            reverse("taakstelling:periode_add"),
            STATUSHOUDERS,
        )


def coa_stand_verouderd(vandaag):
    """The COA stand of the running period is verouderd (the dashboard's signal, from
    :func:`taakstelling.queries.periode_overzicht`); one reminder per stand, dated with the stand."""
    periode = rules.huidige_periode(queries.periode_overzicht_gecachet(vandaag))
    if periode is None or not periode.coa_verouderd:
        return
    maand = CoaStand.objects.filter(periode_id=periode.id).order_by("-maand").values_list("maand", flat=True).first()
    yield Aanleiding(
        f"{periode.label}-{maand.isoformat()}",
        rules.volgende_maand(maand),
        _("Realisatie volgens COA %(periode)s: %(stand)s — vraag een nieuwe stand op bij het COA.")
        % {"periode": periode.label, "stand": periode.coa_tekst},
        f"{reverse('taakstelling:coastand_list')}?periode={periode.id}",
        STATUSHOUDERS,
    )


def interventieladder(vandaag):
    """The warning threshold reached: the number of closed periods in a row behind; one reminder per
    period that closed the run (a new period behind is a new reminder)."""
    overzicht = queries.periode_overzicht_gecachet(vandaag)
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
