"""Reference data shared by all apps, and the abstract base for tracked domain models."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
