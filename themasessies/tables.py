import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.tables import BaseTable, DatumKolom

from .models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie

JA_NEE = (_("ja"), _("nee"))


class PartnerTable(BaseTable):
    naam = tables.Column(linkify=True)
    uit_bestuursopdracht = tables.BooleanColumn(yesno=JA_NEE)
    actief = tables.BooleanColumn(yesno=JA_NEE)
    aantal_aanwezig = tables.Column(
        verbose_name=_("Sessies bijgewoond"), accessor="n_aanwezig", attrs={"td": {"class": "nw-num"}}
    )

    class Meta(BaseTable.Meta):
        model = Partner
        fields = ("naam", "categorie", "uit_bestuursopdracht", "actief", "aantal_aanwezig")


class ContactpersoonTable(BaseTable):
    naam = tables.Column(linkify=True)
    partner = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Contactpersoon
        fields = ("naam", "partner", "rol", "email")


class ThemaTable(BaseTable):
    titel = tables.Column(linkify=True)
    voorgesteld_door_partner = tables.Column(verbose_name=_("Voorgesteld door"), default=_("Opgaveteam"))
    voorgesteld_op = DatumKolom()

    class Meta(BaseTable.Meta):
        model = Thema
        fields = ("titel", "voorgesteld_door_partner", "voorgesteld_op", "prioriteit", "stemmen", "status")


class SessieTable(BaseTable):
    datum = DatumKolom()
    titel = tables.Column(linkify=True)
    themas = tables.ManyToManyColumn(verbose_name=_("Thema's"))
    aantal_uitgenodigd = tables.Column(verbose_name=_("Uitgenodigd"), attrs={"td": {"class": "nw-num"}})
    aantal_aanwezig = tables.Column(verbose_name=_("Aanwezig"), attrs={"td": {"class": "nw-num"}})

    class Meta(BaseTable.Meta):
        model = Sessie
        fields = ("datum", "titel", "plaats", "themas", "aantal_uitgenodigd", "aantal_aanwezig")


class BevindingTable(BaseTable):
    invalshoek = tables.Column(linkify=True)
    sessie = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = Bevinding
        fields = ("sessie", "invalshoek", "perspectief", "knelpunten", "uitdagingen", "oplossingen")


class VervolgactieTable(BaseTable):
    omschrijving = tables.Column(linkify=True)
    sessie = tables.Column(linkify=True)
    deadline = DatumKolom()
    afgerond_op = DatumKolom()
    actie = tables.Column(verbose_name=_("Programma-actie"), accessor="actie__code", default="—")
    programmalijn = tables.Column(accessor="programmalijn__nummer", verbose_name=_("Lijn"), default="—")

    class Meta(BaseTable.Meta):
        model = Vervolgactie
        fields = ("omschrijving", "sessie", "eigenaar", "deadline", "status", "afgerond_op", "actie", "programmalijn")
