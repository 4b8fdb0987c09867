import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.models import Doelgroep

from .models import (
    Beleidsdatum,
    Bezetting,
    Capaciteitsstand,
    Fase,
    LocatieType,
    Mijlpaal,
    OekraineMaandcijfer,
    Opgave,
    Opvanglocatie,
)

DATUM_ATTRS = {"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT_ATTRS = {"class": "utrecht-select utrecht-select--html-select"}
TEKST_ATTRS = {"class": "utrecht-textbox utrecht-textbox--html-input"}


def _doelgroep_filter(field_name="doelgroep"):
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=Doelgroep.objects.all(),
        label=_("Doelgroep"),
        empty_label=_("Alle"),
        widget=forms.Select(attrs=SELECT_ATTRS),
    )


def _locatie_filter():
    return django_filters.ModelChoiceFilter(
        field_name="locatie",
        queryset=Opvanglocatie.objects.all(),
        label=_("Locatie"),
        empty_label=_("Alle"),
        widget=forms.Select(attrs=SELECT_ATTRS),
    )


def _datum_filter(field_name, lookup, label):
    return django_filters.DateFilter(
        field_name=field_name, lookup_expr=lookup, label=label, widget=forms.DateInput(attrs=DATUM_ATTRS)
    )


class OpgaveFilterSet(django_filters.FilterSet):
    doelgroep = _doelgroep_filter()

    class Meta:
        model = Opgave
        fields = ["doelgroep"]


class BeleidsdatumFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"), widget=forms.TextInput(attrs=TEKST_ATTRS)
    )

    class Meta:
        model = Beleidsdatum
        fields = ["q"]


class OpvanglocatieFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="naam", lookup_expr="icontains", label=_("Zoeken op naam"), widget=forms.TextInput(attrs=TEKST_ATTRS)
    )
    type = django_filters.ChoiceFilter(
        choices=LocatieType.choices, label=_("Type"), empty_label=_("Alle"), widget=forms.Select(attrs=SELECT_ATTRS)
    )
    fase = django_filters.ChoiceFilter(
        choices=Fase.choices, label=_("Fase"), empty_label=_("Alle"), widget=forms.Select(attrs=SELECT_ATTRS)
    )
    doelgroep = _doelgroep_filter("doelgroepen")

    class Meta:
        model = Opvanglocatie
        fields = ["q", "type", "fase", "doelgroep"]


class MijlpaalFilterSet(django_filters.FilterSet):
    locatie = _locatie_filter()
    fase = django_filters.ChoiceFilter(
        choices=Fase.choices, label=_("Fase"), empty_label=_("Alle"), widget=forms.Select(attrs=SELECT_ATTRS)
    )

    class Meta:
        model = Mijlpaal
        fields = ["locatie", "fase"]


class CapaciteitsstandFilterSet(django_filters.FilterSet):
    locatie = _locatie_filter()
    doelgroep = _doelgroep_filter()

    class Meta:
        model = Capaciteitsstand
        fields = ["locatie", "doelgroep"]


class BezettingFilterSet(django_filters.FilterSet):
    locatie = _locatie_filter()
    doelgroep = _doelgroep_filter()
    van = _datum_filter("datum", "gte", _("Vanaf datum"))
    tot = _datum_filter("datum", "lte", _("Tot en met datum"))

    class Meta:
        model = Bezetting
        fields = ["locatie", "doelgroep", "van", "tot"]


class OekraineMaandcijferFilterSet(django_filters.FilterSet):
    van = _datum_filter("maand", "gte", _("Vanaf maand"))
    tot = _datum_filter("maand", "lte", _("Tot en met maand"))

    class Meta:
        model = OekraineMaandcijfer
        fields = ["van", "tot"]
