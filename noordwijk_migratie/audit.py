"""What the audit trail (django-auditlog) may hold, and that it keeps saying who did it.

Secrets: every audited model is registered by ``AUDITLOG_INCLUDE_ALL_MODELS``; at start-up
:func:`scherm_geheimen_af` adds every field whose *name* looks like a secret (:data:`GEHEIME_VELDNAMEN`:
passwords, tokens, API keys, client secrets, TOTP keys, …) to that model's ``mask_fields``, so a
field added later is covered without anyone remembering it. The trail then records *that* such a
field changed, never its value (:func:`afschermen`). Fields that are not secret but must not be kept
in the trail either are named in the settings (``AUDITLOG_MASK_TRACKING_FIELDS``: the COA reference;
``AUDITLOG_EXCLUDE_TRACKING_FIELDS``: ``last_login``, which changes on every login).

Attribution: a user who made changes is never deleted (the trail's actor would become empty and the
change anonymous), only deactivated: :func:`weiger_verwijderen_met_wijzigingen` refuses the delete,
:class:`BewaarAttributieAdminMixin` explains it in the admin.
"""

import re

from auditlog.models import LogEntry
from django.db.models import Count, ProtectedError
from django.utils.translation import ngettext

# Matched against field names, case-insensitively. Whole words where a short word would give false
# hits ("key", "pin", "otp" as parts of a snake_case name), anywhere for the unambiguous ones. The
# Dutch "sessie" (themasessies) is deliberately not "session".
GEHEIME_VELDNAMEN = re.compile(
    r"password|passwd|wachtwoord|secret|geheim|token|credential|api_?key|private_?key|sleutel"
    r"|(?:^|_)(?:key|salt|pin|otp|totp|hotp|mfa|session)(?:_|$)",
    re.IGNORECASE,
)

AFGESCHERMD = "(afgeschermd)"


def is_geheim(veldnaam: str) -> bool:
    return bool(GEHEIME_VELDNAMEN.search(veldnaam))


def geheime_velden(model) -> list[str]:
    """The fields of ``model`` (a live or a historical model) whose name looks like a secret."""
    return [f.name for f in model._meta.concrete_fields if is_geheim(f.name)]


def afschermen(waarde: str) -> str:
    """``AUDITLOG_MASK_CALLABLE``: a masked value becomes one fixed text, so not a single character of a
    password hash or reference is kept; empty stays empty, so the trail still shows set or cleared."""
    return waarde if waarde in ("", "None") else AFGESCHERMD


def scherm_geheimen_af() -> None:
    """Add the secret-looking fields of every audited model to its ``mask_fields`` (auditlog's public
    registry API: read the registration, register again with the extra fields). Run from
    ``KernConfig.ready()``, after auditlog registered all models. The many-to-many fields are the ones
    ``AUDITLOG_INCLUDE_ALL_MODELS`` tracks: all of the model's."""
    from auditlog.registry import auditlog

    for model in auditlog.get_models():
        velden = auditlog.get_model_fields(model)
        extra = [naam for naam in geheime_velden(model) if naam not in velden["mask_fields"]]
        if not extra:
            continue
        serialiseren = auditlog.get_serialize_options(model)
        auditlog.unregister(model)
        auditlog.register(
            model,
            include_fields=velden["include_fields"],
            exclude_fields=velden["exclude_fields"],
            mapping_fields=velden["mapping_fields"],
            mask_fields=[*velden["mask_fields"], *extra],
            mask_callable=velden["mask_callable"],
            m2m_fields=[f.name for f in model._meta.many_to_many],
            **serialiseren,
        )


def wijzigingen_per_actor(gebruikers) -> dict[int, int]:
    """Number of audit entries made by each of ``gebruikers`` (a queryset or list), in one query."""
    rijen = LogEntry.objects.filter(actor__in=gebruikers).values("actor").annotate(aantal=Count("pk"))
    return {rij["actor"]: rij["aantal"] for rij in rijen}


def melding_niet_verwijderen(gebruiker, aantal: int) -> str:
    return ngettext(
        "%(gebruiker)s heeft %(aantal)d wijziging in de wijzigingsgeschiedenis en wordt daarom niet "
        "verwijderd: dan zou de geschiedenis niet meer zeggen wie die wijziging deed. Maak het account "
        "inactief (vinkje ‘Actief’ uit) in plaats van het te verwijderen.",
        "%(gebruiker)s heeft %(aantal)d wijzigingen in de wijzigingsgeschiedenis en wordt daarom niet "
        "verwijderd: dan zou de geschiedenis niet meer zeggen wie die wijzigingen deed. Maak het account "
        "inactief (vinkje ‘Actief’ uit) in plaats van het te verwijderen.",
        aantal,
    ) % {"gebruiker": gebruiker, "aantal": aantal}


def weiger_verwijderen_met_wijzigingen(sender, instance, **kwargs) -> None:
    """pre_delete of the user model: a user with audit entries is never deleted (auditlog's actor is
    SET_NULL, so the entries would show no one). Also guards the shell, scripts and bulk deletes."""
    aantal = wijzigingen_per_actor([instance]).get(instance.pk)
    if aantal:
        raise ProtectedError(melding_niet_verwijderen(instance, aantal), LogEntry.objects.filter(actor=instance))


class BewaarAttributieAdminMixin:
    """For the user admin: deleting a user with audit entries (one, or several with the bulk action)
    shows Django's "protected objects" page with the reason and the alternative, instead of deleting."""

    def get_deleted_objects(self, objs, request):
        verwijderd, aantallen, rechten_nodig, beschermd = super().get_deleted_objects(objs, request)
        per_actor = wijzigingen_per_actor(objs)
        beschermd = [
            *beschermd,
            *(melding_niet_verwijderen(g, per_actor[g.pk]) for g in objs if per_actor.get(g.pk)),
        ]
        return verwijderd, aantallen, rechten_nodig, beschermd
