"""Report machinery: the planning rule (pure), requesting a report, building it, finalising it.

- ``te_plannen(vandaag, bestaande, ...) -> list[Aanvraag]``: pure planning rule of the beat task.
- ``vraag_aan(soort, peildatum, door) -> Rapport``: new version, dispatched to Celery after commit.
- ``bouw_rapport(rapport_id, taak_id="")``: snapshot -> HTML -> PDF, idempotent (run by the task).
- ``opwarmen()``: the one-time costs of the first report (URLconf, WeasyPrint), paid when the worker starts.
- ``herstel_vastgelopen() -> list[int]``: reports left "bezig" by a dead worker: mislukt, requeued once.
- ``ontbreekt_voor_definitief(rapport) -> list[str]``: why it cannot become definitief yet (Dutch, empty: it can).
- ``vraag_definitief(rapport, door)``: checks, then finalises in the background (``maak_definitief``).
- ``maak_definitief(rapport, door)``: re-renders the PDF from the snapshot as *definitief* and locks it.
"""

import contextlib
import gc
import hashlib
import logging
import os
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from noordwijk_migratie import registry
from noordwijk_migratie.celery import BROKER_FOUTEN
from noordwijk_migratie.getallen import lange_datum
from noordwijk_migratie.registry import Peil

from . import secties
from .models import AL_EEN_ANDERE_DEFINITIEF, Rapport, Status, Toelichting, Voorblad

logger = logging.getLogger(__name__)

WACHTRIJ_ONBEREIKBAAR = "De wachtrij is niet bereikbaar; probeer het later opnieuw"
ONDERBROKEN = "Het maken werd onderbroken (de verwerking stopte); het rapport wordt automatisch opnieuw gemaakt."
OPNIEUW_ONDERBROKEN = "Het maken werd opnieuw onderbroken; vraag het rapport opnieuw aan."
MAP = "rapporten"


# --- planning (pure) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Aanvraag:
    soort: str
    peildatum: date


def laatste_peildatum(op: date) -> date:
    """The latest 1 January or 1 July on or before ``op``."""
    return date(op.year, 7, 1) if op.month >= 7 else date(op.year, 1, 1)


def vorige_peildatum(peildatum: date) -> date:
    return date(peildatum.year - 1, 7, 1) if peildatum.month == 1 else date(peildatum.year, 1, 1)


def te_plannen(
    vandaag: date,
    bestaande: set[tuple[str, date]],
    *,
    dagen_na_peildatum: int = 14,
    evaluatie_datum: date = date(2027, 6, 1),
) -> list[Aanvraag]:
    """Reports the daily beat task must request today.

    The halfjaarrapportage of the latest peildatum whose due date (peildatum + ``dagen_na_peildatum``)
    has passed, if no version exists for it yet; and the evaluatierapport on/after
    ``evaluatie_datum`` (its peildatum) if none exists for that date. Older peildata are never
    back-filled. ``bestaande`` holds (soort, peildatum) of every existing report version.
    """
    plan = []
    peildatum = laatste_peildatum(vandaag)
    if vandaag < peildatum + timedelta(days=dagen_na_peildatum):
        peildatum = vorige_peildatum(peildatum)
    if (secties.HALFJAAR, peildatum) not in bestaande:
        plan.append(Aanvraag(secties.HALFJAAR, peildatum))
    if vandaag >= evaluatie_datum and (secties.EVALUATIE, evaluatie_datum) not in bestaande:
        plan.append(Aanvraag(secties.EVALUATIE, evaluatie_datum))
    return plan


def plan_rapporten(vandaag: date | None = None) -> list[Rapport]:
    """Request (as "systeem") what ``te_plannen`` says for today; returns the new reports."""
    vandaag = vandaag or timezone.localdate()
    bestaande = set(Rapport.objects.values_list("soort", "peildatum"))
    plan = te_plannen(
        vandaag,
        bestaande,
        dagen_na_peildatum=settings.RAPPORTAGE_HALFJAAR_DAGEN_NA_PEILDATUM,
        evaluatie_datum=date.fromisoformat(str(settings.RAPPORTAGE_EVALUATIE_DATUM)),
    )
    return [vraag_aan(a.soort, a.peildatum, None) for a in plan]


# --- requesting ------------------------------------------------------------------------------


def controleer_aanvraag(soort: str, peildatum: date) -> None:
    """Raise ValidationError (Dutch) when this report cannot be requested."""
    if soort not in secties.SOORTEN:
        raise ValidationError({"soort": _("Onbekende soort rapport.")})
    regel = secties.SOORTEN[soort]
    if not regel.peildatum_geldig(peildatum):
        raise ValidationError({"peildatum": str(regel.peildatum_fout)})
    if Rapport.objects.filter(soort=soort, peildatum=peildatum, definitief=True).exists():
        raise ValidationError(
            _("Er is al een definitief rapport voor deze soort en peildatum; er komt geen nieuwe versie meer.")
        )


def vraag_aan(soort: str, peildatum: date, door, zaaknummer: str = "") -> Rapport:
    """Create the next version (1, 2, 3 …) and dispatch its generation after the commit.

    Missing toelichting rows of the sections are created (empty) so advisors can fill them in.
    """
    controleer_aanvraag(soort, peildatum)
    for poging in range(5):
        try:
            with transaction.atomic():
                laatste = (
                    Rapport.objects.filter(soort=soort, peildatum=peildatum)
                    .order_by("-versie")
                    .values_list("versie", flat=True)
                    .first()
                )
                rapport = Rapport.objects.create(
                    soort=soort,
                    peildatum=peildatum,
                    versie=(laatste or 0) + 1,
                    aangevraagd_door=door,
                    zaaknummer=zaaknummer,
                )
                for s in registry.secties(soort):
                    if s.toelichting:
                        Toelichting.objects.get_or_create(soort=soort, peildatum=peildatum, sectie=s.code)
                transaction.on_commit(lambda pk=rapport.pk: verstuur(pk))
            return rapport
        except IntegrityError:  # two requests took the same version number at once
            if poging == 4:
                raise
    raise AssertionError("unreachable")


def verstuur(rapport_id: int) -> None:
    """Put the generation task on the queue; if the broker is down, mark the report mislukt."""
    from .tasks import genereer_rapport

    try:
        # ignore_result: the web process follows the report in the database, not in the result
        # backend; subscribing to the result pub/sub made Celery raise RuntimeError (a 500) when
        # Redis was down, instead of the broker error handled below.
        resultaat = genereer_rapport.apply_async(args=[rapport_id], retry=False, ignore_result=True)
    except BROKER_FOUTEN:
        logger.warning("Wachtrij onbereikbaar; rapport %s niet ingepland", rapport_id, exc_info=True)
        Rapport.objects.filter(pk=rapport_id, definitief=False).exclude(status=Status.KLAAR).update(
            status=Status.MISLUKT, foutmelding=_(WACHTRIJ_ONBEREIKBAAR)
        )
        return
    Rapport.objects.filter(pk=rapport_id, taak_id="").update(taak_id=resultaat.id or "")


def opnieuw(rapport: Rapport, door) -> Rapport:
    """Regenerate: a new version for the same kind and peildatum (the old one stays downloadable)."""
    return vraag_aan(rapport.soort, rapport.peildatum, door, rapport.zaaknummer)


# --- building --------------------------------------------------------------------------------


def _zet(rapport_id: int, **velden) -> int:
    """Short UPDATE so pollers see progress at once; never touches a definitief report."""
    return Rapport.objects.filter(pk=rapport_id, definitief=False).update(**velden)


def sha256_van(pad: Path) -> str:
    digest = hashlib.sha256()
    with open(pad, "rb") as fh:
        for blok in iter(lambda: fh.read(1 << 16), b""):
            digest.update(blok)
    return digest.hexdigest()


def pdf_is_compleet(rapport: Rapport) -> bool:
    """A stored PDF exists and its SHA-256 matches the recorded one."""
    if not rapport.pdf or not rapport.sha256:
        return False
    try:
        return sha256_van(Path(rapport.pdf.path)) == rapport.sha256
    except OSError:
        return False


def voorblad_gegevens() -> dict:
    """The cover's reference data as they are now (stored in the snapshot's ``omslag`` section as
    ``data["voorblad"]``, so a report keeps the values it was made with)."""
    voorblad = Voorblad.huidig()
    return {
        "gemeente": voorblad.gemeente,
        "portefeuillehouder": voorblad.portefeuillehouder,
        "opsteller": voorblad.opsteller,
        "contact": voorblad.contact,
        "vastgelegd_op": lange_datum(timezone.localdate()),
    }


def maak_snapshot(soort: str, peildatum: date, voortgang=None) -> dict:
    """``{code: {"titel", "volgorde", "data", "toelichting", ...}}`` for every section of ``soort``; the
    ``omslag`` section's data also hold ``voorblad`` (:func:`voorblad_gegevens`)."""
    lijst = registry.secties(soort)
    peil = Peil(peildatum)
    toelichtingen = dict(Toelichting.objects.filter(soort=soort, peildatum=peildatum).values_list("sectie", "tekst"))
    snapshot = {}
    for i, s in enumerate(lijst, start=1):
        snapshot[s.code] = {
            "titel": str(s.titel),
            "volgorde": s.volgorde,
            "in_inhoudsopgave": s.in_inhoudsopgave,
            "heeft_toelichting": s.toelichting,
            "toelichting": toelichtingen.get(s.code, "") if s.toelichting else "",
            "data": s.functie(peil),
        }
        if voortgang:
            voortgang(10 + 50 * i // len(lijst))
    if "omslag" in snapshot:
        snapshot["omslag"]["data"] = {**snapshot["omslag"]["data"], "voorblad": voorblad_gegevens()}
    return snapshot


def met_actuele_teksten(snapshot: dict, soort: str, peildatum: date) -> dict:
    """The snapshot with the texts (toelichtingen) as they are now: finalising takes the texts written
    after the concept was made, the figures stay those of the snapshot."""
    teksten = dict(Toelichting.objects.filter(soort=soort, peildatum=peildatum).values_list("sectie", "tekst"))
    return {
        code: {**item, "toelichting": teksten.get(code, "")} if item.get("heeft_toelichting", True) else item
        for code, item in snapshot.items()
    }


def _schrijf_pdf(rapport: Rapport, inhoud: bytes) -> tuple[str, str]:
    """Write atomically (temp file + fsync + rename) under MEDIA_ROOT/rapporten/; returns (name, sha256)."""
    map_ = Path(settings.MEDIA_ROOT) / MAP
    map_.mkdir(parents=True, exist_ok=True)
    staat = "definitief" if rapport.definitief else "concept"
    naam = f"{MAP}/{rapport.soort}-{rapport.peildatum:%Y%m%d}-v{rapport.versie}-{rapport.pk}-{staat}.pdf"
    doel = Path(settings.MEDIA_ROOT) / naam
    tijdelijk = map_ / f".{uuid.uuid4().hex}.tmp"
    try:
        with open(tijdelijk, "wb") as fh:
            fh.write(inhoud)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tijdelijk, doel)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tijdelijk.unlink()
    return naam, hashlib.sha256(inhoud).hexdigest()


def opwarmen() -> float:
    """Load now, once per process, what building a report loads the first time, so the first report a
    user requests does not wait for it: the URLconf (section functions link pages with ``reverse``, which
    imports every app's views on first use) and WeasyPrint (:func:`rapportage.pdf.opwarmen`). The Celery
    worker calls this when it starts (``noordwijk_migratie.celery``); it needs no database. Returns the
    seconds it took.

    What is loaded then stays for the life of the process, so it is frozen out of the garbage collector
    (``gc.freeze``, as the Python documentation advises before a fork): the collections during a report
    (WeasyPrint makes hundreds of thousands of objects) no longer scan it each time, and the prefork
    children share its memory pages instead of copying them."""
    from django.urls import reverse

    from .pdf import opwarmen as pdf_opwarmen

    start = time.perf_counter()
    reverse("liveness")
    pdf_opwarmen()
    gc.collect()
    gc.freeze()
    return time.perf_counter() - start


def bouw_rapport(rapport_id: int, taak_id: str = "") -> str:
    """Build report ``rapport_id``: snapshot (to ~60 %), HTML, PDF (to 100 %). Idempotent.

    Returns what happened: "klaar", "al klaar", "onbekend" or "definitief". A run interrupted at any
    point (killed worker) leaves at most an unreferenced temp file; running again completes the same
    row (reusing a snapshot that was already stored, so the data stay those of the first run).
    """
    with transaction.atomic():
        rapport = Rapport.objects.select_for_update().filter(pk=rapport_id).first()
        if rapport is None:
            return "onbekend"
        if rapport.definitief:
            return "definitief"
        if rapport.status == Status.KLAAR and pdf_is_compleet(rapport):
            return "al klaar"
        _zet(
            rapport_id,
            status=Status.BEZIG,
            voortgang=max(5, min(rapport.voortgang, 60)),
            foutmelding="",
            gestart_op=timezone.now(),
            klaar_op=None,
            **({"taak_id": taak_id} if taak_id else {}),
        )

    snapshot = rapport.snapshot
    if not snapshot:
        snapshot = maak_snapshot(rapport.soort, rapport.peildatum, lambda p: _zet(rapport_id, voortgang=p))
        _zet(rapport_id, snapshot=snapshot, voortgang=60)
    from .pdf import render_html, render_pdf  # WeasyPrint (~40 MB): only the process that renders loads it

    html = render_html(rapport, snapshot, definitief=False)
    _zet(rapport_id, voortgang=70)
    inhoud = render_pdf(html)
    _zet(rapport_id, voortgang=90)
    naam, sha = _schrijf_pdf(rapport, inhoud)

    with transaction.atomic():
        huidig = Rapport.objects.select_for_update().get(pk=rapport_id)
        if huidig.definitief:
            return "definitief"
        _zet(
            rapport_id,
            pdf=naam,
            sha256=sha,
            status=Status.KLAAR,
            voortgang=100,
            foutmelding="",
            klaar_op=timezone.now(),
        )
    return "klaar"


def markeer_mislukt(rapport_id: int, reden: str) -> None:
    _zet(rapport_id, status=Status.MISLUKT, foutmelding=reden)


def herstel_vastgelopen() -> list[int]:
    """Reports "bezig" for longer than the task's hard time limit (plus margin) lost their worker: it
    was killed (SIGKILL, out of memory) or hit the hard limit, and nothing else will move them.

    They become mislukt; the first time a report gets stuck it is also requeued — exactly once, also
    when this runs twice at the same time — the second time it stays mislukt (a report that keeps
    killing its worker must not loop). Returns the ids of the requeued reports.
    """
    grens = timezone.now() - timedelta(seconds=settings.RAPPORTAGE_TIME_LIMIT + settings.TAAK_MARGE_SECONDEN)
    vastgelopen = Rapport.objects.filter(status=Status.BEZIG, gestart_op__lt=grens)
    vastgelopen.filter(opnieuw_ingepland_op__isnull=False).update(
        status=Status.MISLUKT, foutmelding=_(OPNIEUW_ONDERBROKEN)
    )
    eerste_keer = vastgelopen.filter(opnieuw_ingepland_op__isnull=True)
    opnieuw = []
    for pk in eerste_keer.values_list("pk", flat=True):
        # the conditional UPDATE claims the report: of two runs at once only one gets a row back
        if eerste_keer.filter(pk=pk).update(
            status=Status.MISLUKT, foutmelding=_(ONDERBROKEN), opnieuw_ingepland_op=timezone.now()
        ):
            verstuur(pk)
            opnieuw.append(pk)
    return opnieuw


# --- finalising ------------------------------------------------------------------------------

# The texts without which no report is definitief (when the report kind has the section).
VERPLICHTE_TEKSTEN = ("samenvatting", "conclusies", "vervolgopdracht")


def rapportteksten(soort: str) -> set[str]:
    """The report-wide texts (sections of the report itself: samenvatting, conclusies, vervolgopdracht),
    written by the opgavemanager; the other sections' toelichtingen are the domain apps' and may also be
    written by the beleidsadviseurs."""
    eigen = registry.app("rapportage")
    return {s.code for s in eigen.secties if s.soort == soort and s.toelichting} if eigen else set()


def verouderde_gegevens(snapshot: dict) -> list[dict]:
    """The figures of the snapshot that were too old for its peildatum: every section's key figures
    (``data["cijfers"]``, the panel shape of :func:`noordwijk_migratie.panelen.cijfer`) carry the mark
    ``verouderd`` and the date they stand on, decided by :mod:`noordwijk_migratie.actualiteit`."""
    return [
        {"sectie": code, "titel": item.get("titel", code), "onderwerp": c["label"], "label": c["stand"]}
        for code, item in snapshot.items()
        for c in (item.get("data") or {}).get("cijfers") or []
        if c.get("verouderd")
    ]


def ontbreekt_voor_definitief(rapport: Rapport, vandaag: date | None = None) -> list[str]:
    """Why ``rapport`` cannot become definitief yet, in Dutch, one line each (empty list: it can):
    the peildatum has not passed, it was made before its peildatum, a required text is empty, or a
    section shows a figure older than its limit and its toelichting does not explain it."""
    vandaag = vandaag or timezone.localdate()
    meldingen = []
    if vandaag <= rapport.peildatum:
        meldingen.append(
            _("De peildatum (%(peildatum)s) is nog niet voorbij; het rapport kan pas daarna definitief worden.")
            % {"peildatum": lange_datum(rapport.peildatum)}
        )
    elif rapport.voor_peildatum:
        meldingen.append(
            _("Deze versie is gemaakt vóór de peildatum; maak eerst een nieuwe versie (‘Opnieuw genereren’).")
        )
    teksten = {
        sectie: tekst.strip()
        for sectie, tekst in Toelichting.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum).values_list(
            "sectie", "tekst"
        )
    }
    for s in registry.secties(rapport.soort):
        if s.code in VERPLICHTE_TEKSTEN and s.toelichting and not teksten.get(s.code):
            meldingen.append(_("%(onderdeel)s: de tekst ontbreekt.") % {"onderdeel": s.titel})
    for v in verouderde_gegevens(rapport.snapshot or {}):
        if not teksten.get(v["sectie"]):
            meldingen.append(
                _("%(onderdeel)s: het cijfer ‘%(onderwerp)s’ is te oud (%(label)s); licht dat toe in de toelichting.")
                % {"onderdeel": v["titel"], "onderwerp": v["onderwerp"], "label": v["label"]}
            )
    return meldingen


def _controleer_definitief(rapport: Rapport, versies_definitief: list[bool]) -> None:
    """Raise ValidationError (Dutch) unless ``rapport`` may become definitief; ``versies_definitief``:
    the ``definitief`` flag of every version of its kind and peildatum."""
    if rapport.definitief:
        raise ValidationError(_("Dit rapport is al definitief."))
    if rapport.status != Status.KLAAR or not rapport.snapshot:
        raise ValidationError(_("Alleen een gereed rapport kan definitief worden gemaakt."))
    if any(versies_definitief):
        raise ValidationError(str(AL_EEN_ANDERE_DEFINITIEF))
    ontbreekt = ontbreekt_voor_definitief(rapport)
    if ontbreekt:
        raise ValidationError([_("Het rapport kan nog niet definitief worden:"), *ontbreekt])


def vraag_definitief(rapport: Rapport, door) -> Rapport:
    """Check at once (a Dutch refusal listing what is missing), then finalise in the background: the
    request returns immediately, the status page follows ``wordt_definitief`` until it is done."""
    versies = Rapport.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum)
    rapport = Rapport.objects.get(pk=rapport.pk)
    if rapport.wordt_definitief:
        return rapport
    _controleer_definitief(rapport, list(versies.values_list("definitief", flat=True)))
    _zet(rapport.pk, definitief_gevraagd_op=timezone.now(), foutmelding="")
    transaction.on_commit(lambda: verstuur_definitief(rapport.pk, door.pk if door else None))
    return Rapport.objects.get(pk=rapport.pk)


def verstuur_definitief(rapport_id: int, door_id: int | None) -> None:
    from .tasks import maak_rapport_definitief

    try:
        maak_rapport_definitief.apply_async(args=[rapport_id, door_id], retry=False, ignore_result=True)
    except BROKER_FOUTEN:
        logger.warning("Wachtrij onbereikbaar; rapport %s niet definitief gemaakt", rapport_id, exc_info=True)
        definitief_mislukt(rapport_id, _(WACHTRIJ_ONBEREIKBAAR))


def definitief_mislukt(rapport_id: int, reden: str) -> None:
    """Finalising did not happen: the concept stays as it was, with the reason on its page."""
    _zet(rapport_id, definitief_gevraagd_op=None, foutmelding=reden)


def maak_definitief(rapport: Rapport, door) -> Rapport:
    """Re-render the PDF from the stored snapshot with "definitief" on cover and header, and lock it.

    The rendering (seconds) happens outside any transaction; then, holding a lock on every version of
    this kind and peildatum (taken in pk order, so concurrent calls queue instead of deadlocking), the
    checks are repeated and the file and the row are written. Of two managers finalising two versions
    at once, the second gets a Dutch message; the database's one-definitief constraint backs this up.
    """
    versies = Rapport.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum).order_by("pk")
    rapport = Rapport.objects.get(pk=rapport.pk)
    _controleer_definitief(rapport, list(versies.values_list("definitief", flat=True)))
    snapshot = met_actuele_teksten(rapport.snapshot, rapport.soort, rapport.peildatum)
    rapport.definitief = True
    from .pdf import render_html, render_pdf  # as in bouw_rapport: WeasyPrint only where it renders

    inhoud = render_pdf(render_html(rapport, snapshot, definitief=True))
    with transaction.atomic():
        vergrendeld = list(versies.select_for_update().values_list("definitief", flat=True))
        rapport = Rapport.objects.get(pk=rapport.pk)
        _controleer_definitief(rapport, vergrendeld)
        rapport.definitief = True
        rapport.snapshot = snapshot
        rapport.pdf.name, rapport.sha256 = _schrijf_pdf(rapport, inhoud)
        rapport.definitief_door = door
        rapport.definitief_op = timezone.now()
        rapport.save()
    return rapport
