import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.filtersets import JaarFilter

from .models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie
from .rules import vervolg_te_laat_q

JA_NEE = ((True, _("ja")), (False, _("nee")))


class PartnerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"))

    class Meta:
        model = Partner
        fields = ["q", "categorie", "uit_bestuursopdracht", "actief"]


class ContactpersoonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"))

    class Meta:
        model = Contactpersoon
        fields = ["q", "partner"]


class ThemaFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="titel", lookup_expr="icontains", label=_("Zoeken in thema"))

    class Meta:
        model = Thema
        fields = ["q", "status", "prioriteit", "voorgesteld_door_partner"]


class SessieFilterSet(django_filters.FilterSet):
    jaar = JaarFilter(field_name="datum", label=_("Jaar"))
    aanwezig = django_filters.ModelChoiceFilter(queryset=Partner.objects.all(), label=_("Aanwezige partner"))

    class Meta:
        model = Sessie
        fields = ["jaar", "themas", "aanwezig"]


class BevindingFilterSet(django_filters.FilterSet):
    class Meta:
        model = Bevinding
        fields = ["sessie", "invalshoek", "perspectief"]


class VervolgactieFilterSet(django_filters.FilterSet):
    te_laat = django_filters.ChoiceFilter(choices=JA_NEE, method="filter_te_laat", label=_("Over de deadline"))

    class Meta:
        model = Vervolgactie
        fields = ["status", "sessie", "programmalijn", "te_laat"]

    def filter_te_laat(self, queryset, name, value):
        te_laat = vervolg_te_laat_q(timezone.localdate())
        return queryset.filter(te_laat) if value in (True, "True") else queryset.exclude(te_laat)
