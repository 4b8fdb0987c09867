"""`manage.py genereer_testdata --schaal klein|groot [--forceer]`: clearly synthetic data.

See noordwijk_migratie/testdata/generator.py for how every object is marked ("[SYNTHETISCH]").
Refuses to run when the database holds data users entered (non-synthetic, non-baseline) unless
--forceer. Running it again replaces the earlier synthetic data with the same (seeded) data.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from noordwijk_migratie.testdata import generator


class Command(BaseCommand):
    help = "Maakt duidelijk synthetische testgegevens (gemarkeerd met [SYNTHETISCH])."

    def add_arguments(self, parser):
        parser.add_argument("--schaal", choices=sorted(generator.SCHALEN), default="klein")
        parser.add_argument(
            "--forceer", action="store_true", help="Ook uitvoeren als er echte (niet-synthetische) gegevens zijn."
        )

    def handle(self, *args, schaal, forceer, **options):
        echt = generator.echte_gegevens()
        if echt and not forceer:
            opsomming = ", ".join(f"{aantal} {soort}" for soort, aantal in echt.items())
            raise CommandError(
                f"De database bevat echte (niet-synthetische) gegevens ({opsomming}). "
                "Synthetische gegevens worden alleen toegevoegd aan een database zonder echte gegevens; "
                "gebruik --forceer als u dit toch wilt."
            )
        start = time.perf_counter()
        tellingen = generator.genereer(generator.SCHALEN[schaal], log=self.stdout.write)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load, as autovacuum would
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetische gegevens (schaal {schaal}) in {time.perf_counter() - start:.1f} s: "
                + ", ".join(f"{k} {v}" for k, v in tellingen.items())
            )
        )
