"""``Authorization: Token <sleutel>``: DRF's token authentication, with the key looked up by its hash."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_van


class ApiTokenAuthentication(authentication.TokenAuthentication):
    model = ApiToken

    def authenticate_credentials(self, key):
        token = ApiToken.objects.geldig().select_related("eigenaar").filter(token_hash=hash_van(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Onbekend, verlopen of ingetrokken token."))
        # an update, not a save: using a token is not a change for the audit trail
        token.laatst_gebruikt = timezone.now()
        ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt=token.laatst_gebruikt)
        return token.eigenaar, token
