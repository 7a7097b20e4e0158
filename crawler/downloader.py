"""Scrapy's downloader, with each portal's concurrency holding even when its delay is 0.

Scrapy 2.19 sends a slot's queued requests in a loop that stops at the slot's concurrency,
but it counts a request as in flight only once the asyncio task that downloads it has run:
with no delay between requests, the loop sends every queued request of a portal at once,
whatever CONCURRENT_REQUESTS_PER_DOMAIN or a profile's ``concurrency`` says. With any delay,
the loop sends one request and comes back after the delay, by when the count is right. So a
slot's delay is never below a millisecond here.
"""

from __future__ import annotations

from scrapy.core.downloader import Downloader, Slot

MIN_DELAY = 0.001  # seconds; sends at most a thousand requests a second to one portal


class PortalDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
        if slot.delay < MIN_DELAY:
            slot.delay = MIN_DELAY
        super()._process_queue(slot)
