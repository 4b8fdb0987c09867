"""A user's permissions from the cache: every page asks ``has_perm`` and Django's ModelBackend answers it with
two queries per request (the user's own and its groups' permissions). Here they come from Redis in one
round trip, with the names of the user's groups (the header's roles), and a change of what a user may do
takes effect on the next request:

- a change of a user (active, superuser) or of its groups or own permissions drops that user's entry;
- a change of a group, of a permission, or of a group's permissions raises the rights version, which
  makes every entry stale.

When Redis is unreachable the cache answers nothing and the permissions come from the database.

A view whose page comes from the cache (``paginacache``) asks before its permission check for the other
values it needs to come in the same round trip ("read along", ``lees_mee``): the kept page, the data
version and what the page's shell needs per user (``voor_de_schil``, e.g. the header's Mijn werk count).
``uit_cache`` then answers them without a round trip, once. They hold while nothing runs in between: a
view that does its own work (which may change them) drops them first (``vergeet_meegelezen``)."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSIE_SLEUTEL = "rechten-versie"
CACHE_SECONDEN = 300  # also bounds staleness if a change happened while Redis was unreachable


_SCHIL: list[Callable[[int], str]] = []


def _sleutel(pk) -> str:
    return f"rechten:{pk}"


def voor_de_schil(sleutel_van: Callable[[int], str]) -> Callable[[int], str]:
    """Register ``sleutel_van(user pk)``: a per-user key the shell of every page reads (``base.html``)."""
    _SCHIL.append(sleutel_van)
    return sleutel_van


def lees_mee(user, *sleutels: str) -> None:
    """Read these keys and the shell's along with ``user``'s rights, if those haven't been read yet."""
    if not hasattr(user, "_rechten_uit_cache"):
        user._lees_mee = [*sleutels, *(sleutel_van(user.pk) for sleutel_van in _SCHIL)]


def vergeet_meegelezen(user) -> None:
    """What was read along may no longer hold (the view is about to do its own work)."""
    user._meegelezen = {}


def uit_cache(user, sleutels: list[str]) -> dict:
    """``cache.get_many(sleutels)``; the keys read along with ``user``'s rights cost no round trip."""
    meegelezen = getattr(user, "_meegelezen", {})
    gevonden = {s: meegelezen.pop(s) for s in sleutels if s in meegelezen}
    rest = [s for s in sleutels if s not in gevonden]
    if rest:
        gevonden |= cache.get_many(rest)
    return {s: w for s, w in gevonden.items() if w is not None}


class GecachteRechtenMixin:
    """For a ModelBackend: ``get_all_permissions`` (which ``has_perm`` and ``has_module_perms`` use) from
    the cache, kept on the user object for the rest of the request."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return super().get_all_permissions(user_obj, obj=obj)
        if not hasattr(user_obj, "_rechten_uit_cache"):
            sleutel = _sleutel(user_obj.pk)
            mee = getattr(user_obj, "_lees_mee", [])
            gevonden = cache.get_many([sleutel, VERSIE_SLEUTEL, *mee])
            user_obj._meegelezen = {s: gevonden.get(s) for s in mee}
            versie = gevonden.get(VERSIE_SLEUTEL, 0)
            opgeslagen = gevonden.get(sleutel)
            if opgeslagen and opgeslagen[0] == versie and len(opgeslagen) == 3:
                rechten, namen = opgeslagen[1], opgeslagen[2]
            else:
                rechten = super().get_all_permissions(user_obj)
                namen = sorted(user_obj.groups.values_list("name", flat=True))
                cache.set(sleutel, (versie, rechten, namen), CACHE_SECONDEN)
            user_obj._rechten_uit_cache = frozenset(rechten)
            user_obj._rollen_uit_cache = tuple(namen)
        return user_obj._rechten_uit_cache


def rollen(user) -> tuple[str, ...]:
    """The names of the user's groups (roles), as the header shows them: from the permissions' cache entry
    (invalidated by the same signals), so a page runs no groups query."""
    if not user.is_authenticated:
        return ()
    user.get_all_permissions()  # fills the entry through GecachteRechtenMixin
    if not hasattr(user, "_rollen_uit_cache"):  # inactive, or a backend without the mixin
        return tuple(sorted(user.groups.values_list("name", flat=True)))
    return user._rollen_uit_cache


def verhoog_rechten_versie(**kwargs) -> None:
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:  # the first change since the cache started
        cache.set(VERSIE_SLEUTEL, 1, None)


def _vergeet_gebruiker(sender, instance, **kwargs) -> None:
    cache.delete(_sleutel(instance.pk))


def _lidmaatschap_gewijzigd(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """``user.groups`` / ``user.user_permissions`` from either side (``group.user_set.add(…)`` too)."""
    if not action.startswith("post_"):
        return
    if not reverse:
        cache.delete(_sleutel(instance.pk))
    elif pk_set is None:  # clear() from the group's or permission's side: who was in it is gone
        verhoog_rechten_versie()
    else:
        cache.delete_many([_sleutel(pk) for pk in pk_set])


def _groeprechten_gewijzigd(sender, action, **kwargs) -> None:
    if action.startswith("post_"):
        verhoog_rechten_versie()


def verbind() -> None:
    """Connected from the project's AppConfig.ready()."""
    User = get_user_model()
    for model in (Group, Permission):
        post_save.connect(verhoog_rechten_versie, sender=model, dispatch_uid=f"rechten-{model.__name__}-save")
        post_delete.connect(verhoog_rechten_versie, sender=model, dispatch_uid=f"rechten-{model.__name__}-delete")
    m2m_changed.connect(_groeprechten_gewijzigd, sender=Group.permissions.through, dispatch_uid="rechten-groep")
    post_save.connect(_vergeet_gebruiker, sender=User, dispatch_uid="rechten-gebruiker-save")
    post_delete.connect(_vergeet_gebruiker, sender=User, dispatch_uid="rechten-gebruiker-delete")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(_lidmaatschap_gewijzigd, sender=through, dispatch_uid=f"rechten-{through.__name__}")
