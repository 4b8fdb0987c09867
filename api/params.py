"""``peildatum`` and ``gewijzigd_sinds`` from the query string, validated by the project's own date field
(:class:`noordwijk_migratie.forms.QueryDatumVeld`: jjjj-mm-dd or dd-mm-jjjj, 2000–2100); an invalid value is
a 400 with the Dutch message per parameter."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError

from noordwijk_migratie.forms import QueryDatumVeld
from noordwijk_migratie.generic import uit_query


class PeildatumParam(forms.Form):
    peildatum = QueryDatumVeld(label=_("Peildatum"))


class GewijzigdSindsParam(forms.Form):
    gewijzigd_sinds = QueryDatumVeld(label=_("Gewijzigd sinds"))


def lees(request, form_class, standaard=None):
    """:func:`noordwijk_migratie.generic.uit_query` for the API: absent gives ``standaard``, invalid a 400."""
    waarde, form = uit_query(request.query_params, form_class, standaard)
    if form.is_bound and not form.is_valid():
        raise ValidationError(form.errors)
    return waarde


def peildatum(request):
    return lees(request, PeildatumParam, timezone.localdate())


def gewijzigd_sinds(request):
    return lees(request, GewijzigdSindsParam)
