"""Tokens of the API's consumers: one per consumer (a Power BI report, a spreadsheet, another system),
with the areas (scopes) it may read. Only the SHA-256 of the key is stored; the key itself is shown once,
when the functioneel beheerder creates the token (:mod:`api.admin`)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """The areas of the API; every endpoint belongs to one."""

    STATUSHOUDERS = "statushouders", _("Statushouders (taakstelling)")
    OPVANG = "opvang", _("Opvang en Spreidingswet")
    INTERNATIONALE_WERKNEMERS = "internationale_werknemers", _("Internationale werknemers")
    PROGRAMMA = "programma", _("Programma: acties en indicatoren")
    THEMASESSIES = "themasessies", _("Themasessies, thema's, partners en vervolgacties")


PREFIX_LENGTE = 8


def hash_van(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def geldig(self):
        """Not revoked, not expired, with an active owner."""
        nu = timezone.now()
        return self.filter(ingetrokken_op__isnull=True, eigenaar__is_active=True).filter(
            models.Q(verloopt_op__isnull=True) | models.Q(verloopt_op__gt=nu)
        )


class ApiToken(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True, help_text=_("Wie of wat de API gebruikt."))
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
        help_text=_("De medewerker die verantwoordelijk is voor dit gebruik; zijn naam staat bij elke aanroep."),
    )
    scopes = models.JSONField(_("gebieden"), default=list)
    prefix = models.CharField(_("begin van de sleutel"), max_length=PREFIX_LENGTE, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def nieuwe_sleutel(self) -> str:
        """Give the token a new random key and return it (stored only as its hash)."""
        sleutel = secrets.token_urlsafe(32)
        self.prefix = sleutel[:PREFIX_LENGTE]
        self.token_hash = hash_van(sleutel)
        return sleutel

    @property
    def ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None
