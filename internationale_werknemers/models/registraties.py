"""Registraties: the number of international workers in the RNI and the BRP, and the reach of the
information app and the information point. Counts only: nothing describes a person."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import VersieModel

from .. import rules
from .controles import bestaat_al, in_de_toekomst


class Registratiestand(VersieModel):
    """Number of international workers registered in the RNI and the BRP on a date (counts only)."""

    peildatum = models.DateField(_("peildatum"), unique=True)
    rni = models.PositiveIntegerField(_("ingeschreven in de RNI"), null=True, blank=True)
    brp = models.PositiveIntegerField(_("ingeschreven in de BRP"), null=True, blank=True)
    bron = models.CharField(
        _("bron"), max_length=200, blank=True, help_text=_("Bijvoorbeeld 'Burgerzaken, maandrapportage'.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("registratiestand RNI/BRP")
        verbose_name_plural = _("registraties RNI/BRP")
        ordering = ["-peildatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rni__isnull=False) | Q(brp__isnull=False),
                name="iw_registratie_rni_of_brp",
                violation_error_message=_("Vul het aantal inschrijvingen in de RNI, de BRP of allebei in."),
            ),
        ]

    def __str__(self):
        return _("Inschrijvingen op %(datum)s") % {"datum": getallen.datum(self.peildatum)}

    def get_absolute_url(self):
        return reverse("internationale_werknemers:registratiestand_detail", args=[self.pk])

    @property
    def totaal(self):
        return rules.som_of_onbekend([self.rni, self.brp])

    def clean(self):
        fouten = {}
        if self.rni is None and self.brp is None:
            fouten["__all__"] = _("Vul het aantal inschrijvingen in de RNI, de BRP of allebei in.")
        if in_de_toekomst(self.peildatum):
            fouten["peildatum"] = _("De peildatum ligt in de toekomst.")
        if fouten:
            raise ValidationError(fouten)


class Informatiebereik(VersieModel):
    """How many international workers were reached in a period, per channel (counts only)."""

    class Kanaal(models.TextChoices):
        APP = "informatieapp", _("informatieapp")
        PUNT = "informatiepunt", _("informatiepunt")

    kanaal = models.CharField(_("kanaal"), max_length=20, choices=Kanaal.choices)
    periode_start = models.DateField(_("periode van"))
    periode_eind = models.DateField(_("periode tot en met"))
    bereik = models.PositiveIntegerField(
        _("bereik (aantal)"),
        help_text=_("Bijvoorbeeld actieve gebruikers van de app of bezoekers van het informatiepunt."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("informatiebereik")
        verbose_name_plural = _("informatiebereik")
        ordering = ["-periode_eind", "kanaal"]
        constraints = [
            models.UniqueConstraint(fields=["kanaal", "periode_start"], name="iw_bereik_uniek"),
            models.CheckConstraint(
                condition=Q(periode_eind__gte=models.F("periode_start")),
                name="iw_bereik_periode",
                violation_error_message=_("Het einde van de periode ligt vóór het begin."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kanaal_display()} {getallen.datum(self.periode_start)} – {getallen.datum(self.periode_eind)}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:informatiebereik_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.periode_start and self.periode_eind:
            if self.periode_eind < self.periode_start:
                fouten["periode_eind"] = _("Het einde van de periode ligt vóór het begin.")
            elif in_de_toekomst(self.periode_start):
                fouten["periode_start"] = _("De periode is nog niet begonnen.")
            elif self.kanaal and bestaat_al(self, kanaal=self.kanaal, periode_start=self.periode_start):
                fouten["periode_start"] = _("Voor dit kanaal is een periode met dit begin al vastgelegd.")
        if fouten:
            raise ValidationError(fouten)
