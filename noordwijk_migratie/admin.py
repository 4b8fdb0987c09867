from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .audit import BewaarAttributieAdminMixin
from .models import Doelgroep, Gemeente, Rolkoppeling
from .roles import heeft_rechten_buiten_rollen, rolgroepen


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "cbs_code", "holland_rijnland", "duin_en_bollenstreek")
    search_fields = ("naam", "cbs_code")


@admin.register(Doelgroep)
class DoelgroepAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "wettelijke_opgave", "volgorde")


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerAdmin(BewaarAttributieAdminMixin, UserAdmin):
    """Users and their roles. Only a superuser grants superuser status, single permissions or groups
    other than the four roles; anyone else sees no such fields, can choose only the role groups and
    may not change or delete an account that has more than the roles give (the superuser's above all).
    Users with changes in the audit trail are deactivated, never deleted (noordwijk_migratie.audit)."""

    ALLEEN_SUPERUSER = ("is_superuser", "user_permissions")
    readonly_fields = ("last_login", "date_joined")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (naam, {**opties, "fields": [f for f in opties["fields"] if f not in self.ALLEEN_SUPERUSER]})
            for naam, opties in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = rolgroepen()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _binnen_rollen(self, request, obj):
        return obj is None or request.user.is_superuser or not heeft_rechten_buiten_rollen(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._binnen_rollen(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._binnen_rollen(request, obj)


@admin.register(Rolkoppeling)
class RolkoppelingAdmin(admin.ModelAdmin):
    """Which group of the gemeente's identity provider gives which role (applied at every login)."""

    list_display = ("groep", "rol")
    list_filter = ("rol",)
    search_fields = ("groep",)
