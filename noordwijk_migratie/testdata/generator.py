"""Clearly synthetic test data for benchmarks and scale tests (`manage.py genereer_testdata`).

Marking: every object gets the marker ``[SYNTHETISCH]`` in a text field of its own (name, title,
text, note, source or COA reference). Objects without a text field of their own are marked through
their parent: a Nareiziger through its synthetic Plaatsing. Synthetic gemeenten get CBS codes
GM9xxx, which do not exist. No personal data: households are counts of persons, as in the models.
Deterministic: ``random.Random(SEED)``. The audit log is switched off while generating.
"""

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from auditlog.context import disable_auditlog
from django.db import transaction
from django.db.models import Q

MARKER = "[SYNTHETISCH]"
SEED = 20250630
BATCH = 2000


@dataclass(frozen=True)
class Schaal:
    perioden: int
    plaatsingen: int
    locaties: int
    jaren_bezetting: int
    gemeenten: int  # total, the real ones from the baseline included
    acties: int
    indicatoren: int
    metingen_per_indicator: int
    sessies: int
    rapporten: int


SCHALEN = {
    "klein": Schaal(6, 200, 4, 1, 20, 40, 8, 10, 8, 4),
    "groot": Schaal(40, 20_000, 100, 5, 342, 2_000, 200, 100, 300, 50),
}


def gemarkeerd(veld: str) -> Q:
    return Q(**{f"{veld}__startswith": MARKER})


def _modellen():
    from django.apps import apps

    namen = {
        "Gemeente": "kern",
        "Opvanglocatie": "opvang",
        "Actie": "programma",
        "Indicator": "programma",
        "Meting": "programma",
        "Voortgangsnotitie": "programma",
        "Rapport": "rapportage",
        "Nareiziger": "taakstelling",
        "Periode": "taakstelling",
        "Plaatsing": "taakstelling",
        "RegioCijfer": "taakstelling",
        "Sessie": "themasessies",
        "Vervolgactie": "themasessies",
    }
    return {naam: apps.get_model(app, naam) for naam, app in namen.items()}


def echte_gegevens() -> dict[str, int]:
    """Counts of non-synthetic objects of the kinds users enter (the baseline enters none of these)."""
    m = _modellen()
    tellingen = {
        "plaatsingen": m["Plaatsing"].objects.exclude(gemarkeerd("coa_referentie")).count(),
        "nareizigers": m["Nareiziger"].objects.exclude(gemarkeerd("plaatsing__coa_referentie")).count(),
        "regiocijfers": m["RegioCijfer"].objects.exclude(gemarkeerd("bron")).count(),
        "metingen": m["Meting"].objects.exclude(gemarkeerd("bron")).count(),
        "voortgangsnotities": m["Voortgangsnotitie"].objects.exclude(gemarkeerd("tekst")).count(),
        "acties": m["Actie"].objects.filter(code__isnull=True).exclude(gemarkeerd("tekst")).count(),
        "sessies": m["Sessie"].objects.exclude(gemarkeerd("titel")).count(),
        "vervolgacties": m["Vervolgactie"].objects.exclude(gemarkeerd("omschrijving")).count(),
        "rapporten": m["Rapport"].objects.exclude(gemarkeerd("taak_id")).count(),
    }
    return {k: v for k, v in tellingen.items() if v}


def verwijder_synthetisch() -> None:
    """Remove everything this generator made (children first), so a run can be repeated."""
    m = _modellen()
    m["Nareiziger"].objects.filter(gemarkeerd("plaatsing__coa_referentie")).delete()
    m["Plaatsing"].objects.filter(gemarkeerd("coa_referentie")).delete()
    m["RegioCijfer"].objects.filter(gemarkeerd("bron")).delete()
    m["Gemeente"].objects.filter(gemarkeerd("naam")).delete()
    m["Periode"].objects.filter(gemarkeerd("notities")).delete()
    m["Opvanglocatie"].objects.filter(gemarkeerd("naam")).delete()  # cascades to stands and occupancy
    m["Meting"].objects.filter(gemarkeerd("bron")).delete()
    m["Indicator"].objects.filter(gemarkeerd("tekst")).delete()
    m["Actie"].objects.filter(gemarkeerd("tekst")).delete()
    m["Sessie"].objects.filter(gemarkeerd("titel")).delete()
    m["Rapport"].objects.filter(gemarkeerd("taak_id")).delete()


def _halfjaren(aantal: int):
    """`aantal` consecutive half years ending on 31-12-2021 (before the baseline's first period)."""
    jaar, helft = 2021, 2
    uit = []
    for _ in range(aantal):
        uit.append((date(jaar, 1, 1), date(jaar, 6, 30)) if helft == 1 else (date(jaar, 7, 1), date(jaar, 12, 31)))
        jaar, helft = (jaar, 1) if helft == 2 else (jaar - 1, 2)
    return list(reversed(uit))


def genereer(schaal: Schaal, log=lambda _t: None) -> dict[str, int]:
    rnd = random.Random(SEED)
    with disable_auditlog(), transaction.atomic():
        verwijder_synthetisch()
        tellingen = {}
        tellingen.update(_taakstelling(schaal, rnd, log))
        tellingen.update(_opvang(schaal, rnd, log))
        tellingen.update(_programma(schaal, rnd, log))
        tellingen.update(_sessies_en_rapporten(schaal, rnd, log))
    from noordwijk_migratie.cache import verhoog_data_versie

    verhoog_data_versie()  # cached figures and lists are kept until data change; bulk_create sends no signals
    return tellingen


def _taakstelling(schaal, rnd, log):
    from noordwijk_migratie.models import Gemeente
    from taakstelling import rules
    from taakstelling.models import (
        Beeindiging,
        Nareiziger,
        Periode,
        Plaatsing,
        RegioCijfer,
        Samenstelling,
        Woonvorm,
    )

    perioden = [
        Periode(
            label=rules.periode_label(begin, eind),
            begindatum=begin,
            einddatum=eind,
            netto_taakstelling=rnd.randint(20, 80),
            beginsaldo_keten=0 if i == 0 else None,
            beginsaldo_keten_bron=f"{MARKER} begin van de keten" if i == 0 else "",
            bron=MARKER,
            notities=f"{MARKER} testperiode",
        )
        for i, (begin, eind) in enumerate(_halfjaren(schaal.perioden))
    ]
    Periode.objects.bulk_create(perioden)
    log(f"Perioden: {len(perioden)}")

    begin, eind = perioden[0].begindatum, perioden[-1].einddatum
    dagen = (eind - begin).days - 150  # every step (max. 134 days) ends inside the periods
    samenstellingen = Samenstelling.values
    woonvormen = [w for w in Woonvorm.values if w != Woonvorm.TIJDELIJK]
    volgnummers: dict[tuple, int] = {}
    plaatsingen = []
    for i in range(schaal.plaatsingen):
        koppel = begin + timedelta(days=rnd.randrange(dagen))
        samenstelling = rnd.choice(samenstellingen)
        sleutel = (koppel, samenstelling)
        volgnummers[sleutel] = volgnummers.get(sleutel, 0) + 1
        volw = {"alleenstaande": 1, "eenoudergezin": 1, Samenstelling.MINDERJARIGE: 0}.get(samenstelling, 2)
        minder = rnd.randint(1, 4) if samenstelling in ("eenoudergezin", "gezin", Samenstelling.MINDERJARIGE) else 0
        p = Plaatsing(
            koppeldatum=koppel,
            samenstelling=samenstelling,
            volgnummer=volgnummers[sleutel],
            volwassenen=volw,
            minderjarigen=minder,
            verwachte_nareizigers=rnd.choice((0, 0, 0, 1, 2)),
            coa_referentie=f"{MARKER}-{i + 1:06d}",
        )
        stap = rnd.random()
        if stap < 0.05:
            p.beeindiging = rnd.choice(Beeindiging.values)
            p.datum_beeindigd = koppel + timedelta(days=rnd.randint(1, 60))
            p.reden_beeindiging = f"{MARKER} reden"
        elif stap > 0.15:
            p.woonvorm = rnd.choice(woonvormen)
            p.corporatie = f"{MARKER} corporatie {rnd.randint(1, 2)}"
            p.datum_woning_aangeboden = koppel + timedelta(days=rnd.randint(10, 90))
            if stap > 0.25:
                p.datum_huurovereenkomst = p.datum_woning_aangeboden + timedelta(days=rnd.randint(5, 30))
                if stap > 0.3:
                    p.datum_gehuisvest = p.datum_huurovereenkomst + timedelta(days=rnd.randint(0, 14))
        p.status = rules.plaatsing_status(
            p.datum_woning_aangeboden, p.datum_huurovereenkomst, p.datum_gehuisvest, p.beeindiging
        )
        plaatsingen.append(p)
    Plaatsing.objects.bulk_create(plaatsingen, batch_size=BATCH)
    nareizigers = [
        Nareiziger(
            plaatsing=p, datum=p.datum_gehuisvest + timedelta(days=rnd.randint(30, 300)), aantal=p.verwachte_nareizigers
        )
        for p in plaatsingen
        if p.datum_gehuisvest and p.verwachte_nareizigers
    ]
    for n in nareizigers:
        n.datum = min(n.datum, date(2021, 12, 31))
    Nareiziger.objects.bulk_create(nareizigers, batch_size=BATCH)
    log(f"Plaatsingen: {len(plaatsingen)}, nareizigers: {len(nareizigers)}")

    echte = list(Gemeente.objects.all())
    nieuw = [
        Gemeente(cbs_code=f"GM9{i:03d}", naam=f"{MARKER} Gemeente {i:03d}", holland_rijnland=i % 7 == 0)
        for i in range(1, max(0, schaal.gemeenten - len(echte)) + 1)
    ]
    Gemeente.objects.bulk_create(nieuw)
    cijfers = []
    for g in echte + nieuw:
        inwoners = rnd.randint(5_000, 250_000)
        saldo = 0
        for per in perioden:
            netto = max(0, round(inwoners / 17_000_000 * 20_000 * rnd.uniform(0.8, 1.2)))
            realisatie = max(0, round(netto * rnd.uniform(0.6, 1.3)))
            saldo = saldo + realisatie - netto
            cijfers.append(
                RegioCijfer(
                    gemeente=g,
                    periode=per,
                    netto_taakstelling=netto,
                    realisatie=realisatie,
                    saldo_eind=saldo,
                    inwoners=inwoners,
                    bron=MARKER,
                )
            )
    RegioCijfer.objects.bulk_create(cijfers, batch_size=BATCH)
    log(f"Gemeenten (synthetisch): {len(nieuw)}, regiocijfers: {len(cijfers)}")
    return {
        "perioden": len(perioden),
        "plaatsingen": len(plaatsingen),
        "nareizigers": len(nareizigers),
        "gemeenten": len(nieuw),
        "regiocijfers": len(cijfers),
    }


def _opvang(schaal, rnd, log):
    from noordwijk_migratie.models import Doelgroep
    from opvang.models import Bezetting, Capaciteitsstand, Fase, LocatieType, Mijlpaal, Opvanglocatie

    doelgroepen = list(Doelgroep.objects.filter(code__in=["statushouders", "oekraine", "asielzoekers"]))
    eind = date(2026, 6, 29)  # a Monday
    weken = 52 * schaal.jaren_bezetting
    start = eind - timedelta(weeks=weken - 1)
    locaties = [
        Opvanglocatie(
            naam=f"{MARKER} Locatie {i:03d}",
            type=rnd.choice(LocatieType.values),
            fase=Fase.IN_GEBRUIK,
            startdatum=start,
            geplande_plaatsen=rnd.randint(20, 300),
            toelichting=MARKER,
        )
        for i in range(1, schaal.locaties + 1)
    ]
    Opvanglocatie.objects.bulk_create(locaties)  # phase and start as their milestones below give them
    Mijlpaal.objects.bulk_create(
        [Mijlpaal(locatie=loc, fase=Fase.IN_GEBRUIK, datum=start, toelichting=MARKER) for loc in locaties]
    )
    doorlink = Opvanglocatie.doelgroepen.through
    keuze = {loc.pk: doelgroepen[i % len(doelgroepen)] for i, loc in enumerate(locaties)}
    doorlink.objects.bulk_create([doorlink(opvanglocatie_id=pk, doelgroep_id=dg.pk) for pk, dg in keuze.items()])
    Capaciteitsstand.objects.bulk_create(
        [
            Capaciteitsstand(
                locatie=loc,
                doelgroep=keuze[loc.pk],
                ingangsdatum=start,
                plaatsen=loc.geplande_plaatsen,
                toelichting=MARKER,
            )
            for loc in locaties
        ]
    )
    bezetting = []
    for loc in locaties:
        for w in range(weken):
            bezetting.append(
                Bezetting(
                    locatie=loc,
                    doelgroep=keuze[loc.pk],
                    datum=start + timedelta(weeks=w),
                    aantal=rnd.randint(0, loc.geplande_plaatsen),
                    toelichting=MARKER,
                )
            )
        if len(bezetting) >= BATCH * 5:
            Bezetting.objects.bulk_create(bezetting, batch_size=BATCH)
            bezetting.clear()
    Bezetting.objects.bulk_create(bezetting, batch_size=BATCH)
    totaal = schaal.locaties * weken
    log(f"Opvanglocaties: {len(locaties)}, bezettingsregels: {totaal}")
    return {"opvanglocaties": len(locaties), "bezetting": totaal}


def _programma(schaal, rnd, log):
    from programma.models import (
        Actie,
        ActieStatus,
        Indicator,
        IndicatorType,
        Meting,
        Programmalijn,
        Statuswijziging,
        Trekker,
    )

    lijnen = list(Programmalijn.objects.order_by("nummer"))
    if not lijnen:
        lijnen = [Programmalijn.objects.create(nummer=99, naam=f"{MARKER} Programmalijn", trekker=Trekker.OPGAVETEAM)]
    statussen = [s for s in ActieStatus.values if s != ActieStatus.BEWUST_NIET]
    acties = []
    for i in range(schaal.acties):
        start = date(2025, 1, 1) + timedelta(days=rnd.randrange(700))
        acties.append(
            Actie(
                programmalijn=lijnen[i % len(lijnen)],
                volgnummer=1000 + i,
                tekst=f"{MARKER} Actie {i + 1}",
                trekker=rnd.choice(Trekker.values),
                status=rnd.choice(statussen),
                gepland_start=start,
                gepland_eind=start + timedelta(days=rnd.randint(30, 400)),
            )
        )
    Actie.objects.bulk_create(acties, batch_size=BATCH)
    Statuswijziging.objects.bulk_create(  # the status history a report at a peildatum reads
        (Statuswijziging(actie=a, datum=a.gepland_start, status=a.status) for a in acties), batch_size=BATCH
    )
    indicatoren = [
        Indicator(
            programmalijn=lijnen[i % len(lijnen)],
            volgnummer=1000 + i,
            tekst=f"{MARKER} Indicator {i + 1}",
            type=IndicatorType.AANTAL,
            streefwaarde=Decimal(rnd.randint(10, 100)),
        )
        for i in range(schaal.indicatoren)
    ]
    Indicator.objects.bulk_create(indicatoren)
    metingen = []
    for ind in indicatoren:
        for j in range(schaal.metingen_per_indicator):
            metingen.append(
                Meting(
                    indicator=ind,
                    datum=date(2026, 10, 1) - timedelta(weeks=j),
                    waarde_getal=Decimal(rnd.randint(0, 120)),
                    bron=MARKER,
                )
            )
    Meting.objects.bulk_create(metingen, batch_size=BATCH)
    log(f"Acties: {len(acties)}, indicatoren: {len(indicatoren)}, metingen: {len(metingen)}")
    return {"acties": len(acties), "indicatoren": len(indicatoren), "metingen": len(metingen)}


def _sessies_en_rapporten(schaal, rnd, log):
    from rapportage.models import Rapport, Status
    from themasessies.models import Sessie

    sessies = [
        Sessie(
            titel=f"{MARKER} Themasessie {i + 1}",
            datum=date(2020, 1, 6) + timedelta(weeks=i),
            plaats=MARKER,
            samenvatting=f"{MARKER} samenvatting",
        )
        for i in range(schaal.sessies)
    ]
    Sessie.objects.bulk_create(sessies, batch_size=BATCH)
    rapporten = []
    for i in range(schaal.rapporten):
        jaar, helft = 2002 + i // 2, i % 2
        rapporten.append(
            Rapport(
                soort="halfjaarrapportage",
                peildatum=date(jaar, 7, 1) if helft == 0 else date(jaar + 1, 1, 1),
                status=Status.KLAAR,
                voortgang=100,
                taak_id=f"{MARKER}-{i + 1}",
                snapshot={"synthetisch": True},
            )
        )
    Rapport.objects.bulk_create(rapporten)
    log(f"Themasessies: {len(sessies)}, rapporten: {len(rapporten)}")
    return {"sessies": len(sessies), "rapporten": len(rapporten)}


__all__ = ["MARKER", "SCHALEN", "Schaal", "echte_gegevens", "genereer", "replace", "verwijder_synthetisch"]
