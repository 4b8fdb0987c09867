"""Base table for every list: Dutch empty text and the NL Design System table classes."""

import datetime

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_tables2.columns import library
from django_tables2.data import TableQuerysetData

from . import historie
from .getallen import is_jaar
from .models import Corporatie, Doelgroep, Gemeente


@library.register
class DatumKolom(tables.Column):
    """Dates as dd-mm-jjjj (date-times as dd-mm-jjjj uu:mm, local time), formatted directly rather than
    through django-tables2's DateColumn, which compiles a template for every cell. Exports get the date
    itself: CSV writes it as dd-mm-jjjj (``exports.csv_waarde``), XLSX as a real date. Registered, so it
    is also the column for every model date field a table lists without declaring it."""

    def __init__(self, *args, format=None, **kwargs):
        self.format = format
        super().__init__(*args, **kwargs)

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateField):
            return cls(format="d-m-Y H:i" if isinstance(field, models.DateTimeField) else "d-m-Y", **kwargs)
        return None

    @staticmethod
    def _lokaal(value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.make_naive(value)
        return value

    def render(self, value):
        value = self._lokaal(value)
        formaat = self.format or ("d-m-Y H:i" if isinstance(value, datetime.datetime) else "d-m-Y")
        return dateformat.format(value, formaat)

    def value(self, value):
        return self._lokaal(value)


class JaNeeKolom(tables.BooleanColumn):
    """Yes/no as the page says it, in the export too (django-tables2 exports "True"/"False")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("yesno", (_("ja"), _("nee")))
        super().__init__(*args, **kwargs)

    def value(self, record, value, bound_column):
        return str(self.yesno[int(not self._get_bool_value(record, value, bound_column))])


KORT = 40  # characters: what a phone's list cell (at most 18rem wide) shows on one line


def is_kort(veld) -> bool:
    """A model field whose values are short: a date, number, yes/no, code (at most 40 characters) or a choice
    whose labels all are (not "Minderjarige(n) zonder volwassene (bijv. voogdij Nidos)")."""
    if getattr(veld, "choices", None):
        return all(len(str(label)) <= KORT for _code, label in veld.flatchoices)
    if isinstance(veld, models.DateField | models.IntegerField | models.DecimalField | models.FloatField):
        return True
    if isinstance(veld, models.BooleanField):
        return True
    return isinstance(veld, models.CharField) and (veld.max_length or 0) <= KORT


class BaseTable(tables.Table):
    """All list tables derive from this. Columns with ``exclude_from_export=True`` (such as the
    optional COA reference) are shown to staff but never written to CSV/XLSX. The rows come with what
    the columns show (after NetBox's BaseTable): foreign keys in the same query, many-to-many
    and reverse relations in one extra query each, so no list view needs a ``get_queryset`` for that."""

    @tables.Table.order_by.setter
    def order_by(self, value):
        """Only the table's own column names (``naam``, ``-naam``): a crafted ``?sort=`` (``1047.9``, ``a.b``)
        is ignored before django-tables2 would read it as an accessor path."""
        aliassen = value.split(",") if isinstance(value, str) else (value or ())
        namen = set(self.columns.names())
        tables.Table.order_by.fset(self, tuple(a for a in aliassen if a.lstrip("-") in namen))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.data, TableQuerysetData) and self._meta.model is not None:
            samen, apart = self.relaties_van_kolommen()
            queryset = self.data.data
            if samen:
                queryset = queryset.select_related(*samen)
            if apart:
                queryset = queryset.prefetch_related(*apart)
            self.data.data = queryset
            self.jaren_zonder_punt()

    def get_column_class_names(self, classes_set, bound_column):
        """Cells of short values (dates, numbers, yes/no, codes, choices) stay on one line (``nw-kort``):
        a date or code is never broken at its hyphens."""
        classes = super().get_column_class_names(classes_set, bound_column)
        if bound_column.name in self.korte_kolommen:
            classes.add("nw-kort")
        return classes

    @cached_property
    def korte_kolommen(self) -> frozenset[str]:
        """The names of the columns of short values, decided once per table (django-tables2 asks for the
        class names of every cell, three times)."""
        return frozenset(
            k.name
            for k in self.columns.iterall()
            if isinstance(k.column, DatumKolom) or is_kort(k.accessor.get_field(self._meta.model))
        )

    def td_attrs(self, bound_column) -> str:
        """The attributes of a column's data cells as HTML (``{% td_attrs table column %}`` in
        generic/tabel.html). django-tables2 computes ``BoundColumn.attrs`` (th, td and tf with their
        classes) anew for every cell, so that a callable attribute can depend on the record; a column
        whose cell attributes hold no callable gets them once per table."""
        if bound_column.name in self._td_attrs:
            return self._td_attrs[bound_column.name]
        html = bound_column.attrs["td"].as_html()
        bronnen = [
            attrs.get(soort) or {} for attrs in (self.attrs, bound_column.column.attrs) for soort in ("td", "cell")
        ]
        if not any(callable(waarde) for bron in bronnen for waarde in bron.values()):
            self._td_attrs[bound_column.name] = html
        return html

    @cached_property
    def _td_attrs(self) -> dict[str, str]:
        return {}

    def jaren_zonder_punt(self):
        """A column showing a year is not localized: 2026, not 2.026 (USE_THOUSAND_SEPARATOR)."""
        for kolom in self.columns.iterall():
            if is_jaar(kolom.accessor.get_field(self._meta.model)):
                kolom.column.localize = False

    def relaties_van_kolommen(self) -> tuple[list[str], list[str]]:
        """(foreign-key paths to join, many-valued paths to prefetch) of the columns (shown or exported)."""
        samen, apart = [], []
        for kolom in self.columns.iterall():
            model, pad, veelwaardig = self._meta.model, [], False
            for naam in kolom.accessor.split(kolom.accessor.SEPARATOR):
                try:
                    veld = model._meta.get_field(naam)
                except (FieldDoesNotExist, AttributeError):
                    break
                if not veld.is_relation or veld.related_model is None:
                    break
                pad.append(naam)
                veelwaardig = veelwaardig or veld.many_to_many or veld.one_to_many
                model = veld.related_model
            if pad:
                (apart if veelwaardig else samen).append("__".join(pad))
        return samen, apart

    class Meta:
        template_name = "generic/tabel.html"
        empty_text = _("Er zijn geen gegevens die aan de selectie voldoen.")
        # Sorting and paging links are boosted by htmx (see generic/object_list_results.html);
        # links in the rows open full pages.
        attrs = {"class": "utrecht-table utrecht-table--html-table nw-table", "tbody": {"hx-boost": "false"}}


class GemeenteTable(BaseTable):
    naam = tables.Column(linkify=True, verbose_name=_("Gemeente"))
    duin_en_bollenstreek = JaNeeKolom()
    holland_rijnland = JaNeeKolom()

    class Meta(BaseTable.Meta):
        model = Gemeente
        fields = ("cbs_code", "naam", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio")
        sequence = ("naam", "cbs_code", "...")


class CorporatieTable(BaseTable):
    naam = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Corporatie
        fields = ("naam",)
        empty_text = _(
            "Er zijn nog geen corporaties. De functioneel beheerder voegt ze toe met 'Corporatie toevoegen'; "
            "daarna zijn ze te kiezen bij een plaatsing."
        )


class DoelgroepTable(BaseTable):
    naam = tables.Column(linkify=True)
    wettelijke_opgave = JaNeeKolom()

    class Meta(BaseTable.Meta):
        model = Doelgroep
        fields = ("naam", "code", "wettelijke_opgave")


class LogEntryTable(BaseTable):
    """The audit trail under Beheer: who did what when, and the changes as the pages show the values
    (:mod:`noordwijk_migratie.historie`)."""

    timestamp = DatumKolom(verbose_name=_("Wanneer"))
    actor = tables.Column(verbose_name=_("Wie"), default=historie.SYSTEEM)
    content_type = tables.Column(verbose_name=_("Soort gegeven"))
    object_repr = tables.Column(verbose_name=_("Gegeven"))
    action = tables.Column(verbose_name=_("Actie"))
    wijzigingen = tables.Column(verbose_name=_("Wijzigingen"), empty_values=(), orderable=False)

    class Meta(BaseTable.Meta):
        fields = ("timestamp", "actor", "content_type", "object_repr", "action")

    def gebeurtenis(self, entry) -> historie.Gebeurtenis:
        """The entry described; the first call describes the whole page at once (related objects in one
        query per model), an export row outside it on its own."""
        if not hasattr(self, "_beschreven"):
            self._beschreven = {}
        if entry.pk not in self._beschreven:
            pagina = [rij.record for rij in self.page.object_list] if getattr(self, "page", None) else []
            te_beschrijven = pagina if any(e.pk == entry.pk for e in pagina) else [entry]
            self._beschreven.update((g.entry.pk, g) for g in historie.beschrijf(te_beschrijven))
        return self._beschreven[entry.pk]

    def render_actor(self, record):
        return self.gebeurtenis(record).wie

    def render_content_type(self, record):
        return self.gebeurtenis(record).soort

    def render_action(self, record):
        return self.gebeurtenis(record).actie

    def render_wijzigingen(self, record):
        return self.gebeurtenis(record).als_html()

    def value_actor(self, record):
        return self.gebeurtenis(record).wie

    def value_content_type(self, record):
        return self.gebeurtenis(record).soort

    def value_action(self, record):
        return self.gebeurtenis(record).actie

    def value_wijzigingen(self, record):
        return self.gebeurtenis(record).als_tekst()
