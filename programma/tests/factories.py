import datetime

import factory

from programma.models import Actie, Indicator, Meting, Programmalijn, Subthema, Trekker, Voortgangsnotitie
from tests.factories import registreer


@registreer
class ProgrammalijnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programmalijn
        django_get_or_create = ("nummer",)

    nummer = factory.Sequence(lambda n: 100 + n)
    naam = factory.Sequence(lambda n: f"Programmalijn {n}")
    trekker = Trekker.OPGAVETEAM


class SubthemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subthema

    programmalijn = factory.SubFactory(ProgrammalijnFactory)
    naam = factory.Sequence(lambda n: f"Subthema {n}")


@registreer
class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    programmalijn = factory.SubFactory(ProgrammalijnFactory)
    tekst = factory.Sequence(lambda n: f"Testactie {n}")
    trekker = Trekker.OPGAVETEAM


@registreer
class VoortgangsnotitieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voortgangsnotitie

    actie = factory.SubFactory(ActieFactory)
    datum = datetime.date(2025, 9, 1)
    tekst = "Overleg gevoerd."


@registreer
class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    programmalijn = factory.SubFactory(ProgrammalijnFactory)
    tekst = factory.Sequence(lambda n: f"Testindicator {n}")
    type = "aantal"


@registreer
class MetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meting

    indicator = factory.SubFactory(IndicatorFactory)
    datum = datetime.date(2025, 12, 31)
    waarde_getal = 5
    bron = "Eigen registratie"
