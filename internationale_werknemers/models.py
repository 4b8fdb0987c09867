"""Internationale werknemers: beleidsplan and actielijnen, budget, huisvestingsinitiatieven tested
against the toetsingskader, pilot locations, housing quality (SNF) and RNI/BRP registrations.

Privacy: nothing here describes a person. Registrations and information reach are counts; dwellings
are addresses of premises (not of residents); initiators are organisations.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.models import VersieModel

from . import services

MAX_TERMIJN_JAREN = 15  # "tijdelijke huisvesting voor maximaal 15 jaar" (bestuursopdracht, §2c)


def _niet_in_de_toekomst(datum, veld, melding):
    if datum and datum > timezone.localdate():
        raise ValidationError({veld: melding})


# --------------------------------------------------------------------------------------------------
# Beleidsplan, actielijnen, budget
# --------------------------------------------------------------------------------------------------


class Beleidsplan(VersieModel):
    class Status(models.TextChoices):
        IN_VOORBEREIDING = "in_voorbereiding", _("In voorbereiding")
        TER_BESLUITVORMING = "ter_besluitvorming", _("Ter besluitvorming bij de raad")
        VASTGESTELD = "vastgesteld", _("Vastgesteld door de raad")
        IN_UITVOERING = "in_uitvoering", _("In uitvoering")
        GEEVALUEERD = "geevalueerd", _("Geëvalueerd")
        VERWORPEN = "verworpen", _("Niet vastgesteld")

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
        if self.max_termijn_jaren is not None and self.max_termijn_jaren > MAX_TERMIJN_JAREN:
            raise ValidationError(
                {
                    "max_termijn_jaren": _("De termijn mag niet langer zijn dan %(max)s jaar.")
                    % {"max": MAX_TERMIJN_JAREN}
                }
            )
        if self.status in (self.Status.VASTGESTELD, self.Status.IN_UITVOERING, self.Status.GEEVALUEERD) and (
            not self.raadsbesluit_datum
        ):
            raise ValidationError(
                {"raadsbesluit_datum": _("Vul de datum van het raadsbesluit in: het plan is vastgesteld.")}
            )
        _niet_in_de_toekomst(
            self.raadsbesluit_datum,
            "raadsbesluit_datum",
            _("De datum van het raadsbesluit ligt in de toekomst; gebruik 'raadsbesluit verwacht op'."),
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
            and (
                Actielijn.objects.filter(beleidsplan_id=self.beleidsplan_id, nummer=self.nummer)
                .exclude(pk=self.pk)
                .exists()
            )
        ):
            raise ValidationError({"nummer": _("Dit beleidsplan heeft al een actielijn met dit nummer.")})


class Budgetpost(VersieModel):
    """A source of money for the beleidsplan (structural budget, Regiodeal co-financing, ...)."""

    class Soort(models.TextChoices):
        STRUCTUREEL = "structureel", _("Structureel budget")
        INCIDENTEEL = "incidenteel", _("Incidenteel budget")
        COFINANCIERING = "cofinanciering", _("Cofinanciering")

    class Status(models.TextChoices):
        BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
        VERKENNING = "verkenning", _("Mogelijkheden worden verkend")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

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
        fouten = {}
        for veld in ("bedrag_per_jaar", "maximum_totaal", "aandeel_noordwijk"):
            waarde = getattr(self, veld)
            if waarde is not None and waarde < 0:
                fouten[veld] = _("Een bedrag kan niet negatief zijn.")
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
        fouten = {}
        for veld in ("begroot", "toegezegd", "besteed"):
            waarde = getattr(self, veld)
            if waarde is not None and waarde < 0:
                fouten[veld] = _("Een bedrag kan niet negatief zijn.")
        if self.jaar is not None and not 2000 <= self.jaar <= 2100:
            fouten["jaar"] = _("Vul een jaar in tussen 2000 en 2100.")
        if (
            not fouten
            and self.post_id
            and (Budgetjaar.objects.filter(post_id=self.post_id, jaar=self.jaar).exclude(pk=self.pk).exists())
        ):
            fouten["jaar"] = _("Voor deze budgetpost is dit jaar al ingevoerd.")
        if fouten:
            raise ValidationError(fouten)


# --------------------------------------------------------------------------------------------------
# Toetsingskader en huisvestingsinitiatieven
# --------------------------------------------------------------------------------------------------


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
        AANVRAAG = "aanvraag", _("Aanvraag ontvangen")
        IN_BEHANDELING = "in_behandeling", _("In behandeling (toetsing)")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        IN_REALISATIE = "in_realisatie", _("In realisatie")
        GEREALISEERD = "gerealiseerd", _("Gerealiseerd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

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

    def oordelen(self, beoordelingen=None) -> list[services.Oordeel]:
        """The judgements of every criterion that counts: the active ones and any already judged."""
        if beoordelingen is None:
            beoordelingen = list(self.beoordelingen.select_related("criterium")) if self.pk else []
        per_criterium = {b.criterium_id: b for b in beoordelingen}
        criteria = list(Toetsingscriterium.objects.filter(Q(actief=True) | Q(pk__in=per_criterium.keys())))
        return [
            services.Oordeel(
                criterium=c.naam,
                uitkomst=per_criterium[c.pk].oordeel if c.pk in per_criterium else services.NIET_BEOORDEELD,
            )
            for c in criteria
        ]

    def toetsing(self, beoordelingen=None) -> services.Toetsuitkomst:
        return services.toets_initiatief(self.oordelen(beoordelingen))

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
            datum = getattr(self, veld)
            if datum and datum > timezone.localdate():
                fouten[veld] = _("Deze datum ligt in de toekomst.")
        if self.is_goedgekeurd:
            uitkomst = services.mag_goedkeuren(self.toetsing(), self.afwijking_reden)
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
        if not self.afwijking_reden:
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
        VOLDAAN = services.VOLDAAN, _("Voldaan")
        NIET_VOLDAAN = services.NIET_VOLDAAN, _("Niet voldaan")
        NIET_BEOORDEELD = services.NIET_BEOORDEELD, _("Nog niet beoordeeld")

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
        _niet_in_de_toekomst(self.beoordeeld_op, "beoordeeld_op", _("De beoordelingsdatum ligt in de toekomst."))
        if self.oordeel == self.Oordeel.NIET_VOLDAAN and not self.toelichting.strip():
            raise ValidationError({"toelichting": _("Licht toe waarom het criterium niet is voldaan.")})
        if self.initiatief_id and self.criterium_id:
            initiatief = self.initiatief
            if initiatief.is_goedgekeurd:
                anderen = [b for b in initiatief.beoordelingen.all() if b.criterium_id != self.criterium_id]
                uitkomst = services.mag_goedkeuren(initiatief.toetsing([*anderen, self]), initiatief.afwijking_reden)
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
        if self.max_termijn_jaren is not None and self.max_termijn_jaren > MAX_TERMIJN_JAREN:
            raise ValidationError(
                {
                    "max_termijn_jaren": _("De termijn mag niet langer zijn dan %(max)s jaar.")
                    % {"max": MAX_TERMIJN_JAREN}
                }
            )


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
        return f"{self.pilot} {self.peildatum:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:pilotstand_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.peildatum and self.peildatum > timezone.localdate():
            fouten["peildatum"] = _("De peildatum ligt in de toekomst; leg alleen standen vast die al bekend zijn.")
        if self.geplande_bedden is None and self.gerealiseerde_bedden is None:
            fouten["__all__"] = _("Vul geplande of gerealiseerde bedden in (of allebei).")
        if (
            not fouten
            and self.pilot_id
            and self.peildatum
            and (
                Pilotstand.objects.filter(pilot_id=self.pilot_id, peildatum=self.peildatum).exclude(pk=self.pk).exists()
            )
        ):
            fouten["peildatum"] = _("Voor deze pilotlocatie is op deze peildatum al een stand vastgelegd.")
        if fouten:
            raise ValidationError(fouten)


# --------------------------------------------------------------------------------------------------
# Woonkwaliteit: panden, vergunningen, inspecties (SNF)
# --------------------------------------------------------------------------------------------------


class Woning(VersieModel):
    """A dwelling or premises where international workers are housed (the premises, not the people)."""

    class Soort(models.TextChoices):
        WONING = "woning", _("Woning")
        LOGIESGEBOUW = "logiesgebouw", _("Logiesgebouw")
        AGRARISCH = "agrarisch", _("Agrarisch gebouw")
        TIJDELIJK = "tijdelijk", _("Tijdelijke huisvesting (units)")
        OVERIG = "overig", _("Overig")

    class Vergunning(models.TextChoices):
        GEEN = "geen", _("Geen vergunning")
        VERHUURVERGUNNING = "verhuurvergunning", _("Verhuurvergunning")
        OMZETTINGSVERGUNNING = "omzettingsvergunning", _("Omzettingsvergunning (kamerverhuur)")
        OMGEVINGSVERGUNNING = "omgevingsvergunning", _("Omgevingsvergunning")
        OVERIG = "overig", _("Andere vergunning")

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
        vandaag = timezone.localdate()
        for veld in ("onttrokken_op", "terug_in_voorraad_op"):
            datum = getattr(self, veld)
            if datum and datum > vandaag and veld not in fouten:
                fouten[veld] = _("Deze datum ligt in de toekomst.")
        if self.vergunning == self.Vergunning.GEEN and (self.vergunningnummer or self.vergunning_geldig_tot):
            fouten["vergunning"] = _("Kies de soort vergunning: er is een vergunningnummer of geldigheid ingevuld.")
        if fouten:
            raise ValidationError(fouten)


class Inspectie(VersieModel):
    """A dated inspection of a dwelling against the SNF norm items; the result follows from the checklist."""

    class Punt(models.TextChoices):
        VOLDOET = services.VOLDOET, _("Voldoet")
        VOLDOET_NIET = services.VOLDOET_NIET, _("Voldoet niet")
        NIET_GECONTROLEERD = services.NIET_GECONTROLEERD, _("Niet gecontroleerd")

    class Resultaat(models.TextChoices):
        VOLDOET = services.RESULTAAT_VOLDOET, _("Voldoet aan alle normen")
        VOLDOET_NIET = services.RESULTAAT_VOLDOET_NIET, _("Voldoet niet")
        ONVOLLEDIG = services.RESULTAAT_ONVOLLEDIG, _("Onvolledig gecontroleerd")

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
        default=services.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 10 m² per persoon (logies) of 12 m² (wonen)."),
    )
    slaapruimte = models.CharField(
        _("slaapruimte per persoon"),
        max_length=20,
        choices=Punt.choices,
        default=services.NIET_GECONTROLEERD,
        help_text=_("SNF: slaapkamer minimaal 3,5 m² per persoon."),
    )
    toiletten = models.CharField(
        _("toiletten per 8 personen"),
        max_length=20,
        choices=Punt.choices,
        default=services.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 1 toilet per 8 personen."),
    )
    douches = models.CharField(
        _("douches per 8 personen"),
        max_length=20,
        choices=Punt.choices,
        default=services.NIET_GECONTROLEERD,
        help_text=_("SNF: minimaal 1 douche per 8 personen."),
    )
    bedmaat = models.CharField(
        _("bedmaat"),
        max_length=20,
        choices=Punt.choices,
        default=services.NIET_GECONTROLEERD,
        help_text=_("SNF: bed minimaal 80 × 200 cm."),
    )
    bewoning_conform_registratie = models.CharField(
        _("bewoning komt overeen met de registratie"),
        max_length=20,
        choices=Punt.choices,
        default=services.NIET_GECONTROLEERD,
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
        return f"{self.woning} {self.datum:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:inspectie_detail", args=[self.pk])

    def checklist(self) -> dict[str, str]:
        return {punt: getattr(self, punt) for punt in self.PUNTEN}

    def clean(self):
        fouten = {}
        if self.datum and self.datum > timezone.localdate():
            fouten["datum"] = _("De inspectiedatum ligt in de toekomst; leg een inspectie vast nadat ze is uitgevoerd.")
        if (
            self.datum
            and self.woning_id
            and (Inspectie.objects.filter(woning_id=self.woning_id, datum=self.datum).exclude(pk=self.pk).exists())
        ):
            fouten["datum"] = _("Voor deze woning is op deze datum al een inspectie vastgelegd.")
        if self.checklist() and all(v == services.NIET_GECONTROLEERD for v in self.checklist().values()):
            fouten["__all__"] = _("Vul de checklist in: geen enkel normpunt is gecontroleerd.")
        if fouten:
            raise ValidationError(fouten)

    def save(self, *args, **kwargs):
        self.resultaat = services.inspectie_resultaat(self.checklist())
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------------------------------
# Inschrijvingen RNI/BRP en informatiebereik
# --------------------------------------------------------------------------------------------------


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
        return _("Inschrijvingen op %(datum)s") % {"datum": f"{self.peildatum:%d-%m-%Y}"}

    def get_absolute_url(self):
        return reverse("internationale_werknemers:registratiestand_detail", args=[self.pk])

    @property
    def totaal(self):
        return services.som_of_onbekend([self.rni, self.brp])

    def clean(self):
        fouten = {}
        if self.rni is None and self.brp is None:
            fouten["__all__"] = _("Vul het aantal inschrijvingen in de RNI, de BRP of allebei in.")
        if self.peildatum and self.peildatum > timezone.localdate():
            fouten["peildatum"] = _("De peildatum ligt in de toekomst.")
        if fouten:
            raise ValidationError(fouten)


class Informatiebereik(VersieModel):
    """How many international workers were reached in a period, per channel (counts only)."""

    class Kanaal(models.TextChoices):
        APP = "informatieapp", _("Informatieapp")
        PUNT = "informatiepunt", _("Informatiepunt")

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
        return f"{self.get_kanaal_display()} {self.periode_start:%d-%m-%Y} – {self.periode_eind:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("internationale_werknemers:informatiebereik_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.periode_start and self.periode_eind:
            if self.periode_eind < self.periode_start:
                fouten["periode_eind"] = _("Het einde van de periode ligt vóór het begin.")
            elif self.periode_start > timezone.localdate():
                fouten["periode_start"] = _("De periode is nog niet begonnen.")
            elif self.kanaal and (
                Informatiebereik.objects.filter(kanaal=self.kanaal, periode_start=self.periode_start)
                .exclude(pk=self.pk)
                .exists()
            ):
                fouten["periode_start"] = _("Voor dit kanaal is een periode met dit begin al vastgelegd.")
        if fouten:
            raise ValidationError(fouten)
