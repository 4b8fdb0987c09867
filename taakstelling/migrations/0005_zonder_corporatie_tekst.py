"""The free-text corporatie is gone (its names became reference data in 0004)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("taakstelling", "0004_corporatie_als_keuzelijst")]

    operations = [migrations.RemoveField("plaatsing", "corporatie_tekst")]
