from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KernConfig(AppConfig):
    """Shared machinery and reference data (doelgroepen, gemeenten, roles)."""

    name = "noordwijk_migratie"
    label = "kern"
    verbose_name = _("Basisgegevens")

    def ready(self):
        from django.db.models import fields

        # The empty first choice of every select in a form (Django 6.1's documented hook; its Dutch
        # catalogue has no translation for "- Select an option -"). Filters say "Alle": see settings.
        fields.BLANK_CHOICE_LABEL = _("Maak een keuze")

        from auditlog.registry import auditlog
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

        from . import (
            imports,  # its system check
            inloggen,  # noqa: F401 - connects the login receivers
            oidc,  # noqa: F401 - its system checks
            rechten,
            registry,
            tweestaps,  # noqa: F401 - records at login what the second factor still needs
        )
        from .audit import scherm_geheimen_af, weiger_verwijderen_met_wijzigingen
        from .cache import bij_wijziging
        from .models import ImportTaak

        # auditlog (ready before this app) logs every model; an import task is logged without the file
        auditlog.unregister(ImportTaak)
        auditlog.register(ImportTaak, exclude_fields=["inhoud"])

        imports.lees_xml_met_expat()  # before anything imports openpyxl
        registry.laad()  # every app's bijdragen.py

        post_save.connect(bij_wijziging, dispatch_uid="data-versie-save")
        post_delete.connect(bij_wijziging, dispatch_uid="data-versie-delete")
        m2m_changed.connect(bij_wijziging, dispatch_uid="data-versie-m2m")
        scherm_geheimen_af()
        rechten.verbind()
        pre_delete.connect(
            weiger_verwijderen_met_wijzigingen, sender=get_user_model(), dispatch_uid="gebruiker-met-wijzigingen"
        )
