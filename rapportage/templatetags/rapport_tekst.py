"""``{% load rapport_tekst %}{{ tekst|opgemaakt }}``: a report text as safe HTML (see rapportage.tekst)."""

from django import template

from rapportage.tekst import als_html

register = template.Library()


@register.filter
def opgemaakt(tekst):
    return als_html(str(tekst or ""))
