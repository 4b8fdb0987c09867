"""The functioneel beheerder's management of API tokens (Beheer → API-tokens): create one (its key is shown
once, right after saving), choose its scopes and expiry, revoke it. Tokens are never deleted."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ApiToken, Scope


class ApiTokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(label=_("Gebieden"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ApiToken
        fields = ("naam", "eigenaar", "scopes", "verloopt_op")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ("naam", "eigenaar", "prefix", "aangemaakt_op", "verloopt_op", "laatst_gebruikt", "ingetrokken_op")
    list_filter = ("ingetrokken_op",)
    readonly_fields = ("prefix", "aangemaakt_op", "laatst_gebruikt", "ingetrokken_op")
    actions = ("intrekken",)
    list_select_related = ("eigenaar",)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        sleutel = None if change else obj.nieuwe_sleutel()
        super().save_model(request, obj, form, change)
        if sleutel:
            self.message_user(
                request,
                _("De sleutel van %(naam)s is: %(sleutel)s — kopieer hem nu: hij wordt niet nog eens getoond.")
                % {"naam": obj.naam, "sleutel": sleutel},
                messages.WARNING,
            )

    @admin.action(description=_("Geselecteerde tokens intrekken"), permissions=["change"])
    def intrekken(self, request, queryset):
        aantal = 0
        for token in queryset.filter(ingetrokken_op__isnull=True):
            token.ingetrokken_op = timezone.now()
            token.save(update_fields=["ingetrokken_op"])  # a change: in the audit trail
            aantal += 1
        self.message_user(
            request, ngettext("%(n)d token ingetrokken.", "%(n)d tokens ingetrokken.", aantal) % {"n": aantal}
        )
