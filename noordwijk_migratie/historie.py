"""How the audit trail (django-auditlog) reads on the pages: Dutch sentences with the values as the pages
show them.

django-auditlog stores per entry the action and, per changed field, the old and the new value as text
(``LogEntry.changes_dict``; a many-to-many change as ``{"type": "m2m", "operation": "add"|"delete",
"objects": [names]}``). Its ``changes_display_dict`` is meant for this, but it shows booleans as
True/False, dates in the long format, a many-to-many change as its keys ("type → operation"), a
deleted related object in English and, on creation, the primary key and the reverse relations
("coa_standen: None → taakstelling.CoaStand.None"); and it looks up every foreign key with a query
of its own. Here each value is written as on the pages — choice labels, ``dd-mm-jjjj``, ja/nee, related
objects by name (one query per related model for a whole page of entries), years without a thousands
separator, numbers the Dutch way — with the field's verbose name (or its auditlog ``mapping_fields``
name), and masked values stay masked (:data:`noordwijk_migratie.audit.AFGESCHERMD`).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import getallen
from .audit import AFGESCHERMD

# What happened, as the participle of "heeft dit … " and as the list's "Actie" column.
ACTIES = {
    LogEntry.Action.CREATE: _("aangemaakt"),
    LogEntry.Action.UPDATE: _("gewijzigd"),
    LogEntry.Action.DELETE: _("verwijderd"),
    LogEntry.Action.ACCESS: _("ingezien"),
}
SYSTEEM = _("het systeem")
LEEG = {"", "None"}  # how auditlog stores "no value"
LEEG_TEKST = _("(leeg)")
ZONDER_WIJZIGING = _("Opgeslagen zonder inhoudelijke wijziging.")


@dataclass(frozen=True)
class Regel:
    """One changed field: its name and the old and new value as shown (``""`` = empty), or for a
    many-to-many field the names added and removed."""

    veld: str
    oud: str = ""
    nieuw: str = ""
    toegevoegd: tuple[str, ...] = ()
    verwijderd: tuple[str, ...] = ()

    @property
    def is_koppeling(self) -> bool:
        return bool(self.toegevoegd or self.verwijderd)

    @property
    def afgeschermd(self) -> bool:
        """A masked value that changed: only *that* it changed is known."""
        return self.oud == self.nieuw == AFGESCHERMD

    def _koppelingen(self) -> str:
        delen = []
        if self.toegevoegd:
            delen.append(_("toegevoegd: %(namen)s") % {"namen": ", ".join(self.toegevoegd)})
        if self.verwijderd:
            delen.append(_("verwijderd: %(namen)s") % {"namen": ", ".join(self.verwijderd)})
        return "; ".join(delen)

    def als_tekst(self, nieuw_object=False) -> str:
        """``Veld: oud → nieuw`` (exports); for a new object only the value it started with."""
        if self.is_koppeling:
            return f"{self.veld}: {self._koppelingen()}"
        if self.afgeschermd:
            return f"{self.veld}: {_('gewijzigd')} {AFGESCHERMD}"
        if nieuw_object:
            return f"{self.veld}: {self.nieuw}"
        return f"{self.veld}: {self.oud or LEEG_TEKST} → {self.nieuw or LEEG_TEKST}"

    def als_html(self, nieuw_object=False):
        """As :meth:`als_tekst`; the arrow is read aloud as "werd"."""
        if self.is_koppeling or self.afgeschermd or nieuw_object:
            waarde = self.als_tekst(nieuw_object).removeprefix(f"{self.veld}: ")
        else:
            waarde = format_html(
                '{} <span aria-hidden="true">→</span><span class="nw-visually-hidden">{}</span> {}',
                self.oud or LEEG_TEKST,
                _("werd"),
                self.nieuw or LEEG_TEKST,
            )
        return format_html("<strong>{}</strong>: {}", self.veld, waarde)


@dataclass
class Gebeurtenis:
    """One audit entry, ready to read: who did what when, to which object, and what changed."""

    entry: LogEntry
    wanneer: datetime.datetime
    wie: str
    actie: str
    soort: str
    gegeven: str
    regels: list[Regel] = field(default_factory=list)
    nieuw: bool = False  # a creation: the rules are the values it started with (no old values)

    @property
    def zonder_wijziging(self) -> bool:
        """Saved without changing what the pages show (only the version counter moved)."""
        return self.entry.action == LogEntry.Action.UPDATE and not self.regels

    def als_tekst(self) -> str:
        if self.zonder_wijziging:
            return str(ZONDER_WIJZIGING)
        return "; ".join(regel.als_tekst(self.nieuw) for regel in self.regels)

    def als_html(self):
        """The changes as a list (empty string when there are none)."""
        if self.zonder_wijziging:
            return format_html('<p class="utrecht-paragraph nw-muted">{}</p>', ZONDER_WIJZIGING)
        if not self.regels:
            return ""
        items = format_html_join("", "<li>{}</li>", ((regel.als_html(self.nieuw),) for regel in self.regels))
        return format_html('<ul class="nw-changes">{}</ul>', items)


def _model(entry):
    return entry.content_type.model_class()


def _veld(model, naam):
    """The model field behind a change, or None for what is not one of the object's own fields (the
    primary key, the version counter, reverse relations, fields that no longer exist)."""
    if model is None:
        return None
    try:
        veld = model._meta.get_field(naam)
    except FieldDoesNotExist:
        return None
    if not isinstance(veld, models.Field) or veld.primary_key:
        return None
    if veld.name == "versie" and not veld.editable:  # VersieModel's optimistic-locking counter
        return None
    return veld


def _veldnaam(model, veld) -> str:
    if auditlog.contains(model):
        gekoppeld = auditlog.get_model_fields(model)["mapping_fields"].get(veld.name)
        if gekoppeld:
            return capfirst(gekoppeld)
    return capfirst(veld.verbose_name)


def _verwijzingen(entries) -> dict:
    """Per related model, the names of the objects the foreign keys in ``entries`` point at."""
    gevraagd = defaultdict(set)
    for entry in entries:
        model = _model(entry)
        for naam, waarden in (entry.changes_dict or {}).items():
            veld = _veld(model, naam)
            if veld is None or not (veld.many_to_one or veld.one_to_one) or isinstance(waarden, dict):
                continue
            for waarde in waarden:
                if waarde in LEEG or waarde == AFGESCHERMD:
                    continue
                try:
                    gevraagd[veld.related_model].add(veld.related_model._meta.pk.to_python(waarde))
                except ValidationError:
                    continue  # an old entry holding the name itself
    manager = "_base_manager" if settings.AUDITLOG_USE_BASE_MANAGER else "_default_manager"
    return {
        model: {obj.pk: str(obj) for obj in getattr(model, manager).filter(pk__in=pks)}
        for model, pks in gevraagd.items()
    }


def _afgekort(tekst: str) -> str:
    lengte = settings.AUDITLOG_CHANGE_DISPLAY_TRUNCATE_LENGTH
    return tekst if lengte < 0 or len(tekst) <= lengte else tekst[:lengte].rstrip() + "…"


def toon(veld, waarde, namen: dict | None = None) -> str:
    """One stored value of ``veld`` as the pages show it; ``""`` for empty."""
    if waarde is None or str(waarde) in LEEG:
        return ""
    waarde = str(waarde)
    if waarde == AFGESCHERMD:
        return waarde
    try:
        if veld.choices:
            return str(dict(veld.flatchoices).get(veld.to_python(waarde), waarde))
        if isinstance(veld, models.BooleanField):
            return str(_("ja") if veld.to_python(waarde) else _("nee"))
        if isinstance(veld, models.DateTimeField):
            moment = datetime.datetime.fromisoformat(waarde)
            if timezone.is_naive(moment):  # auditlog stores date-times as naive UTC
                moment = moment.replace(tzinfo=datetime.UTC)
            return getallen.datum(timezone.localtime(moment))
        if isinstance(veld, models.DateField):
            return getallen.datum(datetime.date.fromisoformat(waarde[:10]))
        if veld.many_to_one or veld.one_to_one:
            pk = veld.related_model._meta.pk.to_python(waarde)
            naam = (namen or {}).get(veld.related_model, {}).get(pk)
            if naam is None:
                return str(_("%(soort)s (verwijderd)") % {"soort": veld.related_model._meta.verbose_name})
            return naam
        if isinstance(veld, models.IntegerField):
            return waarde if getallen.is_jaar(veld) else getallen.getal(int(waarde))
        if isinstance(veld, models.DecimalField | models.FloatField):
            return getallen.getal(Decimal(waarde))
    except (ValueError, ValidationError, InvalidOperation, TypeError):
        return _afgekort(waarde)
    return _afgekort(waarde)


def _regels(entry, namen) -> list[Regel]:
    """The changes of one entry in the order of the model's fields."""
    model = _model(entry)
    volgorde = {f.name: i for i, f in enumerate(model._meta.get_fields())} if model else {}
    regels = []
    for naam, waarden in (entry.changes_dict or {}).items():
        if isinstance(waarden, dict):  # many-to-many
            veld = _veld(model, naam)
            if veld is None or waarden.get("type") != "m2m":
                continue
            objecten = tuple(str(o) for o in waarden.get("objects", ()))
            if waarden.get("operation") == "add":
                regels.append((volgorde[veld.name], Regel(_veldnaam(model, veld), toegevoegd=objecten)))
            else:
                regels.append((volgorde[veld.name], Regel(_veldnaam(model, veld), verwijderd=objecten)))
            continue
        veld = _veld(model, naam)
        if veld is None or len(waarden) != 2:
            continue
        oud, nieuw = (toon(veld, w, namen) for w in waarden)
        if entry.action == LogEntry.Action.CREATE and not nieuw:
            continue
        if oud != nieuw or oud == AFGESCHERMD:
            regels.append((volgorde[veld.name], Regel(_veldnaam(model, veld), oud, nieuw)))
    return [regel for _, regel in sorted(regels, key=lambda paar: paar[0])]


def _wie(entry) -> str:
    if entry.actor is None:
        return str(SYSTEEM)
    return entry.actor.get_full_name() or entry.actor.get_username()


def beschrijf(entries) -> list[Gebeurtenis]:
    """The entries (a queryset or list, ideally with ``select_related("actor", "content_type")``), each
    as a :class:`Gebeurtenis`; the related objects of all of them in one query per related model."""
    entries = list(entries)
    namen = _verwijzingen(entries)
    gebeurtenissen = []
    for entry in entries:
        model = _model(entry)
        regels = [] if entry.action == LogEntry.Action.DELETE else _regels(entry, namen)
        gebeurtenissen.append(
            Gebeurtenis(
                entry=entry,
                wanneer=timezone.localtime(entry.timestamp),
                wie=_wie(entry),
                actie=str(ACTIES.get(entry.action, entry.get_action_display())),
                soort=capfirst(model._meta.verbose_name) if model else entry.content_type.model,
                gegeven=entry.object_repr,
                regels=regels,
                nieuw=entry.action == LogEntry.Action.CREATE,
            )
        )
    return gebeurtenissen
