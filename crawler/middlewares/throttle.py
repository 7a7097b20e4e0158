"""Each portal's least delay between requests, and who asked for it.

A portal's requests may be slowed by its robots.txt ``Crawl-delay``, by the delay its profile
or the run sets (``DOWNLOAD_SLOTS``), and by a run of errors from it. Each is a floor under
that portal's download slot, kept here by name: the slot waits at least the highest, and
AutoThrottle (:class:`PoliteThrottle`) speeds a fast portal up only down to it. A floor is a
minimum, so a slot under one waits that long without Scrapy's ±50% jitter.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from scrapy.core.downloader import Slot
from scrapy.crawler import Crawler
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response

_FLOORS: WeakKeyDictionary[Crawler, SlotFloors] = WeakKeyDictionary()


class SlotFloors:
    """Per download slot (a portal's host), the least delay each reason asks for."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._configured = crawler.settings.getdict("DOWNLOAD_SLOTS")
        self._default = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self._asked: dict[str, dict[str, float]] = {}

    @classmethod
    def of(cls, crawler: Crawler) -> SlotFloors:
        """The crawl's floors, one set per crawler."""
        if crawler not in _FLOORS:
            _FLOORS[crawler] = cls(crawler)
        return _FLOORS[crawler]

    def floor(self, key: str) -> float:
        """The least delay of slot ``key``: its configured delay (``DOWNLOAD_SLOTS``, else
        ``DOWNLOAD_DELAY``) or what a reason asks, whichever is longer."""
        configured = float(self._configured.get(key, {}).get("delay", self._default))
        return max([configured, *self._asked.get(key, {}).values()])

    def ask(self, key: str, reason: str, seconds: float) -> None:
        """``reason`` asks slot ``key`` for ``seconds`` between requests (0: asks nothing)."""
        asked = self._asked.setdefault(key, {})
        before = self.floor(key)
        if seconds > 0:
            asked[reason] = seconds
        else:
            asked.pop(reason, None)
        slot = self._slot(key)
        if slot is None:
            return
        now = self.floor(key)
        if now > slot.delay or (now < before and slot.delay == before):
            slot.delay = now  # raised to the new floor, or down from a floor lifted
        if now > 0:
            slot.jitter = 0.0

    def _slot(self, key: str) -> Slot | None:
        try:
            engine = self.crawler.engine
        except RuntimeError:  # the crawl has not started: no slot to slow yet
            return None
        return engine.downloader.slots.get(key)


class PoliteThrottle(AutoThrottle):
    """AutoThrottle that never sets a portal's delay below its floor (:class:`SlotFloors`)."""

    def _adjust_delay(self, slot: Slot, latency: float, response: Response) -> None:
        super()._adjust_delay(slot, latency, response)
        key = response.meta.get("download_slot", "")
        slot.delay = max(slot.delay, SlotFloors.of(self.crawler).floor(key))
