"""Roles are Django groups whose permissions are derived from rules, so new models are covered.

Apps add custom permissions to a role by declaring ``rollen = {"opgavemanager": ["app.codename"]}``
on their AppConfig. ``sync_rollen()`` is idempotent and is run by ``laad_basisgegevens``.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission

DOMEIN_APPS = ("taakstelling", "opvang", "internationale_werknemers", "programma", "themasessies")
ALLE_APPS = (*DOMEIN_APPS, "rapportage", "kern", "auditlog")
ALLE_ACTIES = ("view", "add", "change", "delete")


@dataclass(frozen=True)
class Rol:
    code: str
    naam: str
    omschrijving: str
    regels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # app_label -> actions


BELEIDSADVISEUR = Rol(
    "beleidsadviseur",
    "Beleidsadviseur",
    "Voert plaatsingen, bezetting, acties, sessies en metingen in.",
    {**dict.fromkeys(DOMEIN_APPS, ALLE_ACTIES), "rapportage": ("view",), "kern": ("view",)},
)
OPGAVEMANAGER = Rol(
    "opgavemanager",
    "Opgavemanager",
    "Stuurt op het dashboard, vraagt rapportages aan en stelt ze definitief vast.",
    {**dict.fromkeys(DOMEIN_APPS, ALLE_ACTIES), "rapportage": ALLE_ACTIES, "kern": ("view",), "auditlog": ("view",)},
)
RAADPLEGER = Rol(
    "raadpleger",
    "Raadpleger",
    "Directeur of portefeuillehouder: kijkt, exporteert en downloadt rapportages (alleen lezen).",
    dict.fromkeys((*DOMEIN_APPS, "rapportage", "kern"), ("view",)),
)
FUNCTIONEEL_BEHEERDER = Rol(
    "functioneel_beheerder",
    "Functioneel beheerder",
    "Beheert gebruikers, rollen en referentiegegevens.",
    {
        **dict.fromkeys((*DOMEIN_APPS, "rapportage"), ("view",)),
        "kern": ALLE_ACTIES,
        "auth": ALLE_ACTIES,
        "auditlog": ("view",),
    },
)
ROLLEN = (BELEIDSADVISEUR, OPGAVEMANAGER, RAADPLEGER, FUNCTIONEEL_BEHEERDER)


def permissies_voor(rol: Rol) -> list[Permission]:
    perms = []
    for permission in Permission.objects.select_related("content_type"):
        acties = rol.regels.get(permission.content_type.app_label, ())
        actie = permission.codename.split("_", 1)[0]
        if actie in acties and permission.codename.startswith(f"{actie}_{permission.content_type.model}"):
            perms.append(permission)
    for app_config in apps.get_app_configs():
        for dotted in getattr(app_config, "rollen", {}).get(rol.code, ()):
            app_label, codename = dotted.split(".", 1)
            perms.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return perms


def sync_rollen() -> list[Group]:
    groups = []
    for rol in ROLLEN:
        group, _ = Group.objects.get_or_create(name=rol.naam)
        group.permissions.set(permissies_voor(rol))
        groups.append(group)
    return groups
