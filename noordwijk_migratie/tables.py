"""Base table for every list: Dutch empty text and the NL Design System table classes."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Doelgroep, Gemeente


class BaseTable(tables.Table):
    """All list tables derive from this. Columns with ``exclude_from_export=True`` (such as the
    optional COA reference) are shown to staff but never written to CSV/XLSX."""

    class Meta:
        empty_text = _("Er zijn geen gegevens die aan de selectie voldoen.")
        # Sorting and paging links are boosted by htmx (see generic/object_list_results.html);
        # links in the rows open full pages.
        attrs = {"class": "utrecht-table utrecht-table--html-table nw-table", "tbody": {"hx-boost": "false"}}


class GemeenteTable(BaseTable):
    naam = tables.Column(linkify=True, verbose_name=_("Gemeente"))
    duin_en_bollenstreek = tables.BooleanColumn(yesno=(_("ja"), _("nee")))
    holland_rijnland = tables.BooleanColumn(yesno=(_("ja"), _("nee")))

    class Meta(BaseTable.Meta):
        model = Gemeente
        fields = ("cbs_code", "naam", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio")
        sequence = ("naam", "cbs_code", "...")


class DoelgroepTable(BaseTable):
    naam = tables.Column(linkify=True)
    wettelijke_opgave = tables.BooleanColumn(yesno=(_("ja"), _("nee")))

    class Meta(BaseTable.Meta):
        model = Doelgroep
        fields = ("naam", "code", "wettelijke_opgave")


class LogEntryTable(BaseTable):
    timestamp = tables.DateTimeColumn(format="d-m-Y H:i", verbose_name=_("Wanneer"))
    actor = tables.Column(verbose_name=_("Wie"), default=_("systeem"))
    content_type = tables.Column(verbose_name=_("Soort gegeven"))
    object_repr = tables.Column(verbose_name=_("Gegeven"))
    action = tables.Column(verbose_name=_("Actie"))
    changes_text = tables.Column(verbose_name=_("Wijzigingen"), accessor="changes_str", orderable=False)

    class Meta(BaseTable.Meta):
        fields = ("timestamp", "actor", "content_type", "object_repr", "action")
