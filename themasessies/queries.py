"""The figures of the integral approach from the database: the facts of the sessions, the key figures,
the sessions of a period and the involvement of each partner. The rules are in :mod:`themasessies.rules`;
every result is a plain dataclass for the pages, the dashboard and the reports alike."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Value
from django.utils import timezone

from .models import Partner, Sessie, Vervolgactie
from .rules import Kerncijfers, SessieFeit, VervolgFeit, bereken_kerncijfers, deelname_annotaties


def sessie_feiten() -> list[SessieFeit]:
    """Per session its date and the partner ids invited and present: two queries of plain ids (no model
    objects for every session and partner); both link tables in one UNION ALL."""
    koppelingen = [
        koppeling.through.objects.annotate(soort=Value(soort)).values_list("sessie_id", "partner_id", "soort")
        for soort, koppeling in enumerate((Sessie.uitgenodigd, Sessie.aanwezig))
    ]
    uitgenodigd: dict[int, set[int]] = {}
    aanwezig: dict[int, set[int]] = {}
    for sessie, partner, soort in koppelingen[0].union(koppelingen[1], all=True):
        (aanwezig if soort else uitgenodigd).setdefault(sessie, set()).add(partner)
    return [
        SessieFeit(datum, frozenset(uitgenodigd.get(pk, ())), frozenset(aanwezig.get(pk, ())))
        for pk, datum in Sessie.objects.order_by("datum").values_list("pk", "datum")
    ]


def themasessies_kerncijfers(peildatum: date | None = None) -> Kerncijfers:
    """Sessions per year, partner attendance %, follow-ups on time %, overdue follow-ups, next session."""
    peildatum = peildatum or timezone.localdate()
    vervolg = [VervolgFeit(d, a) for d, a in Vervolgactie.objects.values_list("deadline", "afgerond_op")]
    return bereken_kerncijfers(sessie_feiten(), vervolg, peildatum)


@dataclass
class SessieKort:
    id: int
    titel: str
    datum: date
    plaats: str
    themas: list[str]
    uitgenodigd: list[str]
    aanwezig: list[str]
    aantal_bevindingen: int
    aantal_vervolgacties: int
    url: str


def sessies_in_periode(van: date, tot: date) -> list[SessieKort]:
    """The theme sessions dated from ``van`` up to and including ``tot``, oldest first."""
    qs = (
        Sessie.objects.filter(datum__gte=van, datum__lte=tot)
        .annotate(n_bev=Count("bevindingen", distinct=True), n_verv=Count("vervolgacties", distinct=True))
        .prefetch_related("themas", "uitgenodigd", "aanwezig")
        .order_by("datum", "pk")
    )
    return [
        SessieKort(
            id=s.pk,
            titel=s.titel,
            datum=s.datum,
            plaats=s.plaats,
            themas=[t.titel for t in s.themas.all()],
            uitgenodigd=[p.naam for p in s.uitgenodigd.all()],
            aanwezig=[p.naam for p in s.aanwezig.all()],
            aantal_bevindingen=s.n_bev,
            aantal_vervolgacties=s.n_verv,
            url=s.get_absolute_url(),
        )
        for s in qs
    ]


@dataclass
class PartnerBetrokkenheid:
    id: int
    naam: str
    categorie: str
    uit_bestuursopdracht: bool
    uitgenodigd: int
    aanwezig: int
    laatste_aanwezig: date | None
    url: str


@dataclass
class Betrokkenheidsoverzicht:
    van: date
    tot: date
    partners: list[PartnerBetrokkenheid] = field(default_factory=list)


def partner_betrokkenheid(van: date, tot: date) -> Betrokkenheidsoverzicht:
    """Per partner: invitations and attendance in sessions from ``van`` up to and including ``tot``."""
    qs = Partner.objects.annotate(**deelname_annotaties(van, tot)).order_by("naam")
    return Betrokkenheidsoverzicht(
        van,
        tot,
        [
            PartnerBetrokkenheid(
                id=p.pk,
                naam=p.naam,
                categorie=p.get_categorie_display(),
                uit_bestuursopdracht=p.uit_bestuursopdracht,
                uitgenodigd=p.n_uitgenodigd,
                aanwezig=p.n_aanwezig,
                laatste_aanwezig=p.laatste_aanwezig,
                url=p.get_absolute_url(),
            )
            for p in qs
        ],
    )
