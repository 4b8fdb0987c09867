import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from .models import Actie, Indicator, Meting, Programmalijn, Voortgangsnotitie


class ProgrammalijnTable(BaseTable):
    naam = tables.Column(linkify=True)
    aantal_acties = tables.Column(verbose_name=_("Acties"), attrs={"td": {"class": "nw-num"}})
    aantal_indicatoren = tables.Column(verbose_name=_("Indicatoren"), attrs={"td": {"class": "nw-num"}})

    class Meta(BaseTable.Meta):
        model = Programmalijn
        fields = ("nummer", "naam", "trekker", "aantal_acties", "aantal_indicatoren")


class ActieTable(BaseTable):
    tekst = tables.Column(linkify=True, verbose_name=_("Actie"))
    programmalijn = tables.Column(accessor="programmalijn__nummer", verbose_name=_("Lijn"))
    doelgroepen = tables.ManyToManyColumn(verbose_name=_("Doelgroepen"))
    gepland_eind = DatumKolom()
    werkelijk_eind = DatumKolom()

    class Meta(BaseTable.Meta):
        model = Actie
        fields = (
            "code",
            "programmalijn",
            "subthema",
            "tekst",
            "doelgroepen",
            "trekker",
            "status",
            "gepland_eind",
            "werkelijk_eind",
        )


class VoortgangsnotitieTable(BaseTable):
    datum = DatumKolom(linkify=True)
    actie = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Voortgangsnotitie
        fields = ("datum", "actie", "tekst")


class IndicatorTable(BaseTable):
    tekst = tables.Column(linkify=True, verbose_name=_("Indicator"))
    programmalijn = tables.Column(accessor="programmalijn__nummer", verbose_name=_("Lijn"))
    berekening = tables.Column(verbose_name=_("Berekening"), default="—")

    class Meta(BaseTable.Meta):
        model = Indicator
        fields = ("code", "programmalijn", "tekst", "type", "richting", "streefwaarde", "eenheid", "berekening")


class MetingTable(BaseTable):
    datum = DatumKolom(linkify=True)
    indicator = tables.Column(linkify=True)
    waarde = tables.Column(accessor="weergave", verbose_name=_("Waarde"), orderable=False)

    class Meta(BaseTable.Meta):
        model = Meting
        fields = ("datum", "indicator", "waarde", "bron", "toelichting")
