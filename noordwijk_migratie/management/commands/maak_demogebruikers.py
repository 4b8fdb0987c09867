"""One demo user per role with a random password, printed once. Development settings only."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from noordwijk_migratie.roles import FUNCTIONEEL_BEHEERDER, ROLLEN


class Command(BaseCommand):
    help = "Maakt per rol één demogebruiker aan (alleen in ontwikkeling). Bestaande gebruikers blijven ongemoeid."

    def handle(self, *args, **options):
        if not settings.DEMO_GEBRUIKERS_TOEGESTAAN:
            raise CommandError("Demogebruikers worden alleen in de ontwikkelomgeving aangemaakt.")
        User = get_user_model()  # noqa: N806
        for rol in ROLLEN:
            gebruikersnaam = f"demo-{rol.code.replace('_', '-')}"
            if User.objects.filter(username=gebruikersnaam).exists():
                self.stdout.write(f"{gebruikersnaam}: bestaat al (wachtwoord ongewijzigd)")
                continue
            wachtwoord = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                gebruikersnaam,
                password=wachtwoord,
                email=f"{gebruikersnaam}@example.org",  # reminders by e-mail (the console in development)
                first_name="Demo",
                last_name=rol.naam,
                is_staff=rol is FUNCTIONEEL_BEHEERDER,
            )
            user.groups.add(Group.objects.get(name=rol.naam))
            self.stdout.write(self.style.WARNING(f"{gebruikersnaam} ({rol.naam}): wachtwoord {wachtwoord}"))
