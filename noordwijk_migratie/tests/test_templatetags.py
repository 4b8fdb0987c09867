import datetime

from noordwijk_migratie.templatetags.nw import datum


def test_datum_filter():
    assert datum(datetime.date(2025, 7, 1)) == "01-07-2025"
    assert datum("2025-07-01") == "01-07-2025"
    assert datum("2025-07-01T10:00:00") == "01-07-2025 10:00"
    assert datum(datetime.datetime(2025, 7, 1, 8, 30)) == "01-07-2025 08:30"
    assert datum(None) == ""
    assert datum("onbekend") == "onbekend"
    assert datum("2025-07-01 is een dinsdag") == "2025-07-01 is een dinsdag"
    assert datum(42) == 42
