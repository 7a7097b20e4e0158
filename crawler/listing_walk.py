"""A backfill's walk of a portal's listings: which pages are done, and whether to go deeper.

A backfill (the first crawl of a portal, ``--full``, ``--since``) walks every listing page.
A page is done once every article it names that this crawl fetches has been answered: stored,
failed, or, when the crawl goes idle, never answered at all. The pages asked for and the pages done
are progress the store pipeline writes (``storage.listing_progress``) one flush after the
articles they named, so a deep walk killed half-way resumes from the pages it had not
finished and skips the ones it had. A walk with nothing left removes its progress.

With ``since``, a page's onward listing links wait until its articles are answered, and are
dropped when every dated one was published before ``since``: listings run newest first, so
the pages after it hold older articles still.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from crawler.fetch import Count, Fetch
from crawler.urls import dedupe_key

SIDEBAR_PAGES = 2  # an article on more listing pages than this is a sidebar's


@dataclass
class _Page:
    """A listing page asked for and not yet done."""

    parsed: bool = False
    waiting: set[str] = field(default_factory=set)  # dedupe keys of its unanswered articles
    onward: list[Fetch] = field(default_factory=list)  # held until they are answered
    newest: datetime | None = None  # the newest publication among its answered articles


@dataclass(frozen=True)
class WalkProgress:
    """What changed since last asked: pages asked for, pages done, the walk finished."""

    asked: list[str]
    done: list[str]
    finished: bool


class ListingWalk:
    """The backfill pages of one crawl; ``walked`` are pages an unfinished earlier walk did."""

    def __init__(
        self, *, since: datetime | None, walked: frozenset[str] = frozenset(), count: Count
    ) -> None:
        self.since = since
        self.walked = set(walked)
        self.count = count
        self.pages: dict[str, _Page] = {}
        self.waiters: dict[str, list[str]] = {}  # article dedupe key -> pages waiting for it
        self.dates: dict[str, datetime | None] = {}  # article dedupe key -> answered publication
        self.named: Counter[str] = Counter()  # article dedupe key -> listing pages naming it
        self._asked: list[str] = []
        self._done: list[str] = []
        self._finished = False

    def admit(self, fetches: list[Fetch]) -> list[Fetch]:
        """The listing fetches to make: each page once, none that this walk already did."""
        admitted = []
        for fetch in fetches:
            if fetch.url in self.walked or fetch.url in self.pages:
                self.count("backfill/walked_skipped", 1)
                continue
            self.pages[fetch.url] = _Page()
            self._asked.append(fetch.url)
            admitted.append(fetch)
        return admitted

    def parsed(
        self, url: str, named: list[str], fetched: set[str], onward: list[Fetch]
    ) -> list[Fetch]:
        """A page read, naming articles (dedupe keys), of which this crawl fetches ``fetched``:
        the page waits for their answers (or takes them, if in); its onward pages go now or
        once they answer. An article named by more than two pages is a sidebar's (popular,
        latest), not the listing's own, and says nothing of how old the page is."""
        page = self.pages.setdefault(url, _Page())
        page.parsed = True
        self.named.update(set(named))
        for key in fetched.intersection(named):
            if self.named[key] > SIDEBAR_PAGES:
                continue
            if key in self.dates:
                page.newest = _later(page.newest, self.dates[key])
            else:
                page.waiting.add(key)
                self.waiters.setdefault(key, []).append(url)
        if self.since is None:
            return self.admit(onward) + self._settle(url)
        page.onward = onward
        return self._settle(url)

    def answered(self, url: str, published: datetime | None) -> list[Fetch]:
        """An article answered (``published`` None when undated or failed)."""
        key = dedupe_key(url)
        if self.pages:  # a walk under way: later pages may name this article too
            self.dates[key] = published
        onward = []
        for listing in self.waiters.pop(key, []):
            page = self.pages.get(listing)
            if page is not None:
                page.waiting.discard(key)
                page.newest = _later(page.newest, published)
                onward += self._settle(listing)
        return onward

    def failed(self, url: str) -> list[Fetch]:
        """A listing page that failed for good is done: there is nothing more to read from it."""
        if url in self.pages:
            self.pages[url].parsed = True
        return self._settle(url)

    def release(self) -> list[Fetch]:
        """The crawl is idle: answers still awaited will not come, so their pages are done."""
        released: list[Fetch] = []
        for url, page in list(self.pages.items()):
            if page.parsed and page.waiting:
                for key in page.waiting:
                    self.waiters.pop(key, None)
                page.waiting.clear()
                released += self._settle(url)
        return released

    def progress(self) -> WalkProgress | None:
        """The changes since the last call, if any."""
        finished = not self.pages and bool(self._asked or self._done or self.walked)
        if not (self._asked or self._done or (finished and not self._finished)):
            return None
        made = WalkProgress(self._asked, self._done, finished)
        self._asked, self._done, self._finished = [], [], finished
        return made

    def _settle(self, url: str) -> list[Fetch]:
        page = self.pages.get(url)
        if page is None or not page.parsed or page.waiting:
            return []
        del self.pages[url]
        self.walked.add(url)
        self._done.append(url)
        self.count("backfill/pages_walked", 1)
        onward, page.onward = page.onward, []
        if self.since is not None and page.newest is not None and page.newest < self.since:
            self.count("since/listings_stopped", 1)
            return []
        return self.admit(onward)


def _later(newest: datetime | None, published: datetime | None) -> datetime | None:
    if published is None:
        return newest
    return published if newest is None or published > newest else newest
