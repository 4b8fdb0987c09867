"""Opvang: dated opgaven, policy dates, opvanglocaties with phases, capacity stands and occupancy.

Every quantity that changes over time is a dated row (an opgave from a date, a capacity stand
from a date, an occupancy on a date), so "what was true on date X" is the latest row dated on or
before X. Newcomers are only ever counted; no person is stored.
"""

from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.getallen import datum
from noordwijk_migratie.models import Doelgroep, VersieModel

from .rules import (
    STAND_VELDEN,
    Fase,
    StandWaarde,
    controleer_bezetting,
    controleer_capaciteit,
    controleer_maandcijfer,
    controleer_mijlpaal,
    fasedatums_in_volgorde,
    geldend_op_q,
    huidige_fase,
    locatie_stand,
    niet_inzetbaar,
    past_in_capaciteit_q,
)

GEEN_NEGATIEF = _("Een aantal kan niet negatief zijn.")


class Opgave(VersieModel):
    """The number of places a doelgroep requires from a date (e.g. OEK 221 from 1-7-2025)."""

    doelgroep = models.ForeignKey(
        Doelgroep, on_delete=models.PROTECT, related_name="opvang_opgaven", verbose_name=_("doelgroep")
    )
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    plaatsen = models.PositiveIntegerField(
        _("plaatsen"),
        null=True,
        blank=True,
        help_text=_(
            "Aantal plaatsen dat vanaf deze datum nodig is. Leeg laten als de opgave (bijvoorbeeld van een nieuwe "
            "cyclus) nog niet bekend is: dan toont de applicatie 'onbekend'."
        ),
    )
    amv_plaatsen = models.PositiveIntegerField(
        _("waarvan AMV-plaatsen"),
        null=True,
        blank=True,
        help_text=_("Plaatsen voor alleenstaande minderjarige vreemdelingen, voor zover van toepassing."),
    )
    bron = models.CharField(_("bron"), max_length=200)
    cyclus_einde = models.DateField(_("einde cyclus"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["doelgroep__volgorde", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["doelgroep", "geldig_vanaf"],
                name="opvang_opgave_uniek_per_datum",
                violation_error_message=_("Voor deze doelgroep bestaat al een opgave op deze datum."),
            ),
            models.CheckConstraint(
                condition=Q(amv_plaatsen__isnull=True) | Q(amv_plaatsen__lte=F("plaatsen")),
                name="opvang_opgave_amv_binnen_plaatsen",
            ),
            models.CheckConstraint(
                condition=Q(cyclus_einde__isnull=True) | Q(cyclus_einde__gte=F("geldig_vanaf")),
                name="opvang_opgave_cyclus_na_start",
            ),
        ]

    def __str__(self):
        return _("Opgave %(doelgroep)s vanaf %(datum)s") % {
            "doelgroep": self.doelgroep.naam if self.doelgroep_id else "?",
            "datum": datum(self.geldig_vanaf) or "?",
        }

    def get_absolute_url(self):
        return reverse("opvang:opgave_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.amv_plaatsen is not None and self.plaatsen is None:
            fouten["amv_plaatsen"] = _(
                "Vul ook het totaal aantal plaatsen in, of laat beide leeg als ze onbekend zijn."
            )
        if self.amv_plaatsen is not None and self.plaatsen is not None and self.amv_plaatsen > self.plaatsen:
            fouten["amv_plaatsen"] = _("Het aantal AMV-plaatsen kan niet groter zijn dan het totaal aantal plaatsen.")
        if self.cyclus_einde and self.geldig_vanaf and self.cyclus_einde < self.geldig_vanaf:
            fouten["cyclus_einde"] = _("Het einde van de cyclus ligt vóór de ingangsdatum.")
        if fouten:
            raise ValidationError(fouten)


class Beleidsdatum(VersieModel):
    """A policy date with a countdown (e.g. the end of the RTB), as it holds from a date: a later decision
    (the RTB extended to 4-3-2027) is a new row with the same code, so a report at an earlier peildatum still
    shows the date known then."""

    code = models.SlugField(
        _("code"), max_length=60, help_text=_("Dezelfde code voor elke stand van dezelfde beleidsdatum.")
    )
    naam = models.CharField(_("naam"), max_length=200)
    datum = models.DateField(_("datum"))
    geldig_vanaf = models.DateField(
        _("geldig vanaf"),
        null=True,
        blank=True,
        help_text=_("Datum van het besluit of de bekendmaking waarmee deze datum geldt; leeg = sinds onbekend."),
    )
    doelgroep = models.ForeignKey(
        Doelgroep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opvang_beleidsdatums",
        verbose_name=_("doelgroep"),
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("beleidsdatum")
        verbose_name_plural = _("beleidsdatums")
        ordering = ["code", "geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "geldig_vanaf"],
                name="opvang_beleidsdatum_uniek_per_datum",
                violation_error_message=_("Voor deze beleidsdatum bestaat al een stand die op die datum ingaat."),
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(geldig_vanaf__isnull=True),
                name="opvang_beleidsdatum_een_zonder_datum",
                violation_error_message=_("Deze beleidsdatum heeft al een stand zonder datum waarop hij ingaat."),
            ),
        ]

    def __str__(self):
        if self.geldig_vanaf:
            return _("%(naam)s (vanaf %(datum)s)") % {"naam": self.naam, "datum": datum(self.geldig_vanaf)}
        return self.naam

    def get_absolute_url(self):
        return reverse("opvang:beleidsdatum_detail", args=[self.pk])


class LocatieType(models.TextChoices):
    GOO = "goo", _("Gemeentelijke opvang (GOO)")
    POO = "poo", _("Particuliere opvang (POO, geaggregeerd)")
    COA_NOODOPVANG = "coa_noodopvang", _("COA-noodopvang")
    SPREIDINGSWET = "spreidingswet", _("Asielopvang Spreidingswet")
    TIJDELIJK_STATUSHOUDERS = "tijdelijk_statushouders", _("Tijdelijke huisvesting statushouders")


class GedateerdQuerySet(models.QuerySet):
    """Rows that hold from their date (``datumveld``) per (locatie, doelgroep) until a later row."""

    datumveld = ""
    GROEP = ("locatie_id", "doelgroep_id")

    def geldend_op(self, datum, distinct_on: bool | None = None):
        """Per (locatie, doelgroep) the latest row on or before ``datum`` (filter before on those fields only):
        :func:`opvang.rules.geldend_op` per group in SQL. Where the database has it (PostgreSQL) one
        ``DISTINCT ON`` the group, newest first, which the unique index on (locatie, doelgroep, date) serves in
        its own order, read backwards; elsewhere (SQLite under `make run`) the window of
        :func:`opvang.rules.geldend_op_q`, which sorts the whole history. ``distinct_on`` forces a form."""
        if distinct_on is None:
            distinct_on = connections[self.db].features.can_distinct_on_fields
        if distinct_on:
            nieuwste_eerst = [F(veld).desc() for veld in (*self.GROEP, self.datumveld)]
            laatste = self.filter(**{f"{self.datumveld}__lte": datum}).order_by(*nieuwste_eerst).distinct(*self.GROEP)
        else:
            laatste = self.filter(geldend_op_q(datum, self.datumveld, self.GROEP))
        return self.filter(pk__in=laatste.values("pk"))

    def geldend_tussen(self, van, tot):
        """The rows that hold on some day from ``van`` to ``tot``: those in force on ``van`` and those dated after
        it up to ``tot`` (so a series over two years does not read ten years of history)."""
        na_van = Q(**{f"{self.datumveld}__gt": van, f"{self.datumveld}__lte": tot})
        return self.filter(na_van | Q(pk__in=self.geldend_op(van).values("pk")))


class CapaciteitsstandQuerySet(GedateerdQuerySet):
    datumveld = "ingangsdatum"

    def capaciteit_voor(self, locatie_id: int, doelgroep_id: int, datum) -> int | None:
        """The capacity that caps an occupancy figure on ``datum`` (see :func:`opvang.rules.locatie_stand`)."""
        standen = self.filter(locatie_id=locatie_id).geldend_op(datum).values_list(*STAND_VELDEN)
        return locatie_stand(locatie_id, "", doelgroep_id, [StandWaarde(*s) for s in standen]).plaatsen


class BezettingQuerySet(GedateerdQuerySet):
    datumveld = "datum"


class Opvanglocatie(VersieModel):
    naam = models.CharField(_("naam"), max_length=150, unique=True)
    adres = models.CharField(_("adres of gebied"), max_length=200, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=LocatieType.choices)
    doelgroepen = models.ManyToManyField(Doelgroep, related_name="opvanglocaties", verbose_name=_("doelgroepen"))
    eigenaar = models.CharField(_("eigenaar"), max_length=150, blank=True)
    beheerder = models.CharField(_("beheerder / exploitant"), max_length=150, blank=True)
    gemeentegrond = models.BooleanField(
        _("op gemeentegrond"), null=True, blank=True, help_text=_("Leeg laten als het niet bekend is.")
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True, editable=False)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, editable=False)
    termijn_jaren = models.PositiveSmallIntegerField(_("termijn (jaren)"), null=True, blank=True)
    # derived from the milestones (Mijlpaal.save and delete keep them up to date; see opvang.rules.fase_op):
    # the furthest phase reached, the dates "in gebruik" and "beëindigd" were reached
    fase = models.CharField(
        _("huidige fase"), max_length=20, choices=Fase.choices, null=True, blank=True, editable=False
    )
    geplande_plaatsen = models.PositiveIntegerField(
        _("geplande plaatsen"),
        null=True,
        blank=True,
        help_text=_("Voor locaties in voorbereiding; leeg laten als het aantal nog niet bekend is."),
    )
    geplande_amv_plaatsen = models.PositiveIntegerField(_("waarvan geplande AMV-plaatsen"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("opvanglocatie")
        verbose_name_plural = _("opvanglocaties")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(startdatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="opvang_locatie_eind_na_start",
            ),
            models.CheckConstraint(
                condition=Q(geplande_amv_plaatsen__isnull=True)
                | Q(geplande_plaatsen__isnull=True)
                | Q(geplande_amv_plaatsen__lte=F("geplande_plaatsen")),
                name="opvang_locatie_amv_binnen_gepland",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("opvang:opvanglocatie_detail", args=[self.pk])

    def werk_fase_bij(self):
        """Derive the phase, start and end from the milestones (one source of truth) and store them."""
        mijlpalen = list(self.mijlpalen.values_list("fase", "datum", "gepland"))
        bereikt = {fase: d for fase, d, gepland in mijlpalen if not gepland}
        self.fase = huidige_fase(mijlpalen)
        self.startdatum, self.einddatum = bereikt.get(Fase.IN_GEBRUIK), bereikt.get(Fase.BEEINDIGD)
        Opvanglocatie.objects.filter(pk=self.pk).update(
            fase=self.fase, startdatum=self.startdatum, einddatum=self.einddatum
        )

    def clean(self):
        fouten = {}
        if (
            self.geplande_amv_plaatsen is not None
            and self.geplande_plaatsen is not None
            and self.geplande_amv_plaatsen > self.geplande_plaatsen
        ):
            fouten["geplande_amv_plaatsen"] = _("Er kunnen niet meer AMV-plaatsen dan plaatsen gepland zijn.")
        if fouten:
            raise ValidationError(fouten)


class Mijlpaal(VersieModel):
    """A dated phase milestone of a location, with the reference of the decision document."""

    locatie = models.ForeignKey(
        Opvanglocatie, on_delete=models.CASCADE, related_name="mijlpalen", verbose_name=_("locatie")
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    datum = models.DateField(
        _("datum"), null=True, blank=True, help_text=_("Leeg laten als een bereikte fase een onbekende datum heeft.")
    )
    gepland = models.BooleanField(_("gepland (nog niet bereikt)"), default=False)
    besluit_referentie = models.CharField(_("referentie besluitdocument"), max_length=200, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["locatie__naam", F("datum").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["locatie", "fase"],
                name="opvang_mijlpaal_een_per_fase",
                violation_error_message=_("Deze locatie heeft al een mijlpaal voor deze fase."),
            ),
        ]

    def __str__(self):
        return f"{self.locatie} · {self.get_fase_display()}" if self.locatie_id else self.get_fase_display()

    def get_absolute_url(self):
        return reverse("opvang:mijlpaal_detail", args=[self.pk])

    def clean(self):
        fouten = controleer_mijlpaal(self.gepland, self.datum, timezone.localdate())
        if not fouten and self.locatie_id and self.datum and self.fase:
            andere = [(m.fase, m.datum) for m in self.locatie.mijlpalen.exclude(pk=self.pk)]
            if fout := fasedatums_in_volgorde([*andere, (self.fase, self.datum)]):
                fouten["datum"] = fout
        if fouten:
            raise ValidationError(fouten)

    def save(self, *args, **kwargs):
        with transaction.atomic():
            vorige = Mijlpaal.objects.filter(pk=self.pk).values_list("locatie_id", flat=True).first()
            super().save(*args, **kwargs)
            self.locatie.werk_fase_bij()
            if vorige and vorige != self.locatie_id:
                Opvanglocatie.objects.get(pk=vorige).werk_fase_bij()

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            resultaat = super().delete(*args, **kwargs)
            if Opvanglocatie.objects.filter(pk=self.locatie_id).exists():
                Opvanglocatie.objects.get(pk=self.locatie_id).werk_fase_bij()
            return resultaat


class Capaciteitsstand(VersieModel):
    """Capacity of one location for one doelgroep from a date; a change is a new, later stand."""

    locatie = models.ForeignKey(
        Opvanglocatie, on_delete=models.CASCADE, related_name="capaciteitsstanden", verbose_name=_("locatie")
    )
    doelgroep = models.ForeignKey(Doelgroep, on_delete=models.PROTECT, related_name="+", verbose_name=_("doelgroep"))
    ingangsdatum = models.DateField(_("ingangsdatum"))
    plaatsen = models.PositiveIntegerField(_("capaciteit (plaatsen)"))
    amv_plaatsen = models.PositiveIntegerField(_("waarvan AMV-plaatsen"), null=True, blank=True)
    niet_inzetbaar_calamiteiten = models.PositiveIntegerField(
        _("niet inzetbaar: calamiteitenkamers"), null=True, blank=True, help_text=_("Leeg = onbekend.")
    )
    niet_inzetbaar_indelingsverlies = models.PositiveIntegerField(
        _("niet inzetbaar: indelingsverlies"), null=True, blank=True, help_text=_("Leeg = onbekend.")
    )
    niet_inzetbaar_overig = models.PositiveIntegerField(
        _("niet inzetbaar: overig"), null=True, blank=True, help_text=_("Leeg = onbekend.")
    )
    gereserveerd = models.PositiveIntegerField(_("gereserveerd voor andere doelgroep"), default=0)
    gereserveerd_voor = models.ForeignKey(
        Doelgroep,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gereserveerd voor"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = CapaciteitsstandQuerySet.as_manager()

    class Meta:
        verbose_name = _("capaciteitsstand")
        verbose_name_plural = _("capaciteitsstanden")
        ordering = ["locatie__naam", "doelgroep__volgorde", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["locatie", "doelgroep", "ingangsdatum"],
                name="opvang_capaciteit_uniek_per_datum",
                violation_error_message=_(
                    "Voor deze locatie en doelgroep bestaat al een capaciteitsstand op deze datum."
                ),
            ),
            models.CheckConstraint(condition=past_in_capaciteit_q(), name="opvang_capaciteit_niet_meer_dan_plaatsen"),
            models.CheckConstraint(
                condition=Q(amv_plaatsen__isnull=True) | Q(amv_plaatsen__lte=F("plaatsen")),
                name="opvang_capaciteit_amv_binnen_plaatsen",
            ),
        ]

    def __str__(self):
        return _("%(locatie)s · %(doelgroep)s vanaf %(datum)s") % {
            "locatie": self.locatie if self.locatie_id else "?",
            "doelgroep": self.doelgroep if self.doelgroep_id else "?",
            "datum": datum(self.ingangsdatum) or "?",
        }

    def get_absolute_url(self):
        return reverse("opvang:capaciteitsstand_detail", args=[self.pk])

    @property
    def niet_inzetbaar(self):
        return niet_inzetbaar(
            self.niet_inzetbaar_calamiteiten, self.niet_inzetbaar_indelingsverlies, self.niet_inzetbaar_overig
        )

    def clean(self):
        fouten = controleer_capaciteit(
            plaatsen=self.plaatsen,
            amv_plaatsen=self.amv_plaatsen,
            gereserveerd=self.gereserveerd,
            redenen=(
                self.niet_inzetbaar_calamiteiten,
                self.niet_inzetbaar_indelingsverlies,
                self.niet_inzetbaar_overig,
            ),
        )
        if self.gereserveerd and not self.gereserveerd_voor_id:
            fouten["gereserveerd_voor"] = _("Geef aan voor welke doelgroep de plaatsen gereserveerd zijn.")
        if self.gereserveerd_voor_id and self.gereserveerd_voor_id == self.doelgroep_id:
            fouten["gereserveerd_voor"] = _("Een reservering is voor een ándere doelgroep dan die van de capaciteit.")
        if self.locatie_id and self.ingangsdatum:
            loc = self.locatie
            if loc.startdatum and self.ingangsdatum < loc.startdatum:
                fouten.setdefault("ingangsdatum", _("De ingangsdatum ligt vóór de startdatum van de locatie."))
            if loc.einddatum and self.ingangsdatum > loc.einddatum:
                fouten.setdefault("ingangsdatum", _("De ingangsdatum ligt na de einddatum van de locatie."))
        if fouten:
            raise ValidationError(fouten)


class Bezetting(models.Model):
    """Occupancy (a count of persons) of one location for one doelgroep on one date."""

    locatie = models.ForeignKey(
        Opvanglocatie, on_delete=models.CASCADE, related_name="bezettingen", verbose_name=_("locatie")
    )
    doelgroep = models.ForeignKey(Doelgroep, on_delete=models.PROTECT, related_name="+", verbose_name=_("doelgroep"))
    datum = models.DateField(_("datum"))
    aantal = models.PositiveIntegerField(_("bezet (personen)"))
    amv_aantal = models.PositiveIntegerField(_("waarvan AMV"), null=True, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    objects = BezettingQuerySet.as_manager()

    class Meta:
        verbose_name = _("bezetting")
        verbose_name_plural = _("bezettingen")
        ordering = ["-datum", "locatie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["locatie", "doelgroep", "datum"],
                name="opvang_bezetting_uniek_per_datum",
                violation_error_message=_(
                    "Voor deze locatie en doelgroep is op deze datum al een bezetting vastgelegd."
                ),
            ),
            models.CheckConstraint(
                condition=Q(amv_aantal__isnull=True) | Q(amv_aantal__lte=F("aantal")),
                name="opvang_bezetting_amv_binnen_aantal",
            ),
        ]

    def __str__(self):
        return _("Bezetting %(locatie)s · %(doelgroep)s op %(datum)s") % {
            "locatie": self.locatie if self.locatie_id else "?",
            "doelgroep": self.doelgroep if self.doelgroep_id else "?",
            "datum": datum(self.datum) or "?",
        }

    def get_absolute_url(self):
        return reverse("opvang:bezetting_detail", args=[self.pk])

    def clean(self):
        if not (self.locatie_id and self.doelgroep_id and self.datum) or self.aantal is None:
            return
        fouten = controleer_bezetting(
            aantal=self.aantal,
            amv_aantal=self.amv_aantal,
            capaciteit=Capaciteitsstand.objects.capaciteit_voor(self.locatie_id, self.doelgroep_id, self.datum),
        )
        if not self.locatie.doelgroepen.filter(pk=self.doelgroep_id).exists():
            fouten.setdefault("doelgroep", _("Deze locatie vangt deze doelgroep niet op."))
        if fouten:
            raise ValidationError(fouten)


class OekraineMaandcijfer(VersieModel):
    """Monthly aggregates of leefgeld and eigen bijdrage (ISD Bollenstreek); never individuals."""

    maand = models.DateField(
        _("maand"),
        unique=True,
        help_text=_("Eerste dag van de maand."),
        error_messages={"unique": _("Voor deze maand zijn al cijfers vastgelegd.")},
    )
    leefgeld_ontvangers = models.PositiveIntegerField(_("ontvangers leefgeld"), null=True, blank=True)
    leefgeld_bedrag = models.DecimalField(
        _("leefgeld uitgekeerd (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    eigen_bijdrage_betalers = models.PositiveIntegerField(_("betalers eigen bijdrage"), null=True, blank=True)
    eigen_bijdrage_bedrag = models.DecimalField(
        _("eigen bijdrage geïnd (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    bron = models.CharField(_("bron"), max_length=200, blank=True, default="ISD Bollenstreek")
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("maandcijfer Oekraïne")
        verbose_name_plural = _("maandcijfers Oekraïne")
        ordering = ["-maand"]
        constraints = [
            models.CheckConstraint(
                condition=Q(leefgeld_bedrag__isnull=True) | Q(leefgeld_bedrag__gte=0),
                name="opvang_maandcijfer_leefgeld_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(eigen_bijdrage_bedrag__isnull=True) | Q(eigen_bijdrage_bedrag__gte=0),
                name="opvang_maandcijfer_bijdrage_niet_negatief",
            ),
        ]

    def __str__(self):
        return _("Maandcijfers Oekraïne %(maand)s") % {"maand": self.maand.strftime("%m-%Y") if self.maand else "?"}

    def get_absolute_url(self):
        return reverse("opvang:oekrainemaandcijfer_detail", args=[self.pk])

    def clean(self):
        fouten = controleer_maandcijfer(
            self.maand, self.leefgeld_bedrag, self.eigen_bijdrage_betalers, self.eigen_bijdrage_bedrag
        )
        if fouten:
            raise ValidationError(fouten)
