from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only API for Power BI, Excel and other consumers (``/api/v1/``)."""

    name = "api"
    verbose_name = _("API")
