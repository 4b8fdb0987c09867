"""Computed indicator of programme line 2: "Goed contact met (maatschappelijke) partners"."""

from django.utils.translation import gettext as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.indicatoren import Berekend

from .models import Partner
from .queries import sessie_feiten
from .rules import partners_betrokken_pct, twaalf_maanden


def partners_betrokken(peildatum):
    """Percentage of the partners named in the Bestuursopdracht that attended at least one theme session
    in the 12 months up to ``peildatum``; None before the first session was held."""
    feiten = sessie_feiten()
    if not any(s.datum <= peildatum for s in feiten):
        return None
    basis = set(Partner.objects.filter(uit_bestuursopdracht=True).values_list("pk", flat=True))
    if not basis:
        return None
    uitkomst = partners_betrokken_pct(basis, feiten, peildatum)
    van, tot = twaalf_maanden(peildatum)
    return Berekend(
        waarde=uitkomst.percentage,
        toelichting=_(
            "%(aantal)s van de %(totaal)s partners uit de bestuursopdracht waren bij minstens één themasessie "
            "(%(van)s t/m %(tot)s)."
        )
        % {
            "aantal": uitkomst.aantal,
            "totaal": uitkomst.totaal,
            "van": datum(van),
            "tot": datum(tot),
        },
    )
