import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from . import models, rules

JA_NEE = (_("ja"), _("nee"))


class OnbekendColumn(tables.Column):
    """Empty numbers are shown as 'onbekend', never as 0."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", _("onbekend"))
        kwargs.setdefault("attrs", {"td": {"class": "utrecht-table__cell--numeric-data"}})
        super().__init__(*args, **kwargs)


class BeleidsplanTable(BaseTable):
    naam = tables.Column(linkify=True)
    raadsbesluit_verwacht = DatumKolom()
    raadsbesluit_datum = DatumKolom()
    doel_bedden = OnbekendColumn()

    class Meta(BaseTable.Meta):
        model = models.Beleidsplan
        fields = ("naam", "status", "raadsbesluit_verwacht", "raadsbesluit_datum", "doel_bedden", "max_termijn_jaren")


class ActielijnTable(BaseTable):
    nummer = tables.Column(linkify=True)
    naam = tables.Column(linkify=True)
    te_benoemen = tables.BooleanColumn(yesno=JA_NEE)

    class Meta(BaseTable.Meta):
        model = models.Actielijn
        fields = ("nummer", "naam", "te_benoemen", "beleidsplan")


class BudgetpostTable(BaseTable):
    naam = tables.Column(linkify=True)
    bedrag_per_jaar = OnbekendColumn()
    maximum_totaal = OnbekendColumn()
    aandeel_noordwijk = OnbekendColumn()

    class Meta(BaseTable.Meta):
        model = models.Budgetpost
        fields = ("naam", "soort", "status", "bedrag_per_jaar", "maximum_totaal", "aandeel_noordwijk", "beleidsplan")


class BudgetjaarTable(BaseTable):
    post = tables.Column(linkify=False)
    jaar = tables.Column(linkify=True)
    begroot = OnbekendColumn()
    toegezegd = OnbekendColumn()
    besteed = OnbekendColumn()

    class Meta(BaseTable.Meta):
        model = models.Budgetjaar
        fields = ("post", "jaar", "begroot", "toegezegd", "besteed")


class ToetsingscriteriumTable(BaseTable):
    naam = tables.Column(linkify=True)
    actief = tables.BooleanColumn(yesno=JA_NEE)

    class Meta(BaseTable.Meta):
        model = models.Toetsingscriterium
        fields = ("volgorde", "naam", "code", "actief", "bron")


class HuisvestingsinitiatiefTable(BaseTable):
    naam = tables.Column(linkify=True)
    geplande_bedden = OnbekendColumn()
    termijn_jaren = OnbekendColumn()
    datum_aanvraag = DatumKolom()
    met_afwijking = tables.BooleanColumn(
        yesno=JA_NEE, accessor="afwijking_reden", verbose_name=_("met afwijking"), orderable=False
    )

    class Meta(BaseTable.Meta):
        model = models.Huisvestingsinitiatief
        fields = ("naam", "locatie", "initiatiefnemer", "geplande_bedden", "termijn_jaren", "status", "datum_aanvraag")

    def render_met_afwijking(self, value):
        return JA_NEE[0] if rules.heeft_afwijking(value) else JA_NEE[1]

    def value_met_afwijking(self, value):
        return str(self.render_met_afwijking(value))


class PilotlocatieTable(BaseTable):
    adres = tables.Column(linkify=True)
    initiatief = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Pilotlocatie
        fields = ("adres", "max_termijn_jaren", "initiatief", "beleidsplan")


class PilotstandTable(BaseTable):
    peildatum = DatumKolom(linkify=True)
    geplande_bedden = OnbekendColumn()
    gerealiseerde_bedden = OnbekendColumn()

    class Meta(BaseTable.Meta):
        model = models.Pilotstand
        fields = ("pilot", "peildatum", "geplande_bedden", "gerealiseerde_bedden")


class WoningTable(BaseTable):
    adres = tables.Column(linkify=True)
    bedden = OnbekendColumn()
    vergunning_geldig_tot = DatumKolom()
    onttrokken_op = DatumKolom()
    terug_in_voorraad_op = DatumKolom()

    class Meta(BaseTable.Meta):
        model = models.Woning
        fields = (
            "adres",
            "soort",
            "bedden",
            "vergunning",
            "vergunning_geldig_tot",
            "certificaat",
            "onttrokken_op",
            "terug_in_voorraad_op",
        )


class InspectieTable(BaseTable):
    datum = DatumKolom(linkify=True)
    woning = tables.Column(linkify=False)

    class Meta(BaseTable.Meta):
        model = models.Inspectie
        fields = ("datum", "woning", *models.Inspectie.PUNTEN, "resultaat")


class RegistratiestandTable(BaseTable):
    peildatum = DatumKolom(linkify=True)
    rni = OnbekendColumn()
    brp = OnbekendColumn()
    totaal = OnbekendColumn(verbose_name=_("totaal"), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Registratiestand
        fields = ("peildatum", "rni", "brp", "totaal", "bron")


class InformatiebereikTable(BaseTable):
    kanaal = tables.Column(linkify=True)
    periode_start = DatumKolom()
    periode_eind = DatumKolom()
    bereik = tables.Column(attrs={"td": {"class": "utrecht-table__cell--numeric-data"}})

    class Meta(BaseTable.Meta):
        model = models.Informatiebereik
        fields = ("kanaal", "periode_start", "periode_eind", "bereik")
