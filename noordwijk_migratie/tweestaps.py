"""Local accounts: username and password only where ``LOKAAL_INLOGGEN_ACTIEF``, then a second factor
(django-otp: TOTP from an authenticator app, recovery codes).

- :class:`LokaleBackend`: Django's password check, switched off unless local login is on. django-axes and
  the per-address guard (noordwijk_migratie/inloggen.py) keep guarding the password form.
- At login the session records what is still needed (:func:`volgende_stap`): nothing (logged in through
  the gemeente's identity provider, which does its own multi-factor), verifying a code (the account has a
  device), or enrolling (no device yet and ``tweede_factor_vereist``: a role that can write, the
  functioneel beheerder, staff, superusers; only where ``TWEEDE_FACTOR_VERPLICHT``). Until that step is
  done, :class:`TweedeFactorMiddleware` leaves only that page and logging out.
- Codes are checked by django-otp: a wrong code slows the next attempt (1, 2, 4 … s), a TOTP code counts
  once (``last_t``), a recovery code is deleted when used.
"""

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth import views as auth_views
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import oidc
from .rechten import GecachteRechtenMixin
from .roles import tweede_factor_vereist

STAP = "tweede_factor_stap"  # session: "", "verifieren" or "instellen"
AANTAL_HERSTELCODES = 10


class LokaleBackend(GecachteRechtenMixin, ModelBackend):
    """Username and password, only where local login is switched on."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.LOKAAL_INLOGGEN_ACTIEF:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def volgende_stap(request, user) -> str:
    if request.session.get(BACKEND_SESSION_KEY) == oidc.BACKEND:  # the provider did its own second step
        return ""
    if user_has_device(user):
        return "verifieren"
    if settings.TWEEDE_FACTOR_VERPLICHT and tweede_factor_vereist(user):
        return "instellen"
    return ""


@receiver(user_logged_in)
def _bij_inloggen(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    stap = request.session[STAP] = volgende_stap(request, user)
    if not stap and user.has_usable_password() and not user_has_device(user):
        messages.info(
            request,
            _("Beveilig uw account met tweestapsverificatie: kies ‘Tweestapsverificatie’ rechtsboven."),
            fail_silently=True,
        )


class TweedeFactorMiddleware:
    """After django_otp's OTPMiddleware: a local login that still has to verify or enrol gets only that
    page (and logging out)."""

    PAGINA = {"verifieren": "tweestaps_verifieren", "instellen": "tweestaps_instellen"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):  # as LoginRequiredMiddleware: the login page, health
            return None
        user = request.user
        if user.is_authenticated and not user.is_verified():
            stap = request.session.get(STAP)
            if stap is None:  # a session from before this check
                stap = request.session[STAP] = volgende_stap(request, user)
            if stap:
                pagina = reverse(self.PAGINA[stap])
                if request.path not in (pagina, reverse("logout")):
                    return redirect_to_login(request.get_full_path(), pagina)
        return None


# --- forms and views -----------------------------------------------------------------------------------


class CodeForm(forms.Form):
    """One field for a code from the app (digits) or a recovery code (letters and digits)."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def __init__(self, *args, apparaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.apparaten = apparaten
        self.apparaat = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        soort = TOTPDevice if code.isdigit() else StaticDevice
        for apparaat in (a for a in self.apparaten if isinstance(a, soort)):
            with transaction.atomic():
                apparaat = soort.objects.select_for_update().get(pk=apparaat.pk)
                toegestaan, _extra = apparaat.verify_is_allowed()
                if not toegestaan:
                    raise forms.ValidationError(
                        _("Te veel onjuiste codes achter elkaar. Wacht een paar seconden en probeer het opnieuw."),
                        code="wachten",
                    )
                if apparaat.verify_token(code):
                    self.apparaat = apparaat
                    return code
        raise forms.ValidationError(
            _("Deze code klopt niet of is al gebruikt. Vul de code in die uw app nu toont, of een herstelcode."),
            code="onjuist",
        )


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(volgende, {request.get_host()}, require_https=request.is_secure()):
        return volgende
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _herstelcodes(user) -> list[str]:
    """A new set of recovery codes (the old ones stop working), shown once."""
    apparaat, _nieuw = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Herstelcodes"})
    apparaat.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=code) for code in codes)
    return codes


@method_decorator(login_not_required, name="dispatch")
class InloggenView(auth_views.LoginView):
    """The login page: the button to the gemeente's identity provider and, where switched on, the local
    username and password form."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if not settings.LOKAAL_INLOGGEN_ACTIEF:
            return render(request, "registration/login.html", self.get_context_data(), status=403)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, lokaal_actief=settings.LOKAAL_INLOGGEN_ACTIEF, inlogdienst_actief=oidc.actief()
        )


class VerifierenView(View):
    """The second step of a local login: a code from the app or a recovery code."""

    template_name = "registration/tweestaps_verifieren.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(_volgende(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._toon(request, self._form(request))

    def post(self, request):
        form = self._form(request, request.POST)
        if not form.is_valid():
            return self._toon(request, form, status=200)
        otp_login(request, form.apparaat)
        request.session[STAP] = ""
        if isinstance(form.apparaat, StaticDevice):
            over = form.apparaat.token_set.count()
            messages.warning(
                request, _("U logde in met een herstelcode; er zijn er nog %(aantal)d over.") % {"aantal": over}
            )
        return redirect(_volgende(request))

    @staticmethod
    def _form(request, data=None):
        user = request.user
        apparaten = [*TOTPDevice.objects.devices_for_user(user), *StaticDevice.objects.devices_for_user(user)]
        return CodeForm(data, apparaten=apparaten)

    def _toon(self, request, form, status=200):
        return render(request, self.template_name, {"form": form, "next": _volgende(request)}, status=status)


class InstellenView(View):
    """Enrol an authenticator app (QR code or the key by hand, confirmed with a first code), then recovery
    codes; once set up: the state and new recovery codes."""

    template_name = "registration/tweestaps_instellen.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_usable_password():  # logs in through the identity provider, which does it
            return render(request, self.template_name, {"inlogdienst": True})
        if user_has_device(request.user) and not request.user.is_verified():
            return redirect_to_login(request.get_full_path(), reverse("tweestaps_verifieren"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._toon(request, CodeForm(apparaten=[]))

    def post(self, request):
        user = request.user
        if "herstelcodes" in request.POST and user.is_verified():
            return self._codes(request, _herstelcodes(user))
        apparaat = self._nieuw_apparaat(user)
        form = CodeForm(request.POST, apparaten=[apparaat] if apparaat else [])
        if apparaat is None or not form.is_valid():
            return self._toon(request, form)
        apparaat = form.apparaat
        with transaction.atomic():
            apparaat.confirmed = True
            apparaat.save(update_fields=["confirmed"])
            codes = _herstelcodes(user)
        otp_login(request, apparaat)
        request.session[STAP] = ""
        return self._codes(request, codes)

    @staticmethod
    def _nieuw_apparaat(user):
        """The app being enrolled (none once one is set up)."""
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return None
        return TOTPDevice.objects.filter(user=user, confirmed=False).first()

    def _toon(self, request, form):
        user = request.user
        context = {"form": form, "next": _volgende(request)}
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            context["ingesteld"] = True
            context["herstelcodes_over"] = StaticToken.objects.filter(device__user=user).count()
        else:
            apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).first()
            if apparaat is None:
                apparaat = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
            import segno  # ~11 MB: only on the page where someone enrols an authenticator app

            context["qr"] = segno.make(apparaat.config_url, error="m").svg_data_uri(scale=5, border=2)
            context["sleutel"] = base64.b32encode(apparaat.bin_key).decode()
        return render(request, self.template_name, context)

    def _codes(self, request, codes):
        return render(request, "registration/herstelcodes.html", {"codes": codes, "next": _volgende(request)})
