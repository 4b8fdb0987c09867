import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from .models import Rapport


class RapportTable(BaseTable):
    rapport = tables.Column(
        verbose_name=_("Rapport"), accessor="soort", linkify=lambda record: record.get_absolute_url()
    )
    peildatum = DatumKolom()
    definitief = tables.BooleanColumn(verbose_name=_("Definitief"), yesno=(_("definitief"), _("concept")))
    aangevraagd_door = tables.Column(default=_("systeem"))
    aangevraagd_op = DatumKolom()

    class Meta(BaseTable.Meta):
        model = Rapport
        fields = (
            "rapport",
            "peildatum",
            "versie",
            "status",
            "voortgang",
            "definitief",
            "aangevraagd_door",
            "aangevraagd_op",
        )

    def render_rapport(self, record):
        return record.get_soort_display()

    def render_voortgang(self, value):
        return f"{value} %"
