from django.contrib import admin

from .models import Doelgroep, Gemeente


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "cbs_code", "holland_rijnland", "duin_en_bollenstreek")
    search_fields = ("naam", "cbs_code")


@admin.register(Doelgroep)
class DoelgroepAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "wettelijke_opgave", "volgorde")
