"""Corporatie becomes reference data: every name typed so far becomes a Corporatie (kern) and the
placement points to it; an empty text stays empty. The text column goes in the next migration: on
PostgreSQL a table cannot be altered in the transaction that just updated it with deferred checks."""

import django.db.models.deletion
from django.db import migrations, models


def naar_keuzelijst(apps, schema_editor):
    Plaatsing = apps.get_model("taakstelling", "Plaatsing")
    Corporatie = apps.get_model("kern", "Corporatie")
    corporaties = {}
    teksten = Plaatsing.objects.exclude(corporatie_tekst="").values_list("corporatie_tekst", flat=True).distinct()
    for tekst in sorted(teksten):  # "Noord" before "noord": the capitalised spelling names the corporatie
        naam = " ".join(tekst.split())
        if naam:
            if naam.casefold() not in corporaties:
                corporaties[naam.casefold()] = Corporatie.objects.get_or_create(naam=naam)[0]
            Plaatsing.objects.filter(corporatie_tekst=tekst).update(corporatie=corporaties[naam.casefold()])


def naar_tekst(apps, schema_editor):
    Plaatsing = apps.get_model("taakstelling", "Plaatsing")
    for plaatsing in Plaatsing.objects.exclude(corporatie=None).select_related("corporatie"):
        plaatsing.corporatie_tekst = plaatsing.corporatie.naam
        plaatsing.save(update_fields=["corporatie_tekst"])


class Migration(migrations.Migration):
    dependencies = [
        ("kern", "0006_corporatie"),
        ("taakstelling", "0003_periode_anker_correcties_huishouden"),
    ]

    operations = [
        migrations.RenameField("plaatsing", "corporatie", "corporatie_tekst"),
        migrations.AddField(
            model_name="plaatsing",
            name="corporatie",
            field=models.ForeignKey(
                blank=True,
                help_text="De keuzelijst houdt de functioneel beheerder bij onder Beheer › Corporaties.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plaatsingen",
                to="kern.corporatie",
                verbose_name="corporatie",
            ),
        ),
        migrations.RunPython(naar_keuzelijst, naar_tekst),
    ]
