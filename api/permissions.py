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
