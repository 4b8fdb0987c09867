"""`manage.py genereer_testdata`: synthetic, marked, deterministic, and never mixed into real data."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from noordwijk_migratie.models import Gemeente
from noordwijk_migratie.testdata.generator import MARKER, SCHALEN
from opvang.models import Bezetting, Opvanglocatie
from programma.models import Actie, Indicator, Meting
from rapportage.models import Rapport
from taakstelling.models import Nareiziger, Periode, Plaatsing, RegioCijfer
from themasessies.models import Sessie


def _genereer(*args):
    uit = io.StringIO()
    call_command("genereer_testdata", *args, stdout=uit)
    return uit.getvalue()


def _tellingen():
    return {
        model.__name__: model.objects.count()
        for model in (
            Periode,
            Plaatsing,
            Nareiziger,
            RegioCijfer,
            Gemeente,
            Opvanglocatie,
            Bezetting,
            Actie,
            Indicator,
            Meting,
            Sessie,
            Rapport,
        )
    }


@pytest.mark.django_db
def test_klein_maakt_gemarkeerde_synthetische_gegevens(basisgegevens):
    voor = _tellingen()
    _genereer("--schaal", "klein")
    klein = SCHALEN["klein"]
    assert Plaatsing.objects.count() == klein.plaatsingen
    assert Gemeente.objects.count() == klein.gemeenten
    assert Periode.objects.count() == voor["Periode"] + klein.perioden
    assert Meting.objects.count() == voor["Meting"] + klein.indicatoren * klein.metingen_per_indicator
    # every object the generator made carries the marker (or hangs from a marked parent)
    assert not Plaatsing.objects.exclude(coa_referentie__startswith=MARKER).exists()
    assert Nareiziger.objects.exists()
    assert not Nareiziger.objects.exclude(plaatsing__coa_referentie__startswith=MARKER).exists()
    assert not RegioCijfer.objects.exclude(bron__startswith=MARKER).exists()
    assert (
        not Bezetting.objects.exclude(locatie__naam__startswith=MARKER)
        .exclude(locatie__in=Opvanglocatie.objects.exclude(naam__startswith=MARKER))
        .exclude(toelichting__startswith=MARKER)
        .exists()
    )
    assert Opvanglocatie.objects.filter(naam__startswith=MARKER).count() == klein.locaties
    assert Sessie.objects.filter(titel__startswith=MARKER).count() == klein.sessies
    assert Rapport.objects.filter(taak_id__startswith=MARKER).count() == klein.rapporten
    nieuw = Gemeente.objects.filter(naam__startswith=MARKER)
    assert nieuw.count() == klein.gemeenten - voor["Gemeente"]
    assert all(g.cbs_code.startswith("GM9") for g in nieuw)
    # synthetic history lies before the baseline's first period, so real figures stay untouched
    assert Periode.objects.filter(notities__startswith=MARKER).latest("einddatum").einddatum == date(2021, 12, 31)
    assert Plaatsing.objects.filter(datum_gehuisvest__gte=date(2022, 1, 1)).count() == 0


@pytest.mark.django_db
def test_tweede_run_vervangt_met_dezelfde_gegevens(basisgegevens):
    _genereer("--schaal", "klein")
    eerste = _tellingen()
    eerste_woonvormen = list(Plaatsing.objects.order_by("coa_referentie").values_list("koppeldatum", "woonvorm"))
    _genereer("--schaal", "klein")
    assert _tellingen() == eerste
    assert list(Plaatsing.objects.order_by("coa_referentie").values_list("koppeldatum", "woonvorm")) == (
        eerste_woonvormen
    )


@pytest.mark.django_db
def test_weigert_bij_echte_gegevens_zonder_forceer(basisgegevens):
    echt = Plaatsing.objects.create(koppeldatum=date(2025, 3, 1), samenstelling="alleenstaande")
    with pytest.raises(CommandError, match="echte"):
        _genereer("--schaal", "klein")
    assert Plaatsing.objects.count() == 1
    _genereer("--schaal", "klein", "--forceer")
    assert Plaatsing.objects.filter(pk=echt.pk).exists()
    assert Plaatsing.objects.count() == SCHALEN["klein"].plaatsingen + 1


@pytest.mark.django_db
def test_geen_auditregels_tijdens_genereren(basisgegevens):
    from auditlog.models import LogEntry

    voor = LogEntry.objects.count()
    _genereer("--schaal", "klein")
    assert LogEntry.objects.count() == voor
