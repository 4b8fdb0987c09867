"""Pure programme arithmetic: overdue, status counts, measurement validation, peildata, trend sentences."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from programma.rules import (
    STATUSSEN,
    Meetpunt,
    formatteer_waarde,
    halfjaar_peildata,
    is_te_laat,
    tel_statussen,
    trend_zin,
    valideer_meetwaarde,
)

datums = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@pytest.mark.django_db
def test_te_laat_in_sql_telt_precies_wat_de_regel_te_laat_noemt():
    """The dashboard counts overdue actions in SQL; that must be the same rule as is_te_laat."""
    from programma.models import Actie
    from programma.rules import te_laat_q

    from .factories import ActieFactory

    peil = date(2026, 1, 1)
    for status in STATUSSEN:
        for eind in (None, date(2025, 12, 31), peil, date(2026, 1, 2)):
            ActieFactory(
                status=status, gepland_eind=eind, reden_niet_uitvoeren="reden" if status == "bewust_niet" else ""
            )
    verwacht = {a.pk for a in Actie.objects.all() if is_te_laat(a.status, a.gepland_eind, peil)}
    assert verwacht and set(Actie.objects.filter(te_laat_q(peil)).values_list("pk", flat=True)) == verwacht


def test_te_laat_alleen_als_de_einddatum_voorbij_is_en_de_actie_niet_is_afgesloten():
    peil = date(2026, 1, 1)
    assert is_te_laat("loopt", date(2025, 12, 31), peil)
    assert is_te_laat("vertraagd", date(2025, 12, 31), peil)
    assert not is_te_laat("loopt", date(2026, 1, 1), peil)  # due today is not late yet
    assert not is_te_laat("afgerond", date(2025, 1, 1), peil)
    assert not is_te_laat("bewust_niet", date(2025, 1, 1), peil)
    assert not is_te_laat("niet_gestart", None, peil)


@given(st.lists(st.tuples(st.sampled_from(STATUSSEN), st.none() | datums)), datums)
def test_statustelling_telt_elke_actie_precies_een_keer(acties, peildatum):
    telling = tel_statussen(acties, peildatum)
    assert telling.totaal == len(acties)
    for status in STATUSSEN:
        assert getattr(telling, status) == sum(s == status for s, _e in acties)
    assert telling.te_laat == sum(is_te_laat(s, e, peildatum) for s, e in acties)
    assert telling.te_laat <= telling.niet_gestart + telling.loopt + telling.vertraagd


def test_meetwaarde_van_het_verkeerde_type_geeft_een_nederlandse_melding():
    assert valideer_meetwaarde("ja_nee", ja_nee=True) == {}
    assert "ja of nee" in valideer_meetwaarde("ja_nee", getal=Decimal(3))["waarde_ja_nee"]
    assert "geen getal" in valideer_meetwaarde("ja_nee", ja_nee=False, getal=Decimal(3))["waarde_getal"]
    assert "tekst" in valideer_meetwaarde("tekst", getal=Decimal(1))["waarde_tekst"]
    assert valideer_meetwaarde("tekst", tekst="Men voelt zich gehoord.") == {}
    assert "geen ja/nee" in valideer_meetwaarde("aantal", getal=Decimal(4), ja_nee=True)["waarde_ja_nee"]
    assert "geheel getal" in valideer_meetwaarde("aantal", getal=Decimal("4.5"))["waarde_getal"]
    assert valideer_meetwaarde("score", getal=Decimal("7.5")) == {}
    assert "0 en 10" in valideer_meetwaarde("score", getal=Decimal(11))["waarde_getal"]


@given(st.decimals(min_value=-1000, max_value=1000, places=2))
def test_percentage_alleen_van_0_tot_en_met_100(waarde):
    fouten = valideer_meetwaarde("percentage", getal=waarde)
    if 0 <= waarde <= 100:
        assert fouten == {}
    else:
        assert fouten["waarde_getal"] in ("Een percentage ligt tussen 0 en 100.", "De waarde kan niet negatief zijn.")


def test_waarden_in_nederlandse_notatie():
    assert formatteer_waarde(Decimal("62.50"), "percentage") == "62,5 %"
    assert formatteer_waarde(1234, "aantal", "inschrijvingen") == "1.234 inschrijvingen"
    assert formatteer_waarde(True, "ja_nee") == "ja"
    assert formatteer_waarde(None, "aantal") == "onbekend"


@given(datums, datums)
def test_peildata_zijn_halfjaareinden_plus_de_einddatum(van, tot):
    data = halfjaar_peildata(van, tot)
    if tot < van:
        assert data == []
        return
    assert data[-1] == tot
    assert data == sorted(set(data))
    assert all(van <= d <= tot for d in data)
    assert all((d.month, d.day) in ((6, 30), (12, 31)) for d in data[:-1])
    # no half-year end in the period is skipped
    for jaar in range(van.year, tot.year + 1):
        for einde in (date(jaar, 6, 30), date(jaar, 12, 31)):
            assert (einde in data) == (van <= einde <= tot)


def test_peildata_van_het_programma():
    assert halfjaar_peildata(date(2025, 7, 1), date(2026, 8, 15)) == [
        date(2025, 12, 31),
        date(2026, 6, 30),
        date(2026, 8, 15),
    ]


def punt(d, w, soort="handmatig"):
    return Meetpunt(d, w, formatteer_waarde(w, "percentage"), soort)


def test_trend_zegt_of_de_richting_gewenst_is_en_hoe_het_staat_met_de_streefwaarde():
    punten = [punt(date(2025, 12, 31), 40.0), punt(date(2026, 6, 30), 55.0, "berekend")]
    zin = trend_zin(punten, "percentage", "hoger", Decimal(60))
    assert "Laatste waarde (30-06-2026, berekend): 55 %" in zin
    assert "Gestegen ten opzichte van 31-12-2025 (40 %); dat is de gewenste richting." in zin
    assert "De streefwaarde (60 %) is nog niet bereikt; verschil 5." in zin
    zin = trend_zin(punten, "percentage", "lager", None)
    assert "dat is niet de gewenste richting" in zin and "geen streefwaarde" in zin
    assert trend_zin([], "aantal", "hoger", None) == "Nog geen metingen of berekende waarden."


def test_trend_bij_ja_nee_vergelijkt_met_de_gewenste_uitkomst():
    ja = Meetpunt(date(2026, 1, 1), True, "ja", "berekend")
    nee = Meetpunt(date(2025, 7, 1), False, "nee", "handmatig")
    assert "Dat is de gewenste uitkomst." in trend_zin([nee, ja], "ja_nee", "ja", None)
    assert "veranderd sinds 01-07-2025 (toen: nee)" in trend_zin([nee, ja], "ja_nee", "ja", None)
    assert "Gewenst is: nee." in trend_zin([ja], "ja_nee", "nee", None)


@given(
    st.lists(
        st.tuples(datums, st.floats(min_value=0, max_value=100, allow_nan=False)), min_size=2, unique_by=lambda t: t[0]
    ),
    st.sampled_from(["hoger", "lager", "gelijk_of_hoger", "geen"]),
)
def test_trend_volgt_de_laatste_twee_waarden(reeks, richting):
    punten = [punt(d, w) for d, w in reeks]
    zin = trend_zin(punten, "percentage", richting, None)
    (_d1, vorige), (_d2, laatste) = sorted(reeks)[-2:]
    if laatste > vorige:
        assert "Gestegen" in zin
    elif laatste < vorige:
        assert "Gedaald" in zin
    else:
        assert "Gelijk gebleven" in zin
    gewenst = {"hoger": laatste > vorige, "lager": laatste < vorige, "gelijk_of_hoger": laatste >= vorige}.get(richting)
    if gewenst is True:
        assert "dat is de gewenste richting" in zin
    elif gewenst is False:
        assert "niet de gewenste richting" in zin
