"""Computed indicator of programme line 2: "Goed contact met (maatschappelijke) partners"."""

from datetime import timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.indicatoren import Berekend

from .services import JAAR, partners_betrokken_pct, sessie_feiten


def partners_betrokken(peildatum):
    """Percentage of the partners named in the Bestuursopdracht that attended at least one theme session
    in the 12 months up to ``peildatum``; None before the first session was held."""
    from .models import Partner

    feiten = sessie_feiten()
    if not any(s.datum <= peildatum for s in feiten):
        return None
    basis = set(Partner.objects.filter(uit_bestuursopdracht=True).values_list("pk", flat=True))
    if not basis:
        return None
    uitkomst = partners_betrokken_pct(basis, feiten, peildatum)
    return Berekend(
        waarde=Decimal(str(uitkomst.percentage)),
        toelichting=_(
            "%(aantal)s van de %(totaal)s partners uit de bestuursopdracht waren bij minstens één themasessie "
            "(%(van)s t/m %(tot)s)."
        )
        % {
            "aantal": uitkomst.aantal,
            "totaal": uitkomst.totaal,
            "van": datum(peildatum - JAAR + timedelta(days=1)),
            "tot": datum(peildatum),
        },
    )
