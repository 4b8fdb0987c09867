"""The shared staleness rule: a measured figure older than its limit is *verouderd* on the peildatum."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from noordwijk_migratie.actualiteit import STATUS_VEROUDERD, is_verouderd, label, leeftijd

D = date


def test_de_grensdag_is_nog_actueel_de_dag_erna_verouderd():
    telling = D(2025, 6, 30)
    assert not is_verouderd(telling, D(2025, 8, 14), 45)  # 45 days
    assert is_verouderd(telling, D(2025, 8, 15), 45)  # 46 days
    assert is_verouderd(telling, D(2026, 12, 1), 45)  # Trampoline II's count on the dashboard of today


def test_nooit_gemeten_is_onbekend_niet_verouderd():
    assert leeftijd(None, D(2026, 12, 1)) is None
    assert not is_verouderd(None, D(2026, 12, 1), 45)
    assert label(None, D(2026, 12, 1), 45) == "geen telling"


def test_label_draagt_de_datum_en_het_merkteken():
    assert label(D(2025, 6, 30), D(2025, 7, 1), 45) == "telling 30-06-2025"
    assert label(D(2025, 6, 30), D(2026, 12, 1), 45) == "telling 30-06-2025, verouderd"
    assert label(D(2025, 6, 30), D(2026, 12, 1), 180, soort="stand") == "stand 30-06-2025, verouderd"
    assert str(STATUS_VEROUDERD) == "onbekend — telling verouderd"


@given(st.dates(), st.integers(min_value=-400, max_value=400), st.integers(min_value=0, max_value=365))
def test_verouderd_precies_als_ouder_dan_de_grens(peildatum, dagen, grens):
    try:
        gemeten = peildatum - timedelta(days=dagen)
    except OverflowError:
        return
    assert is_verouderd(gemeten, peildatum, grens) == (dagen > grens)


def test_het_label_volgt_de_actieve_taal_ook_als_het_al_eens_gemaakt_is():
    """Labels are made once per text and language: another language gets its own date format."""
    from django.utils import translation

    assert label(D(2025, 6, 30), D(2026, 12, 1), 45) == "telling 30-06-2025, verouderd"
    with translation.override("en"):
        assert "06/30/2025" in label(D(2025, 6, 30), D(2026, 12, 1), 45)
    assert label(D(2025, 6, 30), D(2026, 12, 1), 45) == "telling 30-06-2025, verouderd"
