import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.models import Doelgroep

from .models import Actie, Indicator, Meting, Voortgangsnotitie
from .rules import te_laat_q

JA_NEE = ((True, _("ja")), (False, _("nee")))


class ActieFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="tekst", lookup_expr="icontains", label=_("Zoeken in tekst"))
    doelgroepen = django_filters.ModelChoiceFilter(queryset=Doelgroep.objects.all(), label=_("Doelgroep"))
    te_laat = django_filters.ChoiceFilter(choices=JA_NEE, method="filter_te_laat", label=_("Over de geplande datum"))

    class Meta:
        model = Actie
        fields = ["q", "programmalijn", "subthema", "status", "trekker", "doelgroepen", "te_laat"]

    def filter_te_laat(self, queryset, name, value):
        te_laat = te_laat_q(timezone.localdate())
        return queryset.filter(te_laat) if value in (True, "True") else queryset.exclude(te_laat)


class VoortgangsnotitieFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="tekst", lookup_expr="icontains", label=_("Zoeken in tekst"))

    class Meta:
        model = Voortgangsnotitie
        fields = ["q", "actie__programmalijn"]


class IndicatorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="tekst", lookup_expr="icontains", label=_("Zoeken in tekst"))
    berekend = django_filters.ChoiceFilter(choices=JA_NEE, method="filter_berekend", label=_("Berekend"))

    class Meta:
        model = Indicator
        fields = ["q", "programmalijn", "type", "berekend"]

    def filter_berekend(self, queryset, name, value):
        return queryset.filter(berekening__isnull=value not in (True, "True"))


class MetingFilterSet(django_filters.FilterSet):
    class Meta:
        model = Meting
        fields = ["indicator__programmalijn", "indicator"]
