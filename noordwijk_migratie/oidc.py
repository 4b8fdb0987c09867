"""Login through the gemeente's identity provider (OpenID Connect), with mozilla-django-oidc.

- Configuration comes from the environment (``OIDC_ISSUER``, ``OIDC_CLIENT_ID``, ``OIDC_CLIENT_SECRET`` or
  ``OIDC_CLIENT_SECRET_FILE``, …; see the settings); the endpoints come from the provider's discovery
  document (``<issuer>/.well-known/openid-configuration``), fetched when first needed and cached for an hour.
- Authorization code flow with PKCE (S256), state and nonce (mozilla-django-oidc); the ID token's signature
  (JWKS), expiry, issuer and audience are checked, and the userinfo answer must be about the same ``sub``.
- A user is their ``sub`` (:class:`~noordwijk_migratie.models.OidcIdentiteit`), never their e-mail address.
  Name and e-mail come from the claims; the roles from the claim ``OIDC_ROLLEN_CLAIM`` through the
  functioneel beheerder's :class:`~noordwijk_migratie.models.Rolkoppeling`, set anew at every login.
  Without a mapped group there is no login: a Dutch "geen toegang" page (and no roles kept).
- Logout ends the local session and, when the provider has an ``end_session_endpoint``, the provider's
  session too (RP-initiated logout with ``id_token_hint``).
"""

import functools
import logging
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.shortcuts import redirect, render, resolve_url
from django.utils.functional import lazy
from mozilla_django_oidc.auth import OIDCAuthenticationBackend, default_username_algo
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .models import OidcIdentiteit, Rolkoppeling
from .rechten import GecachteRechtenMixin
from .roles import FUNCTIONEEL_BEHEERDER, ROLLEN, rolgroepen

logger = logging.getLogger(__name__)

ONTDEKKING_SECONDEN = 60 * 60
# mozilla-django-oidc's endpoint settings and their names in the discovery document.
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def actief() -> bool:
    return bool(settings.OIDC_ISSUER)


def ontdekking() -> dict:
    """The provider's discovery document (cached); raises requests.RequestException when unreachable."""
    sleutel = f"oidc:ontdekking:{settings.OIDC_ISSUER}"
    document = cache.get(sleutel)
    if document is None:
        antwoord = requests.get(
            f"{settings.OIDC_ISSUER}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
        )
        antwoord.raise_for_status()
        document = antwoord.json()
        if document.get("issuer", "").rstrip("/") != settings.OIDC_ISSUER:
            raise requests.RequestException("De issuer van het discovery-document wijkt af van OIDC_ISSUER.")
        cache.set(sleutel, document, ONTDEKKING_SECONDEN)
    return document


def _endpoint(naam: str) -> str:
    return ontdekking()[naam]


_endpoint_lui = lazy(_endpoint, str)  # once: lazy() builds a proxy class, and Django makes a backend per has_perm


def instelling(attr, *args):
    """mozilla-django-oidc's settings, with the endpoints from discovery: lazily, so that nothing is fetched
    before the login through the provider needs it (a local login keeps working when it is down)."""
    if attr in ENDPOINTS:
        return _endpoint_lui(ENDPOINTS[attr])
    return import_from_settings(attr, *args)


def rollen_uit_claims(claims: dict) -> list[Group]:
    """The role groups that the user's directory groups map to (Rolkoppeling)."""
    waarde = claims.get(settings.OIDC_ROLLEN_CLAIM) or []
    groepen = [waarde] if isinstance(waarde, str) else [str(g) for g in waarde]
    codes = set(Rolkoppeling.objects.filter(groep__in=groepen).values_list("rol", flat=True))
    return list(rolgroepen().filter(name__in=[rol.naam for rol in ROLLEN if rol.code in codes]))


class InlogdienstBackend(GecachteRechtenMixin, OIDCAuthenticationBackend):
    """Users by ``sub``; name, e-mail and roles from the claims at every login (see the module docstring)."""

    get_settings = staticmethod(instelling)

    def authenticate(self, request, **kwargs):
        if not actief():
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        """Besides signature, expiry and nonce (mozilla-django-oidc): issued by our provider, for us."""
        payload = super().verify_token(token, **kwargs)
        doelgroep = payload.get("aud")
        doelgroep = [doelgroep] if isinstance(doelgroep, str) else list(doelgroep or [])
        if payload.get("iss", "").rstrip("/") != settings.OIDC_ISSUER or self.OIDC_RP_CLIENT_ID not in doelgroep:
            raise SuspiciousOperation("ID token niet van de ingestelde inlogdienst of niet voor deze applicatie.")
        if len(doelgroep) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token voor een andere applicatie (azp).")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint where the provider has one (Entra ID
        puts groups in the ID token, Keycloak in both)."""
        claims = dict(payload)
        if ontdekking().get("userinfo_endpoint"):
            info = super().get_userinfo(access_token, id_token, payload)
            if info.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("Userinfo gaat over een ander sub dan het ID token.")
            claims.update(info)
        return claims

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def describe_user_by_claims(self, claims):
        return f"sub {claims.get('sub')}"

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(oidc_identiteit__sub=claims["sub"])

    @transaction.atomic
    def create_user(self, claims):
        rollen = rollen_uit_claims(claims)
        if not rollen:
            return self._geen_toegang(None, claims)
        user = self.UserModel(username=f"oidc-{default_username_algo(claims['sub'])}")
        user.set_unusable_password()  # never a local login
        self._neem_over(user, claims, rollen)
        OidcIdentiteit.objects.create(gebruiker=user, sub=claims["sub"])
        return user

    @transaction.atomic
    def update_user(self, user, claims):
        rollen = rollen_uit_claims(claims)
        if not rollen:
            return self._geen_toegang(user, claims)
        self._neem_over(user, claims, rollen)
        return user

    def _neem_over(self, user, claims, rollen):
        """Name, e-mail and roles as the provider says today; groups that are not roles stay."""
        user.first_name = (claims.get("given_name") or claims.get("name") or "")[:150]
        user.last_name = (claims.get("family_name") or "")[:150]
        user.email = (claims.get("email") or "")[:254]
        user.is_staff = user.is_superuser or any(g.name == FUNCTIONEEL_BEHEERDER.naam for g in rollen)
        user.save()
        user.groups.remove(*rolgroepen().exclude(pk__in=[g.pk for g in rollen]))
        user.groups.add(*rollen)

    def _geen_toegang(self, user, claims):
        """No mapped group: the roles are gone, and the callback shows the "geen toegang" page."""
        logger.info("Inloggen geweigerd voor %s: geen gekoppelde groep", self.describe_user_by_claims(claims))
        if user is not None:
            user.groups.remove(*rolgroepen())
            if user.is_staff and not user.is_superuser:
                user.is_staff = False
                user.save(update_fields=["is_staff"])
        self.request.geen_toegang = True
        return None


BACKEND = f"{InlogdienstBackend.__module__}.{InlogdienstBackend.__qualname__}"


def _via_inlogdienst(view):
    """Only when OpenID Connect is configured, and a Dutch page when the provider fails or lies."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not actief():
            return redirect(settings.LOGIN_URL)
        try:
            return view(request, *args, **kwargs)
        except SuspiciousOperation as fout:
            logger.warning("Inloggen via de inlogdienst geweigerd: %s", fout)
            return render(request, "registration/inlogdienst_fout.html", status=400)
        except requests.RequestException as fout:
            logger.error("Inlogdienst niet bruikbaar: %s", fout)
            return render(request, "registration/inlogdienst_fout.html", {"onbereikbaar": True}, status=503)

    return login_not_required(wrapper)


class AanvraagView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(instelling)


class TerugkeerView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(instelling)

    def login_failure(self):
        if getattr(self.request, "geen_toegang", False):
            return render(self.request, "registration/geen_toegang.html", status=403)
        return render(self.request, "registration/inlogdienst_fout.html", status=400)


aanvraag = _via_inlogdienst(AanvraagView.as_view())
terugkeer = _via_inlogdienst(TerugkeerView.as_view())


def uitlog_url(request) -> str:
    """OIDC_OP_LOGOUT_URL_METHOD: the provider's logout for a session that began there (RP-initiated logout),
    otherwise straight back to our login page."""
    terug = resolve_url(settings.LOGOUT_REDIRECT_URL)
    id_token = request.session.get("oidc_id_token")
    if not (actief() and id_token):
        return terug
    try:
        einde = ontdekking().get("end_session_endpoint")
    except requests.RequestException:
        einde = None
    if not einde:
        return terug
    return f"{einde}?" + urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(terug),
        }
    )


@checks.register(checks.Tags.security)
def controleer_inloggen(app_configs, **kwargs):
    """Someone must be able to log in, and a configured provider needs our client's credentials."""
    meldingen = []
    if actief() and not (settings.OIDC_RP_CLIENT_ID and settings.OIDC_RP_CLIENT_SECRET):
        meldingen.append(
            checks.Error("OIDC_ISSUER is gezet, maar OIDC_CLIENT_ID of OIDC_CLIENT_SECRET ontbreekt.", id="kern.E001")
        )
    if not actief() and not settings.LOKAAL_INLOGGEN_ACTIEF:
        meldingen.append(
            checks.Warning(
                "Niemand kan inloggen: stel OIDC_ISSUER in (inlogdienst van de gemeente) of zet "
                "LOKAAL_INLOGGEN_ACTIEF aan.",
                id="kern.W001",
            )
        )
    return meldingen


@checks.register(checks.Tags.security, deploy=True)
def controleer_inlogdienst_https(app_configs, **kwargs):
    if actief() and not settings.OIDC_ISSUER.startswith("https://"):
        return [checks.Warning("OIDC_ISSUER gebruikt geen https.", id="kern.W002")]
    return []
