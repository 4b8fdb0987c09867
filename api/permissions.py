"""Who may read an endpoint: a token with the endpoint's scope, or a logged-in user (the browsable API and
the schema) whose role may view the app behind it."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from .models import ApiToken


class HeeftScope(permissions.BasePermission):
    message = _("Dit token heeft geen toegang tot dit gebied van de API.")

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        if isinstance(request.auth, ApiToken):
            return view.scope in request.auth.scopes
        return request.user.has_module_perms(view.app_label)


class ContactpersonenZien(permissions.BasePermission):
    """Contact persons of partners (professionals, with name and work e-mail): never for a token (a consumer
    has no role), for a logged-in user only with the permission of the Contactpersonen page."""

    message = _(
        "Contactpersonen van partners zijn alleen te zien voor ingelogde medewerkers met het recht daartoe, "
        "niet via een token."
    )

    def has_permission(self, request, view):
        return not isinstance(request.auth, ApiToken) and request.user.has_perm("themasessies.view_contactpersoon")
