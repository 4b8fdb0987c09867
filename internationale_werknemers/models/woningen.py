"""Woonkwaliteit: dwellings and premises (the premises, not the people), their licences, and inspections
against the SNF norm items."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import VersieModel

from .. import rules
from .controles import bestaat_al, in_de_toekomst


class Woning(VersieModel):
    """A dwelling or premises where international workers are housed (the premises, not the people)."""

    class Soort(models.TextChoices):
        WONING = "woning", _("woning")
        LOGIESGEBOUW = "logiesgebouw", _("logiesgebouw")
        AGRARISCH = "agrarisch", _("agrarisch gebouw")
        TIJDELIJK = "tijdelijk", _("tijdelijke huisvesting (units)")
        OVERIG = "overig", _("overig")

    class Vergunning(models.TextChoices):
        GEEN = "geen", _("geen vergunning")
        VERHUURVERGUNNING = "verhuurvergunning", _("verhuurvergunning")
        OMZETTINGSVERGUNNING = "omzettingsvergunning", _("omzettingsvergunning (kamerverhuur)")
        OMGEVINGSVERGUNNING = "omgevingsvergunning", _("omgevingsvergunning")
        OVERIG = "overig", _("andere vergunning")

    adres = models.CharField(_("adres"), max_length=200, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.WONING)
    bedden = models.PositiveIntegerField(_("bedden"), null=True, blank=True)
    vergunning = models.CharField(_("vergunning"), max_length=30, choices=Vergunning.choices, default=Vergunning.GEEN)
    vergunningnummer = models.CharField(_("vergunningnummer"), max_length=60, blank=True)
    vergunning_geldig_tot = models.DateField(_("vergunning geldig tot"), null=True, blank=True)
    certificaat = models.CharField(
        _("certificaat"), max_length=100, blank=True, help_text=_("Bijvoorbeeld het SNF-keurmerk.")
    )
    certificaat_geldig_tot = models.DateField(_("certificaat geldig tot"), null=True, blank=True)
    onttrokken_op = models.DateField(
        _("onttrokken aan de woningvoorraad op"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de woning aan de lokale woningvoorraad werd onttrokken."),
    )
    terug_in_voorraad_op = models.DateField(
        _("terug in de woningvoorraad op"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de woning terugkwam in de lokale woningvoorraad."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("woning")
        verbose_name_plural = _("woningen")
        ordering = ["adres"]
        constraints = [
            models.CheckConstraint(
                condition=Q(terug_in_voorraad_op__isnull=True)
                | Q(onttrokken_op__isnull=False, terug_in_voorraad_op__gte=models.F("onttrokken_op")),
                name="iw_woning_terug_na_onttrekking",
                violation_error_message=_("Een woning kan pas terugkomen in de voorraad na de onttrekking."),
            ),
        ]

    def __str__(self):
        return self.adres

    def get_absolute_url(self):
        return reverse("internationale_werknemers:woning_detail", args=[self.pk])

    @property
    def is_vergund(self) -> bool:
        return self.vergunning != self.Vergunning.GEEN

    def clean(self):
        fouten = {}
        if self.terug_in_voorraad_op and not self.onttrokken_op:
            fouten["terug_in_voorraad_op"] = _(
                "Een woning kan pas terugkomen in de voorraad als de datum van onttrekking bekend is."
            )
        elif self.terug_in_voorraad_op and self.terug_in_voorraad_op < self.onttrokken_op:
            fouten["terug_in_voorraad_op"] = _("De woning kan niet terugkomen in de voorraad vóór de onttrekking.")
        for veld in ("onttrokken_op", "terug_in_voorraad_op"):
            if in_de_toekomst(getattr(self, veld)) and veld not in fouten:
                fouten[veld] = _("Deze datum ligt in de toekomst.")
        if self.vergunning == self.Vergunning.GEEN and (self.vergunningnummer or self.vergunning_geldig_tot):
            fouten["vergunning"] = _("Kies de soort vergunning: er is een vergunningnummer of geldigheid ingevuld.")
        if fouten:
            raise ValidationError(fouten)


class Inspectie(VersieModel):
    """A dated inspection of a dwelling against the SNF norm items; the result follows from the checklist."""

    class Punt(models.TextChoices):
        VOLDOET = rules.VOLDOET, _("voldoet")
        VOLDOET_NIET = rules.VOLDOET_NIET, _("voldoet niet")
        NIET_GECONTROLEERD = rules.NIET_GECONTROLEERD, _("niet gecontroleerd")

    class Resultaat(models.TextChoices):
        VOLDOET = rules.RESULTAAT_VOLDOET, _("voldoet aan alle normen")
        VOLDOET_NIET = rules.RESULTAAT_VOLDOET_NIET, _("voldoet niet")
        ONVOLLEDIG = rules.RESULTAAT_ONVOLLEDIG, _("onvolledig gecontroleerd")

    woning = models.ForeignKey(Woning, verbose_name=_("woning"), on_delete=models.CASCADE, related_name="inspecties")
    datum = models.DateField(_("datum inspectie"))
    uitgevoerd_door = models.CharField(
        _("uitgevoerd door"),
        max_length=200,
        blank=True,
        help_text=_("Organisatie of afdeling (bijv. toezicht en handhaving)."),
    )
    ruimte_per_persoon = models.CharField(
        _("ruimte per persoon"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 10 m² per persoon (logies) of 12 m² (wonen)."),
    )
    slaapruimte = models.CharField(
        _("slaapruimte per persoon"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("SNF: slaapkamer minimaal 3,5 m² per persoon."),
    )
    toiletten = models.CharField(
        _("toiletten per 8 personen"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 1 toilet per 8 personen."),
    )
    douches = models.CharField(
        _("douches per 8 personen"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 1 douche per 8 personen."),
    )
    bedmaat = models.CharField(
        _("bedmaat"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("SNF: bed minimaal 80 × 200 cm."),
    )
    bewoning_conform_registratie = models.CharField(
        _("bewoning komt overeen met de registratie"),
        max_length=20,
        choices=Punt.choices,
        default=rules.NIET_GECONTROLEERD,
        help_text=_("Het aantal aangetroffen bewoners komt overeen met de administratie."),
    )
    resultaat = models.CharField(_("resultaat"), max_length=20, choices=Resultaat.choices, editable=False)
    toelichting = models.TextField(_("toelichting"), blank=True)

    PUNTEN = ("ruimte_per_persoon", "slaapruimte", "toiletten", "douches", "bedmaat", "bewoning_conform_registratie")

    class Meta:
        verbose_name = _("inspectie")
        verbose_name_plural = _("inspecties")
        ordering = ["-datum", "woning"]
        constraints = [models.UniqueConstraint(fields=["woning", "datum"], name="iw_inspectie_uniek")]

    def __str__(self):
        return f"{self.woning} {getallen.datum(self.datum)}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:inspectie_detail", args=[self.pk])

    def checklist(self) -> dict[str, str]:
        return {punt: getattr(self, punt) for punt in self.PUNTEN}

    def clean(self):
        fouten = {}
        if in_de_toekomst(self.datum):
            fouten["datum"] = _("De inspectiedatum ligt in de toekomst; leg een inspectie vast nadat ze is uitgevoerd.")
        if self.datum and self.woning_id and bestaat_al(self, woning_id=self.woning_id, datum=self.datum):
            fouten["datum"] = _("Voor deze woning is op deze datum al een inspectie vastgelegd.")
        if self.checklist() and all(v == rules.NIET_GECONTROLEERD for v in self.checklist().values()):
            fouten["__all__"] = _("Vul de checklist in: geen enkel normpunt is gecontroleerd.")
        if fouten:
            raise ValidationError(fouten)

    def save(self, *args, **kwargs):
        self.resultaat = rules.inspectie_resultaat(self.checklist())
        super().save(*args, **kwargs)
