"""Faults: the application keeps working when Redis is unreachable."""

import socket

from noordwijk_migratie.cache import VeerkrachtigeRedisCache


def _gesloten_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cache_valt_terug_op_missen_als_redis_weg_is():
    cache = VeerkrachtigeRedisCache(
        f"redis://127.0.0.1:{_gesloten_poort()}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )
    cache.set("sleutel", "waarde")
    assert cache.get("sleutel") is None
    assert cache.get("sleutel", "standaard") == "standaard"
    assert cache.get("sleutel", default=7) == 7
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("x", 1) is False
    assert cache.delete("x") is False


def test_cache_werkt_gewoon_met_redis(settings):
    cache = VeerkrachtigeRedisCache(settings.REDIS_URL, {})
    cache.set("nw-test-sleutel", {"a": 1}, 10)
    assert cache.get("nw-test-sleutel") == {"a": 1}
    cache.delete("nw-test-sleutel")
