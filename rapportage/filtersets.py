import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import secties
from .models import Rapport, Status


class RapportFilterSet(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(label=_("Soort"), choices=secties.soort_keuzes, empty_label=_("Alle"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices, empty_label=_("Alle"))
    definitief = django_filters.BooleanFilter(
        label=_("Definitief"),
        widget=forms.Select(choices=[("", _("Alle")), ("true", _("definitief")), ("false", _("concept"))]),
    )

    class Meta:
        model = Rapport
        fields = ["soort", "status", "definitief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("soort", "status", "definitief"):
            self.form.fields[naam].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
