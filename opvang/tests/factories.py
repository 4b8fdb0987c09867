import datetime

import factory

from noordwijk_migratie.models import Doelgroep
from opvang.models import (
    Beleidsdatum,
    Bezetting,
    Capaciteitsstand,
    Fase,
    LocatieType,
    Mijlpaal,
    OekraineMaandcijfer,
    Opgave,
    Opvanglocatie,
)
from tests.factories import registreer


def doelgroep(code="oekraine"):
    namen = {"oekraine": "Oekraïense ontheemden", "asielzoekers": "Asielzoekers", "statushouders": "Statushouders"}
    return Doelgroep.objects.get_or_create(code=code, defaults={"naam": namen.get(code, code)})[0]


@registreer
class OpgaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opgave

    doelgroep = factory.LazyFunction(doelgroep)
    geldig_vanaf = factory.Sequence(lambda n: datetime.date(2030, 1, 1) + datetime.timedelta(days=n))
    plaatsen = 100
    bron = "Testbron"


@registreer
class BeleidsdatumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beleidsdatum

    code = factory.Sequence(lambda n: f"datum-{n}")
    naam = factory.Sequence(lambda n: f"Beleidsdatum {n}")
    datum = datetime.date(2026, 3, 4)


@registreer
class OpvanglocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opvanglocatie
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Testlocatie {n}")
    type = LocatieType.GOO
    # not stored as given: the phase, start and end become milestones (the one source) and are derived from them
    fase = Fase.IN_GEBRUIK
    startdatum = datetime.date(2024, 1, 1)
    einddatum = None

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create:
            self.doelgroepen.set(extracted if extracted is not None else [doelgroep("oekraine")])

    @factory.post_generation
    def mijlpalen(self, create, extracted, **kwargs):
        if not create:
            return
        fase, start, eind = self.fase, self.startdatum, self.einddatum
        if fase in (Fase.IN_GEBRUIK, Fase.BEEINDIGD):
            Mijlpaal.objects.create(locatie=self, fase=Fase.IN_GEBRUIK, datum=start)
        if fase == Fase.BEEINDIGD or (fase == Fase.IN_GEBRUIK and eind):
            Mijlpaal.objects.create(locatie=self, fase=Fase.BEEINDIGD, datum=eind)
        elif fase is not None and fase not in (Fase.IN_GEBRUIK, Fase.BEEINDIGD):
            Mijlpaal.objects.create(locatie=self, fase=fase, datum=None)
        self.werk_fase_bij()


@registreer
class MijlpaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mijlpaal

    locatie = factory.SubFactory(OpvanglocatieFactory, fase=None, startdatum=None)  # no milestones of its own
    fase = Fase.IN_GEBRUIK
    datum = datetime.date(2024, 1, 1)


@registreer
class CapaciteitsstandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capaciteitsstand

    locatie = factory.SubFactory(OpvanglocatieFactory)
    doelgroep = factory.LazyFunction(doelgroep)
    ingangsdatum = datetime.date(2024, 1, 1)
    plaatsen = 100


@registreer
class BezettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bezetting

    locatie = factory.SubFactory(OpvanglocatieFactory)
    doelgroep = factory.LazyFunction(doelgroep)
    datum = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    aantal = 50


@registreer
class OekraineMaandcijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OekraineMaandcijfer

    maand = factory.Sequence(lambda n: datetime.date(2025 + n // 12, n % 12 + 1, 1))
    leefgeld_ontvangers = 100
