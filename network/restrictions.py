"""Which sections of the page tree have a view restriction, read once per request.

Wagtail's ``PageQuerySet.public()`` reads every restriction, with its whole page, each time it is
called, and one page of the site calls it for each list it shows, for its language links and for
its featured pages: a query each. ``public`` reads the restricted sections' paths once per
request (``restrictions_read_once``, entered by ``ReadOncePerRequestMiddleware``) and filters
with them as Wagtail does, a page and its descendants."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

PagesT = TypeVar("PagesT", bound=QuerySet)

# {"sections": [(path, depth)]} while a request is served, once read; a dict so that a
# restriction saved or deleted during the request can drop it (network/signal_handlers.py).
read_sections: ContextVar[dict[str, list[tuple[str, int]]] | None] = ContextVar(
    "read_sections", default=None
)


@contextmanager
def restrictions_read_once() -> Iterator[None]:
    token = read_sections.set({})
    try:
        yield
    finally:
        read_sections.reset(token)


def restricted_sections() -> list[tuple[str, int]]:
    """``(path, depth)`` of every page with a view restriction."""
    memo = read_sections.get()
    if memo is not None and "sections" in memo:
        return memo["sections"]
    sections = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
    if memo is not None:
        memo["sections"] = sections
    return sections


def forget_restrictions() -> None:
    memo = read_sections.get()
    if memo is not None:
        memo.pop("sections", None)


def is_public(page: Page) -> bool:
    """Whether ``public`` would keep this page, for a page already read."""
    return not any(
        page.path.startswith(path) and page.depth >= depth for path, depth in restricted_sections()
    )


def public(pages: PagesT) -> PagesT:
    """``pages.public()``: no page of a section with a view restriction."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return pages.exclude(private) if private else pages
