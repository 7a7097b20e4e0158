"""robots.txt before anything else: every request waits for its portal's rules.

Scrapy 2.13 made ``RobotsTxtMiddleware.robot_parser`` await one shared Deferred per host
(scrapy/scrapy#6802). ``Deferred.asFuture`` hands the parser to the first waiter only; the
callback returns None, so every other request queued while robots.txt was loading saw no
rules and was fetched even under ``Disallow: /``. Once the Deferred has fired, the middleware
has already stored the settled parser (or None when robots.txt failed), so read it there.

A ``Crawl-delay`` for our user agent becomes a floor under that portal's download slot
(:class:`crawler.middlewares.throttle.SlotFloors`), at most ``WARTA_CRAWL_DELAY_MAX`` seconds:
a hostile robots.txt asking for a day between requests must not stall a crawl forever.
"""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.middlewares.throttle import SlotFloors

logger = logging.getLogger(__name__)
CRAWL_DELAY = "warta/robots/crawl_delay/"  # + slot key: the stat that says what robots.txt asked


class RobotsTxtFirst(RobotsTxtMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._delays_applied: set[str] = set()

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        netloc = urlparse_cached(request).netloc
        settled = self._parsers.get(netloc)
        found = parser if isinstance(settled, Deferred) else settled
        if found is not None and netloc not in self._delays_applied:
            self._delays_applied.add(netloc)
            self._apply_crawl_delay(request, found)
        return found

    def _apply_crawl_delay(self, request: Request, parser: RobotParser) -> None:
        agent = self._robotstxt_useragent or self._default_useragent
        asked = parser.crawl_delay(agent)
        engine = self.crawler.engine
        if not asked or engine is None:
            return
        ceiling = self.crawler.settings.getfloat("WARTA_CRAWL_DELAY_MAX")
        delay = min(float(asked), ceiling)
        if delay < asked:
            logger.warning("robots.txt asks %s s between requests; waiting %s s", asked, delay)
        slot_key, _ = engine.downloader._get_slot(request)
        SlotFloors.of(self.crawler).ask(slot_key, "robots", delay)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(CRAWL_DELAY + slot_key, delay)
