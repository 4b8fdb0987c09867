"""Roles are Django groups whose permissions are derived from rules, so new models are covered.

A rule names an app (``"kern"``: every model of it), one model (``"auth.user"``, which takes
precedence over its app) or ``DOMEIN``: every domain app, i.e. those registered with ``domein=True`` in
their ``bijdragen.py`` (:mod:`noordwijk_migratie.registry`), which may also add custom permissions to a
role (``rollen={"opgavemanager": ("app.codename",)}``). ``sync_rollen()`` is idempotent and is run by
``laad_basisgegevens``.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission

from . import registry

ALLE_ACTIES = ("view", "add", "change", "delete")
DOMEIN = "<domein>"  # in a role's rules: every domain app of the registry


@dataclass(frozen=True)
class Rol:
    code: str
    naam: str
    omschrijving: str
    regels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # app_label, app_label.model or DOMEIN

    def acties(self, app_label: str, model: str) -> tuple[str, ...]:
        for sleutel in (f"{app_label}.{model}", app_label):
            if sleutel in self.regels:
                return self.regels[sleutel]
        return self.regels.get(DOMEIN, ()) if app_label in registry.domein_labels() else ()

    @property
    def schrijft(self) -> bool:
        """Whether the role may change anything at all (every action but viewing)."""
        return any(actie != "view" for acties in self.regels.values() for actie in acties)


BELEIDSADVISEUR = Rol(
    "beleidsadviseur",
    "Beleidsadviseur",
    "Voert plaatsingen, bezetting, acties, sessies en metingen in.",
    {DOMEIN: ALLE_ACTIES, "rapportage": ("view",), "kern": ("view",)},
)
OPGAVEMANAGER = Rol(
    "opgavemanager",
    "Opgavemanager",
    "Stuurt op het dashboard, vraagt rapportages aan en stelt ze definitief vast.",
    {
        DOMEIN: ALLE_ACTIES,
        "rapportage": ALLE_ACTIES,
        "rapportage.voorblad": ("view",),
        "kern": ("view",),
        "auditlog": ("view",),
    },
)
RAADPLEGER = Rol(
    "raadpleger",
    "Raadpleger",
    "Directeur of portefeuillehouder: kijkt, exporteert en downloadt rapportages (alleen lezen).",
    {DOMEIN: ("view",), "rapportage": ("view",), "kern": ("view",)},
)
# Users and their role membership, never the roles themselves (groups, permissions): who could change
# a group or a permission could widen a role, and with it their own rights. Locked-out login attempts
# (django-axes) can be looked at and lifted.
FUNCTIONEEL_BEHEERDER = Rol(
    "functioneel_beheerder",
    "Functioneel beheerder",
    "Beheert gebruikers, rollen en referentiegegevens.",
    {
        DOMEIN: ("view",),
        "rapportage": ("view",),
        "rapportage.voorblad": ("view", "change"),
        "kern": ALLE_ACTIES,
        "auth.user": ALLE_ACTIES,
        "auth.group": ("view",),
        "auditlog": ("view",),
        "axes.accessattempt": ("view", "delete"),
    },
)
ROLLEN = (BELEIDSADVISEUR, OPGAVEMANAGER, RAADPLEGER, FUNCTIONEEL_BEHEERDER)


def rolgroepen():
    """The groups of the four roles (the only groups a non-superuser may assign)."""
    return Group.objects.filter(name__in=[rol.naam for rol in ROLLEN])


def heeft_rechten_buiten_rollen(user) -> bool:
    """Superuser, single permissions or a group that is not a role: more than the roles can give."""
    return user.is_superuser or user.user_permissions.exists() or user.groups.exclude(pk__in=rolgroepen()).exists()


def tweede_factor_vereist(user) -> bool:
    """A local account needs a second factor when it can change anything: a role that writes (so always the
    functioneel beheerder), staff, superusers, single permissions."""
    schrijvend = [rol.naam for rol in ROLLEN if rol.schrijft]
    return (
        user.is_superuser
        or user.is_staff
        or user.user_permissions.exists()
        or user.groups.filter(name__in=schrijvend).exists()
    )


def permissies_voor(rol: Rol) -> list[Permission]:
    perms = []
    for permission in Permission.objects.select_related("content_type"):
        ct = permission.content_type
        acties = rol.acties(ct.app_label, ct.model)
        actie = permission.codename.split("_", 1)[0]
        if actie in acties and permission.codename.startswith(f"{actie}_{ct.model}"):
            perms.append(permission)
    for app in registry.apps():
        for dotted in app.rollen.get(rol.code, ()):
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
