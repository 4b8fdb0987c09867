import datetime

import factory

from tests.factories import registreer
from themasessies.models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie


@registreer
class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Partnerorganisatie {n}")
    categorie = "maatschappelijk"


@registreer
class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    partner = factory.SubFactory(PartnerFactory)
    naam = factory.Sequence(lambda n: f"Contact {n}")
    rol = "Beleidsmedewerker"
    email = factory.Sequence(lambda n: f"contact{n}@partner.example")


@registreer
class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ("titel",)

    titel = factory.Sequence(lambda n: f"Thema {n}")


@registreer
class SessieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sessie

    titel = factory.Sequence(lambda n: f"Themasessie {n}")
    datum = datetime.date(2025, 10, 1)
    plaats = "Raadhuis Noordwijk"


@registreer
class BevindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bevinding

    sessie = factory.SubFactory(SessieFactory)
    invalshoek = "wonen"
    perspectief = "doelgroep"
    knelpunten = "Te weinig woningen voor alleenstaanden."


@registreer
class VervolgactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vervolgactie

    sessie = factory.SubFactory(SessieFactory)
    omschrijving = factory.Sequence(lambda n: f"Vervolgactie {n}")
    eigenaar = "Opgaveteam"
    deadline = datetime.date(2025, 12, 1)
