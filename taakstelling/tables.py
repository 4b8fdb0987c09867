import django_tables2 as tables
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.getallen import procent
from noordwijk_migratie.tables import BaseTable, DatumKolom

from . import rules
from .models import (
    CoaStand,
    InburgeringCohort,
    Nareiziger,
    Periode,
    Plaatsing,
    RegioCijfer,
    TijdelijkeLocatie,
    Trede,
    TredeHistorie,
)


class PeriodeTable(BaseTable):
    label = tables.Column(linkify=True)
    begindatum = DatumKolom()
    einddatum = DatumKolom()
    realisatie_officieel = tables.Column(verbose_name=_("officiële realisatie"), default="—")
    saldo_begin_officieel = tables.Column(verbose_name=_("officieel beginsaldo"), default="—")

    class Meta(BaseTable.Meta):
        model = Periode
        fields = (
            "label",
            "begindatum",
            "einddatum",
            "netto_taakstelling",
            "saldo_begin_officieel",
            "realisatie_officieel",
            "bron",
        )


class PlaatsingTable(BaseTable):
    koppeldatum = DatumKolom(linkify=True)
    aantal_personen = tables.Column(verbose_name=_("personen"), attrs={"td": {"class": "nw-num"}})
    status = tables.Column()
    datum_gehuisvest = DatumKolom()
    aantal_nareizigers = tables.Column(verbose_name=_("nareizigers"), default=0, attrs={"td": {"class": "nw-num"}})
    periode = tables.Column(verbose_name=_("telt in periode"), empty_values=(), orderable=False)
    signaal = tables.Column(verbose_name=_("termijnsignaal"), empty_values=(), orderable=False)
    coa_referentie = tables.Column(exclude_from_export=True)

    class Meta(BaseTable.Meta):
        model = Plaatsing
        fields = (
            "koppeldatum",
            "samenstelling",
            "volgnummer",
            "aantal_personen",
            "aantal_nareizigers",
            "woonvorm",
            "corporatie",
            "status",
            "datum_gehuisvest",
            "periode",
            "signaal",
            "coa_referentie",
        )

    def __init__(self, *args, perioden=(), peildatum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._perioden = perioden
        self.peildatum = peildatum or timezone.localdate()

    @cached_property
    def perioden(self):
        return list(self._perioden)

    def render_periode(self, record):
        periode = rules.periode_van(rules.telmoment(record.datum_gehuisvest, bool(record.beeindiging)), self.perioden)
        return periode.label if periode else "—"

    def value_periode(self, record):
        return self.render_periode(record)

    def render_signaal(self, record):
        beeindigd = bool(record.beeindiging)
        meldingen = []
        if rules.koppeling_over_termijn(
            record.koppeldatum, record.datum_woning_aangeboden, record.datum_gehuisvest, beeindigd, self.peildatum
        ):
            meldingen.append(str(_("geen woning binnen 10 weken")))
        if rules.verhuizing_over_termijn(
            record.datum_huurovereenkomst, record.datum_gehuisvest, beeindigd, self.peildatum
        ):
            meldingen.append(str(_("niet verhuisd binnen 2 weken")))
        return "; ".join(meldingen) or "—"

    def value_signaal(self, record):
        return self.render_signaal(record)


class NareizigerTable(BaseTable):
    datum = DatumKolom(linkify=True)
    plaatsing = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Nareiziger
        fields = ("datum", "aantal", "plaatsing")


class CoaStandTable(BaseTable):
    maand = DatumKolom(format="m-Y", linkify=True)
    periode = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = CoaStand
        fields = ("periode", "maand", "realisatie_cumulatief", "toelichting")


class TredeTable(BaseTable):
    nummer = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Trede
        fields = ("nummer", "naam", "omschrijving")


class TredeHistorieTable(BaseTable):
    datum_vanaf = DatumKolom(linkify=True)
    trede = tables.Column()

    class Meta(BaseTable.Meta):
        model = TredeHistorie
        fields = ("datum_vanaf", "trede", "bron", "notities")


class RegioCijferTable(BaseTable):
    gemeente = tables.Column(linkify=True, accessor="gemeente__naam", order_by="gemeente__naam")
    cbs_code = tables.Column(accessor="gemeente__cbs_code", verbose_name=_("CBS-code"))
    periode = tables.Column(accessor="periode__label", order_by="periode__begindatum")

    class Meta(BaseTable.Meta):
        model = RegioCijfer
        fields = (
            "gemeente",
            "cbs_code",
            "periode",
            "netto_taakstelling",
            "realisatie",
            "saldo_eind",
            "inwoners",
            "bron",
        )


class InburgeringCohortTable(BaseTable):
    cohort = tables.Column(linkify=True)
    succesratio = tables.Column(verbose_name=_("succesratio"), empty_values=(), orderable=False)

    class Meta(BaseTable.Meta):
        model = InburgeringCohort
        fields = (*rules.COHORT_AANTALLEN, "succesratio")

    def render_succesratio(self, record):
        ratio = rules.succesratio(record.voldaan_binnen_termijn, record.inburgeringsplichtig)
        return "—" if ratio is None else procent(ratio)


class TijdelijkeLocatieTable(BaseTable):
    naam = tables.Column(linkify=True)
    maximum_statushouders = tables.Column(default="—")
    gehuisvest = tables.Column(verbose_name=_("gehuisveste statushouders"), default=0)

    class Meta(BaseTable.Meta):
        model = TijdelijkeLocatie
        fields = ("naam", "maximum_statushouders", "gehuisvest", "termijn")
