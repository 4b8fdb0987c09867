import factory

from api.models import ApiToken, Scope
from internationale_werknemers.tests.factories import (
    HuisvestingsinitiatiefFactory,
    InspectieFactory,
    PilotstandFactory,
)
from opvang.tests.factories import BezettingFactory, CapaciteitsstandFactory, OpgaveFactory, OpvanglocatieFactory
from programma.tests.factories import ActieFactory, IndicatorFactory, MetingFactory
from taakstelling.tests.factories import CoaStandFactory, PeriodeFactory, PlaatsingFactory, RegioCijferFactory
from tests.factories import GebruikerFactory, registreer
from themasessies.tests.factories import (
    BevindingFactory,
    ContactpersoonFactory,
    PartnerFactory,
    SessieFactory,
    ThemaFactory,
    VervolgactieFactory,
)


@registreer
class ApiTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiToken
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Power BI-rapport {n}")
    eigenaar = factory.SubFactory(GebruikerFactory)
    scopes = factory.LazyFunction(lambda: list(Scope.values))
    token_hash = factory.Sequence(lambda n: f"{n:064x}")


def maak_token(**kwargs) -> tuple[ApiToken, str]:
    """A token and its key (as the functioneel beheerder sees it once)."""
    token = ApiTokenFactory.build(**{"eigenaar": kwargs.pop("eigenaar", None) or GebruikerFactory(), **kwargs})
    sleutel = token.nieuwe_sleutel()
    token.save()
    return token, sleutel


def token_header(sleutel: str) -> dict:
    return {"Authorization": f"Token {sleutel}"}


def _indicatoren(n):
    for indicator in IndicatorFactory.create_batch(n):
        MetingFactory.create_batch(2, indicator=indicator)


def _iw(n):
    PilotstandFactory.create_batch(n)
    InspectieFactory.create_batch(n)
    HuisvestingsinitiatiefFactory.create_batch(n)


def _locaties(n):
    for locatie in OpvanglocatieFactory.create_batch(n):
        CapaciteitsstandFactory(locatie=locatie)
        BezettingFactory(locatie=locatie)


def _sessies(n):
    for sessie in SessieFactory.create_batch(n):
        partners = PartnerFactory.create_batch(2)
        sessie.themas.set(ThemaFactory.create_batch(2))
        sessie.uitgenodigd.set(partners)
        sessie.aanwezig.set(partners[:1])


def _vervolgacties(n):
    for actie in ActieFactory.create_batch(n):
        VervolgactieFactory(actie=actie, programmalijn=actie.programmalijn)


# n rows behind each endpoint (url name): for the query budgets and for endpoints the baseline leaves empty
MAKERS = {
    "perioden": PeriodeFactory.create_batch,
    "plaatsingen": PlaatsingFactory.create_batch,
    "coa_standen": CoaStandFactory.create_batch,
    "regiocijfers": RegioCijferFactory.create_batch,
    "opgaven": OpgaveFactory.create_batch,
    "opvanglocaties": OpvanglocatieFactory.create_batch,
    "capaciteit": CapaciteitsstandFactory.create_batch,
    "bezetting": BezettingFactory.create_batch,
    "opvang_overzicht": _locaties,
    "spreidingswet": _locaties,
    "acties": ActieFactory.create_batch,
    "iw_kerncijfers": _iw,
    "berekende_indicatoren": _indicatoren,
    "indicatoren": _indicatoren,
    "sessies": _sessies,
    "bevindingen": BevindingFactory.create_batch,
    "themas": ThemaFactory.create_batch,
    "partners": PartnerFactory.create_batch,
    "contactpersonen": ContactpersoonFactory.create_batch,
    "vervolgacties": _vervolgacties,
}
# endpoints no token may read, whatever its scopes (a consumer has no role): for logged-in users with the right
ALLEEN_INGELOGD = {"contactpersonen"}
