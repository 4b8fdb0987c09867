import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DATUM_MAX, DATUM_MIN
from .models import Gemeente


class JaNeeWidget(django_filters.widgets.BooleanWidget):
    """Yes/no filter whose empty choice reads "Alle" (no filter) instead of "Onbekend"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("Alle")), ("true", _("Ja")), ("false", _("Nee"))]


class JaNeeFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", JaNeeWidget)
        super().__init__(*args, **kwargs)


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
    duin_en_bollenstreek = JaNeeFilter(label=_("Subregio Duin- en Bollenstreek"))

    class Meta:
        model = Gemeente
        fields = ["q", "duin_en_bollenstreek"]
