"""The endpoints of ``/api/v1/``: read-only lists, each of one scope (:class:`api.models.Scope`).

Two kinds: figures computed on a ``peildatum`` by the apps' own query and rule functions (the same as the
pages and reports use), and reference data and dated series straight from the models, filterable by
``gewijzigd_sinds`` (rows changed on or after that date according to the audit trail). Every call is
written to the audit trail (:func:`audit`); every answer is ``Cache-Control: private, no-store``."""

import logging
import math

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Prefetch, Sum
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, Throttled

from internationale_werknemers.queries import iw_kerncijfers
from noordwijk_migratie import registry
from opvang import queries as opvang
from opvang.models import Bezetting, Capaciteitsstand, Opgave, Opvanglocatie
from programma.models import Actie, Indicator, Meting, Statuswijziging
from taakstelling import queries as taakstelling
from taakstelling import rules as taakstelling_rules
from taakstelling.models import CoaStand, Plaatsing, PlaatsingStatus, RegioCijfer
from themasessies.models import Bevinding, Contactpersoon, Partner, Sessie, Thema, Vervolgactie

from . import params, serializers
from .models import ApiToken, Scope
from .permissions import ContactpersonenZien, HeeftScope

logger = logging.getLogger(__name__)

PEILDATUM = OpenApiParameter(
    "peildatum",
    OpenApiTypes.DATE,
    description=_("De cijfers zoals ze op deze datum waren (jjjj-mm-dd of dd-mm-jjjj, 2000–2100). Standaard: vandaag."),
)
GEWIJZIGD_SINDS = OpenApiParameter(
    "gewijzigd_sinds",
    OpenApiTypes.DATE,
    description=_(
        "Alleen rijen die op of na deze datum zijn aangemaakt of gewijzigd (volgens de wijzigingsgeschiedenis); "
        "voor incrementeel vernieuwen in Power BI."
    ),
)


def _opslagbaar(tekst: str) -> str:
    """A query parameter as the trail can keep it: PostgreSQL's JSON has no NUL character; long values cut."""
    return tekst.replace("\x00", "\ufffd")[:200]


def audit(request, response) -> None:
    """One ``access`` entry in the audit trail (django-auditlog) per call of a known consumer: the token (or,
    in the browsable API, the user), the owner as actor, the endpoint, its parameters and the status."""
    token = request.auth if isinstance(request.auth, ApiToken) else None
    gebruiker = request.user if request.user and request.user.is_authenticated else None
    gegevens = {
        "endpoint": request.path,
        "parameters": {
            _opslagbaar(k): [_opslagbaar(w) for w in request.query_params.getlist(k)[:10]]
            for k in sorted(request.query_params)[:20]
        },
        "status": response.status_code,
    }
    if token is None and gebruiker is None:
        logger.info("API-aanroep zonder geldig token: %s", gegevens)
        return
    LogEntry.objects.log_create(
        token or gebruiker,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=gebruiker,
        additional_data={"token": token.naam if token else None, **gegevens},
    )


class ApiView(generics.ListAPIView):
    scope: str
    app_label: str  # the app whose module switch and (for logged-in users) view permission count

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        app = registry.app(self.app_label)
        if app is not None and not app.actief:
            raise NotFound(_("Deze module is uitgeschakeld."))

    def throttled(self, request, wait):
        """DRF's own message is half English; the wait also goes into ``Retry-After``."""
        seconden = math.ceil(wait or 1)
        uitzondering = Throttled(
            detail=ngettext(
                "Te veel verzoeken met dit token; probeer het over %(n)d seconde opnieuw.",
                "Te veel verzoeken met dit token; probeer het over %(n)d seconden opnieuw.",
                seconden,
            )
            % {"n": seconden}
        )
        uitzondering.wait = seconden
        raise uitzondering

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        audit(request, response)
        return response


class BerekendView(ApiView):
    """Figures on a peildatum: ``bereken(peildatum)`` gives the rows (dataclasses of the app's rules)."""

    def bereken(self, peildatum) -> list:
        raise NotImplementedError

    def get_queryset(self):
        return self.bereken(params.peildatum(self.request))

    @extend_schema(parameters=[PEILDATUM])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class GegevensView(ApiView):
    """Rows of a model in a stable order (the model's ordering, then id); one per line of :data:`GEGEVENS`."""

    ordering: tuple[str, ...] = ("pk",)

    def get_queryset(self):
        qs = super().get_queryset().order_by(*self.ordering, "pk")
        sinds = params.gewijzigd_sinds(self.request)
        if sinds:
            gewijzigd = LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(qs.model), timestamp__date__gte=sinds
            ).values("object_id")
            qs = qs.filter(pk__in=gewijzigd)
        return qs

    @extend_schema(parameters=[GEWIJZIGD_SINDS])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


# --- statushouders -------------------------------------------------------------------------------------


class PeriodenView(BerekendView):
    """De perioden van de taakstelling met alle berekende cijfers op de peildatum."""

    scope, app_label = Scope.STATUSHOUDERS, "taakstelling"
    serializer_class = serializers.PeriodeSerializer

    def bereken(self, peildatum):
        return taakstelling.periode_overzicht(peildatum)


class PlaatsingenView(ApiView):
    """Plaatsingen per status: aantallen huishoudens en personen (de huidige stand)."""

    scope, app_label = Scope.STATUSHOUDERS, "taakstelling"
    serializer_class = serializers.PlaatsingenSerializer

    def get_queryset(self):
        labels = dict(PlaatsingStatus.choices)
        rijen = (
            Plaatsing.objects.order_by("status")
            .values("status")
            .annotate(huishoudens=Count("pk"), personen=Sum(taakstelling_rules.personen_expr()))
        )
        return [{**r, "status_label": labels.get(r["status"], r["status"])} for r in rijen]


# --- opvang ----------------------------------------------------------------------------------------------


class OpvangOverzichtView(BerekendView):
    """Per doelgroep: opgave, capaciteit, beschikbaar, bezet, gat en status op de peildatum, met de locaties."""

    scope, app_label = Scope.OPVANG, "opvang"
    serializer_class = serializers.OpvangOverzichtSerializer

    def bereken(self, peildatum):
        ref = opvang.Referentie()
        return [opvang.doelgroep_overzicht(code, peildatum, ref) for code in opvang.OVERZICHT_DOELGROEPEN]


class SpreidingswetView(BerekendView):
    """De Spreidingswet-pijplijn op de peildatum: plaatsen per fase tegen de opgave (één rij)."""

    scope, app_label = Scope.OPVANG, "opvang"
    serializer_class = serializers.SpreidingswetSerializer

    def bereken(self, peildatum):
        return [opvang.spreidingswet_pijplijn(peildatum)]


# --- internationale werknemers ---------------------------------------------------------------------------


class IwKerncijfersView(BerekendView):
    """De kerncijfers internationale werknemers op de peildatum (één rij)."""

    scope, app_label = Scope.INTERNATIONALE_WERKNEMERS, "internationale_werknemers"
    serializer_class = serializers.IwKerncijfersSerializer

    def bereken(self, peildatum):
        return [iw_kerncijfers(peildatum)]


# --- programma -------------------------------------------------------------------------------------------


class BerekendeIndicatorenView(BerekendView):
    """De indicatoren die de applicatie zelf berekent, op de peildatum (dezelfde functies als de pagina's)."""

    scope, app_label = Scope.PROGRAMMA, "programma"
    serializer_class = serializers.BerekendeIndicatorSerializer

    def bereken(self, peildatum):
        per_berekening = {}
        for pk, code in (
            Indicator.objects.exclude(berekening__isnull=True)
            .exclude(berekening="")
            .order_by("pk")
            .values_list("pk", "berekening")
        ):
            per_berekening.setdefault(code, []).append(pk)
        rijen = []
        for code, indicator in sorted(registry.indicatoren().items()):
            uitkomst = indicator.functie(peildatum)
            rijen.append(
                {
                    "code": code,
                    "omschrijving": str(indicator.omschrijving),
                    "indicatoren": per_berekening.get(code, []),
                    "waarde": uitkomst.waarde if uitkomst else None,
                    "toelichting": uitkomst.toelichting if uitkomst else None,
                }
            )
        return rijen


# --- rows of models: one line per endpoint ------------------------------------------------------------


def gegevens(route, naam, scope, serializer, queryset, ordering, omschrijving, *, permissies=None):
    """(route, url name, view) of one endpoint of rows of a model: a :class:`GegevensView` named after ``naam``
    (``coa_standen``: ``CoaStandenView``, shown as "Coa Standen" in the browsable API), described by
    ``omschrijving`` (its docstring, the description in the schema), of the app of the queryset's model
    (module switch and view permission); ``permissies`` replaces the default permission classes."""
    klasse = "".join(deel.capitalize() for deel in naam.split("_")) + "View"
    attrs = {
        "__doc__": omschrijving,
        "__module__": __name__,
        "__qualname__": klasse,
        "scope": scope,
        "app_label": queryset.model._meta.app_label,
        "serializer_class": serializer,
        "queryset": queryset,
        "ordering": ordering,
    }
    if permissies is not None:
        attrs["permission_classes"] = permissies
    return route, naam, type(klasse, (GegevensView,), attrs)


GEGEVENS = (
    gegevens(
        "statushouders/coa-standen/",
        "coa_standen",
        Scope.STATUSHOUDERS,
        serializers.CoaStandSerializer,
        CoaStand.objects.select_related("periode"),
        ("periode__begindatum", "maand"),
        "Maandstanden van het COA per periode.",
    ),
    gegevens(
        "statushouders/regiocijfers/",
        "regiocijfers",
        Scope.STATUSHOUDERS,
        serializers.RegioCijferSerializer,
        RegioCijfer.objects.select_related("gemeente", "periode"),
        ("periode__begindatum", "gemeente__naam"),
        "Taakstelling en realisatie per gemeente en periode (regiovergelijking).",
    ),
    gegevens(
        "opvang/opgaven/",
        "opgaven",
        Scope.OPVANG,
        serializers.OpgaveSerializer,
        Opgave.objects.select_related("doelgroep"),
        ("doelgroep__volgorde", "geldig_vanaf"),
        "De gedateerde opgaven per doelgroep.",
    ),
    gegevens(
        "opvang/locaties/",
        "opvanglocaties",
        Scope.OPVANG,
        serializers.OpvanglocatieSerializer,
        Opvanglocatie.objects.prefetch_related("doelgroepen"),
        ("naam",),
        "Het register van opvanglocaties.",
    ),
    gegevens(
        "opvang/capaciteit/",
        "capaciteit",
        Scope.OPVANG,
        serializers.CapaciteitSerializer,
        Capaciteitsstand.objects.select_related("doelgroep", "gereserveerd_voor"),
        ("ingangsdatum", "locatie_id"),
        "De gedateerde capaciteitsstanden per locatie en doelgroep.",
    ),
    gegevens(
        "opvang/bezetting/",
        "bezetting",
        Scope.OPVANG,
        serializers.BezettingSerializer,
        Bezetting.objects.select_related("doelgroep"),
        ("datum", "locatie_id"),
        "De gedateerde bezetting per locatie en doelgroep.",
    ),
    gegevens(
        "programma/acties/",
        "acties",
        Scope.PROGRAMMA,
        serializers.ActieSerializer,
        Actie.objects.select_related("programmalijn").prefetch_related(
            "doelgroepen",
            Prefetch("statuswijzigingen", Statuswijziging.objects.order_by(F("datum").asc(nulls_first=True), "pk")),
        ),
        ("programmalijn__nummer", "volgnummer"),
        "De acties van het programma met hun status en statusgeschiedenis (elke status met de datum vanaf\n"
        "wanneer die gold; zo is de status op elke peildatum na te gaan).",
    ),
    gegevens(
        "programma/indicatoren/",
        "indicatoren",
        Scope.PROGRAMMA,
        serializers.IndicatorSerializer,
        Indicator.objects.select_related("programmalijn").prefetch_related(
            Prefetch("metingen", queryset=Meting.objects.order_by("datum", "pk"))
        ),
        ("programmalijn__nummer", "volgnummer"),
        'De indicatoren ("Meetbaar door") met hun metingen.',
    ),
    gegevens(
        "themasessies/sessies/",
        "sessies",
        Scope.THEMASESSIES,
        serializers.SessieSerializer,
        Sessie.objects.prefetch_related(
            Prefetch("themas", queryset=Thema.objects.order_by("pk")),
            Prefetch("uitgenodigd", queryset=Partner.objects.order_by("pk")),
            Prefetch("aanwezig", queryset=Partner.objects.order_by("pk")),
        ),
        ("datum",),
        "De themasessies met hun gekozen thema's en de uitgenodigde en aanwezige partners (id's).",
    ),
    gegevens(
        "themasessies/bevindingen/",
        "bevindingen",
        Scope.THEMASESSIES,
        serializers.BevindingSerializer,
        Bevinding.objects.all(),
        ("sessie_id", "invalshoek", "perspectief"),
        "Wat de sessies vonden per invalshoek en perspectief: knelpunten, uitdagingen, oplossingsrichtingen.",
    ),
    gegevens(
        "themasessies/themas/",
        "themas",
        Scope.THEMASESSIES,
        serializers.ThemaSerializer,
        Thema.objects.all(),
        ("titel",),
        "De thema-inventarisatie: voorgestelde, gekozen en geparkeerde thema's.",
    ),
    gegevens(
        "themasessies/partners/",
        "partners",
        Scope.THEMASESSIES,
        serializers.PartnerSerializer,
        Partner.objects.all(),
        ("naam",),
        "De partners (organisaties), zonder hun contactpersonen.",
    ),
    gegevens(
        "themasessies/contactpersonen/",
        "contactpersonen",
        Scope.THEMASESSIES,
        serializers.ContactpersoonSerializer,
        Contactpersoon.objects.all(),
        ("partner_id", "naam"),
        "De contactpersonen bij de partners: alleen voor ingelogde medewerkers die ze ook op de pagina\n"
        "Contactpersonen mogen zien, nooit via een token.",
        permissies=(HeeftScope, ContactpersonenZien),
    ),
    gegevens(
        "themasessies/vervolgacties/",
        "vervolgacties",
        Scope.THEMASESSIES,
        serializers.VervolgactieSerializer,
        Vervolgactie.objects.select_related("programmalijn"),
        ("deadline",),
        "De afspraken uit de sessies met eigenaar, deadline en status.",
    ),
)
