from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Rapportages")
    # Custom permissions on top of the role rules in noordwijk_migratie/roles.py.
    rollen = {
        "opgavemanager": ["rapportage.definitief_maken"],
        "beleidsadviseur": [
            "rapportage.change_toelichting",
            "rapportage.add_toelichting",
            "rapportage.view_toelichting",
        ],
    }
