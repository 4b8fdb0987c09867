"""``{{ user|rollen }}``: the names of the user's roles, from the permissions' cache (noordwijk_migratie.rechten)."""

from django import template

from .. import rechten

register = template.Library()


@register.filter
def rollen(user):
    return rechten.rollen(user)
