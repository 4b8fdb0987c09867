"""A Redis cache that degrades to a cache miss when Redis is unreachable, so pages keep rendering."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
STORINGEN = (RedisConnectionError, RedisTimeoutError, OSError)


def _veilig(methode, standaard):
    def wrapper(self, *args, **kwargs):
        try:
            return methode(self, *args, **kwargs)
        except STORINGEN as exc:
            logger.warning("Cache niet bereikbaar (%s); verder zonder cache.", exc)
            return standaard(args, kwargs) if callable(standaard) else standaard

    wrapper.__name__ = methode.__name__
    return wrapper


class VeerkrachtigeRedisCache(RedisCache):
    get = _veilig(RedisCache.get, lambda a, kw: kw.get("default", a[1] if len(a) > 1 else None))
    get_many = _veilig(RedisCache.get_many, {})
    set = _veilig(RedisCache.set, None)
    set_many = _veilig(RedisCache.set_many, [])
    add = _veilig(RedisCache.add, False)
    touch = _veilig(RedisCache.touch, False)
    delete = _veilig(RedisCache.delete, False)
    delete_many = _veilig(RedisCache.delete_many, None)
    has_key = _veilig(RedisCache.has_key, False)
    incr = _veilig(RedisCache.incr, None)
    clear = _veilig(RedisCache.clear, None)
