"""The table of one kind's reminders on Mijn werk (open or seen), paged like every other list."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from .models import Melding


class MeldingTable(BaseTable):
    """``titel``: the kind's title; ``gezien``: the rows are open (their button marks them seen) or seen (their
    button puts them back)."""

    soort = tables.Column(verbose_name=_("Herinnering"), orderable=False)
    tekst = tables.Column(verbose_name=_("Waarover"), orderable=False, linkify=lambda record: record.url)
    datum = DatumKolom(verbose_name=_("Datum"), orderable=False)
    knop = tables.TemplateColumn(
        template_name="herinneringen/includes/knop.html",
        verbose_name=_("Actie"),
        orderable=False,
        empty_values=(),
        attrs={"th": {"class": "nw-visually-hidden"}},
    )

    def __init__(self, *args, titel: str, gezien: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.titel, self.gezien = titel, gezien

    def render_soort(self):
        return self.titel

    class Meta(BaseTable.Meta):
        model = Melding
        fields = ("soort", "tekst", "datum")
        empty_text = _("Er staat niets voor u open.")
