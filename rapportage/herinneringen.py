"""The reports' reminder kind (registered in bijdragen.py): a concept report waiting to be made definitief."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from noordwijk_migratie.registry import Aanleiding

from .models import Rapport, Status


def concept_wacht(vandaag):
    """The newest finished version of each report (kind, peildatum) of which no version is definitief."""
    zelfde = Rapport.objects.filter(soort=OuterRef("soort"), peildatum=OuterRef("peildatum"))
    qs = (
        Rapport.objects.filter(status=Status.KLAAR, definitief=False)
        .exclude(Exists(zelfde.filter(definitief=True)))
        .exclude(Exists(zelfde.filter(status=Status.KLAAR, versie__gt=OuterRef("versie"))))
    )
    # only what the reminder shows: not the snapshot, the largest column of a report
    for r in qs.only("soort", "peildatum", "versie", "klaar_op", "aangevraagd_op").order_by("peildatum", "pk"):
        yield Aanleiding(
            str(r.pk),
            timezone.localdate(r.klaar_op or r.aangevraagd_op),
            _("%(rapport)s is klaar als concept en wacht op definitief maken.") % {"rapport": r},
            r.get_absolute_url(),
        )
