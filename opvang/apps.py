from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpvangConfig(AppConfig):
    name = "opvang"
    verbose_name = _("Opvang")
