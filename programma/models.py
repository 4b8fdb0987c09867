"""Programme of the Bestuursopdracht (Bijlage 1): programme lines, actions and indicators."""

import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import Doelgroep, VersieModel
from noordwijk_migratie.registry import indicator_keuzes

from .rules import formatteer_waarde, is_te_laat, valideer_meetwaarde


def _code_en_tekst(code: str, tekst: str) -> str:
    """An action's or indicator's name: its code and its text, cut at 80 characters. A text of at most 80 is
    never cut: it is what Truncator returns for it, without its cost (lists and reminders show hundreds)."""
    kort = unicodedata.normalize("NFC", tekst) if len(tekst) <= 80 else Truncator(tekst).chars(80)
    return f"{code} {kort}" if code else kort


class Trekker(models.TextChoices):
    """The trekker of an action is a role, never a person (Bijlage 1 names the roles)."""

    BELEIDSADVISEURS_WETTELIJK = (
        "beleidsadviseurs_wettelijk",
        _("Beleidsadviseurs asiel en migratie (statushouders, asielopvang, Oekraïense ontheemden)"),
    )
    OPGAVETEAM = "opgaveteam", _("Opgaveteam asiel en migratie")
    BELEIDSMEDEWERKER_IW = (
        "beleidsmedewerker_iw",
        _("Beleidsmedewerker asiel en migratie (arbeidsmigranten en Oekraïne)"),
    )
    OPGAVEMANAGER = "opgavemanager", _("Opgavemanager asiel en migratie")
    ANDER_TEAM = "ander_team", _("Ander team van de gemeente")


class Programmalijn(VersieModel):
    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    trekker = models.CharField(_("trekker (rol)"), max_length=40, choices=Trekker.choices)

    class Meta:
        verbose_name = _("programmalijn")
        verbose_name_plural = _("programmalijnen")
        ordering = ["nummer"]

    def __str__(self):
        return f"{self.nummer}. {self.naam}"

    def get_absolute_url(self):
        return reverse("programma:programmalijn_detail", args=[self.pk])


class Subthema(models.Model):
    programmalijn = models.ForeignKey(
        Programmalijn, on_delete=models.CASCADE, related_name="subthemas", verbose_name=_("programmalijn")
    )
    naam = models.CharField(_("naam"), max_length=200)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("subthema")
        verbose_name_plural = _("subthema's")
        ordering = ["programmalijn__nummer", "volgorde", "naam"]
        constraints = [models.UniqueConstraint(fields=["programmalijn", "naam"], name="subthema_uniek_per_lijn")]

    def __str__(self):
        return self.naam


class ActieStatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    LOOPT = "loopt", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    BEWUST_NIET = "bewust_niet", _("Bewust niet uitgevoerd")


class Actie(VersieModel):
    """One action of the programme (every bullet of Bijlage 1, plus actions the team adds)."""

    keuzelijst_nieuwste = 200  # forms offer the newest 200 (noordwijk_migratie.forms.begrens_lange_keuzelijsten)

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Vaste code voor acties uit Bijlage 1, bijvoorbeeld B1-1-03."),
    )
    programmalijn = models.ForeignKey(
        Programmalijn, on_delete=models.PROTECT, related_name="acties", verbose_name=_("programmalijn")
    )
    subthema = models.ForeignKey(
        Subthema, on_delete=models.PROTECT, related_name="acties", verbose_name=_("subthema"), null=True, blank=True
    )
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"), default=0)
    tekst = models.TextField(_("actie"))
    actielijn = models.ForeignKey(
        "internationale_werknemers.Actielijn",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programma_acties",
        verbose_name=_("actielijn beleidsplan internationale werknemers"),
        help_text=_("Alleen voor acties van programmalijn 3."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep, blank=True, related_name="programma_acties", verbose_name=_("doelgroepen")
    )
    trekker = models.CharField(_("trekker (rol)"), max_length=40, choices=Trekker.choices)
    status = models.CharField(_("status"), max_length=20, choices=ActieStatus.choices, default=ActieStatus.NIET_GESTART)
    reden_niet_uitvoeren = models.TextField(
        _("reden om niet uit te voeren"),
        blank=True,
        help_text=_("Verplicht bij 'bewust niet uitgevoerd': waarom is dit een expliciete keuze?"),
    )
    gepland_start = models.DateField(_("geplande start"), null=True, blank=True)
    gepland_eind = models.DateField(_("gepland gereed"), null=True, blank=True)
    werkelijk_start = models.DateField(_("werkelijke start"), null=True, blank=True)
    werkelijk_eind = models.DateField(_("werkelijk gereed"), null=True, blank=True)
    uit_bijlage1 = models.BooleanField(_("uit Bijlage 1"), default=False, editable=False)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["programmalijn__nummer", "subthema__volgorde", "volgnummer", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="bewust_niet") | ~Q(reden_niet_uitvoeren=""),
                name="actie_bewust_niet_heeft_reden",
            ),
            models.CheckConstraint(
                condition=Q(gepland_start__isnull=True)
                | Q(gepland_eind__isnull=True)
                | Q(gepland_eind__gte=models.F("gepland_start")),
                name="actie_gepland_eind_na_start",
            ),
            models.CheckConstraint(
                condition=Q(werkelijk_start__isnull=True)
                | Q(werkelijk_eind__isnull=True)
                | Q(werkelijk_eind__gte=models.F("werkelijk_start")),
                name="actie_werkelijk_eind_na_start",
            ),
        ]

    def __str__(self):
        return _code_en_tekst(self.code, self.tekst)

    def get_absolute_url(self):
        return reverse("programma:actie_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.status == ActieStatus.BEWUST_NIET and not (self.reden_niet_uitvoeren or "").strip():
            fouten["reden_niet_uitvoeren"] = _(
                "Geef de reden op: 'bewust niet uitgevoerd' is een expliciete keuze die moet worden uitgelegd."
            )
        if self.gepland_start and self.gepland_eind and self.gepland_eind < self.gepland_start:
            fouten["gepland_eind"] = _("De geplande einddatum ligt vóór de geplande start.")
        if self.werkelijk_start and self.werkelijk_eind and self.werkelijk_eind < self.werkelijk_start:
            fouten["werkelijk_eind"] = _("De werkelijke einddatum ligt vóór de werkelijke start.")
        if self.subthema_id and self.programmalijn_id and self.subthema.programmalijn_id != self.programmalijn_id:
            fouten["subthema"] = _("Dit subthema hoort bij een andere programmalijn.")
        if self.actielijn_id and self.programmalijn_id and self.programmalijn.nummer != 3:
            fouten["actielijn"] = _(
                "Alleen acties van programmalijn 3 (beleidsplan internationale werknemers) horen bij een actielijn."
            )
        if fouten:
            raise ValidationError(fouten)

    def is_te_laat(self, peildatum) -> bool:
        return is_te_laat(self.status, self.gepland_eind, peildatum)

    # The date the status set on this instance holds from (the form's "status sinds"); without it a change
    # holds from today, and a new action "niet gestart" is so from the beginning (see Statuswijziging).
    status_sinds = None

    def save(self, *args, **kwargs):
        """Every status change is recorded as a dated :class:`Statuswijziging` (the status history a report
        at a past peildatum reads); ``status`` itself is the latest one."""
        with transaction.atomic():
            nieuw = self._state.adding
            super().save(*args, **kwargs)
            laatste = self.statuswijzigingen.order_by(models.F("datum").desc(nulls_last=True), "-pk").first()
            if laatste is not None and laatste.status == self.status:
                return
            begin = nieuw and self.status == ActieStatus.NIET_GESTART  # what every action starts as
            datum = self.status_sinds or (None if begin else timezone.localdate())
            Statuswijziging.objects.update_or_create(
                actie=self, datum=datum, defaults={"status": self.status, "reden": self.reden_niet_uitvoeren}
            )


class Statuswijziging(models.Model):
    """The status of an action from a date on (issue 14: every figure as it stood on the peildatum).

    Written by :meth:`Actie.save`; ``datum`` empty means "sinds het begin" (the status an action had when
    the history started). Before its first change an action counts as "niet gestart"."""

    actie = models.ForeignKey(
        Actie, on_delete=models.CASCADE, related_name="statuswijzigingen", verbose_name=_("actie")
    )
    datum = models.DateField(_("status sinds"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActieStatus.choices)
    reden = models.TextField(_("reden om niet uit te voeren"), blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["actie", models.F("datum").asc(nulls_first=True), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["actie", "datum"], name="statuswijziging_een_per_dag"),
            models.UniqueConstraint(
                fields=["actie"], condition=Q(datum__isnull=True), name="statuswijziging_een_sinds_het_begin"
            ),
        ]

    def __str__(self):
        return _("%(status)s sinds %(datum)s") % {
            "status": self.get_status_display(),
            "datum": getallen.datum(self.datum) if self.datum else _("het begin"),
        }


class Voortgangsnotitie(models.Model):
    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="notities", verbose_name=_("actie"))
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("voortgang"))

    class Meta:
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return _("Voortgang %(datum)s: %(tekst)s") % {
            "datum": getallen.datum(self.datum),
            "tekst": Truncator(self.tekst).chars(50),
        }

    def get_absolute_url(self):
        return reverse("programma:voortgangsnotitie_detail", args=[self.pk])


class IndicatorType(models.TextChoices):
    JA_NEE = "ja_nee", _("Ja/nee")
    AANTAL = "aantal", _("Aantal")
    PERCENTAGE = "percentage", _("Percentage")
    SCORE = "score", _("Score (0–10)")
    TEKST = "tekst", _("Tekst (uitkomst interviews/enquête)")


class Richting(models.TextChoices):
    HOGER = "hoger", _("Hoger is beter")
    LAGER = "lager", _("Lager is beter")
    GELIJK_OF_HOGER = "gelijk_of_hoger", _("Gelijk blijven of stijgen")
    JA = "ja", _("Gewenst: ja")
    NEE = "nee", _("Gewenst: nee")
    GEEN = "geen", _("Geen richting (beschrijvend)")


class Indicator(VersieModel):
    """A "Meetbaar door ✓" line: measured by hand, or computed from other data (``berekening``)."""

    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True)
    programmalijn = models.ForeignKey(
        Programmalijn, on_delete=models.PROTECT, related_name="indicatoren", verbose_name=_("programmalijn")
    )
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"), default=0)
    tekst = models.TextField(_("indicator"))
    type = models.CharField(_("type"), max_length=20, choices=IndicatorType.choices)
    richting = models.CharField(_("gewenste richting"), max_length=20, choices=Richting.choices, default=Richting.GEEN)
    streefwaarde = models.DecimalField(
        _("streefwaarde"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Alleen invullen als er een vastgestelde streefwaarde is."),
    )
    eenheid = models.CharField(_("eenheid"), max_length=40, blank=True)
    berekening = models.CharField(
        _("berekening"),
        max_length=40,
        choices=indicator_keuzes,
        null=True,
        blank=True,
        help_text=_("Code van de berekening waarmee de applicatie deze indicator zelf uitrekent."),
    )
    uit_bijlage1 = models.BooleanField(_("uit Bijlage 1"), default=False, editable=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["programmalijn__nummer", "volgnummer", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=[c for c, _l in IndicatorType.choices]), name="indicator_type_geldig"
            ),
            models.UniqueConstraint(
                fields=["berekening"], condition=Q(berekening__isnull=False), name="indicator_berekening_uniek"
            ),
        ]

    def __str__(self):
        return _code_en_tekst(self.code, self.tekst)

    def get_absolute_url(self):
        return reverse("programma:indicator_detail", args=[self.pk])

    def clean(self):
        if (
            self.type == IndicatorType.PERCENTAGE
            and self.streefwaarde is not None
            and not (0 <= self.streefwaarde <= 100)
        ):
            raise ValidationError({"streefwaarde": _("Een percentage ligt tussen 0 en 100.")})
        if self.type in (IndicatorType.JA_NEE, IndicatorType.TEKST) and self.streefwaarde is not None:
            raise ValidationError(
                {"streefwaarde": _("Een streefwaarde past alleen bij een aantal, percentage of score.")}
            )


class Meting(models.Model):
    """A manual, dated measurement of an indicator; exactly the value field that fits its type."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="metingen", verbose_name=_("indicator")
    )
    datum = models.DateField(_("datum"))
    waarde_getal = models.DecimalField(
        _("waarde (getal)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Voor een aantal, percentage (0–100) of score (0–10)."),
    )
    waarde_ja_nee = models.BooleanField(_("waarde (ja/nee)"), null=True, blank=True)
    waarde_tekst = models.TextField(_("uitkomst (tekst)"), blank=True)
    bron = models.CharField(_("bron"), max_length=200, help_text=_("Waar komt deze meting vandaan?"))
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["indicator__programmalijn__nummer", "indicator__volgnummer", "-datum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(waarde_getal__isnull=True) | Q(waarde_getal__gte=0), name="meting_getal_niet_negatief"
            ),
        ]

    def __str__(self):
        return _("Meting %(datum)s: %(waarde)s") % {
            "datum": getallen.datum(self.datum),
            "waarde": self.weergave,
        }

    def get_absolute_url(self):
        return reverse("programma:meting_detail", args=[self.pk])

    @property
    def waarde(self):
        if self.waarde_ja_nee is not None:
            return self.waarde_ja_nee
        if self.waarde_getal is not None:
            return self.waarde_getal
        return self.waarde_tekst or None

    @property
    def weergave(self) -> str:
        eenheid = self.indicator.eenheid if self.indicator_id else ""
        type_ = self.indicator.type if self.indicator_id else None
        return formatteer_waarde(self.waarde, type_, eenheid)

    def clean(self):
        if not self.indicator_id:
            return
        fouten = valideer_meetwaarde(
            self.indicator.type, getal=self.waarde_getal, ja_nee=self.waarde_ja_nee, tekst=self.waarde_tekst
        )
        if fouten:
            raise ValidationError(fouten)
