"""Property-based fuzzing (hypothesis) of every edit form, every import and every export.

Every add/edit page and every import page gets random and hostile input (huge and negative
numbers, far dates, unicode, NUL bytes, formula injection, empty/garbled/wrong-encoding files,
an XLSX zip bomb). The answer is always success (302) or the page again with a Dutch error (200):
never a 500, and a refused submit writes nothing at all. Every list's CSV and XLSX export
neutralises formula injection in text fields.

`make test` runs FUZZ_VOORBEELDEN=6 examples per form/import; `make soak` runs 60.
"""

import contextlib
import csv
import datetime
import io
import os
import re
import zipfile

import openpyxl
import pytest
from django import forms
from django.apps import apps
from django.db import DataError, IntegrityError, connection, models, transaction
from django.forms.models import model_to_dict
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from noordwijk_migratie import generic
from noordwijk_migratie.exports import FORMULE_TEKENS
from noordwijk_migratie.imports import MAX_UITGEPAKT
from noordwijk_migratie.registry import domein_labels
from noordwijk_migratie.testdata.paginas import view_model

from .factories import alle_factories
from .test_permissions import ALLE_URLS

FACTORIES = alle_factories()

VOORBEELDEN = int(os.environ.get("FUZZ_VOORBEELDEN", "6"))
FUZZ = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
EIGEN_APPS = (*domein_labels(), "rapportage", "kern")

# ------------------------------------------------------------------------------------ strategies

INJECTIES = ["=cmd()", "+1", "@x", "-2+3", '=HYPERLINK("http://x","klik")', "\t=1+1", "\r=1", "=1+1;=2"]
VIJANDIG = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 20_000,
    "😀" * 200,
    "\u202egnirts",
    "Z̸͉̈a̵l̷g̸o",
    "<script>alert(1)</script>",
    "'; DROP TABLE auth_user; --",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "None",
    "null",
    "[]",
    "{}",
]
GETALLEN = [
    "-1",
    "-0",
    "0",
    "1,5",
    "1.000.000",
    "2147483648",
    "-2147483649",
    "32768",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "1e309",
    "-1e309",
    "0x10",
    "١٢٣",
]
DATUMS = [
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "0000-00-00",
    "2025-02-30",
    "2025-13-01",
    "31-02-2025",
    "1-1-1",
    "2025-07-01T00:00",
    "-2025-01-01",
    "99999-01-01",
]

tekst = st.one_of(st.text(max_size=60), st.sampled_from(INJECTIES + VIJANDIG))
getal = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(GETALLEN),
    tekst,
)
datum = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
    st.sampled_from(DATUMS),
    tekst,
)
keuze = st.one_of(st.integers(min_value=-(10**20), max_value=10**20).map(str), tekst)


def vijandig_voor(veld: forms.Field):
    if isinstance(veld, forms.DateField | forms.DateTimeField):
        return datum
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return getal
    if isinstance(veld, forms.ChoiceField | forms.ModelChoiceField):
        return keuze
    return tekst


# ------------------------------------------------------------------------------------- helpers


def _eigen_modellen():
    modellen = [m for m in apps.get_models() if m._meta.app_label in EIGEN_APPS]
    from auditlog.models import LogEntry

    return [*modellen, LogEntry]


def tellingen() -> dict[str, int]:
    """Row counts of every table of the project (and the audit log) in one query."""
    modellen = _eigen_modellen()
    # table names come from the models, not from input
    sql = "SELECT " + ", ".join(  # noqa: S608
        f"(SELECT count(*) FROM {connection.ops.quote_name(m._meta.db_table)})"  # noqa: S608
        for m in modellen
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rij = cursor.fetchone()
    return {m._meta.label: n for m, n in zip(modellen, rij, strict=True)}


ENGELS = re.compile(
    r"\b(the|this|field|enter|ensure|value|valid|select|must|required|characters|invalid|number|is not|greater|"
    r"less than|digits|upload|file)\b",
    re.IGNORECASE,
)


def controleer_nederlands(meldingen, ingevoerd=()):
    assert meldingen, "geweigerd zonder foutmelding"
    for melding in meldingen:
        schoon = str(melding)
        for waarde in ingevoerd:
            if waarde:
                schoon = schoon.replace(str(waarde), "")
        assert not ENGELS.search(schoon), f"Engelse foutmelding: {melding!r}"


def formulier_meldingen(form) -> list[str]:
    return [m for fouten in form.errors.values() for m in fouten]


def post_waarden(form) -> dict:
    """The data a browser would post for this (unbound) form as rendered."""
    data = {}
    for naam in form.fields:
        bf = form[naam]
        widget = bf.field.widget
        waarde = bf.value()
        if isinstance(widget, forms.CheckboxInput):
            if waarde:
                data[naam] = "on"
            continue
        if isinstance(widget, forms.SelectMultiple | forms.CheckboxSelectMultiple):
            data[naam] = [str(v) for v in (waarde or [])]
            continue
        opgemaakt = widget.format_value(waarde)
        if isinstance(opgemaakt, list):
            opgemaakt = opgemaakt[0] if opgemaakt else ""
        data[naam] = "" if opgemaakt is None else str(opgemaakt)
    return data


def _formulier_urls():
    doelen = []
    for naam, pattern in ALLE_URLS:
        view_class, _initkwargs, model = view_model(pattern)
        if view_class and issubclass(view_class, generic.ObjectEditView) and naam.endswith(("_add", "_edit")):
            doelen.append((naam, model))
    return doelen


def _import_urls():
    urls = []
    for naam, pattern in ALLE_URLS:
        view_class, initkwargs, _model = view_model(pattern)
        if view_class and issubclass(view_class, generic.ImportView):  # crud_urls(importer=) passes it as initkwarg
            urls.append((naam, initkwargs.get("importer_class") or view_class.importer_class))
    return urls


def _lijst_urls():
    return [
        (naam, view_model(pattern)[2])
        for naam, pattern in ALLE_URLS
        if view_model(pattern)[0] and issubclass(view_model(pattern)[0], generic.ObjectListView)
    ]


FORMULIEREN = _formulier_urls()
IMPORTS = _import_urls()
LIJSTEN = _lijst_urls()


def test_de_fuzzer_dekt_elk_formulier_elke_import_en_elke_lijst():
    namen = {n for n, _ in FORMULIEREN}
    for app in (*domein_labels(), "kern"):
        assert any(n.startswith(f"{app}:") and n.endswith("_add") for n in namen), app
    assert "taakstelling:plaatsing_edit" in namen and "rapportage:toelichting_edit" in namen
    assert len(IMPORTS) >= 7  # gemeente, plaatsing, COA-stand, regiocijfer, bezetting, maandcijfer, registratiestand
    assert {m._meta.app_label for _n, m in LIJSTEN} >= set(domein_labels())


@pytest.fixture
def beheerder(client, django_user_model, basisgegevens):
    client.force_login(django_user_model.objects.create_superuser("fuzz-beheerder", password="geheim-wachtwoord-123"))
    return client


# ----------------------------------------------------------------------------------- the forms


def _object_voor(model):
    assert model in FACTORIES, f"geen factory voor {model}"
    return FACTORIES[model]()


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "model"), FORMULIEREN, ids=[n for n, _ in FORMULIEREN])
def test_formulier_geeft_nederlandse_fout_of_slaat_op_nooit_500_of_half(beheerder, naam, model):
    obj = _object_voor(model)
    url = reverse(naam, args=[obj.pk]) if naam.endswith("_edit") else reverse(naam)
    bewerk_url = url
    if naam.endswith("_add"):
        with contextlib.suppress(NoReverseMatch):  # start from a filled-in form where there is one
            bewerk_url = reverse(naam.replace("_add", "_edit"), args=[obj.pk])

    @FUZZ
    @given(data=st.data())
    def fuzz(data):
        pagina = beheerder.get(bewerk_url)
        assert pagina.status_code == 200, (bewerk_url, pagina.status_code)
        form = pagina.context["form"]
        waarden = post_waarden(form)
        velden = [n for n in form.fields if n != "geladen_versie"]
        gekozen = data.draw(st.lists(st.sampled_from(velden), min_size=1, max_size=min(3, len(velden)), unique=True))
        ingevoerd = []
        for veld in gekozen:
            waarden[veld] = data.draw(vijandig_voor(form.fields[veld]), label=veld)
            ingevoerd.append(waarden[veld])
        if naam.endswith("_add"):
            waarden.pop("geladen_versie", None)

        voor = tellingen()
        obj_voor = model_to_dict(model.objects.get(pk=obj.pk))
        antwoord = beheerder.post(url, waarden)
        assert antwoord.status_code in (200, 302), f"{naam}: {antwoord.status_code} voor {gekozen}={ingevoerd!r}"
        if antwoord.status_code == 200:
            meldingen = formulier_meldingen(antwoord.context["form"])
            controleer_nederlands(meldingen, ingevoerd)
            assert tellingen() == voor, f"{naam}: geweigerd maar toch geschreven ({meldingen})"
            assert model_to_dict(model.objects.get(pk=obj.pk)) == obj_voor

    fuzz()


# --------------------------------------------------------------------------------- the imports


def _aannemelijk(veld: forms.Field):
    """A value the import form will probably accept, so files mix good and bad rows."""
    if isinstance(veld, forms.ModelChoiceField):
        eerste = veld.queryset.first()
        if eerste is None:
            return st.just("")
        return st.just(str(getattr(eerste, veld.to_field_name or "pk")))
    if isinstance(veld, forms.ChoiceField):
        waarden = [str(k) for k, _l in veld.choices if k not in ("", None)]
        return st.sampled_from(waarden) if waarden else st.just("")
    if isinstance(veld, forms.DateField):
        return st.dates(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)).map(datetime.date.isoformat)
    if isinstance(veld, forms.IntegerField | forms.DecimalField):
        return st.integers(0, 50).map(str)
    if isinstance(veld, forms.RegexField):
        return st.just("GM" + "0575")
    return st.text(alphabet="abcdefghij ", min_size=1, max_size=20)


def _rijen(importer, data):
    form = importer.form_class()
    kop = [naam for naam, _h, _v in importer.kolommen()]
    rijen = []
    for _ in range(data.draw(st.integers(1, 4), label="rijen")):
        rijen.append(
            [
                data.draw(
                    st.one_of(_aannemelijk(form.fields[k]), _aannemelijk(form.fields[k]), vijandig_voor(form.fields[k]))
                )
                for k in kop
            ]
        )
    return kop, rijen


def _csv(kop, rijen, scheiding=";") -> str:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding)
    schrijver.writerow(kop)
    schrijver.writerows(rijen)
    return buffer.getvalue()


def _xlsx(kop, rijen) -> bytes:
    werkboek = openpyxl.Workbook()
    blad = werkboek.active
    blad.append(kop)
    for rij in rijen:
        blad.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in rij])  # a spreadsheet cannot hold these
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


_BOM = {}


def xlsx_bom() -> bytes:
    """A valid-looking XLSX whose sheet unpacks to more than MAX_UITGEPAKT bytes (a few hundred kB packed)."""
    if "bom" not in _BOM:
        basis = _xlsx(["a"], [["1"]])
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(basis)) as bron, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as doel:
            for info in bron.infolist():
                inhoud = bron.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    inhoud = inhoud.replace(b"</sheetData>", b"</sheetData>" + b" " * (MAX_UITGEPAKT + 1))
                doel.writestr(info, inhoud, compress_type=zipfile.ZIP_DEFLATED)
        _BOM["bom"] = buffer.getvalue()
    return _BOM["bom"]


@st.composite
def importbestand(draw, importer):
    soort = draw(
        st.sampled_from(
            [
                "csv",
                "csv",
                "csv-komma",
                "xlsx",
                "xlsx",
                "latin1",
                "utf16",
                "leeg",
                "bytes",
                "bom",
                "alleen-kop",
                "verkeerde-kop",
                "exe",
            ]
        )
    )
    if soort == "leeg":
        return "leeg.csv", b""
    if soort == "bytes":
        return draw(st.sampled_from(["x.csv", "x.xlsx", "x.txt"])), draw(st.binary(min_size=1, max_size=3000))
    if soort == "bom":
        return "bom.xlsx", xlsx_bom()
    if soort == "exe":
        return "programma.exe", b"MZ\x90\x00"
    kop, rijen = _rijen(importer, draw(st.data()))
    if soort == "alleen-kop":
        rijen = []
    if soort == "verkeerde-kop":
        kop = [draw(tekst) for _ in kop]
    if soort.startswith("xlsx"):
        return "import.xlsx", _xlsx(kop, rijen)
    inhoud = _csv(kop, rijen, "," if soort == "csv-komma" else ";")
    if soort == "latin1":
        return "import.csv", (inhoud + "\nÄÖÜ é").encode("latin-1", errors="replace")
    if soort == "utf16":
        return "import.csv", inhoud.encode("utf-16")
    return "import.csv", inhoud.encode("utf-8", errors="surrogatepass")


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "importer_class"), IMPORTS, ids=[n for n, _ in IMPORTS])
def test_import_geeft_nederlandse_fout_of_slaat_alles_op_nooit_500_of_half(beheerder, naam, importer_class):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse(naam)

    @FUZZ
    @given(bestand=importbestand(importer_class()))
    def fuzz(bestand):
        bestandsnaam, inhoud = bestand
        voor = tellingen()
        antwoord = beheerder.post(url, {"bestand": SimpleUploadedFile(bestandsnaam, inhoud)})
        assert antwoord.status_code in (200, 302), f"{naam}: {antwoord.status_code} voor {bestandsnaam}"
        if antwoord.status_code == 200:
            resultaat = antwoord.context.get("resultaat")
            meldingen = (
                [f.melding for f in resultaat.fouten] if resultaat else formulier_meldingen(antwoord.context["form"])
            )
            controleer_nederlands(meldingen, [bestandsnaam])
            assert tellingen() == voor, f"{naam}: geweigerde import schreef toch ({meldingen[:3]})"

    fuzz()


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "importer_class"), IMPORTS, ids=[n for n, _ in IMPORTS])
def test_zip_bom_en_lege_bestanden_worden_geweigerd(beheerder, naam, importer_class):
    from django.core.files.uploadedfile import SimpleUploadedFile

    voor = tellingen()
    for bestandsnaam, inhoud, verwacht in (
        ("bom.xlsx", xlsx_bom(), "uitgepakt te groot"),
        ("leeg.csv", b"", "leeg"),
        ("oud.csv", "kolom;ä\n".encode("latin-1"), "UTF-8"),
    ):
        antwoord = beheerder.post(reverse(naam), {"bestand": SimpleUploadedFile(bestandsnaam, inhoud)})
        assert antwoord.status_code == 200
        assert verwacht in antwoord.content.decode(), bestandsnaam
    assert tellingen() == voor


# --------------------------------------------------------------------------------- the exports


def _maak_met_injectie(model):
    """An object whose free-text fields all hold a formula; fields the database refuses are skipped."""
    tekstvelden = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and not f.primary_key
    ]
    waarden = {f.name: INJECTIES[i % 4][: f.max_length or 100] for i, f in enumerate(tekstvelden)}
    while True:
        try:
            with transaction.atomic():
                return FACTORIES[model](**waarden), waarden
        except (IntegrityError, DataError):
            if not waarden:
                raise
            waarden.popitem()


def _cellen_csv(inhoud: bytes):
    tekst = inhoud.decode("utf-8-sig")
    return [c for rij in csv.reader(io.StringIO(tekst), delimiter=";") for c in rij]


def _cellen_xlsx(inhoud: bytes):
    blad = openpyxl.load_workbook(io.BytesIO(inhoud)).active
    cellen = [c for rij in blad.iter_rows() for c in rij]
    assert all(c.data_type != "f" for c in cellen), "formule in de XLSX-export"
    return [c.value for c in cellen if isinstance(c.value, str)]


def _gevaarlijk(cel: str) -> bool:
    if not cel.startswith(FORMULE_TEKENS):
        return False
    return not re.fullmatch(r"-\d[\d.]*(,\d+)?%?", cel)  # a negative number is harmless


@pytest.mark.django_db
def test_elke_export_neutraliseert_formules_in_tekstvelden(beheerder):
    getoond = {}
    for naam, model in LIJSTEN:
        if model not in FACTORIES:
            continue
        _obj, waarden = _maak_met_injectie(model)
        for formaat, lees in (("csv", _cellen_csv), ("xlsx", _cellen_xlsx)):
            antwoord = beheerder.get(reverse(naam), {"export": formaat, "per_page": 100})
            assert antwoord.status_code == 200, (naam, formaat)
            inhoud = b"".join(antwoord.streaming_content) if antwoord.streaming else antwoord.content
            cellen = lees(inhoud)
            gevaarlijk = [c for c in cellen if _gevaarlijk(c)]
            assert not gevaarlijk, f"{naam} {formaat}: {gevaarlijk[:5]}"
            if any(f"'{w}" in cellen for w in waarden.values()):
                getoond.setdefault(model._meta.app_label, set()).add(naam)
    # at least one list per app really showed an injected text field (neutralised)
    assert set(getoond) >= set(domein_labels()), getoond
