import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from .models import Beleidsdatum, Bezetting, Capaciteitsstand, Mijlpaal, OekraineMaandcijfer, Opgave, Opvanglocatie

JA_NEE = (_("ja"), _("nee"))
ONBEKEND = _("onbekend")


class GetalKolom(tables.Column):
    """Numeric column; empty shows as 'onbekend' (never as 0) in the table and the export."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", ONBEKEND)
        kwargs.setdefault("attrs", {"td": {"class": "nw-num"}, "th": {"class": "nw-num"}})
        super().__init__(*args, **kwargs)

    empty_values = ()  # None reaches render()/value(), so the export says "onbekend" too

    def render(self, value):
        return self.default if value is None else value

    def value(self, value):
        return str(self.default) if value is None else value


class OpgaveTable(BaseTable):
    doelgroep = tables.Column(linkify=lambda record: record.get_absolute_url())
    geldig_vanaf = DatumKolom()
    plaatsen = GetalKolom()
    amv_plaatsen = GetalKolom(default="—")
    cyclus_einde = DatumKolom(default="—")

    class Meta(BaseTable.Meta):
        model = Opgave
        fields = ("doelgroep", "geldig_vanaf", "plaatsen", "amv_plaatsen", "bron", "cyclus_einde")


class BeleidsdatumTable(BaseTable):
    naam = tables.Column(linkify=True)
    datum = DatumKolom()
    geldig_vanaf = DatumKolom(default=ONBEKEND)
    doelgroep = tables.Column(default="—")

    class Meta(BaseTable.Meta):
        model = Beleidsdatum
        fields = ("naam", "datum", "geldig_vanaf", "doelgroep", "bron")


class OpvanglocatieTable(BaseTable):
    naam = tables.Column(linkify=True)
    doelgroepen = tables.ManyToManyColumn(verbose_name=_("Doelgroepen"), separator=", ", orderable=False)
    fase = tables.Column(default=ONBEKEND)
    gemeentegrond = tables.BooleanColumn(yesno=JA_NEE, default=ONBEKEND, null=True)
    startdatum = DatumKolom(default=ONBEKEND)
    einddatum = DatumKolom(default="—")
    geplande_plaatsen = GetalKolom()

    class Meta(BaseTable.Meta):
        model = Opvanglocatie
        fields = (
            "naam",
            "type",
            "doelgroepen",
            "fase",
            "adres",
            "gemeentegrond",
            "startdatum",
            "einddatum",
            "termijn_jaren",
            "geplande_plaatsen",
        )


class MijlpaalTable(BaseTable):
    locatie = tables.Column(linkify=lambda record: record.get_absolute_url())
    datum = DatumKolom(default=ONBEKEND)
    gepland = tables.BooleanColumn(yesno=JA_NEE)

    class Meta(BaseTable.Meta):
        model = Mijlpaal
        fields = ("locatie", "fase", "datum", "gepland", "besluit_referentie")


class CapaciteitsstandTable(BaseTable):
    locatie = tables.Column(linkify=lambda record: record.get_absolute_url())
    ingangsdatum = DatumKolom()
    plaatsen = GetalKolom()
    amv_plaatsen = GetalKolom(default="—")
    niet_inzetbaar_calamiteiten = GetalKolom()
    niet_inzetbaar_indelingsverlies = GetalKolom()
    niet_inzetbaar_overig = GetalKolom()
    gereserveerd = GetalKolom()
    gereserveerd_voor = tables.Column(default="—")

    class Meta(BaseTable.Meta):
        model = Capaciteitsstand
        fields = (
            "locatie",
            "doelgroep",
            "ingangsdatum",
            "plaatsen",
            "amv_plaatsen",
            "niet_inzetbaar_calamiteiten",
            "niet_inzetbaar_indelingsverlies",
            "niet_inzetbaar_overig",
            "gereserveerd",
            "gereserveerd_voor",
        )


class BezettingTable(BaseTable):
    datum = DatumKolom(linkify=lambda record: record.get_absolute_url())
    locatie = tables.Column(linkify=lambda record: record.locatie.get_absolute_url())
    aantal = GetalKolom()
    amv_aantal = GetalKolom(default="—")

    class Meta(BaseTable.Meta):
        model = Bezetting
        fields = ("datum", "locatie", "doelgroep", "aantal", "amv_aantal", "toelichting")


class OekraineMaandcijferTable(BaseTable):
    maand = DatumKolom(format="m-Y", linkify=lambda record: record.get_absolute_url())
    leefgeld_ontvangers = GetalKolom()
    leefgeld_bedrag = GetalKolom()
    eigen_bijdrage_betalers = GetalKolom()
    eigen_bijdrage_bedrag = GetalKolom()

    class Meta(BaseTable.Meta):
        model = OekraineMaandcijfer
        fields = (
            "maand",
            "leefgeld_ontvangers",
            "leefgeld_bedrag",
            "eigen_bijdrage_betalers",
            "eigen_bijdrage_bedrag",
            "bron",
        )
