from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """Shared machinery and reference data (doelgroepen, gemeenten, roles)."""

    name = "noordwijk_migratie"
    label = "kern"
    verbose_name = _("Basisgegevens")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .cache import bij_wijziging
        from .models import ImportTaak

        # auditlog (ready before this app) logs every model; an import task is logged without the file
        auditlog.unregister(ImportTaak)
        auditlog.register(ImportTaak, exclude_fields=["inhoud"])

        post_save.connect(bij_wijziging, dispatch_uid="data-versie-save")
        post_delete.connect(bij_wijziging, dispatch_uid="data-versie-delete")
        m2m_changed.connect(bij_wijziging, dispatch_uid="data-versie-m2m")
