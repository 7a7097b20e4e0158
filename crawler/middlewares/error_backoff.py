"""A portal that keeps failing is asked less often, and only that portal.

Scrapy retries a server error or a timeout at the portal's usual pace, so a portal that is
down or overloaded gets the crawl's whole request rate in errors. Here, once one portal's
download slot has answered ``WARTA_ERROR_BACKOFF_AFTER`` times in a row with a server error
(5xx) or no answer at all (timeout, refused or dropped connection), its requests are spaced
``WARTA_ERROR_BACKOFF_START`` seconds apart, doubled at each further error up to
``WARTA_ERROR_BACKOFF_MAX``; its first good answer lifts the floor. Other portals' slots are
untouched. Retries count and are spaced too. A portal that has given nothing but errors for
``WARTA_ERROR_GIVE_UP_S`` seconds is given up: the crawl (one portal's) stops, finish reason
``portal_failing``, and its next run takes up what this one left.
"""

from __future__ import annotations

import logging
from time import monotonic
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.defer import deferred_from_coro

from crawler.middlewares.throttle import SlotFloors

logger = logging.getLogger(__name__)
REASON = "errors"
GAVE_UP = "portal_failing"  # the finish reason of a crawl whose portal only gave errors
SLOWED = "warta/backoff/slowed"  # times a portal's floor was raised for its errors
DELAY = "warta/backoff/delay_s/"  # + slot key: the longest floor its errors set


class ErrorBackoff:
    """Downloader middleware (for the exceptions) and a listener of downloaded responses:
    per portal, a run of errors raises a floor under its delay."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.after = max(1, settings.getint("WARTA_ERROR_BACKOFF_AFTER", 3))
        self.start = settings.getfloat("WARTA_ERROR_BACKOFF_START", 1.0)
        self.ceiling = settings.getfloat("WARTA_ERROR_BACKOFF_MAX", 30.0)
        self.give_up_s = settings.getfloat("WARTA_ERROR_GIVE_UP_S", 300.0)
        self.streak: dict[str, int] = {}
        self.failing_since: dict[str, float] = {}  # slot key -> monotonic time of its first error
        self.gave_up = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        backoff = cls(crawler)
        crawler.signals.connect(backoff.downloaded, signal=signals.response_downloaded)
        return backoff

    def downloaded(self, response: Response, request: Request) -> None:
        """Judged while the downloader still holds the slot, before it sends the next
        request, so the very next one already waits."""
        if response.status >= 500:
            self._failed(request)
        else:
            self._answered(request)

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._failed(request)

    def delay_after(self, errors: int) -> float:
        """The floor after ``errors`` in a row: none before the threshold, then doubling."""
        if errors < self.after or self.start <= 0:
            return 0.0
        return min(self.ceiling, self.start * 2.0 ** min(errors - self.after, 30))

    def _failed(self, request: Request) -> None:
        key = _slot_key(request)
        errors = self.streak[key] = self.streak.get(key, 0) + 1
        failing_for = monotonic() - self.failing_since.setdefault(key, monotonic())
        if errors >= self.after and failing_for >= self.give_up_s > 0:
            self._give_up(key, errors, failing_for)
        delay = self.delay_after(errors)
        if delay <= 0 or delay == self.delay_after(errors - 1):
            return
        SlotFloors.of(self.crawler).ask(key, REASON, delay)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(SLOWED)
            stats.max_value(DELAY + key, delay)
        logger.warning(
            "%s: %d errors in a row; waiting %.1f s between its requests until it answers",
            key,
            errors,
            delay,
        )

    def _give_up(self, key: str, errors: int, failing_for: float) -> None:
        if self.gave_up:
            return
        self.gave_up = True
        logger.error(
            "giving up on %s: %d errors in a row over %.0f s and no good answer",
            key,
            errors,
            failing_for,
        )
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("warta/backoff/gave_up", key)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=GAVE_UP))

    def _answered(self, request: Request) -> None:
        key = _slot_key(request)
        self.failing_since.pop(key, None)
        if self.streak.pop(key, 0) >= self.after:
            SlotFloors.of(self.crawler).ask(key, REASON, 0)
            logger.info("%s answers again; its error backoff is lifted", key)


def _slot_key(request: Request) -> str:
    return str(request.meta.get("download_slot", ""))
