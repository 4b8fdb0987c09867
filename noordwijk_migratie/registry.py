"""What each project app contributes, declared in one place: the app's ``bijdragen.py``.

Every project app has a module ``<app>/bijdragen.py`` (found with Django's
``autodiscover_modules("bijdragen")`` when the project starts) that declares one :class:`App`::

    # opvang/bijdragen.py
    app = App(
        "opvang",
        domein=True,                                   # its data is domain data (roles, cache, audit)
        urls=(("opvang/", "opvang.urls"),),            # mounted by the project's urls.py
        navigatie=(Navigatie(_("Opvang"), "opvang:index", volgorde=30),),
        paginas=(Pagina("opvang:opvanglocatie_list", _("Register van locaties …")), ...),  # index page
        panelen=(Paneel("oekraine", 20, panelen.oekraine),),                # dashboard
        secties=(Sectie(HALFJAAR, "oekraine", _("Oekraïense ontheemden: opvang"), 70, panelen.oekraine),),
        indicatoren=(Indicator("iw_informatiebereik", indicatoren.informatiebereik),),
        signalen=(panelen.signalen,),
        herinneringen=(Herinnering("opvang.beleidsdatum", _("Beleidsdatum nadert"), herinneringen.beleidsdatums,
                                   rollen=("beleidsadviseur", "opgavemanager"), dagen_vooraf=(90, 30, 7)),),
    )

Nothing else in the project lists apps by hand: the roles, the cache's data version, the
navigation, the root URLs, the dashboard, the reports, the indicator choices, the reminders and the
test collection all read this registry.

An app with a ``schakelaar`` (the name of a boolean setting, e.g. ``MODULE_TAAKSTELLING_ACTIEF``)
can be switched off: then its pages answer 404 with an explanation
(:class:`ModuleSchakelaarMiddleware`) and its navigation, index pages, panels, report sections,
indicators, signals and reminders disappear together, because every reader goes through :func:`actieve`.

Panels, sections, signals and deadlines (termijnen) are functions of a :class:`Peil` (the peildatum
plus a memo shared by everything built for it, so figures several panels need are computed once per
dashboard or report); a panel and the report section about the same subject share one function.
Indicators are functions of a date (the programme computes their series at many dates).

A reminder kind (:class:`Herinnering`, see the app ``herinneringen``) is a function of a day that yields
the :class:`Aanleiding` items open on it (an object with its date, a Dutch text without personal data of
newcomers and a link); the same function, evaluated again just before a reminder is sent, is its state
check: an item it no longer yields (the work is done) is never sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from django.conf import settings

REGISTER: dict[str, App] = {}


@dataclass(frozen=True)
class Navigatie:
    label: str
    url_naam: str
    volgorde: int = 100


@dataclass(frozen=True)
class Pagina:
    """A card on the app's index page. Title and permission come from the view behind ``url_naam``
    (its model's plural name; the permission the view itself requires) unless given."""

    url_naam: str
    omschrijving: str
    titel: str | None = None
    permissie: str | None = None  # only for views that don't check a model permission themselves


@dataclass(frozen=True)
class Paneel:
    """A dashboard panel; its ``code`` is the doelgroep's code. ``kern``: the doelgroep's block in the
    kernboodschap of the halfjaarrapportage (``{"opgave", "stand", "status", "status_label", "regel"}``),
    when it is not simply the panel's own status and figures (see ``rapportage.secties.kernboodschap``)."""

    code: str
    volgorde: int
    functie: Callable[[Peil], dict | None]
    kern: Callable[[Peil], dict | None] | None = None


@dataclass(frozen=True)
class Sectie:
    soort: str
    code: str
    titel: str
    volgorde: int
    functie: Callable[[Peil], dict]
    toelichting: bool = True
    in_inhoudsopgave: bool = True

    @property
    def template(self) -> str:
        return f"pdf/secties/{self.code}.html"


@dataclass(frozen=True)
class Indicator:
    """A "Meetbaar door" figure the application computes; ``functie(peildatum)`` returns a
    :class:`noordwijk_migratie.indicatoren.Berekend` or None when there is no data on that date."""

    code: str
    functie: Callable[[date], Any]
    omschrijving: str = ""


@dataclass(frozen=True)
class Aanleiding:
    """One open item of a reminder kind: the work it asks for is not done yet.

    ``sleutel`` identifies the object within the kind (a primary key, a period label); ``datum`` is the
    date the reminder is about (a deadline, a policy date, the day a count became stale), the lead times
    count back from it. ``tekst`` never holds personal data of newcomers ("huishouden van 3 personen,
    gekoppeld 01-09-2026"); ``doelgroepen`` are doelgroep codes (the beleidsadviseur's focus, the
    grouping of the weekly digest)."""

    sleutel: str
    datum: date
    tekst: str
    url: str
    doelgroepen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Herinnering:
    """A kind of reminder. ``functie(vandaag)`` yields the :class:`Aanleiding` items open on ``vandaag``
    (also ones whose date is still ahead); a reminder is due from each lead time before the item's date
    (``dagen_vooraf``, overridable per code in ``settings.HERINNERINGEN_DAGEN_VOORAF``; 0 = on the date).
    ``rollen`` are the role codes that receive it; a beleidsadviseur with a focus receives only items of
    those doelgroepen (and items without a doelgroep)."""

    code: str
    titel: str
    functie: Callable[[date], Iterable[Aanleiding]]
    rollen: tuple[str, ...]
    dagen_vooraf: tuple[int, ...] = (0,)
    omschrijving: str = ""

    @property
    def vooraf(self) -> tuple[int, ...]:
        """The lead times in days, longest first (the setting overrides the declared default)."""
        dagen = getattr(settings, "HERINNERINGEN_DAGEN_VOORAF", {}).get(self.code, self.dagen_vooraf)
        return tuple(sorted(set(dagen), reverse=True))

    def moment(self, aanleiding: Aanleiding, vandaag: date) -> date | None:
        """The current due moment of an item on ``vandaag``: the latest lead time already reached (an
        earlier one is superseded by it), or None while the first lies ahead."""
        bereikt = [aanleiding.datum - timedelta(days=d) for d in self.vooraf]
        bereikt = [m for m in bereikt if m <= vandaag]
        return max(bereikt) if bereikt else None


@dataclass
class App:
    label: str
    domein: bool = False
    projectdata: bool | None = None  # changes raise the cache's data version; default: domein
    schakelaar: str | None = None
    urls: tuple[tuple[str, str], ...] = ()
    navigatie: tuple[Navigatie, ...] = ()
    paginas: tuple[Pagina, ...] = ()
    panelen: tuple[Paneel, ...] = ()
    secties: tuple[Sectie, ...] = ()
    indicatoren: tuple[Indicator, ...] = ()
    signalen: tuple[Callable[[Peil], list[dict]], ...] = ()  # dashboard warnings {"ernst", "tekst", "url"}
    termijnen: tuple[
        Callable[[Peil], list[dict]], ...
    ] = ()  # dated deadlines {"naam", "datum", "dagen_resterend", "verstreken"}
    rollen: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role code -> extra "app.codename"
    herinneringen: tuple[Herinnering, ...] = ()

    def __post_init__(self):
        if self.projectdata is None:
            self.projectdata = self.domein
        REGISTER[self.label] = self
        domein_labels.cache_clear()
        projectdata_labels.cache_clear()

    @property
    def actief(self) -> bool:
        return bool(getattr(settings, self.schakelaar, True)) if self.schakelaar else True


class Peil:
    """The peildatum of a dashboard, report or indicator, with a memo for figures shared by the
    contributions built for it (``peil.gedeeld("taakstelling.overzicht", maak)``)."""

    def __init__(self, datum: date):
        self.datum = datum
        self._memo: dict[str, Any] = {}

    def gedeeld(self, sleutel: str, maak: Callable[[], Any]):
        if sleutel not in self._memo:
            self._memo[sleutel] = maak()
        return self._memo[sleutel]


def laad() -> dict[str, App]:
    """Import every app's ``bijdragen`` module (idempotent; done in KernConfig.ready())."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("bijdragen")
    return REGISTER


def apps() -> list[App]:
    return list(REGISTER.values())


def actieve() -> list[App]:
    return [a for a in REGISTER.values() if a.actief]


def app(label: str) -> App | None:
    return REGISTER.get(label)


@cache
def domein_labels() -> tuple[str, ...]:
    return tuple(a.label for a in REGISTER.values() if a.domein)


@cache
def projectdata_labels() -> frozenset[str]:
    return frozenset(a.label for a in REGISTER.values() if a.projectdata)


def navigatie() -> list[Navigatie]:
    return sorted((n for a in actieve() for n in a.navigatie), key=lambda n: n.volgorde)


def paginas(app_label: str) -> tuple[Pagina, ...]:
    gevonden = REGISTER.get(app_label)
    return gevonden.paginas if gevonden and gevonden.actief else ()


def panelen() -> list[Paneel]:
    return sorted((p for a in actieve() for p in a.panelen), key=lambda p: (p.volgorde, p.code))


def secties(soort: str) -> list[Sectie]:
    return sorted((s for a in actieve() for s in a.secties if s.soort == soort), key=lambda s: (s.volgorde, s.code))


def indicatoren() -> dict[str, Indicator]:
    """The computed indicators of the active apps, by code."""
    return {i.code: i for a in actieve() for i in a.indicatoren}


def alle_indicatorcodes() -> list[str]:
    """Every registered code, also of switched-off apps (stored choices stay valid)."""
    return sorted(i.code for a in REGISTER.values() for i in a.indicatoren)


def indicator_keuzes() -> list[tuple[str, str]]:
    """Choices of ``programma.Indicator.berekening`` (a callable: a new indicator needs no migration)."""
    omschrijvingen = {i.code: i.omschrijving for a in REGISTER.values() for i in a.indicatoren}
    return [(code, str(omschrijvingen[code]) or code) for code in alle_indicatorcodes()]


def signalen(peil: Peil) -> list[dict]:
    return [s for a in actieve() for functie in a.signalen for s in functie(peil)]


def termijnen(peil: Peil) -> list[dict]:
    return sorted((t for a in actieve() for functie in a.termijnen for t in functie(peil)), key=lambda t: t["datum"])


def herinneringen() -> dict[str, Herinnering]:
    """The reminder kinds of the active apps, by code."""
    return {h.code: h for a in actieve() for h in a.herinneringen}


class ModuleSchakelaarMiddleware:
    """Pages of a switched-off app answer 404 with a Dutch explanation; the rest keeps working."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        # every app's URL namespace is its label (``app_name`` in its urls.py)
        gevonden = REGISTER.get(match.namespaces[0]) if match and match.namespaces else None
        if gevonden is None or gevonden.actief:
            return None
        from django.apps import apps as django_apps
        from django.shortcuts import render
        from django.utils.translation import gettext as _

        naam = django_apps.get_app_config(gevonden.label).verbose_name
        return render(
            request,
            "module_uit.html",
            {"titel": _("Module uitgeschakeld"), "module": naam, "schakelaar": gevonden.schakelaar},
            status=404,
        )
