from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HerinneringenConfig(AppConfig):
    """Reminders that know the state: Mijn werk, e-mail and the weekly digest (kinds: each app's bijdragen.py)."""

    name = "herinneringen"
    verbose_name = _("Herinneringen")

    def ready(self):
        from auditlog.registry import auditlog
        from django.contrib.auth.signals import user_logged_in

        from .diensten import bij_inloggen
        from .models import Melding, Overzicht

        user_logged_in.connect(bij_inloggen, dispatch_uid="herinneringen-kop")

        # bookkeeping of the reminder run (due, seen, sent), not data anyone edits: left out of the audit
        # trail. Profiles (focus) and preferences are changes by people and stay in it.
        for model in (Melding, Overzicht):
            if auditlog.contains(model):
                auditlog.unregister(model)
