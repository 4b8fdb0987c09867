"""Property-based fuzzing (hypothesis) of every GET query parameter of every page.

The URL walk of the permission tests gives every page; a user with every role opens each one on the
baseline data. The parameters a page understands are discovered from the page itself: every field of
its GET forms (filters, peildatum, datum, periode) and the query keys of its own links (sort, page,
export), the table's sort/page/per_page, the prefill parameters of an add form (``?actie=``), plus a few
arbitrary ones. Each gets plausible values (the page's own options and links, sort columns, existing
ids) and hostile ones: far dates (0001-01-01, 9999-12-31), negative and huge numbers, unicode digits
('²', '١'), empty, very long and garbled strings, repeated keys. The answer is never a 5xx but always a
Dutch page; a value the page refuses is a Dutch error shown on the page.

Every page first gets the values that broke pages before (0001-01-01, 9999-12-31, -1, '²') in all its
parameters at once and in each filter alone, a list its table sorted by every column at once, then FUZZ_VOORBEELDEN / 6 random requests per parameter it
understands: one in `make test` (FUZZ_VOORBEELDEN=6), ten in `make soak` (60).
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django import forms
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from noordwijk_migratie import registry
from noordwijk_migratie.forms import DATUM_MAX, DATUM_MIN
from noordwijk_migratie.roles import ROLLEN
from noordwijk_migratie.testdata.paginas import view_model
from opvang.models import Capaciteitsstand
from themasessies.models import Sessie

from .factories import alle_factories
from .test_fuzz import DATUMS, FUZZ, GETALLEN, VIJANDIG, VOORBEELDEN, controleer_nederlands, datum, getal, tekst
from .test_permissions import ALLE_URLS, NIET_VOOR_POST, OPENBAAR, _bouw_url

FACTORIES = alle_factories()

# parameters every page is tried with, whether it offers them or not (a hand-parsed one would show here)
WILLEKEURIG = ("peildatum", "datum", "jaar", "id", "pk", "soort", "sjabloon", "q", "export", "page", "per_page")
# what broke pages before (issue 12): tried in every parameter of every page
CRUCIAAL = ["0001-01-01", "9999-12-31", "-1", "²"]
UNICODE_CIJFERS = ["²", "¹²", "١", "١٢٣", "٣", "①", "߁", "𝟙", "٠", "୨", "五"]
EXTRA = ["", " ", "x" * 5000, "-", "--", "+", "%", "0", "-0", "-1", "2147483648", "0001-01-01", "9999-12-31"]
hostiel = st.one_of(
    st.sampled_from(EXTRA + UNICODE_CIJFERS + DATUMS + GETALLEN + VIJANDIG),
    datum,
    getal,
    tekst,
    st.integers().map(str),
)


class PaginaParameters(HTMLParser):
    """The query parameters a page offers, with the values it offers for them: the fields of its GET
    forms (with their options) and the query keys of its links to itself."""

    def __init__(self, pad):
        super().__init__()
        self.pad = pad
        self.waarden: dict[str, set[str]] = defaultdict(set)
        self.get_formulier = False
        self.keuzelijst = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        naam = attrs.get("name")
        if tag == "form":
            self.get_formulier = (attrs.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self.get_formulier and naam:
            if attrs.get("type") in ("submit", "button", "reset"):
                return
            self.waarden[naam].update([attrs["value"]] if attrs.get("value") else [])
            self.keuzelijst = naam if tag == "select" else None
        elif tag == "option" and self.keuzelijst and attrs.get("value") is not None:
            self.waarden[self.keuzelijst].add(attrs["value"])
        elif tag == "a" and attrs.get("href"):
            url = urlsplit(attrs["href"])
            if url.query and url.path in ("", self.pad):
                for sleutel, waarden in QueryDict(url.query).lists():
                    self.waarden[sleutel].update(waarden)

    def handle_endtag(self, tag):
        if tag == "form":
            self.get_formulier = False
        elif tag == "select":
            self.keuzelijst = None


@dataclass
class Parameters:
    waarden: dict[str, list[str]]  # name -> plausible values, of every parameter a page is tried with
    apart: dict[str, list[str]]  # filter field -> the values that break its kind: one refused filter leaves the
    # others unapplied, so each is tried alone
    begrepen: frozenset[str]  # the ones the page understands (not the arbitrary ones)
    sorteringen: list[dict[str, str]]  # every sortable column at once, ascending and descending

    def vaste_voorbeelden(self, draai=0):
        """The values that broke pages before: each in all parameters at once, and in each filter alone. A page
        that understands no parameter (it must ignore them all) gets two requests with the values spread over the
        arbitrary parameters, rotated by ``draai`` from page to page, so each meets every value in the walk."""
        if not self.begrepen:
            for stap in (0, 1):
                yield {naam: CRUCIAAL[(i + 2 * stap + draai) % len(CRUCIAAL)] for i, naam in enumerate(self.waarden)}
            return
        for waarde in CRUCIAAL:
            yield {naam: waarde for naam in self.waarden if naam not in self.apart}
        for naam, waarden in self.apart.items():
            yield from ({naam: waarde} for waarde in waarden)
        yield from self.sorteringen


def cruciaal_voor(veld: forms.Field) -> list[str]:
    if isinstance(veld, forms.DateField | forms.DateTimeField):
        return ["0001-01-01", "9999-12-31"]
    if isinstance(veld, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return ["-1", "²", "99999999999999999999"]
    return ["²"]


def voorinvul_velden(view_class, initkwargs) -> tuple[str, ...]:
    """The fields an add page fills in from the query string: its view's own, or the ones
    ``crud_urls(initieel=…)`` gave it through ``as_view``."""
    return initkwargs.get("initieel_uit_query", getattr(view_class, "initieel_uit_query", ()))


def parameters(pad, antwoord, view_class, initkwargs) -> Parameters:
    """Every query parameter the page understands, with plausible values, plus the arbitrary ones."""
    lezer = PaginaParameters(pad)
    lezer.feed(antwoord.content.decode())
    gevonden = {naam: set(waarden) for naam, waarden in lezer.waarden.items()}
    context = antwoord.context
    filterset = context.get("filter") if context else None
    apart = {}
    for veld in filterset.form if filterset is not None else ():
        widget = veld.field.widget
        for achtervoegsel in widget.widgets_names if isinstance(widget, forms.MultiWidget) else [""]:
            apart[veld.html_name + achtervoegsel] = cruciaal_voor(veld.field)
    tabel = context.get("table") if context else None
    sorteringen = []
    if tabel is not None:
        kolommen = [k.name for k in tabel.columns if k.orderable]
        alle = [",".join(kolommen), ",".join(f"-{k}" for k in kolommen)]
        sorteringen = [{tabel.prefixed_order_by_field: sortering} for sortering in alle if sortering]
        gevonden.setdefault(tabel.prefixed_order_by_field, set()).update([*kolommen, *(f"-{k}" for k in kolommen)])
        gevonden.setdefault(tabel.prefixed_page_field, set()).update(["1", "2"])
        gevonden.setdefault(tabel.prefixed_per_page_field, set()).update(["1", "100", "101"])
    formulier = context.get("form") if context else None
    nieuw = context is not None and context.get("object") is None  # an existing object keeps its own values
    for naam in voorinvul_velden(view_class, initkwargs) if nieuw else ():  # prefill of an add form
        queryset = getattr(formulier.fields.get(naam), "queryset", None) if formulier else None
        bestaande = queryset.values_list("pk", flat=True)[:3] if queryset is not None else []
        gevonden.setdefault(naam, set()).update(str(pk) for pk in bestaande)
    for naam in apart:
        gevonden.setdefault(naam, set())
    gevonden.pop("csrfmiddlewaretoken", None)
    begrepen = frozenset(gevonden)
    for naam in WILLEKEURIG:
        gevonden.setdefault(naam, set())
    return Parameters({naam: sorted(waarden) for naam, waarden in gevonden.items()}, apart, begrepen, sorteringen)


def waarde_voor(plausibel):
    enkel = st.one_of(st.sampled_from(plausibel), hostiel) if plausibel else hostiel
    return st.one_of(enkel, enkel, enkel, st.lists(enkel, min_size=2, max_size=3))  # sometimes a repeated key


def query_voor(params: Parameters):
    """One to three of the page's parameters, each with a plausible or hostile value (or several)."""
    namen = sorted(params.waarden)
    return st.lists(st.sampled_from(namen), min_size=1, max_size=3, unique=True).flatmap(
        lambda gekozen: st.fixed_dictionaries({naam: waarde_voor(params.waarden[naam]) for naam in gekozen})
    )


def formulieren(context):
    """Every bound form on the page (a filterset's form included)."""
    gezien = []
    contexten = context if isinstance(context, list) else [context] if context else []  # a ContextList is a list
    for waarde in (w for c in contexten for w in c.flatten().values()):
        form = getattr(waarde, "form", waarde)
        if isinstance(form, forms.BaseForm) and form.is_bound and all(form is not f for f in gezien):
            gezien.append(form)
    return gezien


def controleer_pagina(url, query, antwoord):
    waar = f"{url}?{urlencode(query, doseq=True)}"[:400]
    assert antwoord.status_code in (200, 302, 404), f"{waar}: {antwoord.status_code}"
    if not antwoord.get("Content-Type", "").startswith("text/html"):
        return
    html = antwoord.content.decode()
    assert "<html" not in html or '<html lang="nl"' in html, f"{waar}: geen Nederlandse pagina"  # or an htmx part
    ingevoerd = [w for waarden in query.values() for w in (waarden if isinstance(waarden, list) else [waarden])]
    for form in formulieren(antwoord.context):
        meldingen = [m for fouten in form.errors.values() for m in fouten]
        if meldingen:
            controleer_nederlands(meldingen, ingevoerd)
            for melding in meldingen:
                assert escape(melding) in html, f"{waar}: foutmelding niet op de pagina: {melding!r}"


def get_paginas():
    return [(naam, pattern) for naam, pattern in ALLE_URLS if naam not in OPENBAAR | NIET_VOOR_POST]


def gebied(naam):
    return naam.split(":")[0] if ":" in naam else "algemeen"


GEBIEDEN = sorted({gebied(naam) for naam, _p in get_paginas()})


@pytest.fixture
def alle_rollen_client(client, basisgegevens, maak_gebruiker, rollen):
    """A user with every role: every page of the application is open to it."""
    gebruiker = maak_gebruiker(None, username="fuzz-alle-rollen")
    gebruiker.groups.set([rollen[r.naam] for r in ROLLEN])
    client.force_login(gebruiker)
    return client


def test_de_get_fuzzer_dekt_elk_gebied():
    assert set(GEBIEDEN) >= {"algemeen", *registry.domein_labels(), "rapportage", "kern"}


@pytest.mark.django_db
def test_de_get_fuzzer_vindt_de_parameters_die_een_pagina_begrijpt(alle_rollen_client):
    verwacht = {
        "dashboard": {"peildatum"},
        "opvang:oekraine": {"peildatum"},
        "opvang:bezetting_invoer": {"datum"},
        "taakstelling:regio_vergelijking": {"periode"},
        "themasessies:sessie_list": {"jaar", "themas", "aanwezig", "sort", "page", "per_page", "export"},
        "themasessies:vervolgactie_add": {"sessie", "actie"},
        "internationale_werknemers:inspectie_add": {"woning"},
        "opvang:bezetting_add": {"locatie", "doelgroep"},  # crud_urls(initieel=…)
        "opvang:capaciteitsstand_add": {"locatie", "doelgroep"},
    }
    paginas = dict(get_paginas())
    for naam, namen in verwacht.items():
        url, view_class, initkwargs, _kwargs = _bouw_url(naam, paginas[naam])
        params = parameters(url, alle_rollen_client.get(url), view_class, initkwargs)
        assert namen <= params.begrepen, (naam, sorted(params.begrepen))
    url, view_class, initkwargs, _kwargs = _bouw_url("themasessies:sessie_list", paginas["themasessies:sessie_list"])
    lijst = parameters(url, alle_rollen_client.get(url), view_class, initkwargs)
    assert list(lijst.apart) == ["jaar", "themas", "aanwezig"]


@pytest.mark.django_db
@pytest.mark.parametrize("app", GEBIEDEN)
def test_elke_get_parameter_van_elke_pagina_geeft_een_nederlandse_pagina_nooit_een_500(alle_rollen_client, app):
    client = alle_rollen_client
    fouten = []
    gefuzzd = 0
    for naam, pattern in get_paginas():
        if gebied(naam) != app:
            continue
        url, view_class, initkwargs, _kwargs = _bouw_url(naam, pattern)
        basis = client.get(url)
        if basis.status_code != 200 or not basis.get("Content-Type", "").startswith("text/html"):
            continue  # a download, a POST-only action or a redirect: no page to fuzz
        fuzz_pagina(client, url, parameters(url, basis, view_class, initkwargs), naam, fouten, draai=gefuzzd)
        gefuzzd += 1
    assert gefuzzd, app
    assert not fouten, "\n".join(fouten)


def fuzz_pagina(client, url, params: Parameters, naam, fouten, draai=0):
    """The known-bad values in every parameter, then a few random requests per parameter the page
    understands, each with one to three parameters set; failures go to ``fouten``."""

    def vraag(query):
        try:
            with transaction.atomic():  # a database error must not poison the next request
                antwoord = client.get(url, query)
        except Exception as fout:
            raise AssertionError(f"{url}?{urlencode(query, doseq=True)[:400]}: {fout!r}") from fout
        controleer_pagina(url, query, antwoord)

    fuzz = given(query=query_voor(params))(vraag)
    for query in params.vaste_voorbeelden(draai):
        fuzz = example(query=query)(fuzz)
    willekeurig = math.ceil(VOORBEELDEN * len(params.begrepen) / 6)  # VOORBEELDEN=6: one per parameter it understands
    fuzz = (settings(FUZZ, max_examples=willekeurig) if willekeurig else settings(FUZZ, phases=[Phase.explicit]))(fuzz)
    try:
        fuzz()
    except Exception as fout:  # noqa: BLE001 - collect every page's failure, then report them all
        for enkel in fout.exceptions if isinstance(fout, BaseExceptionGroup) else [fout]:
            fouten.append(f"{naam}: {enkel}")


# ------------------------------------------------------------------- what the attack run found (issue 12)

BUITEN_BEREIK = "Kies een datum tussen 01-01-2000 en 31-12-2100."


@pytest.mark.django_db
def test_peildatum_buiten_bereik_is_een_nederlandse_fout_en_toont_vandaag(manager_client, basisgegevens):
    vandaag = timezone.localdate()
    for pad in ("/", "/opvang/oekraine/", "/opvang/asielzoekers/", "/opvang/statushouders/"):
        for waarde in ("0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "31-12-0001"):
            antwoord = manager_client.get(pad, {"peildatum": waarde})
            assert antwoord.status_code == 200, (pad, waarde)
            assert antwoord.context["peildatum"] == vandaag
            assert BUITEN_BEREIK in antwoord.text
            assert f"In plaats daarvan wordt {vandaag:%d-%m-%Y} getoond." in antwoord.text
        geen_datum = manager_client.get(pad, {"peildatum": "²"})
        assert "Voer een geldige datum in." in geen_datum.text and geen_datum.context["peildatum"] == vandaag
        for grens in (DATUM_MIN, DATUM_MAX):  # the arithmetic behind the page holds over the whole range
            antwoord = manager_client.get(pad, {"peildatum": grens.isoformat()})
            assert antwoord.status_code == 200 and antwoord.context["peildatum"] == grens, (pad, grens)
            assert "utrecht-form-field-error-message" not in antwoord.text


@pytest.mark.django_db
def test_bezetting_invoeren_op_een_datum_buiten_bereik_toont_vandaag_en_slaat_niets_op(adviseur_client, basisgegevens):
    from opvang.models import Bezetting

    locatie = FACTORIES[Capaciteitsstand](plaatsen=100).locatie
    url = reverse("opvang:bezetting_invoer")
    vandaag = timezone.localdate()
    antwoord = adviseur_client.get(url, {"datum": "0001-01-01"})
    assert antwoord.status_code == 200 and antwoord.context["datum"] == vandaag
    assert BUITEN_BEREIK in antwoord.text
    sleutel = next(r["sleutel"] for r in antwoord.context["form"].rijen if r["locatie"] == locatie)
    # a posted date out of range is refused: nothing is saved, not even under today's date
    antwoord = adviseur_client.post(url, {"datum": "9999-12-31", f"aantal_{sleutel}": "3"})
    assert antwoord.status_code == 200 and BUITEN_BEREIK in antwoord.text
    assert not Bezetting.objects.filter(locatie=locatie).exists()
    antwoord = adviseur_client.post(url, {"datum": DATUM_MAX.isoformat(), f"aantal_{sleutel}": "3"})
    assert antwoord.status_code == 302
    assert Bezetting.objects.get(locatie=locatie).datum == DATUM_MAX


@pytest.mark.django_db
def test_sessies_filteren_op_een_onmogelijk_jaar_is_een_nederlandse_fout(adviseur_client, basisgegevens):
    sessie = FACTORIES[Sessie](datum=datetime.date(2025, 10, 1))
    url = reverse("themasessies:sessie_list")
    for jaar in ("-1", "0", "99999", "2025.5", "²"):
        antwoord = adviseur_client.get(url, {"jaar": jaar})
        assert antwoord.status_code == 200, jaar
        assert "0 resultaten" in antwoord.text and 'role="alert"' in antwoord.text and "Jaar:" in antwoord.text
    assert sessie.get_absolute_url() in adviseur_client.get(url, {"jaar": "2025"}).text


def _voorinvul_formulieren():
    doelen = []
    for naam, pattern in ALLE_URLS:
        if naam.endswith("_add") and (velden := voorinvul_velden(*view_model(pattern)[:2])):
            doelen.append((naam, velden))
    return doelen


VOORINVUL_FORMULIEREN = _voorinvul_formulieren()


@pytest.mark.django_db
def test_voorinvullen_uit_de_query_neemt_alleen_geldige_waarden(manager_client, basisgegevens):
    for naam, velden in VOORINVUL_FORMULIEREN:
        url = reverse(naam)
        formulier = manager_client.get(url).context["form"]
        getest = 0
        for veld in (v for v in velden if v in formulier.fields):
            field = formulier.fields[veld]
            if isinstance(field, forms.ModelChoiceField):
                geldig = FACTORIES[field.queryset.model]().pk
            else:
                geldig = [k for k, _label in field.choices if k][-1]
            standaard = formulier[veld].value()
            for ongeldig in ("²", "١٢٣٤٥٦٧", "-1", "99999999999999999999", "x" * 500, "0x10"):
                antwoord = manager_client.get(url, {veld: ongeldig})
                assert antwoord.status_code == 200, (naam, veld, ongeldig)
                assert antwoord.context["form"][veld].value() == standaard, (naam, veld, ongeldig)
            assert manager_client.get(url, {veld: geldig}).context["form"][veld].value() == geldig, (naam, veld)
            getest += 1
        assert getest, naam


def test_elk_voorinvul_formulier_wordt_getest():
    namen = {n for n, _v in VOORINVUL_FORMULIEREN}
    assert {"programma:voortgangsnotitie_add", "themasessies:vervolgactie_add", "taakstelling:nareiziger_add",
            "internationale_werknemers:inspectie_add", "rapportage:rapport_add",
            "opvang:bezetting_add", "opvang:capaciteitsstand_add", "opvang:mijlpaal_add"} <= namen  # fmt: skip


@pytest.mark.django_db
def test_lange_keuzelijst_met_een_unicode_cijfer_is_een_nederlandse_fout(adviseur_client, basisgegevens, monkeypatch):
    from taakstelling.models import Nareiziger, Plaatsing

    monkeypatch.setattr(Plaatsing, "keuzelijst_nieuwste", 1)
    FACTORIES[Plaatsing].create_batch(2)
    antwoord = adviseur_client.post(
        reverse("taakstelling:nareiziger_add"), {"plaatsing": "²", "datum": "2025-03-01", "aantal": 1}
    )
    assert antwoord.status_code == 200
    controleer_nederlands(antwoord.context["form"].errors["plaatsing"], ["²"])
    assert not Nareiziger.objects.exists()
