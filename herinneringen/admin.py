"""The beleidsadviseur's focus area, edited by the functioneel beheerder on the user's page (an inline
on the project's user admin, registered again with it, as Django's documentation extends the User admin)."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.admin import GebruikerAdmin

from .models import Profiel


class ProfielInline(admin.StackedInline):
    model = Profiel
    can_delete = False
    verbose_name_plural = _("profiel")
    formfield_overrides = {Profiel.focus.field.__class__: {"widget": forms.CheckboxSelectMultiple}}


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerMetProfielAdmin(GebruikerAdmin):
    inlines = (*GebruikerAdmin.inlines, ProfielInline)
    list_display = (*GebruikerAdmin.list_display, "rollen", "focus")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups", "profiel__focus")

    @admin.display(description=_("rollen"))
    def rollen(self, obj):
        return ", ".join(g.name for g in obj.groups.all())

    @admin.display(description=_("focus"))
    def focus(self, obj):
        profiel = getattr(obj, "profiel", None)
        return ", ".join(d.naam for d in profiel.focus.all()) if profiel else ""
