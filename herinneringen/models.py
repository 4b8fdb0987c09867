"""Reminders: who receives what (profile with focus, preferences) and what was due, seen and sent.

A :class:`Melding` is one reminder of one kind about one object at one due moment for one recipient;
the database allows it once (unique constraint), so creating reminders is idempotent however often
the run is repeated. Sending claims rows in the database before the e-mail goes out and marks them
sent right after, so a second run or a restarted worker never sends one twice (see ``diensten``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.models import Doelgroep


class Profiel(models.Model):
    """What the application knows about a user beyond the account: the beleidsadviseur's focus."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel", verbose_name=_("gebruiker")
    )
    focus = models.ManyToManyField(
        Doelgroep,
        blank=True,
        related_name="+",
        verbose_name=_("focus (doelgroepen)"),
        help_text=_(
            "Alleen voor beleidsadviseurs: zij krijgen herinneringen over deze doelgroepen (en over onderwerpen "
            "zonder doelgroep). Niets aangevinkt: herinneringen over alle doelgroepen."
        ),
    )

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return _("Profiel van %(gebruiker)s") % {"gebruiker": self.gebruiker}


class Bezorging(models.TextChoices):
    DIRECT = "direct", _("Direct per e-mail")
    WEKELIJKS = "wekelijks", _("Eén overzicht per week (maandag)")
    GEEN = "geen", _("Geen e-mail; alleen op Mijn werk")


class Voorkeur(models.Model):
    """A user's choices: how reminders arrive, and which kinds are switched off."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="herinneringvoorkeur",
        verbose_name=_("gebruiker"),
    )
    bezorging = models.CharField(_("e-mail"), max_length=10, choices=Bezorging.choices, default=Bezorging.DIRECT)
    uitgeschakeld = models.JSONField(
        _("uitgeschakelde herinneringen"), default=list, blank=True, help_text=_("Codes van de soorten.")
    )

    class Meta:
        verbose_name = _("voorkeur voor herinneringen")
        verbose_name_plural = _("voorkeuren voor herinneringen")
        default_permissions = ()  # each user edits their own, on the preferences page

    def __str__(self):
        return _("Voorkeuren van %(gebruiker)s") % {"gebruiker": self.gebruiker}


class Melding(models.Model):
    """One reminder (kind, object, due moment) for one recipient, with its seen and e-mail state."""

    soort = models.CharField(_("soort"), max_length=80)
    sleutel = models.CharField(_("object"), max_length=100)
    moment = models.DateField(_("moment"), help_text=_("De dag waarop de herinnering actueel werd."))
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("ontvanger")
    )
    datum = models.DateField(_("datum"), help_text=_("De termijn of datum waar de herinnering over gaat."))
    tekst = models.CharField(_("tekst"), max_length=500)
    url = models.CharField(_("link"), max_length=300)
    doelgroepen = models.JSONField(_("doelgroepen"), default=list, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gezien_op = models.DateTimeField(_("gezien op"), null=True, blank=True)
    vervallen_op = models.DateTimeField(
        _("vervallen op"),
        null=True,
        blank=True,
        help_text=_("Het werk is gedaan, of een latere herinnering verving deze."),
    )
    claim = models.CharField(_("claim"), max_length=32, blank=True)
    geclaimd_op = models.DateTimeField(_("geclaimd op"), null=True, blank=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    fout = models.CharField(_("fout bij versturen"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["datum", "pk"]
        default_permissions = ()
        permissions = [("ontvangen", _("Ontvangt herinneringen (Mijn werk en e-mail)"))]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "sleutel", "moment", "gebruiker"], name="melding_eenmaal_per_moment_en_ontvanger"
            ),
        ]
        indexes = [
            # the header count and Mijn werk: a user's open reminders
            models.Index(fields=["gebruiker", "gezien_op"], condition=Q(vervallen_op=None), name="melding_open"),
            # the send queue
            models.Index(fields=["gebruiker"], condition=Q(vervallen_op=None, verstuurd_op=None), name="melding_wacht"),
        ]

    def __str__(self):
        return self.tekst


class Overzicht(models.Model):
    """The weekly digest of one recipient for one week (Monday), sent once."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("ontvanger")
    )
    week = models.DateField(_("week (maandag)"))
    claim = models.CharField(_("claim"), max_length=32, blank=True)
    geclaimd_op = models.DateTimeField(_("geclaimd op"), null=True, blank=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    aantal = models.PositiveIntegerField(_("aantal herinneringen"), default=0)
    fout = models.CharField(_("fout bij versturen"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("weekoverzicht")
        verbose_name_plural = _("weekoverzichten")
        ordering = ["-week"]
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["gebruiker", "week"], name="overzicht_eenmaal_per_week")]

    def __str__(self):
        return _("Weekoverzicht %(week)s") % {"week": self.week.strftime("%d-%m-%Y") if self.week else ""}
