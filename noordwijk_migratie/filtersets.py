import hashlib

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .cache import gecachet, is_projectdata
from .forms import DATUM_MAX, DATUM_MIN
from .models import Gemeente


class JaNeeWidget(django_filters.widgets.BooleanWidget):
    """Yes/no filter whose empty choice reads "Alle" (no filter) instead of "Onbekend"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("Alle")), ("true", _("Ja")), ("false", _("Nee"))]


def ja_nee_filters(form) -> None:
    """Every yes/no filter of a filter form (django-filter's ``BooleanFilter`` renders Django's
    ``NullBooleanSelect``, whose empty choice reads "Onbekend") offers Alle / Ja / Nee. Applied by the
    generic list view to every filterset; a filter with a widget of its own keeps it."""
    for field in form.fields.values():
        if type(field.widget) is forms.NullBooleanSelect:
            field.widget = JaNeeWidget(attrs=field.widget.attrs)


def keuzes_uit_cache(form) -> None:
    """The options of every filter that chooses from project data (a ``ModelChoiceFilter``: periods,
    corporaties, …), read once and then taken from the cache under the data version (``cache.gecachet``)
    instead of a query on every request; a change of project data reads them again. Keyed by the choice
    query itself and the language, so a filterset that narrows its choices per user gets its own list.
    Only the options the widget renders come from the cache: a chosen value is still looked up in the
    queryset (validation).
    Applied by the generic list view to every filterset."""
    for veld in form.fields.values():
        if not isinstance(veld, forms.ModelChoiceField) or not is_projectdata(veld.queryset.model):
            continue
        try:
            sql, params = veld.queryset.query.sql_with_params()
        except EmptyResultSet:
            continue
        sleutel = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        veld.widget.choices = gecachet(
            "filterkeuzes",
            (get_language(), sleutel),
            lambda veld=veld: [(str(waarde), str(label)) for waarde, label in veld.choices],
        )


class JaarFilter(django_filters.NumberFilter):
    """The year of a date field (``?jaar=2025``): a whole number within the years of the dates a query string
    may hold (forms.DATUM_MIN … DATUM_MAX), else a Dutch error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(*args, min_value=DATUM_MIN.year, max_value=DATUM_MAX.year, **kwargs)

    def get_max_validator(self):
        return None  # max_value above


class GemeenteFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"))
    duin_en_bollenstreek = django_filters.BooleanFilter(label=_("Subregio Duin- en Bollenstreek"))

    class Meta:
        model = Gemeente
        fields = ["q", "duin_en_bollenstreek"]
