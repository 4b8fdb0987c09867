from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .audit import BewaarAttributieAdminMixin
from .models import Doelgroep, Gemeente


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
    """Users with changes in the audit trail are deactivated, never deleted (noordwijk_migratie.audit)."""
