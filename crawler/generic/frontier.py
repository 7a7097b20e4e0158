"""What a generic crawl has asked for: every page once, within a page budget.

Keyed by ``dedupe_key`` with first listing pages merged, so ``/berita/5/x/?utm_source=wa``,
``/berita/5/x#komentar`` and ``/berita/5/x`` are one page, and ``/berita?page=1`` is
``/berita``. Tag and static pages are held back until nothing better is left to fetch.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from crawler.fetch import Count, Fetch
from crawler.generic.url_shape import without_first_page
from crawler.urls import dedupe_key

logger = logging.getLogger(__name__)


@lru_cache(maxsize=16384)  # asked of every link on every page
def page_key(url: str) -> str:
    """One key per page however it is linked: ``/berita?page=1`` → ``http://…/berita``."""
    return dedupe_key(without_first_page(url))


class Frontier:
    """Pages and documents asked for, the page budget, and the pages held back."""

    def __init__(self, *, max_pages: int, netloc: str, count: Count) -> None:
        self.max_pages = max_pages
        self.netloc = netloc
        self.count = count
        self.pages_admitted = 0
        self.exhausted = False
        self._seen: set[str] = set()
        self._deferred: list[Fetch] = []

    def seen(self, url: str) -> bool:
        return page_key(url) in self._seen

    def mark(self, url: str) -> None:
        """A page fetched under this URL (a redirect's end, a rel=canonical) needs no request."""
        self._seen.add(page_key(url))

    def admit(self, fetch: Fetch) -> Fetch | None:
        """The fetch if its page is new and the budget allows; negative priorities wait."""
        key = page_key(fetch.url)
        if key in self._seen:
            return None
        if fetch.priority < 0:  # tag and static pages: asked for once nothing better is left
            self._seen.add(key)
            self._deferred.append(fetch)
            return None
        if not self.within_budget():
            return None
        self._seen.add(key)
        self.pages_admitted += 1
        return fetch

    def admit_document(self, fetch: Fetch) -> Fetch | None:
        """Sitemaps, feeds and API pages: once each, and none once the budget is spent."""
        if fetch.url in self._seen or not self.within_budget():
            return None
        self._seen.add(fetch.url)
        return fetch

    def release(self) -> list[Fetch]:
        """The held-back pages, best first, as far as the budget goes."""
        self._deferred.sort(key=lambda fetch: fetch.priority)
        released: list[Fetch] = []
        while self._deferred and self.within_budget():
            released.append(self._deferred.pop())
            self.pages_admitted += 1
        return released

    def within_budget(self) -> bool:
        if self.pages_admitted < self.max_pages:
            return True
        if not self.exhausted:
            logger.warning(
                "page budget of %d reached (WARTA_GENERIC_MAX_PAGES): the rest of %s is "
                "not fetched",
                self.max_pages,
                self.netloc,
            )
        self.count("discovery/over_budget", 1)
        self.exhausted = True
        return False
