"""One rounding rule and one way of writing numbers and dates (pages, exports, charts, PDFs)."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noordwijk_migratie.getallen import afgerond, datum, getal, lange_datum, percentage, procent, saldo


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (-0.0, "0"),
        (7, "7"),
        (1234, "1.234"),
        (1234567, "1.234.567"),
        (1e6, "1.000.000"),
        (12.5, "12,5"),
        (1234.5, "1.234,5"),
        (-25, "−25"),
        (-0.25, "−0,25"),
        (0.1, "0,1"),
        (2.0, "2"),
        (1 / 3, "0,333"),
        (-0.001, "−0,001"),
        (Decimal("2.5E+3"), "2.500"),
        (12.345, "12,35"),
    ],
)
def test_getal_op_zijn_nederlands_met_echt_minteken(value, expected):
    assert getal(value) == expected


def test_percentage_rondt_half_naar_boven_af_overal_hetzelfde():
    assert percentage(1, 16) == Decimal("6.3")  # 6,25 %: not 6,2 (round-half-even) on one panel
    assert percentage(1, 3) == Decimal("33.3")
    assert percentage(2, 3) == Decimal("66.7")
    assert percentage(5, 0) is None and percentage(None, 5) is None
    assert afgerond(2.675, 2) == Decimal("2.68")  # the float 2.675 is 2.67499…: rounded as written


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percentage_is_het_afgeronde_quotient(deel, geheel):
    exact = Decimal(deel) * 100 / Decimal(geheel)
    assert abs(percentage(deel, geheel) - exact) <= Decimal("0.05")


def test_procent_met_vaste_decimalen():
    assert (procent(6.25), procent(65), procent(-1.5), procent(None)) == ("6,3 %", "65,0 %", "−1,5 %", "onbekend")


def test_saldo_en_datums():
    assert (saldo(19), saldo(-17), saldo(0), saldo(None)) == ("+19", "−17", "0", "onbekend")
    assert datum(date(2025, 3, 7)) == "07-03-2025"
    assert datum(datetime(2025, 3, 7, 9, 5)) == "07-03-2025 09:05"
    assert datum(None) == ""
    assert lange_datum(date(2025, 7, 1)) == "1 juli 2025"


def test_een_datum_volgt_de_actieve_taal_ook_als_hij_al_eens_geschreven_is():
    """Dates are written once per date and language (the dashboard writes the same dates hundreds of times):
    another language still gets its own format."""
    from django.utils import translation

    dag = date(2025, 7, 1)
    assert datum(dag) == "01-07-2025"
    with translation.override("en"):
        assert datum(dag) == "07/01/2025"
    assert datum(dag) == "01-07-2025"
