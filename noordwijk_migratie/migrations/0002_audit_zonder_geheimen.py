"""Purge what the audit trail must never have held: the values of secret fields (password hashes:
every field whose name looks like a secret, noordwijk_migratie.audit) and of masked fields (the COA
reference) become the fixed mask, as new entries get them; last_login, now left out, is removed, and
an entry that held nothing else (a login) is deleted. The rest of the trail stays as it was."""

from django.conf import settings
from django.db import migrations

from noordwijk_migratie.audit import afschermen, geheime_velden


def zuiver(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    maskeren = set(settings.AUDITLOG_MASK_TRACKING_FIELDS)
    for model in apps.get_models():
        maskeren.update(geheime_velden(model))
    weglaten = set(settings.AUDITLOG_EXCLUDE_TRACKING_FIELDS)
    bijwerken, verwijderen = [], []
    regels = LogEntry.objects.filter(changes__has_any_keys=sorted(maskeren | weglaten)).only("pk", "changes")
    for regel in regels.iterator(chunk_size=2000):
        changes = {
            veld: [afschermen(str(w)) for w in waarden] if veld in maskeren and isinstance(waarden, list) else waarden
            for veld, waarden in regel.changes.items()
            if veld not in weglaten
        }
        if changes:
            regel.changes = changes
            bijwerken.append(regel)
        else:
            verwijderen.append(regel.pk)
    LogEntry.objects.bulk_update(bijwerken, ["changes"], batch_size=1000)
    LogEntry.objects.filter(pk__in=verwijderen).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kern", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("taakstelling", "0002_coa_referentie_zonder_persoonsgegevens"),
    ]

    operations = [migrations.RunPython(zuiver, migrations.RunPython.noop, elidable=True)]
