"""Integral approach with partners (chapter 3 of the Bestuursopdracht): partners, theme inventory,
theme sessions with findings per angle and perspective, and follow-up actions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import getallen
from noordwijk_migratie.models import VersieModel


class PartnerCategorie(models.TextChoices):
    RIJK = "rijk", _("Rijk")
    PROVINCIE = "provincie", _("Provincie")
    REGIO = "regio", _("Regionale samenwerking")
    UITVOERING = "uitvoering", _("Uitvoeringsorganisatie")
    MAATSCHAPPELIJK = "maatschappelijk", _("Maatschappelijke organisatie")
    CORPORATIE = "corporatie", _("Woningcorporatie")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    ONDERWIJS = "onderwijs", _("Onderwijs en leerrecht")
    OVERIG = "overig", _("Overig")


class Partner(VersieModel):
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    categorie = models.CharField(_("categorie"), max_length=20, choices=PartnerCategorie.choices)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    uit_bestuursopdracht = models.BooleanField(
        _("genoemd in de bestuursopdracht"),
        default=False,
        help_text=_("Partners uit de bestuursopdracht tellen mee voor de indicator 'Goed contact met partners'."),
    )
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("themasessies:partner_detail", args=[self.pk])


class Contactpersoon(VersieModel):
    """A professional at a partner organisation (name and work e-mail are allowed)."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contactpersonen", verbose_name=_("partner")
    )
    naam = models.CharField(_("naam"), max_length=200)
    rol = models.CharField(_("rol of functie"), max_length=200, blank=True)
    email = models.EmailField(_("werk-e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["partner__naam", "naam"]

    def __str__(self):
        return f"{self.naam} ({self.partner})" if self.partner_id else self.naam

    def get_absolute_url(self):
        return reverse("themasessies:contactpersoon_detail", args=[self.pk])


class ThemaStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("Voorgesteld")
    GEKOZEN = "gekozen", _("Gekozen")
    GEPARKEERD = "geparkeerd", _("Geparkeerd")


class Prioriteit(models.TextChoices):
    HOOG = "hoog", _("Hoog")
    MIDDEL = "middel", _("Middel")
    LAAG = "laag", _("Laag")


class Thema(VersieModel):
    """A theme in the inventory before a session (proposed by a partner or by the team)."""

    titel = models.CharField(_("thema"), max_length=300, unique=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    voorgesteld_door_partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorgestelde_themas",
        verbose_name=_("voorgesteld door partner"),
        help_text=_("Leeg laten als het opgaveteam het voorstelde."),
    )
    voorgesteld_op = models.DateField(_("voorgesteld op"), null=True, blank=True)
    prioriteit = models.CharField(_("prioriteit"), max_length=10, choices=Prioriteit.choices, blank=True)
    stemmen = models.PositiveIntegerField(_("stemmen"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=ThemaStatus.choices, default=ThemaStatus.VOORGESTELD)
    uit_bestuursopdracht = models.BooleanField(_("genoemd in de bestuursopdracht"), default=False, editable=False)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["status", "-stemmen", "titel"]

    def __str__(self):
        return Truncator(self.titel).chars(90)

    def get_absolute_url(self):
        return reverse("themasessies:thema_detail", args=[self.pk])

    @property
    def voorgesteld_door(self):
        return self.voorgesteld_door_partner or _("Opgaveteam asiel en migratie")


class Sessie(VersieModel):
    keuzelijst_nieuwste = 200  # forms offer the newest 200 (noordwijk_migratie.forms.begrens_lange_keuzelijsten)

    titel = models.CharField(_("titel"), max_length=200)
    datum = models.DateField(_("datum"))
    plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    themas = models.ManyToManyField(Thema, blank=True, related_name="sessies", verbose_name=_("gekozen thema's"))
    uitgenodigd = models.ManyToManyField(
        Partner, blank=True, related_name="uitnodigingen", verbose_name=_("uitgenodigde partners")
    )
    aanwezig = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="aanwezigheden",
        verbose_name=_("aanwezige partners"),
        help_text=_("Alleen uitgenodigde partners; voeg een partner die onverwacht kwam ook toe aan de uitgenodigden."),
    )
    samenvatting = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        verbose_name = _("themasessie")
        verbose_name_plural = _("themasessies")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.titel} ({getallen.datum(self.datum)})"

    def get_absolute_url(self):
        return reverse("themasessies:sessie_detail", args=[self.pk])


@receiver(m2m_changed, sender=Sessie.aanwezig.through)
def _alleen_uitgenodigden_aanwezig(sender, instance, action, reverse, pk_set, **kwargs):
    """Invariant for every path (forms, imports, shell): attendance only of invited partners."""
    if action != "pre_add" or reverse or not pk_set:
        return
    uitgenodigd = set(instance.uitgenodigd.values_list("pk", flat=True))
    niet = pk_set - uitgenodigd
    if niet:
        namen = ", ".join(Partner.objects.filter(pk__in=niet).values_list("naam", flat=True))
        raise ValidationError(
            _("Niet uitgenodigd en dus niet als aanwezig te registreren: %(namen)s.") % {"namen": namen}
        )


class Invalshoek(models.TextChoices):
    WONEN = "wonen", _("Wonen")
    WERKEN = "werken", _("Werken")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    ZORG = "zorg", _("Zorg")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    SOCIALE_COHESIE = "sociale_cohesie", _("Sociale cohesie")


class Perspectief(models.TextChoices):
    DOELGROEP = "doelgroep", _("Doelgroep zelf")
    INWONERS = "inwoners", _("Inwoners")
    VOORZIENINGEN = "voorzieningen", _("Sociale voorzieningen")


class Bevinding(VersieModel):
    """What a session found for one angle × perspective: bottlenecks, challenges, solutions."""

    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="bevindingen", verbose_name=_("sessie"))
    invalshoek = models.CharField(_("invalshoek"), max_length=20, choices=Invalshoek.choices)
    perspectief = models.CharField(_("perspectief"), max_length=20, choices=Perspectief.choices)
    knelpunten = models.TextField(_("huidige knelpunten"), blank=True)
    uitdagingen = models.TextField(_("verwachte uitdagingen"), blank=True)
    oplossingen = models.TextField(_("mogelijke oplossingsrichtingen"), blank=True)

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        ordering = ["sessie", "invalshoek", "perspectief"]
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "invalshoek", "perspectief"],
                name="bevinding_uniek_per_sessie_hoek_perspectief",
                violation_error_message=_(
                    "Voor deze sessie bestaat al een bevinding met deze invalshoek en dit perspectief; vul die aan."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(knelpunten="", uitdagingen="", oplossingen=""), name="bevinding_niet_leeg"
            ),
        ]

    def __str__(self):
        return f"{self.get_invalshoek_display()} · {self.get_perspectief_display()}"

    def get_absolute_url(self):
        return reverse("themasessies:bevinding_detail", args=[self.pk])

    def clean(self):
        if not any((tekst or "").strip() for tekst in (self.knelpunten, self.uitdagingen, self.oplossingen)):
            raise ValidationError(_("Vul ten minste een knelpunt, een verwachte uitdaging of een oplossing in."))


class VervolgStatus(models.TextChoices):
    OPEN = "open", _("Open")
    LOOPT = "loopt", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")


class Vervolgactie(VersieModel):
    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="vervolgacties", verbose_name=_("sessie"))
    omschrijving = models.TextField(_("omschrijving"))
    eigenaar = models.CharField(
        _("eigenaar"), max_length=200, help_text=_("Wie zorgt dat het gebeurt (rol, team of persoon).")
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=VervolgStatus.choices, default=VervolgStatus.OPEN)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    actie = models.ForeignKey(
        "programma.Actie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervolgacties",
        verbose_name=_("programma-actie"),
        help_text=_("Optioneel: de actie uit het programma waar dit bij hoort."),
    )
    programmalijn = models.ForeignKey(
        "programma.Programmalijn",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vervolgacties",
        verbose_name=_("programmalijn"),
        help_text=_("Wordt overgenomen van de programma-actie; zonder actie kunt u hem zelf kiezen."),
    )

    class Meta:
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="afgerond", afgerond_op__isnull=False)
                | (~Q(status="afgerond") & Q(afgerond_op__isnull=True)),
                name="vervolgactie_afgerond_op_bij_afgerond",
            ),
        ]

    def __str__(self):
        return Truncator(self.omschrijving).chars(80)

    def get_absolute_url(self):
        return reverse("themasessies:vervolgactie_detail", args=[self.pk])

    def clean(self):
        fouten = {}
        if self.sessie_id and self.deadline and self.deadline < self.sessie.datum:
            fouten["deadline"] = _("De deadline (%(deadline)s) ligt vóór de sessiedatum (%(sessie)s).") % {
                "deadline": getallen.datum(self.deadline),
                "sessie": getallen.datum(self.sessie.datum),
            }
        if self.status == VervolgStatus.AFGEROND and not self.afgerond_op:
            fouten["afgerond_op"] = _("Vul in wanneer de vervolgactie is afgerond.")
        if self.status != VervolgStatus.AFGEROND and self.afgerond_op:
            fouten["afgerond_op"] = _("Een datum 'afgerond op' hoort alleen bij de status afgerond.")
        if self.afgerond_op and self.sessie_id and self.afgerond_op < self.sessie.datum:
            fouten["afgerond_op"] = _("De vervolgactie kan niet vóór de sessie zijn afgerond.")
        if self.actie_id:
            if self.programmalijn_id and self.programmalijn_id != self.actie.programmalijn_id:
                fouten["programmalijn"] = _("De programma-actie hoort bij programmalijn %(nummer)s.") % {
                    "nummer": self.actie.programmalijn.nummer
                }
            else:
                self.programmalijn_id = self.actie.programmalijn_id
        if fouten:
            raise ValidationError(fouten)
