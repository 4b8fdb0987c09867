"""Reports (PDF) and the advisors' narrative per section (toelichting)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import registry
from noordwijk_migratie.models import VersieModel

from . import secties

WATERMERK_VOOR_PEILDATUM = _("CONCEPT — peildatum nog niet bereikt")
DEFINITIEF_ONWIJZIGBAAR = _("Een definitief rapport kan niet meer worden gewijzigd of verwijderd.")
AL_EEN_ANDERE_DEFINITIEF = _("Er is al een andere versie van dit rapport definitief.")


class Status(models.TextChoices):
    WACHTRIJ = "wachtrij", _("in de wachtrij")
    BEZIG = "bezig", _("bezig")
    KLAAR = "klaar", _("klaar")
    MISLUKT = "mislukt", _("mislukt")


class Rapport(models.Model):
    """One version of a report of one kind for one peildatum; regenerating adds a version."""

    soort = models.CharField(_("soort"), max_length=40, choices=secties.soort_keuzes)
    peildatum = models.DateField(_("peildatum"))
    versie = models.PositiveIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    definitief = models.BooleanField(_("definitief"), default=False)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("definitief gemaakt door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    definitief_op = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    definitief_gevraagd_op = models.DateTimeField(
        _("definitief maken gevraagd op"),
        null=True,
        blank=True,
        help_text=_("Het definitief maken loopt op de achtergrond; daarna ligt het rapport vast."),
    )
    zaaknummer = models.CharField(
        _("zaaknummer"), max_length=40, blank=True, help_text=_("Het zaaknummer in het zaaksysteem van de gemeente.")
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: automatisch ingepland door het systeem."),
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    snapshot = models.JSONField(_("gegevens (momentopname)"), default=dict, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="rapporten/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    taak_id = models.CharField(_("taak-id"), max_length=64, blank=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    opnieuw_ingepland_op = models.DateTimeField(
        _("automatisch opnieuw ingepland op"),
        null=True,
        blank=True,
        help_text=_(
            "Het maken bleef steken (de verwerking stopte); het systeem plande het rapport één keer opnieuw in."
        ),
    )

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporten")
        ordering = ["-aangevraagd_op", "-versie"]
        permissions = [("definitief_maken", _("Rapport definitief maken"))]
        constraints = [
            models.UniqueConstraint(fields=["soort", "peildatum", "versie"], name="rapport_uniek_per_versie"),
            models.UniqueConstraint(
                fields=["soort", "peildatum"],
                condition=Q(definitief=True),
                name="rapport_een_definitieve_versie",
                violation_error_message=AL_EEN_ANDERE_DEFINITIEF,
            ),
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="rapport_voortgang_max_100"),
            models.CheckConstraint(
                condition=~Q(soort=secties.HALFJAAR) | Q(peildatum__day=1, peildatum__month__in=[1, 7]),
                name="rapport_halfjaar_peildatum_1_jan_of_1_jul",
            ),
            models.CheckConstraint(
                condition=Q(definitief=False) | Q(status="klaar"), name="rapport_definitief_alleen_als_klaar"
            ),
        ]
        indexes = [models.Index(fields=["soort", "peildatum"])]

    def __str__(self):
        return _("%(soort)s %(peildatum)s (versie %(versie)s)") % {
            "soort": self.get_soort_display(),
            "peildatum": self.peildatum.strftime("%d-%m-%Y") if self.peildatum else "",
            "versie": self.versie,
        }

    def save(self, *args, **kwargs):
        if self.pk and Rapport.objects.filter(pk=self.pk, definitief=True).exists():
            raise ValidationError(DEFINITIEF_ONWIJZIGBAAR)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rapportage:rapport_detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if self.definitief or Rapport.objects.filter(pk=self.pk, definitief=True).exists():
            raise ValidationError(DEFINITIEF_ONWIJZIGBAAR)
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        soort = secties.SOORTEN.get(self.soort)
        if soort and self.peildatum and not soort.peildatum_geldig(self.peildatum):
            raise ValidationError({"peildatum": soort.peildatum_fout})

    @property
    def bezig(self) -> bool:
        return self.status in (Status.WACHTRIJ, Status.BEZIG)

    @property
    def wordt_definitief(self) -> bool:
        """Finalising was asked for and runs in the background."""
        return bool(self.definitief_gevraagd_op) and not self.definitief and self.status == Status.KLAAR

    @property
    def voor_peildatum(self) -> bool:
        """Made (requested) before its own peildatum: the figures cannot be those of the peildatum yet."""
        return timezone.localdate(self.aangevraagd_op) < self.peildatum if self.aangevraagd_op else False

    @property
    def watermerk(self) -> str:
        """The watermark of the PDF ('' for none): a concept made before its peildatum."""
        return str(WATERMERK_VOOR_PEILDATUM) if self.voor_peildatum and not self.definitief else ""

    @property
    def downloadbaar(self) -> bool:
        return self.status == Status.KLAAR and bool(self.pdf)

    @property
    def bestandsnaam(self) -> str:
        staat = "definitief" if self.definitief else "concept"
        return f"{self.soort}-{self.peildatum:%Y%m%d}-v{self.versie}-{staat}.pdf"


class Toelichting(VersieModel):
    """The advisors' narrative for one section of one report kind and peildatum (all versions)."""

    soort = models.CharField(_("soort rapport"), max_length=40, choices=secties.soort_keuzes)
    peildatum = models.DateField(_("peildatum"))
    sectie = models.CharField(_("onderdeel"), max_length=60)
    tekst = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("toelichting")
        verbose_name_plural = _("toelichtingen")
        ordering = ["soort", "peildatum", "sectie"]
        permissions = [("rapporttekst_schrijven", _("Samenvatting, conclusies en vervolgopdracht schrijven"))]
        constraints = [
            models.UniqueConstraint(fields=["soort", "peildatum", "sectie"], name="toelichting_uniek_per_sectie"),
        ]

    def __str__(self):
        return _("Toelichting %(sectie)s, %(soort)s %(peildatum)s") % {
            "sectie": self.sectie_titel,
            "soort": self.get_soort_display(),
            "peildatum": self.peildatum.strftime("%d-%m-%Y") if self.peildatum else "",
        }

    @property
    def sectie_titel(self) -> str:
        gevonden = next((s for s in registry.secties(self.soort) if s.code == self.sectie), None)
        return str(gevonden.titel) if gevonden else self.sectie

    def get_absolute_url(self):
        return reverse("rapportage:toelichting_detail", args=[self.pk])

    @property
    def vastgesteld(self) -> bool:
        """True once a version of this report kind and peildatum is definitief or being finalised."""
        return Rapport.objects.filter(
            Q(definitief=True) | Q(definitief_gevraagd_op__isnull=False),
            soort=self.soort,
            peildatum=self.peildatum,
        ).exists()


class Voorblad(VersieModel):
    """The reference data on the cover of every report (one row, kept by the functioneel beheerder;
    each change is in the audit trail, and each report keeps the values of its own snapshot)."""

    gemeente = models.CharField(_("gemeente"), max_length=100, default=settings.GEMEENTE_NAAM)
    portefeuillehouder = models.CharField(
        _("portefeuillehouder"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: wethouder J. Jansen.")
    )
    opsteller = models.CharField(
        _("opsteller"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: Opgaveteam asiel en migratie.")
    )
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Een functioneel e-mailadres of telefoonnummer.")
    )

    class Meta:
        verbose_name = _("voorbladgegevens")
        verbose_name_plural = _("voorbladgegevens")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="voorblad_een_rij")]

    def __str__(self):
        return str(_("Voorbladgegevens van de rapporten"))

    def get_absolute_url(self):
        return reverse("rapportage:voorblad_detail", args=[self.pk])

    @classmethod
    def huidig(cls) -> "Voorblad":
        return cls.objects.get_or_create(pk=1)[0]
