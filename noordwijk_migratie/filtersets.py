import django_filters
from django.utils.translation import gettext_lazy as _

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


class GemeenteFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"))
    duin_en_bollenstreek = JaNeeFilter(label=_("Subregio Duin- en Bollenstreek"))

    class Meta:
        model = Gemeente
        fields = ["q", "duin_en_bollenstreek"]
