"""Everything cached from the site's content, under one generation: whole public pages
(network/page_cache.py), the main menus (network/navigation.py) and the footers
(network/footer.py).

They live in the "pages" cache (a Redis of its own in production), never in the cache that holds
the rate-limit counters, which filling it could otherwise evict. Each entry is stored with the
generation that was current when it was read from the database; a change to a page, snippet,
setting, site or view restriction starts a new generation (``new_generation``, called by
network/signal_handlers.py), and an entry of an older one is never read again. An entry built
from data that changed while it was being built carries the generation seen before the change,
so it is never read either.

Reading the generation with the entries costs one cache round trip (``read_current``). What every
page shows (the menu and the footer) is read together, in one round trip per request, by the
first to ask (``site_wide``)."""

import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language

GENERATION_KEY = "content-cache:generation"
# What every page shows, cached per host and language (network/navigation.py, network/footer.py).
SITE_WIDE = ("menu", "footer")
SITE_WIDE_TIMEOUT = 24 * 60 * 60
REQUEST_ATTRIBUTE = "_network_site_wide"


def pages_cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


def read_current(keys: list[str]) -> tuple[dict[str, Any], str | None]:
    """``({key: value}, generation)``: those of ``keys`` cached in the current generation, in
    one cache read, and that generation (None if there is none yet)."""
    cached = pages_cache().get_many([GENERATION_KEY, *keys])
    generation = cached.get(GENERATION_KEY)
    current = {
        key: entry[1]
        for key in keys
        if (entry := cached.get(key)) is not None and generation and entry[0] == generation
    }
    return current, generation


def store(values: dict[str, Any], generation: str | None, timeout: int) -> None:
    """Cache ``{key: value}`` for ``timeout`` seconds as of ``generation``, the one
    ``read_current`` returned before they were built."""
    if values:
        generation = generation or current_generation()
        pages_cache().set_many({key: (generation, value) for key, value in values.items()}, timeout)


def current_generation() -> str:
    cache = pages_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_generation() -> None:
    """Drop every entry at once: they are left to expire, never read again."""
    pages_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def site_wide_key(request: HttpRequest, name: str) -> str:
    """Per host name and the server's port (never the Host header's, which a client chooses)
    and per language."""
    hostname = split_domain_port(request.get_host())[0]
    return f"site-wide:{name}:{hostname}:{request.get_port()}:{get_language()}"


def site_wide(request: HttpRequest, name: str, build: Callable[[], Any]) -> Any:
    """The ``name`` of ``SITE_WIDE`` for this request's site and language: cached, else
    ``build()`` and cached. The first call of a request reads every one of ``SITE_WIDE`` at once
    and keeps them on the request."""
    key = site_wide_key(request, name)
    read = getattr(request, REQUEST_ATTRIBUTE, None)
    if read is None or key not in read["keys"]:
        keys = [site_wide_key(request, each) for each in SITE_WIDE]
        current, generation = read_current(keys)
        read = {"keys": set(keys), "current": current, "generation": generation}
        setattr(request, REQUEST_ATTRIBUTE, read)
    if key not in read["current"]:
        read["current"][key] = build()
        store({key: read["current"][key]}, read["generation"], SITE_WIDE_TIMEOUT)
    return read["current"][key]
