"""Reminders: which are due for whom (``bijwerken``), the e-mail of due reminders (``verstuur_direct``)
and the weekly digest (``verstuur_overzichten``).

Every app registers its reminder kinds in its ``bijdragen.py`` (:class:`noordwijk_migratie.registry.
Herinnering`); nothing here knows the apps. A kind's function yields the items open on a day; a
reminder for an item is due from each lead time before the item's date, and the latest lead time
reached supersedes the earlier ones, so each item has at most one current reminder.

Idempotent sending. A reminder row (:class:`Melding`) exists once per (kind, object, due moment,
recipient). Sending claims a recipient's due rows in the database (committed) before anything goes
out, evaluates the kinds again (the state check: an item whose work is done is not sent), sends one
e-mail and marks those rows sent right after the server accepted it. A second run skips claimed and
sent rows; an SMTP outage releases the claims of what was not sent (the task retries later); a
worker killed mid-run leaves its claims, which expire after the task's hard time limit, so the next
run sends what the dead worker had not. The Message-ID of an e-mail follows from its rows: should a
worker die in the instant between the server's acknowledgement and the commit, the copy sent again
carries the same Message-ID.
"""

import hashlib
import logging
import smtplib
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from noordwijk_migratie import rechten, registry
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.models import Doelgroep
from noordwijk_migratie.registry import Aanleiding, Herinnering
from noordwijk_migratie.roles import BELEIDSADVISEUR, OPGAVEMANAGER, ROLLEN

from .models import Bezorging, Melding, Overzicht, Voorkeur

logger = logging.getLogger(__name__)

# What an SMTP outage raises (no connection, timeout, 4xx, disconnect): the task retries later.
SMTP_STORINGEN = (smtplib.SMTPException, OSError)
KOP_SECONDEN = 600  # the header count is cached this long (and dropped whenever reminders change)


def _blijvend_geweigerd(fout: BaseException) -> bool:
    """The server refused this message for good (5xx for its recipient or its content). A refused
    sender or login is a configuration problem for every message: temporary, retried."""
    if isinstance(fout, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _melding in fout.recipients.values())
    return isinstance(fout, smtplib.SMTPDataError) and fout.smtp_code >= 500


def claim_duur() -> timedelta:
    """A claim older than the sending task's hard time limit belongs to a worker that died."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + settings.TAAK_MARGE_SECONDEN)


# ------------------------------------------------------------------------------------ recipients


@dataclass
class Ontvanger:
    gebruiker: object
    rollen: frozenset[str]  # role codes
    focus: frozenset[str]  # doelgroep codes of the beleidsadviseur's focus (empty: all)
    voorkeur: Voorkeur

    def ontvangt_soort(self, soort: Herinnering) -> bool:
        """Some items of this kind can reach this recipient: a role receives it and it is not switched off."""
        return soort.code not in self.voorkeur.uitgeschakeld and bool(self.rollen & set(soort.rollen))

    def ontvangt_alles(self, soort: Herinnering) -> bool:
        """Every item of this kind reaches this recipient: no focus applies."""
        if not self.ontvangt_soort(soort):
            return False
        rollen = self.rollen & set(soort.rollen)
        return bool(rollen - {BELEIDSADVISEUR.code}) or not self.focus  # another role than beleidsadviseur: no focus

    def ontvangt(self, soort: Herinnering, aanleiding: Aanleiding) -> bool:
        if not self.ontvangt_soort(soort):
            return False
        if self.ontvangt_alles(soort):
            return True
        return not aanleiding.doelgroepen or bool(self.focus & set(aanleiding.doelgroepen))


def standaard_bezorging(rollen) -> str:
    """The opgavemanager gets the weekly digest of the four doelgroepen; everyone else each reminder."""
    return Bezorging.WEKELIJKS if OPGAVEMANAGER.code in rollen else Bezorging.DIRECT


def _rolcodes(gebruiker) -> frozenset[str]:
    codes = {rol.naam: rol.code for rol in ROLLEN}
    return frozenset(codes[g.name] for g in gebruiker.groups.all() if g.name in codes)


def voorkeur_van(gebruiker) -> Voorkeur:
    """The user's saved preferences, or the defaults for their roles (saved on first use)."""
    voorkeur, _aangemaakt = Voorkeur.objects.get_or_create(
        gebruiker=gebruiker, defaults={"bezorging": standaard_bezorging(_rolcodes(gebruiker))}
    )
    return voorkeur


def ontvangers(gebruikers=None) -> list[Ontvanger]:
    """Active users with a role, with their roles, focus and preferences (created with the defaults
    of their roles when missing). A few queries, whatever the number of users."""
    User = get_user_model()  # noqa: N806
    qs = User.objects.filter(is_active=True, groups__name__in=[r.naam for r in ROLLEN]).distinct()
    if gebruikers is not None:
        qs = qs.filter(pk__in=[g.pk for g in gebruikers])
    users = list(qs.prefetch_related("groups", "profiel__focus"))
    voorkeuren = {v.gebruiker_id: v for v in Voorkeur.objects.filter(gebruiker__in=users)}
    nieuw = [
        Voorkeur(gebruiker=u, bezorging=standaard_bezorging(_rolcodes(u))) for u in users if u.pk not in voorkeuren
    ]
    if nieuw:
        Voorkeur.objects.bulk_create(nieuw, ignore_conflicts=True)
        voorkeuren = {v.gebruiker_id: v for v in Voorkeur.objects.filter(gebruiker__in=users)}
    uit = []
    for u in users:
        profiel = getattr(u, "profiel", None)
        focus = frozenset(d.code for d in profiel.focus.all()) if profiel else frozenset()
        uit.append(Ontvanger(u, _rolcodes(u), focus, voorkeuren[u.pk]))
    return uit


# ------------------------------------------------------------------------------------ due reminders


@dataclass
class Openstaand:
    """A kind's items due on a day: per object (the item, its current due moment, the values of its reminder
    row: date, text, url, doelgroepen), and a digest of them all."""

    items: dict[str, tuple[Aanleiding, date, tuple]]
    vingerafdruk: str


def _openstaand(soort: Herinnering, vandaag: date) -> Openstaand:
    items = {}
    for aanleiding in soort.functie(vandaag):
        moment = soort.moment(aanleiding, vandaag)
        if moment is not None:
            waarden = (aanleiding.datum, aanleiding.tekst[:500], aanleiding.url[:300], list(aanleiding.doelgroepen))
            items[aanleiding.sleutel] = (aanleiding, moment, waarden)
    regels = sorted((sleutel, moment, *waarden) for sleutel, (_a, moment, waarden) in items.items())
    return Openstaand(items, hashlib.sha256(repr(regels).encode()).hexdigest())


class _Lui:
    """A kind's :class:`Openstaand`, read only when its items are needed; its digest and count have a small cache
    entry of their own, so an unchanged Mijn werk reads no items. ``delen``: the cache key's parts (None: the
    kind is evaluated afresh)."""

    def __init__(self, soort: Herinnering, vandaag: date, delen: tuple | None):
        self.soort, self.vandaag, self.delen = soort, vandaag, delen

    def _maak(self) -> Openstaand:
        return _openstaand(self.soort, self.vandaag)

    @cached_property
    def alles(self) -> Openstaand:
        return self._maak() if self.delen is None else gecachet("herinneringen-openstaand", self.delen, self._maak)

    @cached_property
    def _kop(self) -> tuple[str, int]:
        def maak():
            return self.alles.vingerafdruk, len(self.alles.items)

        return maak() if self.delen is None else gecachet("herinneringen-openstaand-kop", self.delen, maak)

    @property
    def items(self) -> dict:
        return self.alles.items

    @property
    def vingerafdruk(self) -> str:  # that of the items read, once they are
        return self.alles.vingerafdruk if "alles" in self.__dict__ else self._kop[0]

    @property
    def aantal(self) -> int:
        return len(self.alles.items) if "alles" in self.__dict__ else self._kop[1]


def _openstaand_per_soort(vandaag: date, soorten: dict[str, Herinnering], gecachet_: bool) -> dict[str, _Lui]:
    uit_projectdata = {h.code for a in registry.actieve() if a.projectdata for h in a.herinneringen}
    uit = {}
    for code, soort in soorten.items():
        delen = None
        if gecachet_ and code in uit_projectdata:
            # the items follow from project data alone: the same for every user until it changes
            delen = (code, vandaag.isoformat(), translation.get_language(), "-".join(map(str, soort.vooraf)))
        uit[code] = _Lui(soort, vandaag, delen)
    return uit


def actueel(
    vandaag: date, soorten: dict[str, Herinnering] | None = None, *, gecachet_: bool = False
) -> dict[str, dict[str, tuple]]:
    """Per active kind, per object: (the open item, its current due moment), for the items due on
    ``vandaag`` (those whose first lead time lies ahead are left out). ``gecachet_``: the items of the
    kinds of project-data apps come from the cache until project data changes (the e-mail's state check
    evaluates them afresh)."""
    soorten = registry.herinneringen() if soorten is None else soorten
    return {
        code: {sleutel: (a, moment) for sleutel, (a, moment, _w) in open_.items.items()}
        for code, open_ in _openstaand_per_soort(vandaag, soorten, gecachet_).items()
    }


@dataclass
class Uitkomst:
    open: int = 0
    vervallen: int = 0
    verstuurd: int = 0
    ontvangers: list | None = None


def bijwerken(vandaag: date | None = None, gebruikers=None) -> Uitkomst:
    """Create the reminders due on ``vandaag`` for their recipients (once: the unique constraint) and
    retire the open ones no longer due: work done, superseded by a later lead time, kind switched off
    (by the user or with its module), role or focus changed. ``gebruikers``: only theirs (Mijn werk)."""
    vandaag = vandaag or timezone.localdate()
    mensen = ontvangers(gebruikers)
    # only the kinds someone here receives are evaluated (Mijn werk: the user's own); the open reminders of
    # the other kinds are not wanted, so they are retired below like any other
    soorten = {code: s for code, s in registry.herinneringen().items() if any(o.ontvangt_soort(s) for o in mensen)}
    per_soort = _openstaand_per_soort(vandaag, soorten, gecachet_=True)
    # per recipient and kind: the objects they receive (None: all of the kind, no focus applies)
    ontvangen = {o.gebruiker.pk: _ontvangen(o, soorten, per_soort) for o in mensen}
    standen = {pk: _stand(per_soort, wat) for pk, wat in ontvangen.items()}
    if gebruikers is not None:
        # Mijn werk: a user whose wanted reminders are those this service last wrote for them has nothing to
        # write; the database is read and written only for the others (the beat task always compares all)
        bekend = cache.get_many([_stand_sleutel(pk) for pk in standen])
        gelijk = {pk for pk, stand in standen.items() if bekend.get(_stand_sleutel(pk)) == stand}
        if gelijk:
            gebruikers = [o.gebruiker for o in mensen if o.gebruiker.pk not in gelijk]
            if not gebruikers:
                return Uitkomst(open=sum(_aantal(per_soort, wat) for wat in ontvangen.values()), ontvangers=mensen)
    else:
        gelijk = set()
    gewenst = {}  # (soort, sleutel, moment, gebruiker) -> (datum, tekst, url, doelgroepen)
    for pk, wat in ontvangen.items():
        if pk in gelijk:
            continue
        for code, sleutels in wat.items():
            items = per_soort[code].items
            for sleutel in items if sleutels is None else sleutels:
                _a, moment, waarden = items[sleutel]
                gewenst[(code, sleutel, moment, pk)] = waarden
    aantal = len(gewenst) + sum(_aantal(per_soort, ontvangen[pk]) for pk in gelijk)
    standen = {pk: _stand(per_soort, wat) for pk, wat in ontvangen.items()}  # of the items read
    nu = timezone.now()
    velden = ("datum", "tekst", "url", "doelgroepen")
    with transaction.atomic():
        # only new reminders inserted (once: the unique constraint), existing ones only written when they
        # changed, so a run does not lock rows another run is claiming
        bestaand = {
            (soort, sleutel, moment, gebruiker_id): (pk, tuple(waarden), vervallen_op)
            for pk, soort, sleutel, moment, gebruiker_id, vervallen_op, *waarden in Melding.objects.filter(
                soort__in={k[0] for k in gewenst},
                moment__in={k[2] for k in gewenst},
                gebruiker__in={k[3] for k in gewenst},
            ).values_list("pk", "soort", "sleutel", "moment", "gebruiker_id", "vervallen_op", *velden)
        }
        Melding.objects.bulk_create(
            [
                Melding(soort=k[0], sleutel=k[1], moment=k[2], gebruiker_id=k[3], **dict(zip(velden, w, strict=True)))
                for k, w in gewenst.items()
                if k not in bestaand
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
        # wanted again (work undone, kind switched back on): open again, never sent twice
        gewijzigd = [
            Melding(pk=pk, vervallen_op=None, **dict(zip(velden, gewenst[k], strict=True)))
            for k, (pk, waarden, vervallen_op) in bestaand.items()
            if k in gewenst and (vervallen_op is not None or waarden != tuple(gewenst[k]))
        ]
        Melding.objects.bulk_update(gewijzigd, [*velden, "vervallen_op"], batch_size=500)
        open_ = Melding.objects.filter(vervallen_op=None)
        if gebruikers is not None:
            open_ = open_.filter(gebruiker__in=[g.pk for g in gebruikers])
        weg = [
            (pk, gebruiker_id)
            for pk, *sleutel, gebruiker_id in open_.values_list("pk", "soort", "sleutel", "moment", "gebruiker_id")
            if (*sleutel, gebruiker_id) not in gewenst
        ]
        Melding.objects.filter(pk__in=[pk for pk, _g in weg]).update(vervallen_op=nu)
        geschreven = {
            pk: stand for pk, stand in standen.items() if gebruikers is None or pk in {g.pk for g in gebruikers}
        }
        # the stand of what was written, once it is committed; a user whose reminders were retired without
        # being computed here (no longer a recipient) has no stand
        transaction.on_commit(lambda: _bewaar_standen(geschreven))
    vergeet_standen({g for _pk, g in weg} - set(geschreven))
    vergeet_kop({o.gebruiker.pk for o in mensen} | {g for _pk, g in weg})
    return Uitkomst(open=aantal, vervallen=len(weg), ontvangers=mensen)


# A user's "stand": a digest of the reminders the service last wrote for them (kind, object, due moment, date,
# text, url, doelgroepen), kept for STAND_SECONDEN. Whatever else retires their reminders (the state check of
# the e-mails) forgets it, so the next Mijn werk compares with the database again.
STAND_SECONDEN = 300


def _stand_sleutel(gebruiker_id) -> str:
    return f"herinneringen:stand:{gebruiker_id}"


def _ontvangen(o: Ontvanger, soorten: dict[str, Herinnering], per_soort: dict[str, _Lui]) -> dict:
    """Per kind the recipient receives: None when every item reaches them (no focus applies), else the sorted
    keys of the items that do."""
    uit = {}
    for code, open_ in per_soort.items():
        soort = soorten[code]
        if not o.ontvangt_soort(soort):
            continue
        if o.ontvangt_alles(soort):
            uit[code] = None
        else:
            uit[code] = sorted(sleutel for sleutel, (a, _m, _w) in open_.items.items() if o.ontvangt(soort, a))
    return uit


def _aantal(per_soort: dict[str, _Lui], ontvangen: dict) -> int:
    return sum(per_soort[code].aantal if s is None else len(s) for code, s in ontvangen.items())


def _stand(per_soort: dict[str, _Lui], ontvangen: dict) -> str:
    """The digest of the reminders a recipient wants: per kind its items' digest and which of them they receive."""
    delen = sorted((code, per_soort[code].vingerafdruk, sleutels) for code, sleutels in ontvangen.items())
    return hashlib.sha256(repr(delen).encode()).hexdigest()


def _bewaar_standen(standen: dict[int, str]) -> None:
    cache.set_many({_stand_sleutel(pk): stand for pk, stand in standen.items()}, STAND_SECONDEN)


def vergeet_standen(gebruiker_ids) -> None:
    if gebruiker_ids:
        cache.delete_many([_stand_sleutel(g) for g in gebruiker_ids])


def ververs(meldingen, vandaag: date) -> tuple[list[Melding], list[Melding]]:
    """The state check: (still open, no longer due) for these reminders, each kind evaluated once, now."""
    soorten = registry.herinneringen()
    items = actueel(vandaag, {m.soort: soorten[m.soort] for m in meldingen if m.soort in soorten})
    open_, weg = [], []
    for m in meldingen:
        huidig = items.get(m.soort, {}).get(m.sleutel)
        if huidig is not None and huidig[1] == m.moment:
            m.tekst, m.url, m.datum = huidig[0].tekst[:500], huidig[0].url[:300], huidig[0].datum
            open_.append(m)
        else:
            weg.append(m)
    return open_, weg


def wanneer(soort: Herinnering) -> str:
    """Dutch: when a kind reminds ("90, 30 en 7 dagen vooraf", "7 dagen vooraf en op de datum")."""
    vooraf = [d for d in soort.vooraf if d > 0]
    delen = []
    if vooraf:
        getallen = ", ".join(str(d) for d in vooraf[:-1])
        lijst = f"{getallen} {_('en')} {vooraf[-1]}" if getallen else str(vooraf[-1])
        delen.append(ngettext("%(dagen)s dag vooraf", "%(dagen)s dagen vooraf", vooraf[-1]) % {"dagen": lijst})
    if 0 in soort.vooraf:
        delen.append(_("op de datum"))
    return f" {_('en')} ".join(delen)


def open_meldingen(gebruiker):
    return Melding.objects.filter(gebruiker=gebruiker, vervallen_op=None)


def eerste_per_soort(gebruiker, aantal: int) -> list[Melding]:
    """The user's open reminders, per kind and seen or not the first ``aantal`` by date, each with ``aantal``:
    how many that group holds. One query (window functions), reading only the rows shown."""
    groep = [F("soort"), ExpressionWrapper(Q(gezien_op=None), output_field=BooleanField())]
    return list(
        open_meldingen(gebruiker)
        .annotate(
            rang=Window(RowNumber(), partition_by=groep, order_by=[F("datum").asc(), F("pk").asc()]),
            aantal=Window(Count("pk"), partition_by=groep),
        )
        .filter(rang__lte=aantal)
        .order_by("datum", "pk")
    )


# ------------------------------------------------------------------------------------ the header count


@rechten.voor_de_schil  # every page's header: read with the user's rights when the page is kept
def _kop_sleutel(gebruiker_id) -> str:
    return f"herinneringen:kop:{gebruiker_id}"


def kop(gebruiker) -> dict:
    """For the header: whether the user receives reminders (their permissions, so a changed role shows on
    the next request) and how many open, unseen ones they have (cached; on a miss one indexed count)."""
    if not gebruiker.has_perm("herinneringen.ontvangen"):
        return {"recht": False, "aantal": 0}
    sleutel = _kop_sleutel(gebruiker.pk)
    aantal = rechten.uit_cache(gebruiker, [sleutel]).get(sleutel)
    if aantal is None:
        aantal = open_meldingen(gebruiker).filter(gezien_op=None).count()
        cache.set(sleutel, aantal, KOP_SECONDEN)
    return {"recht": True, "aantal": aantal}


def bij_inloggen(sender, request, user, **kwargs) -> None:
    """``user_logged_in``: the header count is computed at login, so pages start from the cache."""
    vergeet_kop([user.pk])
    kop(user)


def vergeet_kop(gebruiker_ids) -> None:
    cache.delete_many([_kop_sleutel(g) for g in gebruiker_ids])


def markeer_gezien(gebruiker, pk: int, gezien: bool) -> bool:
    """Mark one of the user's own open reminders (un)seen; False when there is no such reminder."""
    gewijzigd = open_meldingen(gebruiker).filter(pk=pk).update(gezien_op=timezone.now() if gezien else None)
    vergeet_kop([gebruiker.pk])
    return bool(gewijzigd)


# ------------------------------------------------------------------------------------ e-mail


def absoluut(pad: str) -> str:
    return settings.BASIS_URL.rstrip("/") + pad


def _domein() -> str:
    return urlsplit(settings.BASIS_URL).hostname or "localhost"


def _bericht(gebruiker, onderwerp: str, sjabloon: str, context: dict, kenmerk: str) -> EmailMultiAlternatives:
    """A Dutch e-mail (plain text and HTML from the templates) with a Message-ID fixed by ``kenmerk``."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            **context,
            "gemeente_naam": settings.GEMEENTE_NAAM,
            "naam": gebruiker.get_full_name() or gebruiker.get_username(),
            "mijn_werk_url": absoluut(reverse("herinneringen:mijn_werk")),
            "voorkeuren_url": absoluut(reverse("herinneringen:voorkeuren")),
        }
        tekst = render_to_string(f"herinneringen/email/{sjabloon}.txt", context)
        html = render_to_string(f"herinneringen/email/{sjabloon}.html", context)
    bericht = EmailMultiAlternatives(
        f"{onderwerp} · {settings.GEMEENTE_NAAM}",
        tekst,
        settings.DEFAULT_FROM_EMAIL,
        [gebruiker.email],
        headers={"Message-ID": f"<{kenmerk}@{_domein()}>"},
    )
    bericht.attach_alternative(html, "text/html")
    return bericht


def _regels(meldingen) -> list[dict]:
    soorten = {h.code: h for a in registry.apps() for h in a.herinneringen}
    return [
        {
            "titel": str(soorten[m.soort].titel) if m.soort in soorten else m.soort,
            "tekst": m.tekst,
            "datum": m.datum,
            "url": absoluut(m.url),
            "nieuw": m.verstuurd_op is None,
        }
        for m in meldingen
    ]


def herinneringsbericht(gebruiker, meldingen) -> EmailMultiAlternatives:
    regels = _regels(meldingen)
    if len(regels) == 1:
        onderwerp = _("Herinnering: %(titel)s") % {"titel": regels[0]["titel"]}
    else:
        onderwerp = ngettext("%(n)s herinnering", "%(n)s herinneringen", len(regels)) % {"n": len(regels)}
    kenmerk = "herinnering." + hashlib.sha256(",".join(str(m.pk) for m in meldingen).encode()).hexdigest()[:24]
    return _bericht(gebruiker, onderwerp, "herinnering", {"regels": regels}, kenmerk)


def _claims(wachtrij, token: str):
    """Claim the due rows of one recipient after the other (each claim committed before anything is sent).
    A run claims a recipient by locking the recipient's user row and then takes all their free rows, so two
    runs never split one recipient's e-mail; a recipient another run holds is skipped (SKIP LOCKED)."""
    while True:
        nu = timezone.now()
        vrij = wachtrij.filter(Q(geclaimd_op=None) | Q(geclaimd_op__lt=nu - claim_duur()))
        with transaction.atomic():
            gebruiker = (
                get_user_model()
                .objects.filter(pk__in=vrij.values("gebruiker_id"))
                .order_by("pk")
                .select_for_update(skip_locked=True, no_key=True)
                .values_list("pk", flat=True)
                .first()
            )
            if gebruiker is None:
                return
            # empty when another run claimed them between the two statements: then on to the next recipient
            pks = list(vrij.filter(gebruiker_id=gebruiker).values_list("pk", flat=True))
            wachtrij.model.objects.filter(pk__in=pks).update(claim=token, geclaimd_op=nu)
        if pks:
            yield pks


def _geef_vrij(model, token: str) -> None:
    model.objects.filter(claim=token, verstuurd_op=None).update(claim="", geclaimd_op=None)


def _verstuur(model, token: str, pks, bericht) -> bool:
    """Send; False (and the reason on the rows) when the server refused this message for good. An SMTP
    outage propagates after the caller released its claims."""
    try:
        bericht.send()
    except SMTP_STORINGEN as fout:
        if not _blijvend_geweigerd(fout):
            raise
        logger.warning("E-mail geweigerd (%s): %s", bericht.to, fout)
        model.objects.filter(pk__in=pks, claim=token).update(fout=str(fout)[:500], claim="", geclaimd_op=None)
        return False
    return True


def verstuur_direct(vandaag: date | None = None) -> int:
    """E-mail the due reminders of recipients who want them directly: one e-mail per recipient with
    their new reminders. Returns how many reminders were sent."""
    vandaag = vandaag or timezone.localdate()
    wachtrij = Melding.objects.filter(
        vervallen_op=None,
        verstuurd_op=None,
        gezien_op=None,
        fout="",
        moment__lte=vandaag,
        gebruiker__is_active=True,
        gebruiker__herinneringvoorkeur__bezorging=Bezorging.DIRECT,
    ).exclude(gebruiker__email="")
    token, verstuurd = uuid.uuid4().hex, 0
    try:
        for pks in _claims(wachtrij, token):
            meldingen = list(
                Melding.objects.filter(pk__in=pks, claim=token).select_related("gebruiker").order_by("datum", "pk")
            )
            open_, weg = ververs(meldingen, vandaag)
            Melding.objects.filter(pk__in=[m.pk for m in weg]).update(vervallen_op=timezone.now(), claim="")
            if weg:
                vergeet_kop([meldingen[0].gebruiker_id])
                vergeet_standen([meldingen[0].gebruiker_id])
            if not open_:
                continue
            klaar = [m.pk for m in open_]
            if _verstuur(Melding, token, klaar, herinneringsbericht(open_[0].gebruiker, open_)):
                Melding.objects.filter(pk__in=klaar, claim=token).update(verstuurd_op=timezone.now(), claim="")
                verstuurd += len(klaar)
    finally:
        _geef_vrij(Melding, token)  # what was not sent (an outage, a time limit) waits for the next try
    return verstuurd


# ------------------------------------------------------------------------------------ weekly digest


def maandag(vandaag: date) -> date:
    return vandaag - timedelta(days=vandaag.weekday())


def groep_van(doelgroepen) -> str:
    """The digest groups a reminder under its one doelgroep; several or none: the last group."""
    return doelgroepen[0] if len(doelgroepen) == 1 else ""


def _groepen(regels_per_groep: dict[str, list], samenvatting: dict[str, dict] | None) -> list[dict]:
    groepen = [{"code": d.code, "naam": d.naam} for d in Doelgroep.objects.order_by("volgorde", "naam")]
    groepen.append({"code": "", "naam": _("Programma, rapportages en meerdere doelgroepen")})
    uit = []
    for g in groepen:
        extra = (samenvatting or {}).get(g["code"], {})
        regels = regels_per_groep.get(g["code"], [])
        if regels or extra:
            uit.append({**g, **extra, "regels": regels})
    return uit


def samenvatting(vandaag: date) -> dict[str, dict]:
    """For the opgavemanager: per doelgroep the dashboard's status and the team's open items per kind."""
    from rapportage.dashboard import dashboard

    soorten = registry.herinneringen()
    tellingen: dict[str, Counter] = {}
    for code, per in actueel(vandaag, soorten).items():
        for aanleiding, _moment in per.values():
            tellingen.setdefault(groep_van(aanleiding.doelgroepen), Counter())[str(soorten[code].titel)] += 1
    panelen = {p["code"]: p for p in dashboard(vandaag)["panelen"]}
    uit = {}
    for groep in {*tellingen, *(d.code for d in Doelgroep.objects.all())}:
        paneel = panelen.get(groep)
        uit[groep] = {
            "status": paneel["status_label"] if paneel else "",
            "toelichting": paneel["toelichting"] if paneel else "",
            "tellingen": sorted(tellingen.get(groep, Counter()).items()),
        }
    return uit


def overzichtsbericht(gebruiker, meldingen, week: date, samenvatting_: dict | None) -> EmailMultiAlternatives:
    per_groep: dict[str, list] = {}
    for m, regel in zip(meldingen, _regels(meldingen), strict=True):
        per_groep.setdefault(groep_van(m.doelgroepen), []).append(regel)
    context = {
        "week": week,
        "aantal": len(meldingen),
        "groepen": _groepen(per_groep, samenvatting_),
        "samenvatting": samenvatting_ is not None,
    }
    onderwerp = _("Weekoverzicht herinneringen %(datum)s") % {"datum": week.strftime("%d-%m-%Y")}
    return _bericht(gebruiker, onderwerp, "overzicht", context, f"overzicht.{gebruiker.pk}.{week:%Y%m%d}")


def verstuur_overzichten(vandaag: date | None = None) -> int:
    """The weekly digest for recipients who chose it: their open reminders grouped by doelgroep, for the
    opgavemanager opened per doelgroep with the dashboard's status and the team's open items. Once per
    recipient and week. Returns how many digests were sent."""
    vandaag = vandaag or timezone.localdate()
    week = maandag(vandaag)
    met_werk = set(
        Melding.objects.filter(vervallen_op=None, moment__lte=vandaag).values_list("gebruiker_id", flat=True)
    )
    deelnemers = [
        o.gebruiker
        for o in ontvangers()
        if o.voorkeur.bezorging == Bezorging.WEKELIJKS
        and o.gebruiker.email
        and o.gebruiker.has_perm("herinneringen.ontvangen")
        and (OPGAVEMANAGER.code in o.rollen or o.gebruiker.pk in met_werk)
    ]
    Overzicht.objects.bulk_create([Overzicht(gebruiker=g, week=week) for g in deelnemers], ignore_conflicts=True)
    wachtrij = Overzicht.objects.filter(week=week, verstuurd_op=None, fout="", gebruiker__in=deelnemers)
    token, verstuurd, samenvatting_ = uuid.uuid4().hex, 0, None
    try:
        for pks in _claims(wachtrij, token):
            overzicht = Overzicht.objects.select_related("gebruiker").get(pk=pks[0])
            gebruiker = overzicht.gebruiker
            meldingen = list(open_meldingen(gebruiker).filter(moment__lte=vandaag).order_by("datum", "pk"))
            open_, weg = ververs(meldingen, vandaag)
            Melding.objects.filter(pk__in=[m.pk for m in weg]).update(vervallen_op=timezone.now())
            if weg:
                vergeet_standen([gebruiker.pk])
            beheerder = OPGAVEMANAGER.code in _rolcodes(gebruiker)
            if beheerder and samenvatting_ is None:
                samenvatting_ = samenvatting(vandaag)
            bericht = overzichtsbericht(gebruiker, open_, week, samenvatting_ if beheerder else None)
            if _verstuur(Overzicht, token, pks, bericht):
                nu = timezone.now()
                Overzicht.objects.filter(pk=overzicht.pk, claim=token).update(
                    verstuurd_op=nu, aantal=len(open_), claim=""
                )
                Melding.objects.filter(pk__in=[m.pk for m in open_], verstuurd_op=None).update(verstuurd_op=nu)
                verstuurd += 1
            vergeet_kop([gebruiker.pk])
    finally:
        _geef_vrij(Overzicht, token)
    return verstuurd


def ronde(vandaag: date | None = None) -> Uitkomst:
    """A run of the beat task: bring the reminders up to date, then e-mail the due ones."""
    uitkomst = bijwerken(vandaag)
    uitkomst.verstuurd = verstuur_direct(vandaag)
    return uitkomst
