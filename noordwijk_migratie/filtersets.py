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


def ja_nee_filters(form) -> None:
    """Every yes/no filter of a filter form (django-filter's ``BooleanFilter`` renders Django's
    ``NullBooleanSelect``, whose empty choice reads "Onbekend") offers Alle / Ja / Nee. Applied by the
    generic list view to every filterset; a filter with a widget of its own keeps it."""
    for field in form.fields.values():
        if type(field.widget) is forms.NullBooleanSelect:
            field.widget = JaNeeWidget(attrs=field.widget.attrs)


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
