"""factory_boy factories. Every model reachable through a URL needs one here, so the permission
walk (tests/test_permissions.py) can open its detail and edit pages. Apps add theirs with
``@registreer``."""

import factory

from noordwijk_migratie.models import Corporatie, Doelgroep, Gemeente, ImportTaak

FACTORIES = {}


def registreer(factory_class):
    FACTORIES[factory_class._meta.model] = factory_class
    return factory_class


@registreer
class DoelgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doelgroep
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"doelgroep-{n}")
    naam = factory.Sequence(lambda n: f"Doelgroep {n}")


@registreer
class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("cbs_code",)

    cbs_code = factory.Sequence(lambda n: f"T{n % 100000:05d}")  # 6 characters, never a real CBS code
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    holland_rijnland = True


@registreer
class CorporatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Corporatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Testcorporatie {n}")


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"

    username = factory.Sequence(lambda n: f"gebruiker-{n}")


@registreer
class ImportTaakFactory(factory.django.DjangoModelFactory):
    """Only the user who started an import task may open it (the permission walk passes ``gebruiker``)."""

    class Meta:
        model = ImportTaak

    gebruiker = factory.SubFactory(GebruikerFactory)
    importer = "noordwijk_migratie.importers.GemeenteImporter"
    titel = "Gemeenten importeren"
    terug_url = "/beheer/gemeenten/importeren/"
    bestandsnaam = "gemeenten.csv"
    inhoud = b""
    status = ImportTaak.Status.KLAAR
    voortgang = 100


def alle_factories() -> dict:
    """Every registered factory by model. Each app keeps its factories in ``<app>/tests/factories.py``
    (registered with ``@registreer``); they are imported here on first use, not when this module loads
    (an app's factories import this module, and may import other apps' factories)."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    from noordwijk_migratie import registry

    for app in registry.apps():
        pakket = apps.get_app_config(app.label).name
        if find_spec(f"{pakket}.tests") and find_spec(f"{pakket}.tests.factories"):
            import_module(f"{pakket}.tests.factories")
    return FACTORIES
