"""Honour ``Retry-After`` on 429 and 503 by pausing only the portal that asked.

Scrapy's RetryMiddleware retries a 429 or 503 at once and gives up within the same second:
exactly what a rate-limited portal asked us not to do. Here such an answer pauses that
portal's downloader slot for what its ``Retry-After`` asks (delta-seconds or an HTTP-date;
without one 5 s, 10 s, 20 s …), at most WARTA_RETRY_AFTER_MAX seconds, while other portals
keep flowing, then retries. Once a portal has been paused WARTA_RETRY_AFTER_BUDGET seconds
in one crawl, its 429/503 answers go on unchanged and the spider counts a failed request.
A 503 without Retry-After gets RETRY_TIMES backed-off tries, like any server error.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from typing import Self

    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.utils.asyncio import CallLaterResult

logger = logging.getLogger(__name__)

STATUSES = frozenset({429, 503})
FIRST_BACKOFF = 5.0  # seconds without a readable Retry-After; doubled at every retry
MIN_WAIT = 1.0  # so that "Retry-After: 0" forever still spends the budget
TIMES_KEY = "warta_retry_after_times"  # request.meta: retries of this request so far
_WAIT_KEY = "_warta_retry_after_wait"  # request.meta: the decision, from download to here
_HOLD_DELAY = 0.001  # a slot with delay 0 skips the pause check, so it gets this meanwhile


def parse_retry_after(
    value: str | bytes | None, cap: float, now: datetime | None = None
) -> float | None:
    """Seconds a ``Retry-After`` value asks for, at most ``cap``; None if absent or unreadable.

    A date in the past asks for 0 s. Negative or fractional seconds are not delta-seconds
    (RFC 9110: digits only) and count as unreadable.
    """
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if re.fullmatch(r"[0-9]+", text):
        return min(float(text), cap)  # float: no int() digit limit on absurd values
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": UTC without claiming a zone
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), cap)


@dataclass
class _Pause:
    slot: Slot
    until: float  # monotonic time the portal may be asked again
    held_delay: bool  # the slot's delay was 0 and is _HOLD_DELAY until the pause ends
    timer: CallLaterResult | None = None  # ends the pause


class RetryAfterMiddleware:
    """Downloader middleware: wait what a 429/503 asks, per portal, within a budget."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.max_wait = max(MIN_WAIT, settings.getfloat("WARTA_RETRY_AFTER_MAX", 300.0))
        self.budget = settings.getfloat("WARTA_RETRY_AFTER_BUDGET", 1800.0)
        self.unasked_503_times = settings.getint("RETRY_TIMES", 2)
        self.spent: defaultdict[str, float] = defaultdict(float)  # seconds paused, per slot
        self._pauses: dict[str, _Pause] = {}
        crawler.signals.connect(self._downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(self._closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if not self._applies(request, response):
            return response
        if _WAIT_KEY in request.meta:
            wait = request.meta.pop(_WAIT_KEY)
        else:  # not downloaded just now (e.g. from the HTTP cache): decide here
            wait = self._decide(request, response)
        if wait is None:
            return response
        retry: Request = request.replace(dont_filter=True)
        retry.meta[TIMES_KEY] = request.meta.get(TIMES_KEY, 0) + 1
        return retry

    def _applies(self, request: Request, response: Response) -> bool:
        return response.status in STATUSES and not request.meta.get("dont_retry", False)

    def _downloaded(self, response: Response, request: Request) -> None:
        """Decide while the downloader still holds the slot, before it sends the next request."""
        if self._applies(request, response):
            request.meta[_WAIT_KEY] = self._decide(request, response)

    def _decide(self, request: Request, response: Response) -> float | None:
        """Pause the portal and return the seconds waited, or None when its budget is spent."""
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        asked = parse_retry_after(response.headers.get("Retry-After"), self.max_wait)
        times = request.meta.get(TIMES_KEY, 0)
        if asked is None and response.status == 503 and times >= self.unasked_503_times:
            # A 503 that asks for no wait is a broken page more often than a busy portal:
            # RETRY_TIMES backed-off tries, like any server error, not the portal's budget.
            logger.warning("giving up on %s: http 503 after %d tries", request.url, times + 1)
            self.crawler.stats.inc_value("warta/retry_after/gave_up")
            return None
        if asked is None:
            asked = FIRST_BACKOFF * 2 ** min(times, 20)
        wait = min(max(asked, MIN_WAIT), self.max_wait)
        now = monotonic()
        pause = self._pauses.get(key)
        # Concurrent answers during one pause cost only what they add to it.
        cost = round(max(0.0, now + wait - max(pause.until if pause else now, now)), 3)
        stats = self.crawler.stats
        if self.spent[key] + cost > self.budget:
            logger.warning(
                "giving up on %s: http %d, Retry-After budget of %g s for %s spent",
                request.url,
                response.status,
                self.budget,
                key,
            )
            stats.inc_value("warta/retry_after/gave_up")
            return None
        self.spent[key] += cost
        stats.inc_value("warta/retry_after/retries")
        waited = stats.get_value("warta/retry_after/waited_s", 0.0)
        stats.set_value("warta/retry_after/waited_s", round(waited + cost, 3))
        logger.info("http %d on %s: pausing %s for %.1f s", response.status, request.url, key, wait)
        self._pause(key, now + wait)
        return wait

    def _pause(self, key: str, until: float) -> None:
        """Hold the slot until ``until``: the downloader sends nothing before lastseen + delay."""
        engine = self.crawler.engine
        slot = engine.downloader.slots.get(key) if engine else None
        if slot is None:
            return
        old = self._pauses.get(key)
        if old is not None and old.slot is slot and until <= old.until:
            return
        held = old is not None and old.slot is slot and old.held_delay
        if old is not None and old.timer is not None:
            old.timer.cancel()
        if slot.delay <= 0:
            slot.delay, held = _HOLD_DELAY, True
        slot.lastseen = max(slot.lastseen, until)
        pause = _Pause(slot, until, held)
        pause.timer = call_later(max(0.0, until - monotonic()), self._resume, key, pause)
        self._pauses[key] = pause

    def _resume(self, key: str, pause: _Pause) -> None:
        if self._pauses.get(key) is pause:
            del self._pauses[key]
        if pause.held_delay and pause.slot.delay == _HOLD_DELAY:
            pause.slot.delay = 0.0  # unless AutoThrottle has set its own meanwhile

    def _closed(self) -> None:
        for pause in self._pauses.values():
            if pause.timer is not None:
                pause.timer.cancel()
        self._pauses.clear()
