"""Beleidsplan internationale werknemers: the plan itself, its 8 actielijnen and the budget (posts and
amounts per year)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.models import VersieModel

from .controles import MAX_TERMIJN_JAREN, bestaat_al, controleer_max_termijn, in_de_toekomst, negatieve_bedragen


class Beleidsplan(VersieModel):
    class Status(models.TextChoices):
        IN_VOORBEREIDING = "in_voorbereiding", _("in voorbereiding")
        TER_BESLUITVORMING = "ter_besluitvorming", _("ter besluitvorming bij de raad")
        VASTGESTELD = "vastgesteld", _("vastgesteld door de raad")
        IN_UITVOERING = "in_uitvoering", _("in uitvoering")
        GEEVALUEERD = "geevalueerd", _("geëvalueerd")
        VERWORPEN = "verworpen", _("niet vastgesteld")

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.IN_VOORBEREIDING)
    raadsbesluit_verwacht = models.DateField(_("raadsbesluit verwacht op"), null=True, blank=True)
    raadsbesluit_datum = models.DateField(
        _("datum raadsbesluit"), null=True, blank=True, help_text=_("De datum waarop de raad het plan vaststelde.")
    )
    doel_bedden = models.PositiveIntegerField(
        _("doel bedden pilots"), null=True, blank=True, help_text=_("Totaal aantal bedden op de pilotlocaties.")
    )
    doel_bedden_indicatief = models.BooleanField(
        _("doel bedden is een circa-getal"), default=True, help_text=_("Aangevinkt: het document noemt 'circa'.")
    )
    max_termijn_jaren = models.PositiveSmallIntegerField(
        _("maximale termijn tijdelijke huisvesting (jaren)"), default=MAX_TERMIJN_JAREN
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("beleidsplan")
        verbose_name_plural = _("beleidsplannen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_termijn_jaren__lte=MAX_TERMIJN_JAREN),
                name="iw_beleidsplan_termijn_max_15",
                violation_error_message=_("De termijn mag niet langer zijn dan 15 jaar."),
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("internationale_werknemers:beleidsplan_detail", args=[self.pk])

    def clean(self):
        controleer_max_termijn(self.max_termijn_jaren)
        if self.status in (self.Status.VASTGESTELD, self.Status.IN_UITVOERING, self.Status.GEEVALUEERD) and (
            not self.raadsbesluit_datum
        ):
            raise ValidationError(
                {"raadsbesluit_datum": _("Vul de datum van het raadsbesluit in: het plan is vastgesteld.")}
            )
        if in_de_toekomst(self.raadsbesluit_datum):
            raise ValidationError(
                {
                    "raadsbesluit_datum": _(
                        "De datum van het raadsbesluit ligt in de toekomst; gebruik 'raadsbesluit verwacht op'."
                    )
                }
            )


class Actielijn(VersieModel):
    """One of the 8 actielijnen of the uitvoeringsplan. The source document does not name them."""

    beleidsplan = models.ForeignKey(
        Beleidsplan, verbose_name=_("beleidsplan"), on_delete=models.PROTECT, related_name="actielijnen"
    )
    nummer = models.PositiveSmallIntegerField(_("nummer"), help_text=_("1 tot en met 8."))
    naam = models.CharField(_("naam"), max_length=200)
    te_benoemen = models.BooleanField(
        _("naam nog te benoemen"),
        default=False,
        help_text=_("Aangevinkt: de naam is een tijdelijke aanduiding; het brondocument noemt de actielijnen niet."),
    )
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("actielijn")
        verbose_name_plural = _("actielijnen")
        ordering = ["beleidsplan", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["beleidsplan", "nummer"], name="iw_actielijn_uniek_nummer"),
            models.CheckConstraint(
                condition=Q(nummer__gte=1, nummer__lte=8),
                name="iw_actielijn_nummer_1_8",
                violation_error_message=_("Kies een nummer van 1 tot en met 8."),
            ),
        ]

    def __str__(self):
        return f"{self.nummer}. {self.naam}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:actielijn_detail", args=[self.pk])

    def clean(self):
        if self.nummer is not None and not 1 <= self.nummer <= 8:
            raise ValidationError(
                {"nummer": _("Het uitvoeringsplan kent 8 actielijnen: kies een nummer van 1 tot en met 8.")}
            )
        if (
            self.nummer
            and self.beleidsplan_id
            and bestaat_al(self, beleidsplan_id=self.beleidsplan_id, nummer=self.nummer)
        ):
            raise ValidationError({"nummer": _("Dit beleidsplan heeft al een actielijn met dit nummer.")})


class Budgetpost(VersieModel):
    """A source of money for the beleidsplan (structural budget, Regiodeal co-financing, ...)."""

    class Soort(models.TextChoices):
        STRUCTUREEL = "structureel", _("structureel budget")
        INCIDENTEEL = "incidenteel", _("incidenteel budget")
        COFINANCIERING = "cofinanciering", _("cofinanciering")

    class Status(models.TextChoices):
        BESCHIKBAAR = "beschikbaar", _("beschikbaar")
        VERKENNING = "verkenning", _("mogelijkheden worden verkend")
        TOEGEKEND = "toegekend", _("toegekend")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    beleidsplan = models.ForeignKey(
        Beleidsplan, verbose_name=_("beleidsplan"), on_delete=models.PROTECT, related_name="budgetposten"
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BESCHIKBAAR)
    bedrag_per_jaar = models.DecimalField(
        _("bedrag per jaar (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    bedrag_indicatief = models.BooleanField(_("bedrag is afgerond/indicatief"), default=False)
    maximum_totaal = models.DecimalField(
        _("maximum totaal (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld het maximum dat het Rijk voor de hele regio reserveerde."),
    )
    aandeel_noordwijk = models.DecimalField(
        _("aandeel Noordwijk (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budgetposten")
        ordering = ["beleidsplan", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["beleidsplan", "naam"], name="iw_budgetpost_uniek"),
            models.CheckConstraint(
                condition=Q(bedrag_per_jaar__gte=0) | Q(bedrag_per_jaar__isnull=True),
                name="iw_budgetpost_bedrag_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(maximum_totaal__gte=0) | Q(maximum_totaal__isnull=True),
                name="iw_budgetpost_max_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(aandeel_noordwijk__gte=0) | Q(aandeel_noordwijk__isnull=True),
                name="iw_budgetpost_aandeel_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("internationale_werknemers:budgetpost_detail", args=[self.pk])

    def clean(self):
        fouten = negatieve_bedragen(self, ("bedrag_per_jaar", "maximum_totaal", "aandeel_noordwijk"))
        if (
            self.aandeel_noordwijk is not None
            and self.maximum_totaal is not None
            and self.aandeel_noordwijk > self.maximum_totaal
        ):
            fouten["aandeel_noordwijk"] = _("Het aandeel van Noordwijk kan niet groter zijn dan het maximum totaal.")
        if fouten:
            raise ValidationError(fouten)


class Budgetjaar(VersieModel):
    """Budgeted, committed (toegezegd/verplicht) and spent amounts of one budgetpost in one year."""

    post = models.ForeignKey(Budgetpost, verbose_name=_("budgetpost"), on_delete=models.CASCADE, related_name="jaren")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    begroot = models.DecimalField(_("begroot (€)"), max_digits=14, decimal_places=2, null=True, blank=True)
    toegezegd = models.DecimalField(
        _("toegezegd/verplicht (€)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    besteed = models.DecimalField(_("besteed (€)"), max_digits=14, decimal_places=2, null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("budgetjaar")
        verbose_name_plural = _("budgetjaren")
        ordering = ["post", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["post", "jaar"], name="iw_budgetjaar_uniek"),
            models.CheckConstraint(
                condition=Q(begroot__gte=0) | Q(begroot__isnull=True),
                name="iw_budgetjaar_begroot_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(toegezegd__gte=0) | Q(toegezegd__isnull=True),
                name="iw_budgetjaar_toegezegd_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(besteed__gte=0) | Q(besteed__isnull=True),
                name="iw_budgetjaar_besteed_ge0",
                violation_error_message=_("Een bedrag kan niet negatief zijn."),
            ),
            models.CheckConstraint(
                condition=Q(jaar__gte=2000, jaar__lte=2100),
                name="iw_budgetjaar_jaar",
                violation_error_message=_("Vul een jaar in tussen 2000 en 2100."),
            ),
        ]

    def __str__(self):
        return f"{self.post} {self.jaar}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:budgetjaar_detail", args=[self.pk])

    def clean(self):
        fouten = negatieve_bedragen(self, ("begroot", "toegezegd", "besteed"))
        if self.jaar is not None and not 2000 <= self.jaar <= 2100:
            fouten["jaar"] = _("Vul een jaar in tussen 2000 en 2100.")
        if not fouten and self.post_id and bestaat_al(self, post_id=self.post_id, jaar=self.jaar):
            fouten["jaar"] = _("Voor deze budgetpost is dit jaar al ingevoerd.")
        if fouten:
            raise ValidationError(fouten)
