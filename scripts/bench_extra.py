"""Timings besides page loads for `make bench`: (label, function) pairs; a function may return a note.

Reports are built in-process exactly as the Celery task does (rapportage.services.bouw_rapport:
snapshot + HTML + WeasyPrint, the snapshot's figures computed afresh: the data version is raised first),
by a warm worker: the worker pays the one-time costs of the first report (URLconf, WeasyPrint's imports,
fonts, templates) when it starts (rapportage.services.opwarmen from noordwijk_migratie.celery), so the bench
does that first and shows it as its own row. The WeasyPrint-only time renders the same HTML again. The import
reads a generated 10,000-row XLSX of (synthetic) placements through taakstelling's Importer, with
the audit log on, as a user's upload would; the rows and their audit entries are removed afterwards
(with SQL, so the cleanup leaves no audit trail of its own and the dataset is as before the run).
"""

import io
import time
from datetime import date, timedelta

_PDF_TIJD = {}


def opwarmen():
    from rapportage.services import opwarmen

    opwarmen()
    return "eenmalig bij de start van de Celery-worker (URLconf, WeasyPrint, lettertypen, templates); niet in de rapporttijden"


def _rapport(soort, peildatum):
    from django.db.models import Max

    from noordwijk_migratie.cache import verhoog_data_versie
    from rapportage.models import Rapport, Status
    from rapportage.services import bouw_rapport

    verhoog_data_versie()  # the figures as after a change: none of the sections' cached results
    versie = (Rapport.objects.filter(soort=soort, peildatum=peildatum).aggregate(m=Max("versie"))["m"] or 0) + 1
    rapport = Rapport.objects.create(soort=soort, peildatum=peildatum, versie=versie, taak_id="[SYNTHETISCH]-bench")
    uitkomst = bouw_rapport(rapport.pk)
    rapport.refresh_from_db()
    assert rapport.status == Status.KLAAR, (uitkomst, rapport.foutmelding)
    _PDF_TIJD[soort] = rapport
    return f"{uitkomst}, {rapport.pdf.size / 1024:.0f} kB"


def _alleen_weasyprint(soort):
    from rapportage.pdf import render_html, render_pdf

    rapport = _PDF_TIJD[soort]
    html = render_html(rapport, rapport.snapshot, definitief=False)
    start = time.perf_counter()
    render_pdf(html)
    return f"alleen render_pdf: {time.perf_counter() - start:.2f} s (HTML {len(html) / 1024:.0f} kB)"


def halfjaar():
    return _rapport("halfjaarrapportage", date(2026, 7, 1))


def halfjaar_weasyprint():
    return _alleen_weasyprint("halfjaarrapportage")


def evaluatie():
    return _rapport("evaluatierapport", date(2026, 11, 1))


def evaluatie_weasyprint():
    return _alleen_weasyprint("evaluatierapport")


def import_xlsx():
    import openpyxl
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection, transaction

    from noordwijk_migratie.cache import verhoog_data_versie
    from taakstelling.imports import PlaatsingImporter
    from taakstelling.models import Plaatsing

    begin = time.perf_counter()
    importer = PlaatsingImporter()
    werkboek = openpyxl.Workbook()
    blad = werkboek.active
    kolommen = [naam for naam, _h, _v in importer.kolommen()]
    blad.append(kolommen)
    start = date(2000, 1, 3)
    for i in range(10_000):
        koppel = start + timedelta(days=i // 5)
        rij = {
            "koppeldatum": koppel.strftime("%d-%m-%Y"),
            "samenstelling": "alleenstaande",
            "volgnummer": 100 + i % 5,
            "volwassenen": 1,
            "woonvorm": "corporatiewoning",
            "datum_woning_aangeboden": (koppel + timedelta(days=30)).strftime("%d-%m-%Y"),
            "coa_referentie": f"[SYNTHETISCH]-import-{i:05d}",
        }
        blad.append([rij.get(k, "") for k in kolommen])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    upload = SimpleUploadedFile("plaatsingen.xlsx", buffer.getvalue())
    maken = time.perf_counter() - begin

    begin = time.perf_counter()
    resultaat = PlaatsingImporter().importeer(upload)
    duur = time.perf_counter() - begin
    assert resultaat.geslaagd, resultaat.fouten[:3]

    begin = time.perf_counter()
    ids = list(
        Plaatsing.objects.filter(coa_referentie__startswith="[SYNTHETISCH]-import-").values_list("pk", flat=True)
    )
    content_type = ContentType.objects.get_for_model(Plaatsing)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {LogEntry._meta.db_table} WHERE content_type_id = %s AND object_id = ANY(%s)",  # noqa: S608
            [content_type.pk, ids],
        )
        cursor.execute(f"DELETE FROM {Plaatsing._meta.db_table} WHERE id = ANY(%s)", [ids])  # noqa: S608
    verhoog_data_versie()
    opruimen = time.perf_counter() - begin
    from xml.parsers import expat

    parser = "defusedxml (puur Python)" if openpyxl.DEFUSEDXML else "C-parser standaardbibliotheek"
    return (
        f"{resultaat.aangemaakt} aangemaakt; importeer() zelf {duur:.2f} s; in de tijd ook het XLSX maken "
        f"({maken:.2f} s) en opruimen ({opruimen:.2f} s); XML: {parser}, expat {'.'.join(map(str, expat.version_info))}"
    )


METINGEN = [
    ("Rapporten: opwarmen bij de start van de worker", opwarmen),
    ("Halfjaarrapportage PDF (snapshot + HTML + WeasyPrint, warme worker)", halfjaar),
    ("Halfjaarrapportage: alleen WeasyPrint", halfjaar_weasyprint),
    ("Evaluatierapport PDF (snapshot + HTML + WeasyPrint, warme worker)", evaluatie),
    ("Evaluatierapport: alleen WeasyPrint", evaluatie_weasyprint),
    ("Import 10.000 plaatsingen (XLSX)", import_xlsx),
]
