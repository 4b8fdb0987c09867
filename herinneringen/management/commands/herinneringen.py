"""The reminder kinds and what is open now; ``--nu`` runs the beat task's work at once (``make run`` has no beat)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from herinneringen import diensten
from noordwijk_migratie import registry


class Command(BaseCommand):
    help = (
        "Toont de soorten herinneringen en wat er nu openstaat. Met --nu: herinneringen bijwerken en de "
        "e-mails die nu aan de beurt zijn versturen; met --overzicht ook het weekoverzicht van deze week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--nu", action="store_true", help="Nu bijwerken en versturen.")
        parser.add_argument("--overzicht", action="store_true", help="Ook het weekoverzicht van deze week versturen.")

    def handle(self, *args, nu=False, overzicht=False, **options):
        vandaag = timezone.localdate()
        items = diensten.actueel(vandaag)
        for code, soort in registry.herinneringen().items():
            self.stdout.write(
                f"{code}: {soort.titel} — {len(items[code])} open; voor {', '.join(soort.rollen)}; "
                f"{diensten.wanneer(soort)}"
            )
        if not (nu or overzicht):
            return
        uitkomst = diensten.ronde(vandaag)
        self.stdout.write(
            self.style.SUCCESS(
                f"Herinneringen bijgewerkt: {uitkomst.open} open, {uitkomst.vervallen} vervallen; "
                f"{uitkomst.verstuurd} per e-mail verstuurd."
            )
        )
        if overzicht:
            self.stdout.write(
                self.style.SUCCESS(f"Weekoverzichten verstuurd: {diensten.verstuur_overzichten(vandaag)}.")
            )
