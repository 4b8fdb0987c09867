from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationaleWerknemersConfig(AppConfig):
    name = "internationale_werknemers"
    verbose_name = _("Internationale werknemers")
