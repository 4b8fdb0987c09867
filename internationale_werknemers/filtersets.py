import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import models, rules


def _wel_of_niet(queryset, value, voorwaarde):
    """Rows meeting the condition (value True) or not meeting it (False)."""
    return queryset.filter(voorwaarde) if value else queryset.exclude(voorwaarde)


class ZoekFilterSet(django_filters.FilterSet):
    zoekvelden: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="zoek", label=_("Zoeken"))

    def zoek(self, queryset, name, value):
        from django.db.models import Q

        voorwaarde = Q()
        for veld in self.zoekvelden:
            voorwaarde |= Q(**{f"{veld}__icontains": value})
        return queryset.filter(voorwaarde)


class BeleidsplanFilterSet(ZoekFilterSet):
    zoekvelden = ("naam",)

    class Meta:
        model = models.Beleidsplan
        fields = ["q", "status"]


class ActielijnFilterSet(ZoekFilterSet):
    zoekvelden = ("naam", "omschrijving")
    te_benoemen = django_filters.BooleanFilter(label=_("Naam nog te benoemen"))

    class Meta:
        model = models.Actielijn
        fields = ["q", "beleidsplan", "te_benoemen"]


class BudgetpostFilterSet(ZoekFilterSet):
    zoekvelden = ("naam", "bron")

    class Meta:
        model = models.Budgetpost
        fields = ["q", "soort", "status"]


class BudgetjaarFilterSet(django_filters.FilterSet):
    class Meta:
        model = models.Budgetjaar
        fields = ["post", "jaar"]


class ToetsingscriteriumFilterSet(ZoekFilterSet):
    zoekvelden = ("naam", "omschrijving")
    actief = django_filters.BooleanFilter(label=_("Actief"))

    class Meta:
        model = models.Toetsingscriterium
        fields = ["q", "actief"]


class HuisvestingsinitiatiefFilterSet(ZoekFilterSet):
    zoekvelden = ("naam", "locatie", "initiatiefnemer")
    met_afwijking = django_filters.BooleanFilter(method="afwijking", label=_("Goedgekeurd met afwijking"))

    def afwijking(self, queryset, name, value):
        return _wel_of_niet(queryset, value, rules.heeft_afwijking_q())

    class Meta:
        model = models.Huisvestingsinitiatief
        fields = ["q", "status", "met_afwijking"]


class PilotlocatieFilterSet(ZoekFilterSet):
    zoekvelden = ("adres",)

    class Meta:
        model = models.Pilotlocatie
        fields = ["q"]


class PilotstandFilterSet(django_filters.FilterSet):
    peildatum_vanaf = django_filters.DateFilter(field_name="peildatum", lookup_expr="gte", label=_("Peildatum vanaf"))
    peildatum_tot = django_filters.DateFilter(
        field_name="peildatum", lookup_expr="lte", label=_("Peildatum tot en met")
    )

    class Meta:
        model = models.Pilotstand
        fields = ["pilot", "peildatum_vanaf", "peildatum_tot"]


class WoningFilterSet(ZoekFilterSet):
    zoekvelden = ("adres", "vergunningnummer", "certificaat")
    terug_in_voorraad = django_filters.BooleanFilter(method="terug", label=_("Terug in de woningvoorraad"))

    def terug(self, queryset, name, value):
        return _wel_of_niet(queryset, value, rules.terug_in_voorraad_q(timezone.localdate()))

    class Meta:
        model = models.Woning
        fields = ["q", "soort", "vergunning", "terug_in_voorraad"]


class InspectieFilterSet(django_filters.FilterSet):
    adres = django_filters.CharFilter(field_name="woning__adres", lookup_expr="icontains", label=_("Adres"))
    datum_vanaf = django_filters.DateFilter(field_name="datum", lookup_expr="gte", label=_("Datum vanaf"))
    datum_tot = django_filters.DateFilter(field_name="datum", lookup_expr="lte", label=_("Datum tot en met"))

    class Meta:
        model = models.Inspectie
        fields = ["adres", "resultaat", "datum_vanaf", "datum_tot"]


class RegistratiestandFilterSet(django_filters.FilterSet):
    peildatum_vanaf = django_filters.DateFilter(field_name="peildatum", lookup_expr="gte", label=_("Peildatum vanaf"))
    peildatum_tot = django_filters.DateFilter(
        field_name="peildatum", lookup_expr="lte", label=_("Peildatum tot en met")
    )

    class Meta:
        model = models.Registratiestand
        fields = ["peildatum_vanaf", "peildatum_tot"]


class InformatiebereikFilterSet(django_filters.FilterSet):
    class Meta:
        model = models.Informatiebereik
        fields = ["kanaal"]
