"""Taakstelling huisvesting statushouders: periods, placements, COA stands, interventieladder,
regional figures, inburgering cohorts. Households are counts of persons: no names, BSN,
V-nummers or birth dates, ever. The rules live in rules.py (pure), the figures in queries.py."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import Gemeente, VersieModel

from . import rules
from .validators import valideer_coa_referentie

# Who may see the COA koppelreferentie and search on it (beleidsadviseur, opgavemanager: apps.py).
COA_REFERENTIE_RECHT = "taakstelling.zie_coa_referentie"


def _niet_negatief(veld):
    return MinValueValidator(0, message=_("%(veld)s kan niet negatief zijn.") % {"veld": veld})


class CorrectieNaAfsluiten:
    """A change of a closed period's figures carries its periods and reason into the audit trail:
    django-auditlog puts what ``get_additional_data()`` returns in the entry of a save or delete (its
    documented hook). Set by :mod:`taakstelling.afsluiting` on the object about to be written."""

    correctie_na_afsluiten: dict | None = None

    def get_additional_data(self):
        return {"correctie_na_afsluiten": self.correctie_na_afsluiten} if self.correctie_na_afsluiten else None


class Periode(CorrectieNaAfsluiten, VersieModel):
    """A half year (historically also a whole year) with its netto taakstelling."""

    label = models.CharField(_("periode"), max_length=10, unique=True, editable=False)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"))
    netto_taakstelling = models.IntegerField(
        _("netto taakstelling"),
        validators=[_niet_negatief(_("De netto taakstelling"))],
        help_text=_("Aantal personen volgens de halfjaarlijkse brief van het Rijk."),
    )
    beginsaldo_keten = models.IntegerField(
        _("beginsaldo van de keten"),
        null=True,
        blank=True,
        help_text=_(
            "Alleen bij de eerste echte periode van de keten: de voor- of achterstand waarmee de keten begint "
            "(0 als er geen was; voorsprong positief, achterstand negatief). Dit getal blijft staan als later "
            "eerdere perioden worden toegevoegd; die worden ertegen afgestemd."
        ),
    )
    beginsaldo_keten_bron = models.CharField(
        _("bron van het beginsaldo van de keten"),
        max_length=200,
        blank=True,
        help_text=_("Waar het beginsaldo van de keten vandaan komt, bijvoorbeeld de bestuursopdracht."),
    )
    saldo_begin_officieel = models.IntegerField(
        _("officieel beginsaldo (COA)"),
        null=True,
        blank=True,
        help_text=_(
            "Alleen als het COA voor deze periode een ander beginsaldo opgeeft dan het saldo eind van de vorige "
            "periode: dit getal vervangt dan het doorgeschoven saldo. Voorsprong positief, achterstand negatief. "
            "Niet voor het begin van de keten: gebruik daar het beginsaldo van de keten."
        ),
    )
    realisatie_officieel = models.IntegerField(
        _("officiële realisatie (totaal)"),
        null=True,
        blank=True,
        validators=[_niet_negatief(_("De officiële realisatie"))],
        help_text=_(
            "Officieel totaal aantal gehuisveste personen in deze periode. Leeg laten om de eigen registratie "
            "(plaatsingen en nareizigers) te tellen; ingevuld wordt dit getal gebruikt."
        ),
    )
    realisatie_officieel_per = models.DateField(
        _("officiële realisatie per"),
        null=True,
        blank=True,
        help_text=_(
            "De datum van de stand van het officiële totaal. Verplicht zolang de periode loopt; leeg bij een "
            "afgesloten periode betekent: het eindcijfer van de periode."
        ),
    )
    bron = models.CharField(
        _("bron"), max_length=200, blank=True, help_text=_("Bijvoorbeeld de brief van het Rijk met de taakstelling.")
    )
    notities = models.TextField(_("notities"), blank=True)

    class Meta:
        verbose_name = _("periode")
        verbose_name_plural = _("perioden")
        ordering = ["begindatum"]
        permissions = [("wijzig_afgesloten_periode", _("Mag een afgesloten periode wijzigen"))]
        constraints = [
            models.CheckConstraint(condition=Q(einddatum__gt=F("begindatum")), name="periode_eind_na_begin"),
            models.CheckConstraint(condition=Q(netto_taakstelling__gte=0), name="periode_netto_niet_negatief"),
            models.CheckConstraint(
                condition=Q(realisatie_officieel__isnull=True) | Q(realisatie_officieel__gte=0),
                name="periode_realisatie_niet_negatief",
            ),
        ]

    def __str__(self):
        return self.label or _("nieuwe periode")

    def get_absolute_url(self):
        return reverse("taakstelling:periode_detail", args=[self.pk])

    def is_afgesloten(self, peildatum=None):
        return self.einddatum is not None and rules.is_afgesloten(self.einddatum, peildatum or timezone.localdate())

    def clean(self):
        self.clean_beginsaldo()
        if self.begindatum is None or self.einddatum is None:
            return
        if self.einddatum <= self.begindatum:
            raise ValidationError({"einddatum": _("De einddatum moet na de begindatum liggen.")})
        label = rules.periode_label(self.begindatum, self.einddatum)
        if label is None:
            raise ValidationError(
                _(
                    "Een periode is een half jaar (1 januari t/m 30 juni of 1 juli t/m 31 december) of, voor "
                    "historische cijfers, een heel kalenderjaar."
                )
            )
        self.label = label
        andere = Periode.objects.exclude(pk=self.pk).values_list("label", "begindatum", "einddatum")
        fouten = rules.valideer_keten([*andere, (label, self.begindatum, self.einddatum)])
        if fouten:
            raise ValidationError(fouten)
        self.clean_begin_van_de_keten(andere)

    def clean_beginsaldo(self):
        fouten = {}
        if self.beginsaldo_keten is not None and not self.beginsaldo_keten_bron.strip():
            fouten["beginsaldo_keten_bron"] = _("Vul de bron van het beginsaldo van de keten in.")
        if self.beginsaldo_keten is None and self.beginsaldo_keten_bron.strip():
            fouten["beginsaldo_keten"] = _("Vul het beginsaldo van de keten in, of laat ook de bron leeg.")
        if self.beginsaldo_keten is not None and self.saldo_begin_officieel is not None:
            fouten["saldo_begin_officieel"] = _(
                "Deze periode begint de keten met het beginsaldo van de keten; een officieel beginsaldo (COA) "
                "vervangt alleen het saldo eind van een vorige periode. Vul één van beide in."
            )
        lopend = self.einddatum is not None and not self.is_afgesloten()
        if self.realisatie_officieel is not None and self.realisatie_officieel_per is None and lopend:
            fouten["realisatie_officieel_per"] = _(
                "Vul in per welke datum het officiële totaal geldt: de periode loopt nog, dus het is een stand."
            )
        if self.realisatie_officieel_per and self.realisatie_officieel_per > timezone.localdate():
            fouten["realisatie_officieel_per"] = _("De datum van de stand kan niet in de toekomst liggen.")
        if self.realisatie_officieel_per and self.realisatie_officieel is None:
            fouten["realisatie_officieel"] = _("Vul het officiële totaal in, of laat ook de datum leeg.")
        if fouten:
            raise ValidationError(fouten)

    def clean_begin_van_de_keten(self, andere):
        """One period anchors the chain, with the beginsaldo van de keten: the first period entered gets it,
        and it never moves or disappears (a period added before it is reconciled against it)."""
        anker = Periode.objects.exclude(pk=self.pk).filter(beginsaldo_keten__isnull=False).first()
        if anker is not None and self.beginsaldo_keten is not None:
            raise ValidationError(
                {
                    "beginsaldo_keten": _(
                        "Periode %(periode)s heeft al het beginsaldo van de keten; een keten heeft er één. Een "
                        "periode ervoor wordt tegen dat beginsaldo afgestemd."
                    )
                    % {"periode": anker.label}
                }
            )
        if anker is None and self.beginsaldo_keten is None:
            if self.pk and Periode.objects.filter(pk=self.pk, beginsaldo_keten__isnull=False).exists():
                melding = _(
                    "Het beginsaldo van de keten kan niet worden gewist: de cijfers van alle latere perioden "
                    "hangen ervan af."
                )
            elif not andere and not self.pk:
                melding = _(
                    "Dit is de eerste periode van de keten: vul het beginsaldo van de keten in (0 als er geen "
                    "voor- of achterstand was) met de bron."
                )
            elif andere and all(self.einddatum < begin for _l, begin, _e in andere):
                eerste = min(andere, key=lambda p: p[1])[0]
                melding = _(
                    "Periode %(eerste)s is nu de eerste van de keten en heeft geen beginsaldo van de keten. Vul "
                    "dat eerst in bij %(eerste)s, zodat een eerdere periode de cijfers vanaf %(eerste)s niet "
                    "verandert."
                ) % {"eerste": eerste}
            else:
                return
            raise ValidationError({"beginsaldo_keten": melding})
        if self.saldo_begin_officieel is not None and not any(eind < self.begindatum for _l, _b, eind in andere):
            raise ValidationError(
                {
                    "saldo_begin_officieel": _(
                        "Er is geen vorige periode om te vervangen: het begin van de keten is het beginsaldo van "
                        "de keten."
                    )
                }
            )

    def save(self, *args, **kwargs):
        if self.begindatum and self.einddatum:
            self.label = rules.periode_label(self.begindatum, self.einddatum) or self.label
        super().save(*args, **kwargs)


class TijdelijkeLocatie(VersieModel):
    """A temporary location where statushouders may be housed, with its limit (e.g. Trampoline II:
    max. 10). The opvang app owns the location itself; this records the limit for statushouders."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    maximum_statushouders = models.PositiveIntegerField(_("maximum aantal statushouders"), null=True, blank=True)
    termijn = models.CharField(_("termijn"), max_length=100, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("tijdelijke locatie")
        verbose_name_plural = _("tijdelijke locaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("taakstelling:tijdelijkelocatie_detail", args=[self.pk])


class Samenstelling(models.TextChoices):
    ALLEENSTAANDE = "alleenstaande", _("Alleenstaande")
    STEL = "stel", _("Stel zonder kinderen")
    EENOUDERGEZIN = "eenoudergezin", _("Eenoudergezin")
    GEZIN = "gezin", _("Gezin met kinderen")
    MINDERJARIGE = rules.MINDERJARIGE_ZONDER_VOLWASSENE, _("Minderjarige(n) zonder volwassene (bijv. voogdij Nidos)")
    OVERIG = "overig", _("Overig")


class Woonvorm(models.TextChoices):
    CORPORATIE = "corporatiewoning", _("Corporatiewoning")
    ONZELFSTANDIG = "onzelfstandig", _("Onzelfstandig / woningdelen")
    HOSPITA = "hospitaverhuur", _("Hospitaverhuur")
    TIJDELIJK = "tijdelijke_locatie", _("Tijdelijke locatie")
    PARTICULIER = "particulier", _("Particuliere huur")


class Beeindiging(models.TextChoices):
    ONTKOPPELD = "ontkoppeld", _("Ontkoppeld")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class PlaatsingStatus(models.TextChoices):
    GEKOPPELD = "gekoppeld", _("Gekoppeld")
    AANGEBODEN = "woning_aangeboden", _("Woning aangeboden")
    HUUROVEREENKOMST = "huurovereenkomst", _("Huurovereenkomst")
    GEHUISVEST = "gehuisvest", _("Gehuisvest")
    ONTKOPPELD = "ontkoppeld", _("Ontkoppeld")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Plaatsing(CorrectieNaAfsluiten, VersieModel):
    """One household linked by the COA, as counts of persons and dates.

    Natural key (for idempotent imports): koppeldatum + samenstelling + volgnummer. The optional
    COA koppelreferentie is searchable by staff but never exported or reported.
    """

    keuzelijst_nieuwste = 200  # forms offer the newest 200 (noordwijk_migratie.forms.begrens_lange_keuzelijsten)

    koppeldatum = models.DateField(_("koppeldatum COA"))
    samenstelling = models.CharField(_("samenstelling"), max_length=20, choices=Samenstelling.choices)
    volgnummer = models.PositiveSmallIntegerField(
        _("volgnummer"),
        null=True,
        blank=True,
        help_text=_("Volgnummer binnen dezelfde koppeldatum en samenstelling; leeg laten om automatisch te nummeren."),
    )
    volwassenen = models.PositiveSmallIntegerField(_("volwassenen"), default=1)
    minderjarigen = models.PositiveSmallIntegerField(_("minderjarigen"), default=0)
    groot_huishouden_bevestigd = models.BooleanField(
        _("groot huishouden bevestigd"),
        default=False,
        help_text=_("Aanvinken als een huishouden van meer dan 15 personen echt zo groot is."),
    )
    verwachte_nareizigers = models.PositiveSmallIntegerField(_("verwachte nareizigers"), default=0)
    woonvorm = models.CharField(_("woonvorm"), max_length=20, choices=Woonvorm.choices, blank=True)
    tijdelijke_locatie = models.ForeignKey(
        TijdelijkeLocatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plaatsingen",
        verbose_name=_("tijdelijke locatie"),
        help_text=_("Alleen bij woonvorm tijdelijke locatie."),
    )
    corporatie = models.ForeignKey(
        "kern.Corporatie",
        verbose_name=_("corporatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plaatsingen",
        help_text=_("De keuzelijst houdt de functioneel beheerder bij onder Beheer › Corporaties."),
    )
    datum_woning_aangeboden = models.DateField(_("woning aangeboden op"), null=True, blank=True)
    datum_huurovereenkomst = models.DateField(_("ingang huurovereenkomst"), null=True, blank=True)
    datum_gehuisvest = models.DateField(
        _("gehuisvest op"),
        null=True,
        blank=True,
        help_text=_(
            "Datum van verhuizing (afgemeld bij het COA): deze datum bepaalt de periode waarin het huishouden meetelt."
        ),
    )
    beeindiging = models.CharField(_("beëindiging"), max_length=20, choices=Beeindiging.choices, blank=True)
    datum_beeindigd = models.DateField(_("beëindigd op"), null=True, blank=True)
    reden_beeindiging = models.TextField(_("reden beëindiging"), blank=True)
    # Shown to and searchable by those with COA_REFERENTIE_RECHT; never exported or reported; masked
    # in the audit trail (settings AUDITLOG_MASK_TRACKING_FIELDS).
    coa_referentie = models.CharField(
        _("COA-koppelreferentie"),
        max_length=50,
        blank=True,
        validators=[valideer_coa_referentie],
        help_text=_(
            "Optioneel; zoekbaar voor medewerkers, nooit in exports of rapportages. Letters, cijfers en - _ / . "
            "zonder spaties, met minstens één cijfer. Geen namen, BSN of V-nummers."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlaatsingStatus.choices, default=PlaatsingStatus.GEKOPPELD, editable=False
    )

    class Meta:
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")
        ordering = ["-koppeldatum", "samenstelling", "volgnummer"]
        permissions = [("zie_coa_referentie", _("Mag de COA-koppelreferentie zien en erop zoeken"))]
        constraints = [
            models.UniqueConstraint(
                fields=["koppeldatum", "samenstelling", "volgnummer"], name="plaatsing_natuurlijke_sleutel"
            ),
            models.UniqueConstraint(
                fields=["coa_referentie"], condition=~Q(coa_referentie=""), name="plaatsing_coa_referentie_uniek"
            ),
            models.CheckConstraint(
                condition=Q(volwassenen__gt=0) | Q(minderjarigen__gt=0),
                name="plaatsing_minstens_een_persoon",
            ),
        ]
        indexes = [models.Index(fields=["datum_gehuisvest"]), models.Index(fields=["status"])]

    def __str__(self):
        # the one label, not get_samenstelling_display() (which translates every choice): an import names 10,000
        samenstelling = (
            Samenstelling(self.samenstelling).label if self.samenstelling in Samenstelling else self.samenstelling
        )
        koppel = getallen.datum(self.koppeldatum)
        return _("Huishouden %(samenstelling)s, gekoppeld %(datum)s (%(nr)s)") % {
            "samenstelling": samenstelling.lower(),
            "datum": koppel,
            "nr": self.volgnummer or "-",
        }

    def get_absolute_url(self):
        return reverse("taakstelling:plaatsing_detail", args=[self.pk])

    @property
    def personen(self):
        return (self.volwassenen or 0) + (self.minderjarigen or 0)

    def clean(self):
        fouten = rules.huishouden_fouten(
            self.samenstelling, self.volwassenen or 0, self.minderjarigen or 0, self.groot_huishouden_bevestigd
        )
        fouten.update(rules.pijplijn_fouten({veld: getattr(self, veld) for veld, *_rest in rules.PIJPLIJN}))
        vandaag = timezone.localdate()
        if self.datum_gehuisvest and self.datum_gehuisvest > vandaag:
            fouten.setdefault("datum_gehuisvest", _("De datum gehuisvest kan niet in de toekomst liggen."))
        if self.datum_woning_aangeboden and not self.woonvorm:
            fouten["woonvorm"] = _("Vul de woonvorm in zodra een woning is aangeboden.")
        if self.tijdelijke_locatie_id and self.woonvorm != Woonvorm.TIJDELIJK:
            fouten["tijdelijke_locatie"] = _("Een tijdelijke locatie hoort alleen bij de woonvorm tijdelijke locatie.")
        if self.beeindiging:
            if not self.datum_beeindigd:
                fouten["datum_beeindigd"] = _("Vul de datum van ontkoppeling of annulering in.")
            if not self.reden_beeindiging.strip():
                fouten["reden_beeindiging"] = _("Vul de reden van ontkoppeling of annulering in.")
            if self.datum_gehuisvest:
                fouten["beeindiging"] = _(
                    "Een gehuisvest huishouden kan niet worden ontkoppeld of geannuleerd; verwijder eerst de datum gehuisvest."
                )
            if self.datum_beeindigd and self.koppeldatum and self.datum_beeindigd < self.koppeldatum:
                fouten["datum_beeindigd"] = _("De datum van beëindiging ligt vóór de koppeldatum.")
        elif self.datum_beeindigd or self.reden_beeindiging.strip():
            fouten["beeindiging"] = _("Kies ontkoppeld of geannuleerd als u een datum of reden van beëindiging invult.")
        if fouten:
            raise ValidationError(fouten)

    def save(self, *args, **kwargs):
        self.status = rules.plaatsing_status(
            self.datum_woning_aangeboden, self.datum_huurovereenkomst, self.datum_gehuisvest, self.beeindiging
        )
        if self.volgnummer is None:
            hoogste = (
                Plaatsing.objects.filter(koppeldatum=self.koppeldatum, samenstelling=self.samenstelling)
                .exclude(pk=self.pk)
                .aggregate(m=models.Max("volgnummer"))["m"]
            )
            self.volgnummer = (hoogste or 0) + 1
        super().save(*args, **kwargs)


class Nareiziger(CorrectieNaAfsluiten, VersieModel):
    """Family members arriving later. They count once their household is housed, on the later of its
    housing date and their arrival (rules.nareiziger_telmoment)."""

    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.PROTECT, related_name="nareizigers", verbose_name=_("plaatsing (huishouden)")
    )
    datum = models.DateField(
        _("aangekomen op"),
        help_text=_(
            "De nareizigers tellen mee zodra het huishouden is gehuisvest: op de latere van hun aankomst en de "
            "datum gehuisvest van het huishouden."
        ),
    )
    aantal = models.PositiveSmallIntegerField(_("aantal personen"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("nareiziger")
        verbose_name_plural = _("nareizigers")
        ordering = ["-datum"]
        constraints = [models.CheckConstraint(condition=Q(aantal__gte=1), name="nareiziger_minstens_een")]

    def __str__(self):
        return _("%(aantal)s nareiziger(s) op %(datum)s") % {
            "aantal": self.aantal,
            "datum": getallen.datum(self.datum),
        }

    def get_absolute_url(self):
        return reverse("taakstelling:nareiziger_detail", args=[self.pk])

    def clean(self):
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": _("De datum kan niet in de toekomst liggen.")})
        if self.plaatsing_id and self.datum:
            if self.plaatsing.beeindiging:
                raise ValidationError({"plaatsing": _("Deze plaatsing is ontkoppeld of geannuleerd.")})
            if self.datum < self.plaatsing.koppeldatum:
                raise ValidationError(
                    {
                        "datum": _(
                            "De aankomstdatum (%(datum)s) ligt vóór de koppeldatum van het huishouden (%(koppel)s)."
                        )
                        % {"datum": getallen.datum(self.datum), "koppel": getallen.datum(self.plaatsing.koppeldatum)}
                    }
                )


class Correctie(models.Model):
    """A change of a closed period's figures after it closed, with the reason the opgavemanager gave
    (only who has ``taakstelling.wijzig_afgesloten_periode`` may make one; :mod:`taakstelling.afsluiting`).
    Shown on the period's page as "correctie na afsluiten"; written once, never changed."""

    periode = models.ForeignKey(Periode, on_delete=models.PROTECT, related_name="correcties", verbose_name=_("periode"))
    op = models.DateTimeField(_("op"), auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("door")
    )
    onderwerp = models.CharField(_("wijziging"), max_length=300)
    voor = models.IntegerField(_("personen in de periode voor"), null=True, blank=True)
    na = models.IntegerField(_("personen in de periode na"), null=True, blank=True)
    reden = models.TextField(_("reden"))

    class Meta:
        verbose_name = _("correctie na afsluiten")
        verbose_name_plural = _("correcties na afsluiten")
        ordering = ["-op", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return _("Correctie van %(periode)s: %(onderwerp)s") % {"periode": self.periode, "onderwerp": self.onderwerp}

    def get_absolute_url(self):
        return self.periode.get_absolute_url()


class CoaStand(VersieModel):
    """COA's registration: cumulative number of persons afgemeld in the period through a month
    (COA's month stand on the 1st of the next month)."""

    periode = models.ForeignKey(
        Periode, on_delete=models.PROTECT, related_name="coa_standen", verbose_name=_("periode")
    )
    maand = models.DateField(_("maand"), help_text=_("Elke dag van de maand mag; opgeslagen als de 1e van de maand."))
    realisatie_cumulatief = models.PositiveIntegerField(
        _("realisatie volgens COA (cumulatief)"),
        help_text=_("Aantal personen dat volgens het COA in deze periode tot en met deze maand is gehuisvest."),
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("COA-stand")
        verbose_name_plural = _("COA-standen")
        ordering = ["-maand"]
        constraints = [models.UniqueConstraint(fields=["periode", "maand"], name="coastand_uniek_per_maand")]

    def __str__(self):
        if not self.maand:
            return str(_("COA-stand"))
        return _("COA-stand %(maand)s %(jaar)s") % {
            "maand": rules.MAANDNAMEN[self.maand.month - 1],
            "jaar": self.maand.year,
        }

    def get_absolute_url(self):
        return reverse("taakstelling:coastand_detail", args=[self.pk])

    def clean(self):
        if self.maand:
            self.maand = self.maand.replace(day=1)
        if self.maand and self.periode_id:
            p = self.periode
            if not (p.begindatum.replace(day=1) <= self.maand <= p.einddatum):
                raise ValidationError({"maand": _("Deze maand valt niet in periode %(periode)s.") % {"periode": p}})

    def save(self, *args, **kwargs):
        if self.maand:
            self.maand = self.maand.replace(day=1)
        super().save(*args, **kwargs)


class Trede(models.Model):
    """A rung of the province's interventieladder (reference data: the official definitions
    were not found, so they are editable)."""

    nummer = models.PositiveSmallIntegerField(_("trede"), unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("trede interventieladder")
        verbose_name_plural = _("treden interventieladder")
        ordering = ["nummer"]

    def __str__(self):
        return _("Trede %(nummer)s: %(naam)s") % {"nummer": self.nummer, "naam": self.naam}

    def get_absolute_url(self):
        return reverse("taakstelling:trede_detail", args=[self.pk])


class TredeHistorie(VersieModel):
    """From which date the province placed the gemeente on which rung, and on what basis."""

    trede = models.ForeignKey(Trede, on_delete=models.PROTECT, related_name="historie", verbose_name=_("trede"))
    datum_vanaf = models.DateField(_("vanaf"), unique=True)
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    notities = models.TextField(_("notities"), blank=True)

    class Meta:
        verbose_name = _("trede (historie)")
        verbose_name_plural = _("interventieladder: tredehistorie")
        ordering = ["-datum_vanaf"]

    def __str__(self):
        return _("Trede %(nummer)s vanaf %(datum)s") % {
            "nummer": self.trede.nummer if self.trede_id else "?",
            "datum": getallen.datum(self.datum_vanaf),
        }

    def get_absolute_url(self):
        return reverse("taakstelling:tredehistorie_detail", args=[self.pk])


class RegioCijfer(VersieModel):
    """Figures of one gemeente of the region for one period (imported from CSV/XLSX)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeente"))
    periode = models.ForeignKey(
        Periode, on_delete=models.PROTECT, related_name="regiocijfers", verbose_name=_("periode")
    )
    netto_taakstelling = models.IntegerField(
        _("netto taakstelling"), validators=[_niet_negatief(_("De netto taakstelling"))]
    )
    realisatie = models.IntegerField(_("realisatie"), validators=[_niet_negatief(_("De realisatie"))])
    saldo_eind = models.IntegerField(_("saldo eind"))
    inwoners = models.PositiveIntegerField(_("inwoners"), validators=[MinValueValidator(1)])
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("regiocijfer")
        verbose_name_plural = _("regiocijfers")
        ordering = ["periode__begindatum", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "periode"], name="regiocijfer_uniek"),
            models.CheckConstraint(condition=Q(netto_taakstelling__gte=0), name="regiocijfer_netto_niet_negatief"),
            models.CheckConstraint(condition=Q(realisatie__gte=0), name="regiocijfer_realisatie_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.gemeente} · {self.periode}"

    def get_absolute_url(self):
        return reverse("taakstelling:regiocijfer_detail", args=[self.pk])


class InburgeringCohort(VersieModel):
    """Aggregate counts of one cohort under the Wet inburgering 2021 (year the plicht started)."""

    cohort = models.PositiveSmallIntegerField(
        _("cohort (jaar)"),
        unique=True,
        validators=[MinValueValidator(2022, message=_("De Wet inburgering 2021 geldt vanaf cohort 2022."))],
    )
    inburgeringsplichtig = models.PositiveIntegerField(_("inburgeringsplichtig"))
    brede_intake = models.PositiveIntegerField(_("brede intake afgerond"), default=0)
    pip_op_tijd = models.PositiveIntegerField(_("PIP op tijd (binnen 10 weken)"), default=0)
    leerroute_b1 = models.PositiveIntegerField(_("B1-route"), default=0)
    leerroute_onderwijs = models.PositiveIntegerField(_("onderwijsroute"), default=0)
    leerroute_z = models.PositiveIntegerField(_("Z-route"), default=0)
    voldaan_binnen_termijn = models.PositiveIntegerField(_("voldaan binnen termijn"), default=0)
    peildatum_cijfers = models.DateField(_("stand per"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("inburgeringscohort")
        verbose_name_plural = _("inburgeringscohorten")
        ordering = ["-cohort"]

    def __str__(self):
        return _("Cohort %(jaar)s") % {"jaar": self.cohort}

    def get_absolute_url(self):
        return reverse("taakstelling:inburgeringcohort_detail", args=[self.pk])

    def clean(self):
        if self.inburgeringsplichtig is None:
            return
        fouten = {}
        for veld in rules.COHORT_DEELAANTALLEN:
            if (getattr(self, veld) or 0) > self.inburgeringsplichtig:
                fouten[veld] = _("Dit aantal is groter dan het aantal inburgeringsplichtigen van het cohort.")
        if (self.pip_op_tijd or 0) > (self.brede_intake or 0):
            fouten.setdefault("pip_op_tijd", _("Er zijn meer PIP's dan afgeronde brede intakes."))
        routes = (self.leerroute_b1 or 0) + (self.leerroute_onderwijs or 0) + (self.leerroute_z or 0)
        if routes > self.inburgeringsplichtig:
            fouten.setdefault(
                "leerroute_b1", _("Samen zijn de leerroutes groter dan het aantal inburgeringsplichtigen.")
            )
        if fouten:
            raise ValidationError(fouten)
