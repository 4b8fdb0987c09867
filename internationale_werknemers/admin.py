from django.contrib import admin

from . import models

for model in (
    models.Beleidsplan,
    models.Actielijn,
    models.Budgetpost,
    models.Budgetjaar,
    models.Toetsingscriterium,
    models.Beoordeling,
    models.Pilotlocatie,
    models.Pilotstand,
    models.Woning,
    models.Inspectie,
    models.Registratiestand,
    models.Informatiebereik,
):
    admin.site.register(model)


@admin.register(models.Huisvestingsinitiatief)
class HuisvestingsinitiatiefAdmin(admin.ModelAdmin):
    readonly_fields = ("afwijking_door", "afwijking_op")
