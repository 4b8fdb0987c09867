"""All-or-nothing CSV/XLSX import with per-row, per-column Dutch errors (reused by every app).

An importer declares its columns, a plain Django form that validates one row (field names equal
the column names) and the natural key that makes re-importing the same file idempotent::

    class BezettingImporter(Importer):
        model = Bezetting
        form_class = BezettingImportForm
        sleutelvelden = ("locatie", "datum")

Either every row is valid and all rows are saved in one transaction, or nothing is saved and
every error is reported with its row number and column.

Limits (security issue #12): :func:`controleer` checks a file before anything parses it (10 MB,
type; for an XLSX the unpacked size, no DTD and a count of its XML elements with expat, see :func:`_tel_markup`;
for a CSV the encoding, the header width and the number of cells), and :func:`lees_tabel` reads only
within bounds: at most MAX_RIJEN data rows (it stops at the first row beyond), only the columns up to the
last column of the header (at most MAX_KOLOMMEN), never the declared dimension of a sheet; a CSV field
over 128 kB is a Dutch error. A file of more than SYNCHROON_MAX_RIJEN rows is imported by a Celery task
(:func:`start_importtaak`, :class:`~noordwijk_migratie.models.ImportTaak`), all or nothing as well.

Large imports: an importer may override :meth:`Importer.opslaan_alles` to validate every row in
Python and write them with ``bulk_create``/``bulk_update`` (see ``taakstelling.imports``). Bulk
writes send no ``post_save`` signals, so such an importer writes the audit trail itself with
:func:`log_wijzigingen` (the entries django-auditlog would write, with the importing user as actor). During an
import the data version of the caches is raised once, not per row (``cache.een_versiesprong``).
"""

import csv
import datetime
import io
import json
import logging
import os
import zipfile
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from xml.parsers import expat

from django import forms
from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.encoding import smart_str
from django.utils.formats import number_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .cache import een_versiesprong

logger = logging.getLogger(__name__)

MAX_BESTANDSGROOTTE = 10 * 1024 * 1024  # bytes of the upload
MAX_UITGEPAKT = 50 * 1024 * 1024  # bytes inside an XLSX (zip bomb guard)
MAX_RIJEN = 25_000  # data rows; reading stops at the first row beyond
MAX_KOLOMMEN = 50  # width of the header row; data is read only as far as the last header column
SYNCHROON_MAX_RIJEN = 2_000  # larger imports run as a Celery task (generic.ImportView, ImportTaak)
# XLSX markup, counted before openpyxl parses anything (see _tel_markup):
XML_PER_CEL = 4  # elements a cell can take: <c>, <v> or <is><t>, and its shared string <si><t>
MAX_XML_PER_RIJ = XML_PER_CEL * 16_384  # one <row> (Excel's own limit is 16,384 columns, XFD)
MAX_OPMAAK = 50_000  # elements that are not cell content: styles, merged cells, validation, …
MAX_BEWAARDE_FOUTEN = 1_000  # errors an ImportTaak keeps to show (it counts them all)
# expat from this version on limits entity amplification itself ("billion laughs", "quadratic blowup"; Python's
# "XML vulnerabilities" table); the import refuses every DTD before anything is parsed (_tel_markup) in any case
MIN_EXPAT = (2, 4, 1)


def lees_xml_met_expat() -> None:
    """Let openpyxl read a workbook's XML with the standard library's C parser instead of defusedxml's pure-Python
    one (a quarter of reading a large sheet): openpyxl's own switch, the environment variable OPENPYXL_DEFUSEDXML,
    read once when openpyxl is first imported (hence called from the app's ``ready()``; a value set outside is
    kept). What defusedxml adds to the standard parser is refusing entity declarations and external entities;
    :func:`_tel_markup` refuses every DTD, in which alone they can be declared, in every part of an upload before
    openpyxl sees it, and the standard library never fetches an external DTD or entity. With an expat older than
    MIN_EXPAT openpyxl keeps its default (and :func:`controleer_expat` reports an error)."""
    if expat.version_info >= MIN_EXPAT:
        os.environ.setdefault("OPENPYXL_DEFUSEDXML", "False")


@checks.register(checks.Tags.security)
def controleer_expat(app_configs, **kwargs):
    """Imports parse uploaded XML (XLSX) with expat: refuse to run with one that lacks its own protection."""
    if expat.version_info < MIN_EXPAT:
        versie, minimum = (".".join(map(str, v)) for v in (expat.version_info, MIN_EXPAT))
        return [
            checks.Error(
                f"De XML-parser expat {versie} is ouder dan {minimum} en beschermt niet tegen 'billion laughs'; werk "
                "Python of libexpat bij voordat er bestanden worden ingelezen.",
                id="kern.E002",
            )
        ]
    return []


def _spoorvelden(model) -> list[tuple[str, str, object]]:
    """(name, attname, text function) of every concrete field of ``model`` that django-auditlog tracks, per its
    public registry (``auditlog.get_model_fields``: include, exclude and mask fields, mask callable). The text
    of a value is the one auditlog stores: a foreign key as its id, a date-time as naive UTC, JSON sorted, a
    masked field through the mask callable, anything else ``str`` (as ``smart_str``)."""
    from auditlog.registry import auditlog

    registratie = auditlog.get_model_fields(model)
    masker = import_string(registratie["mask_callable"] or settings.AUDITLOG_MASK_CALLABLE)
    velden = []
    for veld in model._meta.concrete_fields:
        if registratie["include_fields"] and veld.name not in registratie["include_fields"]:
            continue
        if veld.name in registratie["exclude_fields"]:
            continue
        if isinstance(veld, models.DateTimeField):

            def tekst(w):
                return str(timezone.make_naive(w, datetime.UTC) if w is not None and timezone.is_aware(w) else w)
        elif isinstance(veld, models.JSONField):

            def tekst(w, encoder=veld.encoder):
                return json.dumps(w, sort_keys=True, cls=encoder)
        else:
            tekst = str
        if veld.name in registratie["mask_fields"]:

            def tekst(w, ruw=tekst):
                return masker(ruw(w))

        velden.append((veld.name, veld.attname, tekst))
    return velden


def log_wijzigingen(paren, door=None) -> int:
    """Write the audit trail of bulk-saved objects (``bulk_create`` sends no signals, so django-auditlog's
    receivers don't see these saves) as django-auditlog ``LogEntry`` objects in one bulk INSERT: one entry per
    pair ``(old, new)`` that differs (``old`` None: created), with the fields auditlog documents for an entry
    (content type, object pk and repr, action, changes as ``{field: [old, new]}`` texts, correlation id,
    additional data) and ``door`` (the user who imported) as actor. The changes are the concrete fields whose
    stored text differs (:func:`_spoorvelden`; the texts auditlog's own receivers store, so the history reads
    the same as after a save through a form), compared once per field instead of diffing whole instances.
    Returns the number written."""
    from auditlog import get_logentry_model
    from auditlog.cid import get_cid
    from auditlog.context import auditlog_disabled
    from auditlog.registry import auditlog
    from django.contrib.contenttypes.models import ContentType

    paren = list(paren)
    if not paren or auditlog_disabled.get() or not auditlog.contains(type(paren[0][1])):
        return 0
    LogEntry = get_logentry_model()
    model = type(paren[0][1])
    velden = _spoorvelden(model)
    content_type = ContentType.objects.get_for_model(model)
    wie = {"actor": door, "actor_email": getattr(door, "email", None)} if door is not None else {}
    cid = get_cid()
    regels = []
    for oud, nieuw in paren:
        if oud is None:  # created: every field with a value, against "None"
            changes = {
                naam: ["None", na]
                for naam, attnaam, tekst in velden
                if (na := tekst(getattr(nieuw, attnaam))) != "None"
            }
        else:
            changes = {}
            for naam, attnaam, tekst in velden:
                voor, na = getattr(oud, attnaam), getattr(nieuw, attnaam)
                if voor != na and (paar := [tekst(voor), tekst(na)])[0] != paar[1]:
                    changes[naam] = paar
        if not changes:
            continue
        aanvullend = getattr(nieuw, "get_additional_data", None)
        regels.append(
            LogEntry(
                content_type=content_type,
                object_pk=nieuw.pk,
                object_id=nieuw.pk if isinstance(nieuw.pk, int) else None,
                object_repr=smart_str(nieuw),
                action=LogEntry.Action.CREATE if oud is None else LogEntry.Action.UPDATE,
                changes=changes,
                cid=cid,
                additional_data=aanvullend() if callable(aanvullend) else None,
                **wie,
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
    ongewijzigd: int = 0  # rows that match what is stored (re-importing an export changes nothing)
    fouten: list[ImportFout] = field(default_factory=list)

    @property
    def geslaagd(self) -> bool:
        return not self.fouten

    @classmethod
    def met_fout(cls, melding: str) -> "ImportResultaat":
        """The result of an import that could not start (the file as a whole, or the system)."""
        return cls(fouten=[ImportFout(0, "—", melding)])


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


@dataclass(frozen=True)
class Tabelbestand:
    """An upload that passed every check that needs no parsing (:func:`controleer`); only such a file is
    given to the CSV reader or to openpyxl (:func:`lees_tabel`)."""

    naam: str
    data: bytes
    xlsx: bool
    omvang: int  # at most this many rows (header included) can be read: decides direct or as a task


def controleer(upload, kolommen: int) -> Tabelbestand:
    """Check an upload before anything parses it: size, type, and for an XLSX the zip and its markup
    (:func:`_tel_markup`; ``kolommen``, the number of columns the import expects, bounds its cells);
    for a CSV the encoding, the header width and the number of cells. Raises ImportBestandFout."""
    naam = getattr(upload, "name", "") or ""
    te_groot = _("Het bestand is groter dan 10 MB.")
    if (getattr(upload, "size", 0) or 0) > MAX_BESTANDSGROOTTE:  # before it is read into memory
        raise ImportBestandFout(te_groot)
    data = upload.read()
    if not data:
        raise ImportBestandFout(_("Het bestand is leeg."))
    if len(data) > MAX_BESTANDSGROOTTE:
        raise ImportBestandFout(te_groot)
    if naam.lower().endswith(".xlsx") or data[:2] == b"PK":
        return Tabelbestand(naam, data, True, _tel_markup(data, kolommen))
    if naam.lower().endswith((".csv", ".txt")) or not naam:
        tekst, _scheiding = _csv_tekst(data)
        return Tabelbestand(naam, data, False, tekst.count("\n") + 1)
    raise ImportBestandFout(_("Alleen CSV- en XLSX-bestanden kunnen worden ingelezen."))


def lees_tabel(bestand: Tabelbestand) -> tuple[list[str], list[list[str]]]:
    """The header (lower case) and the non-empty data rows, as text, of a checked file. Reading is bounded:
    it stops at the first row beyond MAX_RIJEN, and reads only as far as the last column of the header,
    which must lie within MAX_KOLOMMEN."""
    return _lees_xlsx(bestand.data) if bestand.xlsx else _lees_csv(bestand.data)


def _getal(waarde: int) -> str:
    return number_format(waarde, force_grouping=True)


def _te_veel_rijen() -> ImportBestandFout:
    return ImportBestandFout(_("Het bestand bevat meer dan %(max)s rijen.") % {"max": _getal(MAX_RIJEN)})


def _te_veel_kolommen() -> ImportBestandFout:
    return ImportBestandFout(
        _("De kopregel heeft meer dan %(max)s kolommen; gebruik het sjabloon.") % {"max": MAX_KOLOMMEN}
    )


def _te_veel_cellen(kolommen: int) -> ImportBestandFout:
    return ImportBestandFout(
        _("Het bestand bevat te veel cellen: hoogstens %(rijen)s rijen van %(kolommen)s kolommen.")
        % {"rijen": _getal(MAX_RIJEN), "kolommen": kolommen}
    )


def _kop(cellen: list[str]) -> tuple[list[str], int]:
    """The header row and how many columns the data rows are read for: up to its last named column."""
    namen = [c.strip().lower() for c in cellen]
    breedte = max(i for i, naam in enumerate(namen, start=1) if naam)
    if breedte > MAX_KOLOMMEN:
        raise _te_veel_kolommen()
    return namen[:breedte], breedte


def _geen_gegevens() -> ImportBestandFout:
    return ImportBestandFout(_("Het bestand bevat geen gegevens."))


def _csv_tekst(data: bytes) -> tuple[str, str]:
    """The text and its separator, after the checks that need no splitting: the header width is counted
    before a line is split (a line of millions of separators would otherwise become millions of fields),
    and so is the number of cells."""
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportBestandFout(
            _("Het bestand is niet in UTF-8 opgeslagen. Kies in Excel 'CSV UTF-8 (door komma's gescheiden)'.")
        ) from exc
    if "\x00" in tekst:
        raise ImportBestandFout(_("Het bestand is geen tekstbestand (CSV)."))
    einde = tekst.find("\n")
    eerste_regel = tekst if einde < 0 else tekst[:einde]
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    if eerste_regel.count(scheiding) >= MAX_KOLOMMEN:
        raise _te_veel_kolommen()
    if tekst.count(scheiding) > (MAX_RIJEN + 1) * MAX_KOLOMMEN:
        raise _te_veel_cellen(MAX_KOLOMMEN)
    return tekst, scheiding


def _lees_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    tekst, scheiding = _csv_tekst(data)
    # newline="": the csv module itself recognises \r\n, \n and a lone \r as the end of a row
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kop, breedte, rijen = None, 0, []
    try:
        for rij in lezer:
            if kop is None:
                if any(c.strip() for c in rij):
                    kop, breedte = _kop(rij)
                continue
            cellen = [c.strip() for c in rij[:breedte]]
            if any(cellen):
                if len(rijen) == MAX_RIJEN:
                    raise _te_veel_rijen()
                rijen.append(cellen)
    except csv.Error as exc:  # the only one left: a field beyond csv.field_size_limit() (128 kB)
        raise ImportBestandFout(
            _(
                "Regel %(regel)s van het CSV-bestand bevat een veld van meer dan %(kb)s kB "
                "(of een aanhalingsteken dat niet wordt gesloten)."
            )
            % {"regel": _getal(lezer.line_num), "kb": csv.field_size_limit() // 1024}
        ) from exc
    if kop is None:
        raise _geen_gegevens()
    return kop, rijen


def _lees_xlsx(data: bytes) -> tuple[list[str], list[list[str]]]:
    """openpyxl in read-only mode, with explicit bounds: the declared dimension is ignored
    (``reset_dimensions``), the header is read up to MAX_KOLOMMEN + 1 columns and the data up to the
    last header column (``max_col``), and reading stops at the first row beyond MAX_RIJEN (``max_row``).
    The markup was counted before (:func:`controleer`), so what openpyxl parses is bounded as well."""
    import openpyxl  # ~18 MB: loaded by the process that reads a workbook, not by every web worker

    werkboek = None
    try:
        werkboek = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        blad = werkboek.worksheets[0]
        blad.reset_dimensions()
        kop, breedte, kopregel = None, 0, 0
        for rij in blad.iter_rows(max_row=MAX_RIJEN + 1, max_col=MAX_KOLOMMEN + 1, values_only=True):
            kopregel += 1
            cellen = [_cel_naar_tekst(c) for c in rij]
            if any(cellen):
                kop, breedte = _kop(cellen)
                break
        if kop is None:
            raise _geen_gegevens()
        rijen = []
        for nummer, rij in enumerate(
            blad.iter_rows(min_row=kopregel + 1, max_row=MAX_RIJEN + 2, max_col=breedte, values_only=True),
            start=kopregel + 1,
        ):
            if nummer > MAX_RIJEN + 1:
                raise _te_veel_rijen()
            cellen = [_cel_naar_tekst(c) for c in rij]
            if any(cellen):
                rijen.append(cellen)
        return kop, rijen
    except ImportBestandFout:
        raise
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ImportBestandFout(_("Het bestand is geen geldig XLSX-bestand.")) from exc
    finally:
        if werkboek is not None:
            werkboek.close()


_HOOFD = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # as expat names it (separator "}")
_CELINHOUD = frozenset(_HOOFD + naam for naam in ("sheetData", "row", "c", "v", "f", "is", "t", "r", "sst", "si"))
_RIJ = _HOOFD + "row"
_GEDEELDE_TEKSTEN = _HOOFD + "sst"


class _Markup:
    """expat's start-element handler for :func:`_tel_markup`: counts, and refuses at the first element
    beyond a limit."""

    __slots__ = ("max_cellen", "kolommen", "cellen", "opmaak", "rijen", "in_rij", "meeste_rijen")

    def __init__(self, kolommen: int):
        self.kolommen = kolommen
        self.max_cellen = (MAX_RIJEN + 1) * (1 + XML_PER_CEL * kolommen)
        self.cellen = self.opmaak = self.rijen = self.in_rij = self.meeste_rijen = 0

    def nieuw_deel(self):
        self.rijen = self.in_rij = 0

    def start(self, naam, _attributen):
        self.in_rij += 1
        if naam in _CELINHOUD:
            self.cellen += 1
            if naam == _RIJ:
                self.in_rij = 1
                self.rijen += 1
                self.meeste_rijen = max(self.meeste_rijen, self.rijen)
                if self.rijen > MAX_RIJEN + 1:
                    raise _te_veel_rijen()
            elif naam == _GEDEELDE_TEKSTEN:  # no rows: openpyxl reads (and frees) one <si> at a time
                self.in_rij = -self.max_cellen
            if self.cellen > self.max_cellen:
                raise _te_veel_cellen(self.kolommen)
        else:
            self.opmaak += 1
            if self.opmaak > MAX_OPMAAK:
                raise ImportBestandFout(
                    _(
                        "Het XLSX-bestand bevat te veel opmaak om in te lezen; gebruik het sjabloon of sla het op als CSV."
                    )
                )
        if self.in_rij > MAX_XML_PER_RIJ:
            raise ImportBestandFout(_("Een rij van het XLSX-bestand bevat te veel cellen."))

    @staticmethod
    def weiger_dtd(*_args):
        """No DTD (a spreadsheet has none): entities are declared in one, so none is ever expanded or fetched."""
        raise ImportBestandFout(
            _("Het XLSX-bestand bevat een DTD (XML-entiteiten) en wordt niet ingelezen; sla het opnieuw op in Excel.")
        )


def _tel_markup(data: bytes, kolommen: int) -> int:
    """Count the XML elements of every part of an XLSX with expat (nothing is built, memory stays
    constant) and refuse it at the first element beyond a limit, before openpyxl parses any of it:
    openpyxl builds each ``<row>``, the shared strings and the styles completely in memory, and its
    ``max_row``/``max_col`` bounds only filter what it has already parsed. Cell content is bounded by
    the rows and the expected columns, every other element (styles, merged cells, …) by MAX_OPMAAK,
    a single row by MAX_XML_PER_RIJ and each sheet by MAX_RIJEN. A part with a DTD is refused at its
    start (:meth:`_Markup.weiger_dtd`): no entity reaches openpyxl, which reads with the standard parser
    (:func:`lees_xml_met_expat`). A part that is not XML (an image) is counted up to where expat stops,
    which is also where openpyxl would stop.

    Returns how many rows reading may yield: the most ``<row>`` elements of a sheet, or more when its
    cells would fill more rows of the expected width (a measure of the work, for direct or as a task)."""
    kolommen = max(kolommen, 1)
    teller = _Markup(kolommen)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(info.file_size for info in zf.infolist()) > MAX_UITGEPAKT:  # zipfile reads no more
                raise ImportBestandFout(_("Het XLSX-bestand is uitgepakt te groot om in te lezen."))
            for info in zf.infolist():
                teller.nieuw_deel()
                parser = expat.ParserCreate(namespace_separator="}")
                parser.StartElementHandler = teller.start
                parser.StartDoctypeDeclHandler = _Markup.weiger_dtd  # at its start, before any declaration in it
                with zf.open(info) as deel:
                    try:
                        while blok := deel.read(1 << 16):
                            parser.Parse(blok, False)
                        parser.Parse(b"", True)
                    except expat.ExpatError:
                        continue
    except ImportBestandFout:
        raise
    except Exception as exc:  # not a zip, damaged, encrypted
        raise ImportBestandFout(_("Het bestand is geen geldig XLSX-bestand.")) from exc
    return max(teller.meeste_rijen, -(-teller.cellen // (1 + XML_PER_CEL * kolommen)))


LEEG = ("—", "–")  # what a list shows for an empty value; read as empty
ONBEKEND = "onbekend"  # what a list shows for an unknown number; read as empty in a non-text column
VOORBEELD_TEKST = "Voorbeeld: deze regel wordt niet ingelezen"


def _normaal(tekst) -> str:
    return " ".join(str(tekst).split()).casefold()


class Importer:
    """Subclass per importable model; see the module docstring.

    A column is found by its name, its label or the header the list export gives it (``tabel``): an export
    of the list reads back unchanged. Columns of ``tabel`` that are no import column (computed figures) are
    skipped. A choice is read by its code or its label ("gezin" or "Gezin met kinderen"), a reference by its
    code or its name; "—" and (outside text columns) "onbekend" are empty, as the lists show them."""

    model = None
    form_class = None
    tabel = None  # the list's table class, whose export this importer reads back
    sleutelvelden: tuple[str, ...] = ()
    titel = ""
    voorbeeldrij: dict[str, str] = {}  # example values per column; the rest follows from the field
    door = None  # the user importing (set by importeer; the actor of bulk-written audit entries)

    def kolommen(self) -> list[tuple[str, str, bool]]:
        """(column name, help text, required) for the template and the header check."""
        form = self.form_class()
        return [(naam, str(f.help_text or f.label or naam), f.required) for naam, f in form.fields.items()]

    def uitleg(self) -> list[dict]:
        """Per column: name, description, required, the allowed values and the example (page and template)."""
        form = self.form_class()
        voorbeeld = self.voorbeeld()
        return [
            {
                "naam": naam,
                "omschrijving": omschrijving,
                "verplicht": verplicht,
                "toegestaan": self._toegestaan(form.fields[naam]),
                "voorbeeld": voorbeeld[naam],
            }
            for naam, omschrijving, verplicht in self.kolommen()
        ]

    @staticmethod
    def _keuzes(veld) -> list[tuple[str, str]]:
        """(code, label) of a choice or reference field, without the empty choice."""
        if isinstance(veld, forms.ModelChoiceField):
            sleutel = veld.to_field_name or "pk"
            return [(str(getattr(obj, sleutel)), str(obj)) for obj in veld.queryset]
        return [(str(code), str(label)) for code, label in veld.choices if code not in ("", None)]

    def _toegestaan(self, veld) -> str:
        if isinstance(veld, forms.ModelChoiceField | forms.ChoiceField):
            keuzes = self._keuzes(veld)
            if not keuzes:
                return _("nog geen; voer ze eerst in")
            tekst = "; ".join(label if code == label else f"{label} ({code})" for code, label in keuzes[:30])
            return tekst + ("; …" if len(keuzes) > 30 else "")
        if isinstance(veld, forms.DateField):
            return _("datum: dd-mm-jjjj of jjjj-mm-dd")
        if isinstance(veld, forms.BooleanField | forms.NullBooleanField) or veld.__class__.__name__ == "JaNeeVeld":
            return _("ja of nee")
        if isinstance(veld, forms.IntegerField):
            ondergrens = getattr(veld, "min_value", None)
            if ondergrens is not None:
                return _("geheel getal, %(min)s of meer") % {"min": ondergrens}
            return _("geheel getal")
        if isinstance(veld, forms.DecimalField | forms.FloatField):
            return _("getal, bijvoorbeeld 1234,50")
        if getattr(veld, "max_length", None):
            return _("tekst, hoogstens %(max)s tekens") % {"max": veld.max_length}
        return _("tekst")

    def voorbeeld(self) -> dict[str, str]:
        """The example row of the template (skipped on import while it is unchanged)."""
        form = self.form_class()
        rij, gemarkeerd = {}, False
        for naam, veld in form.fields.items():
            if naam in self.voorbeeldrij:
                rij[naam] = str(self.voorbeeldrij[naam])
            elif isinstance(veld, forms.ModelChoiceField | forms.ChoiceField):
                keuzes = self._keuzes(veld)
                rij[naam] = keuzes[0][1] if keuzes and veld.required else ""
            elif isinstance(veld, forms.DateField):
                rij[naam] = "15-01-2025"
            elif isinstance(veld, forms.IntegerField | forms.DecimalField):
                rij[naam] = str(max(getattr(veld, "min_value", None) or 0, 1))
            elif isinstance(veld, forms.CharField) and not gemarkeerd and not veld.required:
                rij[naam], gemarkeerd = VOORBEELD_TEKST[: veld.max_length or None], True
            else:
                rij[naam] = ""
        return rij

    def _kopnamen(self) -> tuple[dict[str, str], set[str]]:
        """(header as written → column, headers of computed list columns that are skipped)."""
        form = self.form_class()
        namen = {}
        modelvelden = {f.name: f for f in self.model._meta.get_fields() if hasattr(f, "verbose_name")}
        for naam, veld in form.fields.items():
            for kop in (naam, veld.label, getattr(modelvelden.get(naam), "verbose_name", None)):
                if kop:
                    namen.setdefault(_normaal(kop), naam)
        overslaan = set()
        if self.tabel is not None:
            for kolom in self.tabel(self.model.objects.none()).columns.iterall():  # headers as on the page
                kop = _normaal(kolom.header)
                if kolom.name in form.fields:
                    namen.setdefault(kop, kolom.name)
                elif not kolom.column.exclude_from_export and kop not in namen:
                    overslaan.add(kop)
        return namen, overslaan

    def _vertaal(self, form, gegevens: dict, keuzes: dict) -> dict:
        """Labels to codes, names to keys and the lists' empty markers to empty, before the form reads a row."""
        uit = {}
        for naam, waarde in gegevens.items():
            if not waarde:  # an empty cell stays empty
                uit[naam] = waarde
                continue
            veld = form.fields[naam]
            tekst = _normaal(waarde)
            if waarde in LEEG or (tekst == ONBEKEND and not isinstance(veld, forms.CharField)):
                waarde = ""
            elif naam in keuzes:
                waarde = keuzes[naam].get(tekst, waarde)
            uit[naam] = waarde
        return uit

    def model_waarden(self, waarden: dict) -> dict:
        """The model's field values of a validated row (a subclass renames columns that differ)."""
        return waarden

    def regelfouten(self, nummer: int, waarden: dict, fout_velden) -> list[ImportFout]:
        """The model's own rules for a row (its clean() and field checks), also when some columns failed:
        every error of a row in one round. The failed columns are left out, as a ModelForm does."""
        velden = {f.name for f in self.model._meta.concrete_fields}
        # a column that failed (or is empty) is not checked again: the form has judged it
        modelwaarden = {k: v for k, v in self.model_waarden(waarden).items() if k in velden and v is not None}
        overslaan = velden - set(modelwaarden) | set(fout_velden)
        # a reference the form found is known to exist: no query per row to check it again
        overslaan |= {k for k, v in modelwaarden.items() if hasattr(v, "_meta")}
        # a field's own checks (clean_fields: its type, choices, validators) depend on its value alone: a value
        # that passed them in an earlier row of this import takes the value they made of it and is not checked
        # again; the model's clean() still runs for every row
        gecontroleerd = vars(self).setdefault("_gecontroleerd", {})  # (field, type, repr) → checked value
        nieuw = {}
        for naam, waarde in modelwaarden.items():
            if naam not in overslaan:
                sleutel = (naam, type(waarde), repr(waarde))
                if sleutel in gecontroleerd:
                    modelwaarden[naam] = gecontroleerd[sleutel]
                    overslaan.add(naam)
                else:
                    nieuw[naam] = sleutel
        obj = self.model(**modelwaarden)
        try:
            obj.full_clean(exclude=overslaan, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            return validatiefouten(nummer, exc)
        gecontroleerd.update((sleutel, getattr(obj, naam)) for naam, sleutel in nieuw.items())
        return []

    def sleutel(self, waarden: dict) -> dict:
        return {naam: waarden[naam] for naam in self.sleutelvelden}

    def opslaan(self, waarden: dict) -> bool:
        """Save one validated row; return True when created, False when changed, None when it matches what
        is stored (then nothing is written). Default: update_or_create on the key."""
        sleutel = self.sleutel(waarden)
        rest = {k: v for k, v in waarden.items() if k not in sleutel}
        obj = self.model.objects.filter(**sleutel).first()
        if obj is None:
            obj = self.model(**sleutel, **rest)
            aangemaakt = True
        else:
            if all(getattr(obj, k) == v for k, v in rest.items()):
                return None
            for k, v in rest.items():
                setattr(obj, k, v)
            aangemaakt = False
        obj.full_clean()
        obj.save()
        return aangemaakt

    def valideer(self, kop, rijen, voortgang=None) -> tuple[list[dict], list[ImportFout]]:
        """Every row through the import form; ``voortgang(deel)`` hears the share done (0–1) now and then."""
        fouten = []
        namen, overslaan = self._kopnamen()
        kop = [namen.get(_normaal(k), k) if k and _normaal(k) not in overslaan else "" for k in kop]
        verplicht = {naam for naam, _help, req in self.kolommen() if req}
        for ontbreekt in sorted(verplicht - set(kop)):
            fouten.append(ImportFout(1, ontbreekt, _("Deze kolom ontbreekt in de kopregel.")))
        for onbekend in sorted(set(kop) - set(namen.values()) - {""}):
            fouten.append(ImportFout(1, onbekend, _("Onbekende kolom; gebruik het sjabloon.")))
        if fouten:
            return [], fouten
        schoon, sleutels = [], {}
        self._gecontroleerd = {}  # see regelfouten; the database is as it was for every row of this round
        # one form for all rows: binding it to the next row's data and cleaning it again is far cheaper than a
        # new form per row (which deep-copies every field); import forms keep no state outside their data
        form = self.form_class(data={})
        for veld in form.fields.values():  # this form's own copies of the fields
            veld.clean = _per_waarde(veld.clean)
        keuzes = {
            naam: {_normaal(label): code for code, label in self._keuzes(veld)}
            for naam, veld in form.fields.items()
            if naam in kop and isinstance(veld, forms.ModelChoiceField | forms.ChoiceField)
        }
        voorbeeld = self.voorbeeld()
        for nummer, rij in enumerate(rijen, start=2):
            if voortgang and nummer % 500 == 0:
                voortgang(nummer / len(rijen))
            ruw = {kolom: (rij[i] if i < len(rij) else "") for i, kolom in enumerate(kop) if kolom}
            if nummer == 2 and all(_normaal(w) == _normaal(voorbeeld[k]) for k, w in ruw.items()):
                continue  # the template's example row
            form.data = self._vertaal(form, ruw, keuzes)
            form.full_clean()
            if not form.is_valid():
                for veld, meldingen in form.errors.items():
                    kolom = veld if veld != "__all__" else "—"
                    waarde = ruw.get(veld, "")
                    fouten.extend(
                        ImportFout(nummer, kolom, f"{m} (waarde: «{waarde}»)" if waarde else m) for m in meldingen
                    )
                fouten.extend(self.regelfouten(nummer, form.cleaned_data, form.errors))
                continue
            regels = self.regelfouten(nummer, form.cleaned_data, ())
            if regels:
                fouten.extend(regels)
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
                aangemaakt = self.opslaan(waarden)
                if aangemaakt is None:
                    resultaat.ongewijzigd += 1
                elif aangemaakt:
                    resultaat.aangemaakt += 1
                else:
                    resultaat.bijgewerkt += 1
            except ValidationError as exc:
                resultaat.fouten.extend(validatiefouten(nummer, exc))

    def importeer(self, upload, voortgang=None, afronden=None, door=None) -> ImportResultaat:
        """Check, read, validate and (all or nothing) save ``upload``: an uploaded file or a
        :class:`Tabelbestand`, imported by user ``door`` (the actor in the audit trail of bulk writes). ``voortgang(procent)`` hears how far it got, always outside the
        transaction (so another request can show it); ``afronden(resultaat)`` runs inside the
        transaction after a successful save, so what it writes commits together with the rows."""
        voortgang = voortgang or (lambda _procent: None)
        self.door = door
        try:
            bestand = upload if isinstance(upload, Tabelbestand) else controleer(upload, len(self.kolommen()))
            kop, rijen = lees_tabel(bestand)
        except ImportBestandFout as exc:
            return ImportResultaat.met_fout(str(exc))
        voortgang(10)
        resultaat = ImportResultaat()
        schoon, resultaat.fouten = self.valideer(kop, rijen, lambda deel: voortgang(10 + int(60 * deel)))
        voortgang(70)
        # the valid rows are saved even when others failed (and rolled back then): their save-time errors
        # (keys, uniqueness) are reported in the same round as the others
        try:
            with een_versiesprong(), transaction.atomic():
                self.opslaan_alles(schoon, resultaat)
                if resultaat.fouten:
                    resultaat.fouten.sort(key=lambda fout: fout.rij)
                    raise _Terugdraaien
                if afronden:
                    afronden(resultaat)
        except _Terugdraaien:
            resultaat.aangemaakt = resultaat.bijgewerkt = resultaat.ongewijzigd = 0
        except IntegrityError:
            resultaat.aangemaakt = resultaat.bijgewerkt = resultaat.ongewijzigd = 0
            resultaat.fouten.append(ImportFout(0, "—", _("De gegevens zijn in strijd met bestaande gegevens.")))
        return resultaat

    def sjabloon_xlsx(self) -> bytes:
        """The header, the example row (grey italics, with a note) and a sheet explaining every column."""
        import openpyxl
        from openpyxl.comments import Comment
        from openpyxl.styles import Font

        werkboek = openpyxl.Workbook()
        blad = werkboek.active
        blad.title = "Gegevens"
        uitleg = self.uitleg()
        blad.append([k["naam"] for k in uitleg])
        blad.append([k["voorbeeld"] for k in uitleg])
        for cel in blad[1]:
            cel.font = Font(bold=True)
        for cel in blad[2]:
            cel.font = Font(italic=True, color="666666")
        blad["A2"].comment = Comment(str(_("Voorbeeldregel: wordt niet ingelezen zolang u haar niet wijzigt.")), "")
        blad.freeze_panes = "A2"
        toelichting = werkboek.create_sheet("Toelichting")
        toelichting.append([str(_("kolom")), str(_("omschrijving")), str(_("verplicht")), str(_("toegestane waarden"))])
        for k in uitleg:
            toelichting.append(
                [k["naam"], k["omschrijving"], str(_("ja") if k["verplicht"] else _("nee")), str(k["toegestaan"])]
            )
        toelichting.append([])
        toelichting.append([str(_("Regel 2 van het blad Gegevens is een voorbeeld en wordt niet ingelezen."))])
        buffer = io.BytesIO()
        werkboek.save(buffer)
        return buffer.getvalue()

    def sjabloon_csv(self) -> str:
        buffer = io.StringIO()
        schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        uitleg = self.uitleg()
        schrijver.writerow([k["naam"] for k in uitleg])
        schrijver.writerow([k["voorbeeld"] for k in uitleg])
        return "\ufeff" + buffer.getvalue()


def validatiefouten(nummer: int, exc: ValidationError) -> list[ImportFout]:
    """A model ValidationError as per-column errors of row ``nummer`` (``__all__`` → "—")."""
    paren = exc.message_dict.items() if hasattr(exc, "error_dict") else [("—", exc.messages)]
    return [ImportFout(nummer, veld if veld != "__all__" else "—", m) for veld, meldingen in paren for m in meldingen]


def _per_waarde(clean):
    """``clean`` (a form field's) once per distinct text: the same text gives the same value or the same
    errors, so a column of 10,000 rows with a few dates or one corporation is parsed, validated and looked
    up in the database once per value. A field's rules depend on the text alone (import forms keep no
    state), the per-row rules (the form's clean_<field> and clean(), the model's) still run for every row."""
    uitkomsten = {}

    def per_waarde(waarde):
        if not isinstance(waarde, str):
            return clean(waarde)
        uitkomst = uitkomsten.get(waarde)
        if uitkomst is None:
            try:
                uitkomst = uitkomsten[waarde] = (clean(waarde), None)
            except ValidationError as exc:
                uitkomst = uitkomsten[waarde] = (None, exc.error_list)
        if uitkomst[1] is not None:
            raise ValidationError(uitkomst[1])  # a new error of the same messages, for this row
        return uitkomst[0]

    return per_waarde


class _Terugdraaien(Exception):
    """Raised inside the transaction to roll back every row when one fails at save time."""


# ----------------------------------------------------------------------- large imports: a Celery task


def start_importtaak(gebruiker, importer_class, bestand: Tabelbestand, *, titel: str, terug_url: str):
    """Store the checked file as an :class:`~noordwijk_migratie.models.ImportTaak` of ``gebruiker`` and
    queue it once the transaction commits; returns the task (its page shows progress and result)."""
    from .models import ImportTaak

    taak = ImportTaak.objects.create(
        gebruiker=gebruiker,
        importer=f"{importer_class.__module__}.{importer_class.__qualname__}",
        titel=str(titel)[:200],
        terug_url=terug_url,
        bestandsnaam=bestand.naam[-255:],
        inhoud=bestand.data,
    )
    transaction.on_commit(lambda: _verstuur(taak.pk))
    return taak


def _verstuur(taak_id: int) -> None:
    from .celery import BROKER_FOUTEN
    from .tasks import importeer

    try:
        importeer.apply_async(args=[taak_id], retry=False, ignore_result=True)
    except BROKER_FOUTEN:
        logger.warning("Wachtrij onbereikbaar; import %s niet ingepland", taak_id, exc_info=True)
        sluit_importtaak(
            taak_id,
            ImportResultaat.met_fout(
                _("De wachtrij is niet bereikbaar; er is niets opgeslagen. Probeer het later opnieuw.")
            ),
            mislukt=True,
        )


def voer_importtaak_uit(taak_id: int) -> str:
    """Run import task ``taak_id`` as its user (the audit trail names them), all or nothing; progress goes
    to the task row as it happens. The result is stored in the same transaction as the imported rows, so
    a run that is interrupted (the worker killed) leaves nothing and runs again from the stored file, and
    a finished task is never run twice. Returns what happened: "klaar", "al klaar" or "onbekend"."""
    from auditlog.context import set_actor
    from django.core.files.base import ContentFile

    from .models import ImportTaak

    with transaction.atomic():
        taak = ImportTaak.objects.select_for_update().filter(pk=taak_id).first()
        if taak is None:
            return "onbekend"
        if not taak.bezig:
            return "al klaar"
        ImportTaak.objects.filter(pk=taak_id).update(status=ImportTaak.Status.BEZIG, voortgang=max(taak.voortgang, 1))
    importer_class = import_string(taak.importer)
    if not issubclass(importer_class, Importer):
        raise TypeError(f"{taak.importer} is geen Importer")
    gemeld = 0

    def voortgang(procent: int) -> None:
        nonlocal gemeld
        if procent > gemeld:
            gemeld = procent
            ImportTaak.objects.filter(pk=taak_id).update(voortgang=procent)

    with set_actor(taak.gebruiker):
        resultaat = importer_class().importeer(
            ContentFile(bytes(taak.inhoud), name=taak.bestandsnaam),  # checked again, as any upload
            voortgang,
            afronden=lambda geslaagd: sluit_importtaak(taak_id, geslaagd),
            door=taak.gebruiker,
        )
    if not resultaat.geslaagd:  # nothing was written
        sluit_importtaak(taak_id, resultaat)
    return "klaar"


def sluit_importtaak(taak_id: int, resultaat: ImportResultaat, *, mislukt: bool = False) -> None:
    """Store the result (counts, the first errors) and drop the stored file."""
    from .models import ImportTaak

    ImportTaak.objects.filter(pk=taak_id).update(
        status=ImportTaak.Status.MISLUKT if mislukt else ImportTaak.Status.KLAAR,
        voortgang=100,
        aangemaakt=resultaat.aangemaakt,
        bijgewerkt=resultaat.bijgewerkt,
        ongewijzigd=resultaat.ongewijzigd,
        fouten=[asdict(f) for f in resultaat.fouten[:MAX_BEWAARDE_FOUTEN]],
        aantal_fouten=len(resultaat.fouten),
        inhoud=b"",
        klaar_op=timezone.now(),
    )
