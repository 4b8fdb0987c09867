import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Gemeente


class GemeenteFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"))
    duin_en_bollenstreek = django_filters.BooleanFilter(label=_("Subregio Duin- en Bollenstreek"))

    class Meta:
        model = Gemeente
        fields = ["q", "duin_en_bollenstreek"]
