import datetime

import factory

from taakstelling.models import (
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
from tests.factories import GemeenteFactory, registreer


@registreer
class PeriodeFactory(factory.django.DjangoModelFactory):
    """Far-future half years, so tests never collide with the baseline chain."""

    class Meta:
        model = Periode

    begindatum = factory.Sequence(lambda n: datetime.date(2200 + n // 2, 1 if n % 2 == 0 else 7, 1))
    einddatum = factory.LazyAttribute(
        lambda o: (
            datetime.date(o.begindatum.year, 6, 30)
            if o.begindatum.month == 1
            else datetime.date(o.begindatum.year, 12, 31)
        )
    )
    netto_taakstelling = 20


@registreer
class TijdelijkeLocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TijdelijkeLocatie

    naam = factory.Sequence(lambda n: f"Locatie {n}")
    maximum_statushouders = 10


@registreer
class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    koppeldatum = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 300))
    samenstelling = "alleenstaande"
    volgnummer = factory.Sequence(lambda n: n + 1)
    volwassenen = 1
    minderjarigen = 0


@registreer
class NareizigerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nareiziger

    plaatsing = factory.SubFactory(PlaatsingFactory)
    datum = datetime.date(2025, 3, 1)
    aantal = 2


@registreer
class CoaStandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoaStand

    periode = factory.SubFactory(PeriodeFactory)
    maand = factory.LazyAttribute(lambda o: o.periode.begindatum)
    realisatie_cumulatief = 3


@registreer
class TredeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trede
        django_get_or_create = ("nummer",)

    nummer = factory.Sequence(lambda n: 10 + n)
    naam = factory.Sequence(lambda n: f"Trede {n}")


@registreer
class TredeHistorieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TredeHistorie

    trede = factory.SubFactory(TredeFactory)
    datum_vanaf = factory.Sequence(lambda n: datetime.date(2030, 1, 1) + datetime.timedelta(days=n))


@registreer
class RegioCijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegioCijfer

    gemeente = factory.SubFactory(GemeenteFactory)
    periode = factory.SubFactory(PeriodeFactory)
    netto_taakstelling = 40
    realisatie = 30
    saldo_eind = -10
    inwoners = 40000


@registreer
class InburgeringCohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InburgeringCohort
        django_get_or_create = ("cohort",)

    cohort = factory.Sequence(lambda n: 2022 + n)
    inburgeringsplichtig = 20
    brede_intake = 18
    pip_op_tijd = 15
    leerroute_b1 = 10
    leerroute_onderwijs = 3
    leerroute_z = 4
    voldaan_binnen_termijn = 12
