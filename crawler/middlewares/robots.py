"""robots.txt before anything else: every request waits for its portal's rules.

Scrapy 2.13 made ``RobotsTxtMiddleware.robot_parser`` await one shared Deferred per host
(scrapy/scrapy#6802). ``Deferred.asFuture`` hands the parser to the first waiter only; the
callback returns None, so every other request queued while robots.txt was loading saw no
rules and was fetched even under ``Disallow: /``. Once the Deferred has fired, the middleware
has already stored the settled parser (or None when robots.txt failed), so read it there.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class RobotsTxtFirst(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        return parser if isinstance(settled, Deferred) else settled
