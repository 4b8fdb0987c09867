"""Idempotent baseline: reference data, the figures of the Bestuursopdracht, and the roles.

Every installed app of the project may have a ``baseline`` module with ``laad(log)``; they run in
INSTALLED_APPS order inside one transaction, then the roles are synchronised.
"""

from importlib import import_module
from importlib.util import find_spec

from auditlog.context import disable_auditlog
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from noordwijk_migratie.roles import sync_rollen


def baseline_modules():
    for app_config in apps.get_app_configs():
        if not app_config.path.startswith(str(settings.BASE_DIR)):
            continue
        naam = f"{app_config.name}.baseline"
        if find_spec(naam):
            yield app_config.label, import_module(naam)


class Command(BaseCommand):
    help = "Laadt de basisgegevens (referentiegegevens, cijfers uit de bestuursopdracht, rollen). Veilig herhaalbaar."

    def handle(self, *args, **options):
        def log(regel):
            self.stdout.write(f"  {regel}")

        with transaction.atomic(), disable_auditlog():
            for label, module in baseline_modules():
                self.stdout.write(f"{label}:")
                module.laad(log)
            groepen = sync_rollen()
        self.stdout.write(self.style.SUCCESS(f"Basisgegevens geladen; rollen: {', '.join(g.name for g in groepen)}"))
