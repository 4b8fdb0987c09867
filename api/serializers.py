"""What the API shows: figures computed by the apps' own rules (their result dataclasses, serialised by
djangorestframework-dataclasses) and reference data and dated series (model serializers with explicit
fields). Only aggregates and reference data: never a field about one newcomer (``tests/test_privacy.py``
walks every field of the schema)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework_dataclasses.serializers import DataclassSerializer

from internationale_werknemers.queries import IwKerncijfers
from opvang.models import Bezetting, Capaciteitsstand, Opgave, Opvanglocatie
from opvang.rules import DoelgroepOverzicht, SpreidingswetPijplijn
from programma.models import Actie, Indicator, Meting
from taakstelling.models import CoaStand, RegioCijfer
from taakstelling.rules import PeriodeResultaat
from themasessies.models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie


class PeriodeSerializer(DataclassSerializer):
    class Meta:
        dataclass = PeriodeResultaat


class PlaatsingenSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_label = serializers.CharField()
    huishoudens = serializers.IntegerField()
    personen = serializers.IntegerField()


class CoaStandSerializer(serializers.ModelSerializer):
    periode = serializers.SlugRelatedField(slug_field="label", read_only=True)

    class Meta:
        model = CoaStand
        fields = ("id", "periode", "maand", "realisatie_cumulatief")


class RegioCijferSerializer(serializers.ModelSerializer):
    cbs_code = serializers.CharField(source="gemeente.cbs_code")
    gemeente = serializers.CharField(source="gemeente.naam")
    periode = serializers.SlugRelatedField(slug_field="label", read_only=True)

    class Meta:
        model = RegioCijfer
        fields = ("id", "cbs_code", "gemeente", "periode", "netto_taakstelling", "realisatie", "saldo_eind")


class OpvangOverzichtSerializer(DataclassSerializer):
    class Meta:
        dataclass = DoelgroepOverzicht


class SpreidingswetSerializer(DataclassSerializer):
    class Meta:
        dataclass = SpreidingswetPijplijn


class OpgaveSerializer(serializers.ModelSerializer):
    doelgroep = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Opgave
        fields = ("id", "doelgroep", "geldig_vanaf", "plaatsen", "amv_plaatsen", "bron", "cyclus_einde")


class OpvanglocatieSerializer(serializers.ModelSerializer):
    doelgroepen = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Opvanglocatie
        fields = (
            "id",
            "naam",
            "type",
            "doelgroepen",
            "fase",
            "startdatum",
            "einddatum",
            "termijn_jaren",
            "geplande_plaatsen",
            "geplande_amv_plaatsen",
        )


class CapaciteitSerializer(serializers.ModelSerializer):
    doelgroep = serializers.SlugRelatedField(slug_field="code", read_only=True)
    gereserveerd_voor = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Capaciteitsstand
        fields = (
            "id",
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


class BezettingSerializer(serializers.ModelSerializer):
    doelgroep = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Bezetting
        fields = ("id", "locatie", "doelgroep", "datum", "aantal", "amv_aantal")


class IwKerncijfersSerializer(DataclassSerializer):
    class Meta:
        dataclass = IwKerncijfers
        exclude = ("pilots",)  # per pilot its address: the totals below are what the API gives


class ActieSerializer(serializers.ModelSerializer):
    programmalijn = serializers.IntegerField(source="programmalijn.nummer")
    doelgroepen = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Actie
        fields = (
            "id",
            "code",
            "programmalijn",
            "tekst",
            "trekker",
            "doelgroepen",
            "status",
            "reden_niet_uitvoeren",
            "gepland_start",
            "gepland_eind",
            "werkelijk_start",
            "werkelijk_eind",
        )


class MetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meting
        fields = ("datum", "waarde_getal", "waarde_ja_nee", "waarde_tekst", "bron")


class IndicatorSerializer(serializers.ModelSerializer):
    programmalijn = serializers.IntegerField(source="programmalijn.nummer")
    metingen = MetingSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = (
            "id",
            "code",
            "programmalijn",
            "tekst",
            "type",
            "richting",
            "streefwaarde",
            "eenheid",
            "berekening",
            "metingen",
        )


class BerekendeIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("De code van de berekening (berekening van de indicator)."))
    omschrijving = serializers.CharField()
    indicatoren = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("De indicatoren (id) met deze berekening.")
    )
    waarde = serializers.JSONField(
        allow_null=True, help_text=_("Ja/nee, getal of tekst; leeg als er op de peildatum geen gegevens zijn.")
    )
    toelichting = serializers.CharField(allow_null=True)


class SessieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sessie
        fields = ("id", "titel", "datum", "plaats", "themas", "uitgenodigd", "aanwezig", "samenvatting")


class BevindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Bevinding
        fields = ("id", "sessie", "invalshoek", "perspectief", "knelpunten", "uitdagingen", "oplossingen")


class ThemaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Thema
        fields = (
            "id",
            "titel",
            "toelichting",
            "voorgesteld_door_partner",
            "voorgesteld_op",
            "prioriteit",
            "stemmen",
            "status",
            "uit_bestuursopdracht",
        )


class PartnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ("id", "naam", "categorie", "omschrijving", "uit_bestuursopdracht", "actief")


class ContactpersoonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contactpersoon
        fields = ("id", "partner", "naam", "rol", "email")


class VervolgactieSerializer(serializers.ModelSerializer):
    programmalijn = serializers.IntegerField(source="programmalijn.nummer", allow_null=True)

    class Meta:
        model = Vervolgactie
        fields = (
            "id",
            "sessie",
            "omschrijving",
            "eigenaar",
            "deadline",
            "status",
            "afgerond_op",
            "actie",
            "programmalijn",
        )
