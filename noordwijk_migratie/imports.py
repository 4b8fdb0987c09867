"""All-or-nothing CSV/XLSX import with per-row, per-column Dutch errors (reused by every app).

An importer declares its columns, a plain Django form that validates one row (field names equal
the column names) and the natural key that makes re-importing the same file idempotent::

    class BezettingImporter(Importer):
        model = Bezetting
        form_class = BezettingImportForm
        sleutelvelden = ("locatie", "datum")

Either every row is valid and all rows are saved in one transaction, or nothing is saved and
every error is reported with its row number and column.

Large imports: an importer may override :meth:`Importer.opslaan_alles` to validate every row in
Python and write them with ``bulk_create``/``bulk_update`` (see ``taakstelling.imports``). Bulk
writes send no ``post_save`` signals, so such an importer writes the audit trail itself with
:func:`log_wijzigingen` (the same entries django-auditlog would write, actor included). During an
import the data version of the caches is raised once, not per row (``cache.een_versiesprong``).
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.encoding import smart_str
from django.utils.translation import gettext as _

from .cache import een_versiesprong

MAX_BESTANDSGROOTTE = 10 * 1024 * 1024  # bytes of the upload
MAX_UITGEPAKT = 50 * 1024 * 1024  # bytes inside an XLSX (zip bomb guard)
MAX_RIJEN = 25_000

def log_wijzigingen(paren) -> int:
    """Write the audit trail of bulk-saved objects in one INSERT: one django-auditlog LogEntry per pair
    ``(old, new)`` that differs (``old`` None: created), built as auditlog's own ``log_create`` does
    (changes from ``auditlog.diff.model_instance_diff``, content type, object pk and repr, correlation
    id); the actor and request data come, as for every save, from auditlog's pre_save receiver of the
    active context (AuditlogMiddleware or ``auditlog.context.set_actor``). Returns the number written."""
    from auditlog import get_logentry_model
    from auditlog.cid import get_cid
    from auditlog.context import auditlog_disabled
    from auditlog.diff import model_instance_diff
    from auditlog.registry import auditlog
    from django.contrib.contenttypes.models import ContentType
    from django.db.models.signals import pre_save

    paren = list(paren)
    if not paren or auditlog_disabled.get() or not auditlog.contains(type(paren[0][1])):
        return 0
    LogEntry = get_logentry_model()
    # bulk_create sends no pre_save: send it once, so the receiver of the active auditlog context
    # (AuditlogMiddleware / set_actor) fills in actor, actor_email and the request data as for a save,
    # and give every entry what it filled in
    proef, leeg = LogEntry(), LogEntry()
    pre_save.send(sender=LogEntry, instance=proef, raw=False, using=connection.alias, update_fields=None)
    context = {
        f.attname: getattr(proef, f.attname)
        for f in LogEntry._meta.concrete_fields
        if not f.primary_key and f.attname != "timestamp" and getattr(proef, f.attname) != getattr(leeg, f.attname)
    }
    if proef.actor is not None:
        context["actor"] = proef.actor
    als_json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    cid = get_cid()
    per_model = {}
    regels = []
    for oud, nieuw in paren:
        changes = model_instance_diff(oud, nieuw, use_json_for_changes=als_json)
        if not changes:
            continue
        model = type(nieuw)
        if model not in per_model:
            per_model[model] = (
                ContentType.objects.get_for_model(model),
                auditlog.get_serialize_options(model)["serialize_data"],
            )
        content_type, serialiseren = per_model[model]
        aanvullend = getattr(nieuw, "get_additional_data", None)
        regels.append(
            LogEntry(
                content_type=content_type,
                object_pk=nieuw.pk,
                object_id=nieuw.pk if isinstance(nieuw.pk, int) else None,
                object_repr=smart_str(nieuw),
                serialized_data=LogEntry.objects._get_serialized_data_or_none(nieuw) if serialiseren else None,
                action=LogEntry.Action.CREATE if oud is None else LogEntry.Action.UPDATE,
                changes=changes,
                cid=cid,
                additional_data=aanvullend() if callable(aanvullend) else None,
                **context,
            )
        )
    LogEntry.objects.bulk_create(regels, batch_size=1000)
    return len(regels)


class ImportBestandFout(Exception):
    """The file as a whole cannot be read (wrong type, encoding, empty, too large, bad header)."""


@dataclass
class ImportFout:
    rij: int  # 1 = header row, so data starts at row 2 as in a spreadsheet
    kolom: str
    melding: str


@dataclass
class ImportResultaat:
    aangemaakt: int = 0
    bijgewerkt: int = 0
    fouten: list[ImportFout] = field(default_factory=list)

    @property
    def geslaagd(self) -> bool:
        return not self.fouten


def _cel_naar_tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        return waarde.date().isoformat() if waarde.time() == datetime.time() else waarde.isoformat()
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, float | Decimal):
        return str(waarde)
    return str(waarde).strip()


def lees_tabel(upload) -> tuple[list[str], list[list[str]]]:
    """Read an uploaded CSV (`;` or `,`, UTF-8) or XLSX into a header and rows of text."""
    naam = (getattr(upload, "name", "") or "").lower()
    data = upload.read()
    if not data:
        raise ImportBestandFout(_("Het bestand is leeg."))
    if len(data) > MAX_BESTANDSGROOTTE:
        raise ImportBestandFout(_("Het bestand is groter dan 10 MB."))
    if naam.endswith(".xlsx") or data[:2] == b"PK":
        rijen = _lees_xlsx(data)
    elif naam.endswith((".csv", ".txt")) or not naam:
        rijen = _lees_csv(data)
    else:
        raise ImportBestandFout(_("Alleen CSV- en XLSX-bestanden kunnen worden ingelezen."))
    rijen = [r for r in rijen if any(c.strip() for c in r)]
    if not rijen:
        raise ImportBestandFout(_("Het bestand bevat geen gegevens."))
    if len(rijen) - 1 > MAX_RIJEN:
        raise ImportBestandFout(_("Het bestand bevat meer dan %(max)s rijen.") % {"max": f"{MAX_RIJEN:n}"})
    kop = [k.strip().lower() for k in rijen[0]]
    return kop, rijen[1:]


def _lees_csv(data: bytes) -> list[list[str]]:
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportBestandFout(
            _("Het bestand is niet in UTF-8 opgeslagen. Kies in Excel 'CSV UTF-8 (door komma's gescheiden)'.")
        ) from exc
    if "\x00" in tekst:
        raise ImportBestandFout(_("Het bestand is geen tekstbestand (CSV)."))
    eerste_regel = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    return [[c.strip() for c in rij] for rij in csv.reader(io.StringIO(tekst), delimiter=scheiding)]


def _lees_xlsx(data: bytes) -> list[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(info.file_size for info in zf.infolist()) > MAX_UITGEPAKT:
                raise ImportBestandFout(_("Het XLSX-bestand is uitgepakt te groot om in te lezen."))
        werkboek = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportBestandFout:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ImportBestandFout(_("Het bestand is geen geldig XLSX-bestand.")) from exc
    try:
        blad = werkboek.worksheets[0]
        rijen = []
        for rij in blad.iter_rows(values_only=True):
            rijen.append([_cel_naar_tekst(c) for c in rij])
            if len(rijen) > MAX_RIJEN + 1:
                break
        return rijen
    finally:
        werkboek.close()


class Importer:
    """Subclass per importable model; see the module docstring."""

    model = None
    form_class = None
    sleutelvelden: tuple[str, ...] = ()
    titel = ""

    def kolommen(self) -> list[tuple[str, str, bool]]:
        """(column name, help text, required) for the template and the header check."""
        form = self.form_class()
        return [(naam, str(f.help_text or f.label or naam), f.required) for naam, f in form.fields.items()]

    def sleutel(self, waarden: dict) -> dict:
        return {naam: waarden[naam] for naam in self.sleutelvelden}

    def opslaan(self, waarden: dict) -> bool:
        """Save one validated row; return True when created. Default: update_or_create on the key."""
        sleutel = self.sleutel(waarden)
        rest = {k: v for k, v in waarden.items() if k not in sleutel}
        obj = self.model.objects.filter(**sleutel).first()
        if obj is None:
            obj = self.model(**sleutel, **rest)
            aangemaakt = True
        else:
            for k, v in rest.items():
                setattr(obj, k, v)
            aangemaakt = False
        obj.full_clean()
        obj.save()
        return aangemaakt

    def valideer(self, kop, rijen) -> tuple[list[dict], list[ImportFout]]:
        fouten = []
        bekend = {naam for naam, _help, _req in self.kolommen()}
        verplicht = {naam for naam, _help, req in self.kolommen() if req}
        for ontbreekt in sorted(verplicht - set(kop)):
            fouten.append(ImportFout(1, ontbreekt, _("Deze kolom ontbreekt in de kopregel.")))
        for onbekend in sorted(set(kop) - bekend - {""}):
            fouten.append(ImportFout(1, onbekend, _("Onbekende kolom; gebruik het sjabloon.")))
        if fouten:
            return [], fouten
        schoon, sleutels = [], {}
        form = self.form_class(data={})
        for nummer, rij in enumerate(rijen, start=2):
            gegevens = {kolom: (rij[i] if i < len(rij) else "") for i, kolom in enumerate(kop) if kolom}
            _bind(form, gegevens)
            if not form.is_valid():
                for veld, meldingen in form.errors.items():
                    kolom = veld if veld != "__all__" else "—"
                    fouten.extend(ImportFout(nummer, kolom, m) for m in meldingen)
                continue
            sleutel = tuple(str(form.cleaned_data[k]) for k in self.sleutelvelden)
            if self.sleutelvelden and sleutel in sleutels:
                fouten.append(
                    ImportFout(
                        nummer, ", ".join(self.sleutelvelden), _("Dubbel met rij %(rij)s.") % {"rij": sleutels[sleutel]}
                    )
                )
                continue
            sleutels[sleutel] = nummer
            schoon.append((nummer, form.cleaned_data))
        return schoon, fouten

    def opslaan_alles(self, schoon, resultaat: ImportResultaat) -> None:
        """Save every validated ``(row number, values)``, counting in ``resultaat`` and adding save-time
        errors to ``resultaat.fouten`` (then everything is rolled back). Default: :meth:`opslaan` per row."""
        for nummer, waarden in schoon:
            try:
                if self.opslaan(waarden):
                    resultaat.aangemaakt += 1
                else:
                    resultaat.bijgewerkt += 1
            except ValidationError as exc:
                resultaat.fouten.extend(validatiefouten(nummer, exc))

    def importeer(self, upload) -> ImportResultaat:
        resultaat = ImportResultaat()
        try:
            kop, rijen = lees_tabel(upload)
        except ImportBestandFout as exc:
            resultaat.fouten.append(ImportFout(0, "—", str(exc)))
            return resultaat
        schoon, resultaat.fouten = self.valideer(kop, rijen)
        if resultaat.fouten:
            return resultaat
        try:
            with een_versiesprong(), transaction.atomic():
                self.opslaan_alles(schoon, resultaat)
                if resultaat.fouten:
                    raise _Terugdraaien
        except _Terugdraaien:
            resultaat.aangemaakt = resultaat.bijgewerkt = 0
        except IntegrityError:
            resultaat.aangemaakt = resultaat.bijgewerkt = 0
            resultaat.fouten.append(ImportFout(0, "—", _("De gegevens zijn in strijd met bestaande gegevens.")))
        return resultaat

    def sjabloon_xlsx(self) -> bytes:
        werkboek = openpyxl.Workbook()
        blad = werkboek.active
        blad.title = "Gegevens"
        blad.append([naam for naam, _help, _req in self.kolommen()])
        toelichting = werkboek.create_sheet("Toelichting")
        toelichting.append(["kolom", "omschrijving", "verplicht"])
        for naam, helptekst, verplicht in self.kolommen():
            toelichting.append([naam, helptekst, "ja" if verplicht else "nee"])
        buffer = io.BytesIO()
        werkboek.save(buffer)
        return buffer.getvalue()

    def sjabloon_csv(self) -> str:
        return "\ufeff" + ";".join(naam for naam, _help, _req in self.kolommen()) + "\r\n"


def validatiefouten(nummer: int, exc: ValidationError) -> list[ImportFout]:
    """A model ValidationError as per-column errors of row ``nummer`` (``__all__`` → "—")."""
    paren = exc.message_dict.items() if hasattr(exc, "error_dict") else [("—", exc.messages)]
    return [ImportFout(nummer, veld if veld != "__all__" else "—", m) for veld, meldingen in paren for m in meldingen]


def _bind(form, gegevens: dict) -> None:
    """Bind ``form`` to the next row: validating ten thousand rows with one form instance avoids
    deep-copying every field per row (import forms keep no state outside cleaned_data/errors; the
    cached bound fields read ``form.data`` on every access)."""
    form.is_bound = True
    form.data = gegevens
    form._errors = None
    form.__dict__.pop("cleaned_data", None)


class _Terugdraaien(Exception):
    """Raised inside the transaction to roll back every row when one fails at save time."""
