import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    COA_REFERENTIE_RECHT,
    CoaStand,
    Nareiziger,
    Periode,
    Plaatsing,
    PlaatsingStatus,
    RegioCijfer,
    TredeHistorie,
    Woonvorm,
)
from .rules import koppeling_over_termijn_q, verhuizing_over_termijn_q

SIGNAAL_KEUZES = (
    ("een", _("Een van beide termijnen overschreden")),
    ("koppeling", _("Geen woning aangeboden binnen 10 weken")),
    ("verhuizing", _("Niet verhuisd binnen 2 weken na ingang huur")),
)


class PlaatsingFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="coa_referentie", lookup_expr="icontains", label=_("Zoeken op COA-referentie")
    )
    status = django_filters.ChoiceFilter(choices=PlaatsingStatus.choices, label=_("Status"))
    periode = django_filters.ModelChoiceFilter(
        queryset=Periode.objects.order_by("-begindatum"), method="filter_periode", label=_("Periode (gehuisvest)")
    )
    woonvorm = django_filters.ChoiceFilter(choices=Woonvorm.choices, label=_("Woonvorm"))
    corporatie = django_filters.AllValuesFilter(label=_("Corporatie"))
    signaal = django_filters.ChoiceFilter(
        choices=SIGNAAL_KEUZES, method="filter_signaal", label=_("Termijn overschreden")
    )

    class Meta:
        model = Plaatsing
        fields = ["q", "status", "periode", "woonvorm", "corporatie", "signaal"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is None or not self.request.user.has_perm(COA_REFERENTIE_RECHT):
            del self.filters["q"]  # no searching on a reference one may not see

    def filter_periode(self, queryset, name, value):
        return queryset.filter(datum_gehuisvest__range=(value.begindatum, value.einddatum)) if value else queryset

    def filter_signaal(self, queryset, name, value):
        vandaag = timezone.localdate()
        voorwaarden = {
            "koppeling": koppeling_over_termijn_q(vandaag),
            "verhuizing": verhuizing_over_termijn_q(vandaag),
            "een": koppeling_over_termijn_q(vandaag) | verhuizing_over_termijn_q(vandaag),
        }
        return queryset.filter(voorwaarden[value]) if value in voorwaarden else queryset


class PeriodeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="label", lookup_expr="icontains", label=_("Zoeken op periode"))

    class Meta:
        model = Periode
        fields = ["q"]


class NareizigerFilterSet(django_filters.FilterSet):
    periode = django_filters.ModelChoiceFilter(
        queryset=Periode.objects.order_by("-begindatum"), method="filter_periode", label=_("Periode")
    )

    class Meta:
        model = Nareiziger
        fields = ["periode"]

    def filter_periode(self, queryset, name, value):
        return queryset.filter(datum__range=(value.begindatum, value.einddatum)) if value else queryset


class CoaStandFilterSet(django_filters.FilterSet):
    periode = django_filters.ModelChoiceFilter(queryset=Periode.objects.order_by("-begindatum"), label=_("Periode"))

    class Meta:
        model = CoaStand
        fields = ["periode"]


class RegioCijferFilterSet(django_filters.FilterSet):
    periode = django_filters.ModelChoiceFilter(queryset=Periode.objects.order_by("-begindatum"), label=_("Periode"))
    subregio = django_filters.BooleanFilter(
        field_name="gemeente__duin_en_bollenstreek", label=_("Subregio Duin- en Bollenstreek")
    )

    class Meta:
        model = RegioCijfer
        fields = ["periode", "subregio"]


class TredeHistorieFilterSet(django_filters.FilterSet):
    class Meta:
        model = TredeHistorie
        fields = ["trede"]
