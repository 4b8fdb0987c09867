from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """Shared machinery and reference data (doelgroepen, gemeenten, roles)."""

    name = "noordwijk_migratie"
    label = "kern"
    verbose_name = _("Basisgegevens")
