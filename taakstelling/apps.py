from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaakstellingConfig(AppConfig):
    name = "taakstelling"
    verbose_name = _("Statushouders")
    rollen = {
        "beleidsadviseur": ["taakstelling.zie_coa_referentie"],
        "opgavemanager": ["taakstelling.wijzig_afgesloten_periode", "taakstelling.zie_coa_referentie"],
    }
