"""The beleidsadviseur's focus area, edited by the functioneel beheerder on the user's own page: one field
of the project's user admin (registered again with it, as Django's documentation extends the User admin),
kept in the user's profile."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserChangeForm
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.admin import GebruikerAdmin
from noordwijk_migratie.models import Doelgroep

from .models import Profiel


class GebruikerForm(UserChangeForm):
    focus = forms.ModelMultipleChoiceField(
        Doelgroep.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=capfirst(Profiel._meta.get_field("focus").verbose_name),
        help_text=Profiel._meta.get_field("focus").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profiel = Profiel.objects.filter(gebruiker=self.instance).first() if self.instance.pk else None
        if profiel is not None:
            self.initial.setdefault("focus", list(profiel.focus.all()))


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerMetProfielAdmin(GebruikerAdmin):
    form = GebruikerForm
    list_display = (*GebruikerAdmin.list_display, "rollen", "focus")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return [*fieldsets, (_("Herinneringen"), {"fields": ["focus"]})] if obj else fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "focus" in form.cleaned_data:
            profiel, _aangemaakt = Profiel.objects.get_or_create(gebruiker=form.instance)
            profiel.focus.set(form.cleaned_data["focus"])

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups", "profiel__focus")

    @admin.display(description=_("rollen"))
    def rollen(self, obj):
        return ", ".join(g.name for g in obj.groups.all())

    @admin.display(description=_("focus"))
    def focus(self, obj):
        profiel = getattr(obj, "profiel", None)
        return ", ".join(d.naam for d in profiel.focus.all()) if profiel else ""
