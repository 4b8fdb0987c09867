"""The charts of the theme sessions, each written once as a spec (``noordwijk_migratie.charts``), drawn
from the same data on a page and in a report."""

from django.utils.translation import gettext as _

from noordwijk_migratie.charts import grafiek_staaf


def uitnodigingen_en_aanwezigheid(partners) -> dict:
    """Per partner (``queries.PartnerBetrokkenheid``) the sessions it was invited to and attended."""
    namen = [p.naam for p in partners]
    return grafiek_staaf(
        _("Uitnodigingen en aanwezigheid per partner"),
        namen,
        {
            _("Uitgenodigd"): [(p.naam, p.uitgenodigd) for p in partners],
            _("Aanwezig"): [(p.naam, p.aanwezig) for p in partners],
        },
        y_label=_("sessies"),
    )
