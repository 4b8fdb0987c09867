from django import template

from .. import diensten

register = template.Library()


@register.simple_tag
def mijn_werk_kop(gebruiker) -> dict:
    """{"recht": receives reminders, "aantal": open unseen ones}: one cached value per user."""
    if not getattr(gebruiker, "is_authenticated", False):
        return {"recht": False, "aantal": 0}
    return diensten.kop(gebruiker)
