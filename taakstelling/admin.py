"""The admin of the records that make the taakstelling's figures, with the same rules as the pages: the
app's forms (plausibility, dates, closed periods with a reason: :mod:`taakstelling.afsluiting`) and no
COA reference for who may not see it. Deleting something that changes a closed period is refused here
for everyone: the admin's confirmation asks no reason, so the opgavemanager uses the page instead."""

from django.contrib import admin
from django.utils.translation import gettext as _

from . import afsluiting, forms
from .models import COA_REFERENTIE_RECHT, Nareiziger, Periode, Plaatsing


class AfgeslotenPeriodeAdmin(admin.ModelAdmin):
    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        gebruiker = request.user

        class MetGebruiker(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, user=gebruiker, **kw)

        return MetGebruiker

    def save_model(self, request, obj, form, change):
        if change:  # as the app's edit view: a form opened before this save is refused as stale
            obj.versie = type(obj).objects.filter(pk=obj.pk).values_list("versie", flat=True).get() + 1
        super().save_model(request, obj, form, change)
        form.leg_correctie_vast()

    def geraakt(self, obj) -> list:
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        verwijderd, aantallen, rechten_nodig, beschermd = super().get_deleted_objects(objs, request)
        for obj in objs:
            if geraakt := self.geraakt(obj):
                beschermd.append(
                    _(
                        "%(obj)s verandert bij verwijderen de cijfers van %(wat)s. Dat kan alleen op de "
                        "verwijderpagina van de applicatie, door de opgavemanager en met een reden."
                    )
                    % {"obj": obj, "wat": afsluiting.beschrijving(geraakt)}
                )
        return verwijderd, aantallen, rechten_nodig, beschermd


@admin.register(Plaatsing)
class PlaatsingAdmin(AfgeslotenPeriodeAdmin):
    form = forms.PlaatsingForm
    list_display = ("__str__", "status", "datum_gehuisvest")
    list_filter = ("status", "samenstelling")
    date_hierarchy = "koppeldatum"

    def get_exclude(self, request, obj=None):
        return () if request.user.has_perm(COA_REFERENTIE_RECHT) else ("coa_referentie",)

    def geraakt(self, obj):
        return afsluiting.Toets().plaatsing(obj, None)


@admin.register(Nareiziger)
class NareizigerAdmin(AfgeslotenPeriodeAdmin):
    form = forms.NareizigerForm
    list_display = ("__str__", "plaatsing")
    raw_id_fields = ("plaatsing",)

    def geraakt(self, obj):
        return afsluiting.Toets().nareiziger(obj, None)


@admin.register(Periode)
class PeriodeAdmin(AfgeslotenPeriodeAdmin):
    form = forms.PeriodeForm
    list_display = ("label", "begindatum", "einddatum", "netto_taakstelling")

    def geraakt(self, obj):
        return afsluiting.Toets().periode(obj)
