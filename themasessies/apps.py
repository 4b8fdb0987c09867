from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemasessiesConfig(AppConfig):
    name = "themasessies"
    verbose_name = _("Themasessies")
