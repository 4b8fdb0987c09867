"""Reference data shared by all apps, and the abstract base for tracked domain models."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import ROLLEN


class VersieModel(models.Model):
    """Optimistic locking: a form carries the version it was loaded with (see generic views)."""

    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        abstract = True


class Doelgroep(models.Model):
    """One of the four groups of newcomers the programme tracks."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    wettelijke_opgave = models.BooleanField(_("wettelijke opgave"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("kern:doelgroep_detail", args=[self.pk])


class Gemeente(VersieModel):
    """A gemeente of the region (Holland Rijnland), identified by its CBS code."""

    cbs_code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    holland_rijnland = models.BooleanField(_("Holland Rijnland"), default=False)
    duin_en_bollenstreek = models.BooleanField(_("subregio Duin- en Bollenstreek"), default=False)
    veiligheidsregio = models.CharField(_("veiligheidsregio"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("kern:gemeente_detail", args=[self.pk])


class Corporatie(VersieModel):
    """A woningcorporatie that houses statushouders: a choice list kept by the functioneel beheerder."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("corporatie")
        verbose_name_plural = _("corporaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("kern:corporatie_detail", args=[self.pk])


class ImportTaak(models.Model):
    """A large import, run by a Celery task (see ``generic.ImportView`` and ``imports.voer_importtaak_uit``):
    the uploaded file until the run ends, its progress, and the result. Only the user who started it
    sees it; it has no permissions of its own (the import page required the model's add permission)."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="+"
    )
    importer = models.CharField(_("importeur"), max_length=200, help_text=_("Python-pad van de Importer-klasse"))
    titel = models.CharField(_("titel"), max_length=200)
    terug_url = models.CharField(_("importpagina"), max_length=200)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    inhoud = models.BinaryField(_("bestand"), editable=False, help_text=_("Leeg zodra de import is afgelopen."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    aangemaakt = models.PositiveIntegerField(_("nieuw"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    ongewijzigd = models.PositiveIntegerField(
        _("ongewijzigd"), default=0, help_text=_("Rijen die gelijk zijn aan wat er al stond.")
    )
    fouten = models.JSONField(
        _("fouten"), default=list, blank=True, help_text=_("De eerste fouten (rij, kolom, melding).")
    )
    aantal_fouten = models.PositiveIntegerField(_("aantal fouten"), default=0)
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("importtaak")
        verbose_name_plural = _("importtaken")
        ordering = ["-gestart_op"]
        default_permissions = ()
        constraints = [
            models.CheckConstraint(condition=models.Q(voortgang__lte=100), name="importtaak_voortgang_max_100")
        ]

    def __str__(self):
        return _("Import %(bestand)s") % {"bestand": self.bestandsnaam}

    def get_absolute_url(self):
        return reverse("importtaak", args=[self.pk])

    @property
    def bezig(self) -> bool:
        return self.status in (self.Status.WACHTRIJ, self.Status.BEZIG)


class Rolkoppeling(models.Model):
    """A group of the gemeente's identity provider (a value of its roles claim, ``OIDC_ROLLEN_CLAIM``) and
    the role it gives; kept by the functioneel beheerder. Applied at every login through OpenID Connect."""

    groep = models.CharField(
        _("groep in de inlogdienst"),
        max_length=255,
        unique=True,
        help_text=_("De waarde zoals de inlogdienst haar meestuurt, bijv. de naam of het object-ID van de groep."),
    )
    rol = models.CharField(_("rol"), max_length=40, choices=[(rol.code, rol.naam) for rol in ROLLEN])

    class Meta:
        verbose_name = _("rolkoppeling")
        verbose_name_plural = _("rolkoppelingen")
        ordering = ["groep"]

    def __str__(self):
        return f"{self.groep} → {self.get_rol_display()}"


class OidcIdentiteit(models.Model):
    """The account of a user at the gemeente's identity provider: its ``sub`` claim, which never changes
    (an e-mail address or name can)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identiteit", verbose_name=_("gebruiker")
    )
    sub = models.CharField(_("kenmerk bij de inlogdienst (sub)"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("account bij de inlogdienst")
        verbose_name_plural = _("accounts bij de inlogdienst")

    def __str__(self):
        return self.sub
