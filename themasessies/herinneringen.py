"""The theme sessions' reminder kind (registered in bijdragen.py): a follow-up past its deadline."""

from datetime import timedelta

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.registry import Aanleiding

from .models import Vervolgactie
from .rules import vervolg_te_laat_q


def vervolgacties_te_laat(vandaag):
    """Overdue on ``vandaag`` (:func:`themasessies.rules.vervolg_te_laat_q`), due the day after the deadline;
    the doelgroepen are those of the programme action it belongs to."""
    qs = Vervolgactie.objects.filter(vervolg_te_laat_q(vandaag)).select_related("sessie")
    for v in qs.prefetch_related("actie__doelgroepen").order_by("deadline", "pk"):
        yield Aanleiding(
            str(v.pk),
            v.deadline + timedelta(days=1),
            _("Vervolgactie van themasessie %(sessie)s: deadline %(deadline)s verstreken (%(vervolgactie)s).")
            % {"sessie": v.sessie, "deadline": datum(v.deadline), "vervolgactie": v},
            v.get_absolute_url(),
            tuple(d.code for d in v.actie.doelgroepen.all()) if v.actie_id else (),
        )
