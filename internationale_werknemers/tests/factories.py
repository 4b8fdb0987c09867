import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from internationale_werknemers import models
from tests.factories import registreer

VANDAAG = timezone.localdate


@registreer
class BeleidsplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Beleidsplan

    naam = factory.Sequence(lambda n: f"Testbeleidsplan {n}")


@registreer
class ActielijnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Actielijn

    beleidsplan = factory.SubFactory(BeleidsplanFactory)
    nummer = 1
    naam = factory.Sequence(lambda n: f"Actielijn test {n}")


@registreer
class BudgetpostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Budgetpost

    beleidsplan = factory.SubFactory(BeleidsplanFactory)
    naam = factory.Sequence(lambda n: f"Budgetpost {n}")
    soort = models.Budgetpost.Soort.STRUCTUREEL
    bedrag_per_jaar = Decimal("300000")


@registreer
class BudgetjaarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Budgetjaar

    post = factory.SubFactory(BudgetpostFactory)
    jaar = 2025
    begroot = Decimal("300000")
    toegezegd = Decimal("100000")
    besteed = Decimal("50000")


@registreer
class ToetsingscriteriumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Toetsingscriterium

    code = factory.Sequence(lambda n: f"criterium-{n}")
    naam = factory.Sequence(lambda n: f"Criterium {n}")


@registreer
class HuisvestingsinitiatiefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Huisvestingsinitiatief

    naam = factory.Sequence(lambda n: f"Initiatief {n}")
    locatie = factory.Sequence(lambda n: f"Bollenweg {n}")
    initiatiefnemer = "Testbedrijf B.V."
    geplande_bedden = 40
    termijn_jaren = 10


class BeoordelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Beoordeling

    initiatief = factory.SubFactory(HuisvestingsinitiatiefFactory)
    criterium = factory.SubFactory(ToetsingscriteriumFactory)
    oordeel = models.Beoordeling.Oordeel.VOLDAAN


@registreer
class PilotlocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Pilotlocatie

    beleidsplan = factory.SubFactory(BeleidsplanFactory)
    adres = factory.Sequence(lambda n: f"Pilotweg {n}")


@registreer
class PilotstandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Pilotstand

    pilot = factory.SubFactory(PilotlocatieFactory)
    peildatum = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    geplande_bedden = 100
    gerealiseerde_bedden = 20


@registreer
class WoningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Woning

    adres = factory.Sequence(lambda n: f"Kanaalstraat {n}")
    bedden = 8
    vergunning = models.Woning.Vergunning.VERHUURVERGUNNING


@registreer
class InspectieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Inspectie

    woning = factory.SubFactory(WoningFactory)
    datum = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    ruimte_per_persoon = "voldoet"
    slaapruimte = "voldoet"
    toiletten = "voldoet"
    douches = "voldoet"
    bedmaat = "voldoet"
    bewoning_conform_registratie = "voldoet"


@registreer
class RegistratiestandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Registratiestand

    peildatum = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    rni = 1000
    brp = 400


@registreer
class InformatiebereikFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Informatiebereik

    kanaal = models.Informatiebereik.Kanaal.APP
    periode_start = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    periode_eind = factory.LazyAttribute(lambda o: o.periode_start)
    bereik = 250
