"""Checks that models of more than one sub-area share (their Dutch messages stay with the models)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_TERMIJN_JAREN = 15  # "tijdelijke huisvesting voor maximaal 15 jaar" (bestuursopdracht, §2c)


def in_de_toekomst(datum) -> bool:
    """The date lies after today (local time); False for no date."""
    return bool(datum) and datum > timezone.localdate()


def controleer_max_termijn(jaren, veld: str = "max_termijn_jaren"):
    """Temporary housing lasts at most MAX_TERMIJN_JAREN years."""
    if jaren is not None and jaren > MAX_TERMIJN_JAREN:
        raise ValidationError(
            {veld: _("De termijn mag niet langer zijn dan %(max)s jaar.") % {"max": MAX_TERMIJN_JAREN}}
        )


def bestaat_al(obj, **waarden) -> bool:
    """Another row of ``obj``'s model has these values (the unique constraints, checked in clean() to
    give a Dutch message)."""
    return type(obj)._default_manager.filter(**waarden).exclude(pk=obj.pk).exists()


def negatieve_bedragen(obj, velden) -> dict:
    """A Dutch message for every amount among ``velden`` below zero."""
    return {
        veld: _("Een bedrag kan niet negatief zijn.")
        for veld in velden
        if getattr(obj, veld) is not None and getattr(obj, veld) < 0
    }
