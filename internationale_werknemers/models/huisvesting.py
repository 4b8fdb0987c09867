"""Huisvesting: the toetsingskader (criteria), housing initiatives judged against it, and the pilot
locations with their planned and realised beds. Initiators are organisations, never persons."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import VersieModel

from .. import rules
from .beleid import Beleidsplan
from .controles import MAX_TERMIJN_JAREN, bestaat_al, controleer_max_termijn, in_de_toekomst


class Toetsingscriterium(VersieModel):
    """A criterion of the toetsingskader "nieuwe huisvestingsinitiatieven" (configurable)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    actief = models.BooleanField(_("actief"), default=True, help_text=_("Alleen actieve criteria worden getoetst."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("toetsingscriterium")
        verbose_name_plural = _("toetsingscriteria")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("internationale_werknemers:toetsingscriterium_detail", args=[self.pk])


class Huisvestingsinitiatief(VersieModel):
    class Status(models.TextChoices):
        AANVRAAG = "aanvraag", _("aanvraag ontvangen")
        IN_BEHANDELING = "in_behandeling", _("in behandeling (toetsing)")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
        IN_REALISATIE = "in_realisatie", _("in realisatie")
        GEREALISEERD = "gerealiseerd", _("gerealiseerd")
        AFGEWEZEN = "afgewezen", _("afgewezen")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    naam = models.CharField(_("naam"), max_length=200)
    locatie = models.CharField(_("locatie (adres)"), max_length=200)
    initiatiefnemer = models.CharField(
        _("initiatiefnemer"), max_length=200, blank=True, help_text=_("Organisatie of onderneming.")
    )
    geplande_bedden = models.PositiveIntegerField(_("geplande bedden"), null=True, blank=True)
    termijn_jaren = models.PositiveSmallIntegerField(
        _("termijn (jaren)"), null=True, blank=True, help_text=_("Tijdelijke huisvesting: maximaal 15 jaar.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANVRAAG)
    datum_aanvraag = models.DateField(_("datum aanvraag"), null=True, blank=True)
    datum_besluit = models.DateField(_("datum besluit"), null=True, blank=True)
    afwijking_reden = models.TextField(
        _("reden voor goedkeuring ondanks criteria"),
        blank=True,
        help_text=_(
            "Alleen nodig als het initiatief wordt goedgekeurd terwijl een criterium niet (of nog niet) is voldaan."
        ),
    )
    afwijking_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afwijking vastgelegd door"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    afwijking_op = models.DateTimeField(_("afwijking vastgelegd op"), null=True, blank=True, editable=False)
    toelichting = models.TextField(_("toelichting"), blank=True)

    GOEDGEKEURDE_STATUSSEN = (Status.GOEDGEKEURD, Status.IN_REALISATIE, Status.GEREALISEERD)

    class Meta:
        verbose_name = _("huisvestingsinitiatief")
        verbose_name_plural = _("huisvestingsinitiatieven")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(termijn_jaren__lte=MAX_TERMIJN_JAREN) | Q(termijn_jaren__isnull=True),
                name="iw_initiatief_termijn_max_15",
                violation_error_message=_("De termijn van tijdelijke huisvesting is maximaal 15 jaar."),
            ),
            models.UniqueConstraint(fields=["naam", "locatie"], name="iw_initiatief_uniek"),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("internationale_werknemers:huisvestingsinitiatief_detail", args=[self.pk])

    @property
    def is_goedgekeurd(self) -> bool:
        return self.status in self.GOEDGEKEURDE_STATUSSEN

    def criteria(self, beoordelingen=None) -> list[tuple["Toetsingscriterium", "Beoordeling | None"]]:
        """Every criterion that counts for this initiative (:func:`rules.criterium_telt`) with its
        judgement, if any; ``beoordelingen`` replaces the stored judgements (to check a change)."""
        if beoordelingen is None:
            beoordelingen = list(self.beoordelingen.select_related("criterium")) if self.pk else []
        per_criterium = {b.criterium_id: b for b in beoordelingen}
        criteria = Toetsingscriterium.objects.filter(rules.criterium_telt_q(per_criterium))
        return [(c, per_criterium.get(c.pk)) for c in criteria]

    def toetsing(self, beoordelingen=None) -> rules.Toetsuitkomst:
        return rules.toets_initiatief(
            [rules.Oordeel(c.naam, b.oordeel if b else rules.NIET_BEOORDEELD) for c, b in self.criteria(beoordelingen)]
        )

    def clean(self):
        fouten = {}
        if self.termijn_jaren is not None and self.termijn_jaren > MAX_TERMIJN_JAREN:
            fouten["termijn_jaren"] = _(
                "De termijn van tijdelijke huisvesting is maximaal %(max)s jaar; u vulde %(jaren)s jaar in."
            ) % {"max": MAX_TERMIJN_JAREN, "jaren": self.termijn_jaren}
        if self.termijn_jaren == 0:
            fouten["termijn_jaren"] = _("Een termijn van 0 jaar is niet mogelijk.")
        if self.datum_besluit and self.datum_aanvraag and self.datum_besluit < self.datum_aanvraag:
            fouten["datum_besluit"] = _("De datum van het besluit ligt vóór de datum van de aanvraag.")
        for veld in ("datum_aanvraag", "datum_besluit"):
            if in_de_toekomst(getattr(self, veld)):
                fouten[veld] = _("Deze datum ligt in de toekomst.")
        if self.is_goedgekeurd:
            uitkomst = rules.mag_goedkeuren(self.toetsing(), self.afwijking_reden)
            if not uitkomst.toegestaan:
                fouten["status"] = uitkomst.melding
        if fouten:
            raise ValidationError(fouten)

    def save(self, *args, **kwargs):
        self.afwijking_reden = (self.afwijking_reden or "").strip()
        vorige = (
            Huisvestingsinitiatief.objects.filter(pk=self.pk).values_list("afwijking_reden", flat=True).first()
            if self.pk
            else None
        )
        if not rules.heeft_afwijking(self.afwijking_reden):
            self.afwijking_door = None
            self.afwijking_op = None
        elif self.afwijking_reden != (vorige or "") or self.afwijking_op is None:
            # who and when are recorded by the model itself, so forms, imports and admin all do it
            self.afwijking_op = timezone.now()
            self.afwijking_door = _huidige_gebruiker() or self.afwijking_door
        super().save(*args, **kwargs)


def _huidige_gebruiker():
    """The logged-in user of the current request as known to the audit log (None outside requests)."""
    try:
        from auditlog.context import auditlog_value

        waarde = auditlog_value.get()
    except (ImportError, LookupError):
        return None
    actor = waarde.get("actor") if isinstance(waarde, dict) else None
    return actor if getattr(actor, "is_authenticated", False) else None


class Beoordeling(VersieModel):
    """The judgement of one criterion for one initiative."""

    class Oordeel(models.TextChoices):
        VOLDAAN = rules.VOLDAAN, _("voldaan")
        NIET_VOLDAAN = rules.NIET_VOLDAAN, _("niet voldaan")
        NIET_BEOORDEELD = rules.NIET_BEOORDEELD, _("nog niet beoordeeld")

    initiatief = models.ForeignKey(
        Huisvestingsinitiatief, verbose_name=_("initiatief"), on_delete=models.CASCADE, related_name="beoordelingen"
    )
    criterium = models.ForeignKey(
        Toetsingscriterium, verbose_name=_("criterium"), on_delete=models.PROTECT, related_name="beoordelingen"
    )
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=Oordeel.choices, default=Oordeel.NIET_BEOORDEELD)
    toelichting = models.TextField(_("toelichting"), blank=True)
    beoordeeld_op = models.DateField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["initiatief", "criterium__volgorde", "criterium__naam"]
        constraints = [
            models.UniqueConstraint(fields=["initiatief", "criterium"], name="iw_beoordeling_uniek"),
        ]

    def __str__(self):
        return f"{self.initiatief} – {self.criterium}: {self.get_oordeel_display()}"

    def get_absolute_url(self):
        return self.initiatief.get_absolute_url()

    def clean(self):
        if in_de_toekomst(self.beoordeeld_op):
            raise ValidationError({"beoordeeld_op": _("De beoordelingsdatum ligt in de toekomst.")})
        if self.oordeel == self.Oordeel.NIET_VOLDAAN and not self.toelichting.strip():
            raise ValidationError({"toelichting": _("Licht toe waarom het criterium niet is voldaan.")})
        if self.initiatief_id and self.criterium_id:
            initiatief = self.initiatief
            if initiatief.is_goedgekeurd:
                anderen = [b for b in initiatief.beoordelingen.all() if b.criterium_id != self.criterium_id]
                uitkomst = rules.mag_goedkeuren(initiatief.toetsing([*anderen, self]), initiatief.afwijking_reden)
                if not uitkomst.toegestaan:
                    raise ValidationError(
                        {
                            "oordeel": _(
                                "Het initiatief is al goedgekeurd zonder vastgelegde reden voor afwijking. "
                                "Leg eerst bij het initiatief een reden vast of wijzig de status. %(melding)s"
                            )
                            % {"melding": uitkomst.melding}
                        }
                    )

    def save(self, *args, **kwargs):
        if self.oordeel != self.Oordeel.NIET_BEOORDEELD and not self.beoordeeld_op:
            self.beoordeeld_op = timezone.localdate()
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------------------------------
# Pilotlocaties
# --------------------------------------------------------------------------------------------------


class Pilotlocatie(VersieModel):
    beleidsplan = models.ForeignKey(
        Beleidsplan, verbose_name=_("beleidsplan"), on_delete=models.PROTECT, related_name="pilotlocaties"
    )
    adres = models.CharField(_("adres"), max_length=200, unique=True)
    initiatief = models.OneToOneField(
        Huisvestingsinitiatief,
        verbose_name=_("huisvestingsinitiatief"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilotlocatie",
        help_text=_("Het initiatief waarmee deze pilot aan het toetsingskader wordt getoetst."),
    )
    max_termijn_jaren = models.PositiveSmallIntegerField(_("maximale termijn (jaren)"), default=MAX_TERMIJN_JAREN)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("pilotlocatie")
        verbose_name_plural = _("pilotlocaties")
        ordering = ["adres"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_termijn_jaren__lte=MAX_TERMIJN_JAREN),
                name="iw_pilot_termijn_max_15",
                violation_error_message=_("De termijn mag niet langer zijn dan 15 jaar."),
            ),
        ]

    def __str__(self):
        return self.adres

    def get_absolute_url(self):
        return reverse("internationale_werknemers:pilotlocatie_detail", args=[self.pk])

    def clean(self):
        controleer_max_termijn(self.max_termijn_jaren)


class Pilotstand(VersieModel):
    """Planned and realised beds of a pilot on a date; an empty number means 'onbekend'."""

    pilot = models.ForeignKey(
        Pilotlocatie, verbose_name=_("pilotlocatie"), on_delete=models.CASCADE, related_name="standen"
    )
    peildatum = models.DateField(_("peildatum"))
    geplande_bedden = models.PositiveIntegerField(_("geplande bedden"), null=True, blank=True)
    gerealiseerde_bedden = models.PositiveIntegerField(_("gerealiseerde bedden"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("pilotstand")
        verbose_name_plural = _("pilotstanden")
        ordering = ["pilot", "-peildatum"]
        constraints = [models.UniqueConstraint(fields=["pilot", "peildatum"], name="iw_pilotstand_uniek")]

    def __str__(self):
        return f"{self.pilot} {getallen.datum(self.peildatum)}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:pilotstand_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if in_de_toekomst(self.peildatum):
            fouten["peildatum"] = _("De peildatum ligt in de toekomst; leg alleen standen vast die al bekend zijn.")
        if self.geplande_bedden is None and self.gerealiseerde_bedden is None:
            fouten["__all__"] = _("Vul geplande of gerealiseerde bedden in (of allebei).")
        if (
            not fouten
            and self.pilot_id
            and self.peildatum
            and bestaat_al(self, pilot_id=self.pilot_id, peildatum=self.peildatum)
        ):
            fouten["peildatum"] = _("Voor deze pilotlocatie is op deze peildatum al een stand vastgelegd.")
        if fouten:
            raise ValidationError(fouten)
