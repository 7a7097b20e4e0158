"""The one spider: crawls a portal from its profile, or any portal URL with no profile."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Self, TypeGuard
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.extraction import extract_article
from crawler.fetch import Fetch
from crawler.fetched import CaptureMode, fetched_from
from crawler.generic.plan import GenericPlan
from crawler.items import ArticleGone, NotModified, PageCapture, Unlisted
from crawler.listing_walk import WalkProgress
from crawler.listing_watch import ListingWatch
from crawler.profile_plan import ProfilePlan
from crawler.profiles import SiteProfile, load_profile, profile_for_url
from crawler.spiders.plan_setup import keep_portal_pace, profile_plan
from crawler.spiders.responses import article_as_sent, failure_reason, kept_alone
from crawler.urls import bare_host

REDIRECTS = (301, 302, 303, 307, 308)
GONE = (404, 410)
PLAN_REDIRECTS = {"dont_redirect": True, "handle_httpstatus_list": list(REDIRECTS)}


class PortalSpider(scrapy.Spider):
    """``-a site=SITE_ID`` (or a URL), ``-a base_url=…`` to point a profile at another host.

    What to fetch is a plan's decision: :class:`ProfilePlan` for a portal with a profile (its
    listings, sitemaps and feeds; incremental once the archive holds the portal), and
    :class:`GenericPlan` for a URL no profile matches (every source of links, every page
    classified). The spider turns decisions into requests and responses into items.
    """

    name = "portal"

    def __init__(self, site: str = "", base_url: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not site:
            raise ValueError("the portal spider needs -a site=SITE_ID or -a site=URL")
        self.target = site
        self.profile: SiteProfile | None
        if site.startswith(("http://", "https://")):
            self.profile = profile_for_url(site)
            self.start_url = site
        else:
            self.profile = load_profile(site)
            self.start_url = ""
        if self.profile and base_url:
            self.profile = self.profile.with_base_url(base_url)
        home = self.profile.base_url if self.profile else site
        host = urlsplit(home).hostname or ""
        # same_site() ignores "www." and so does the offsite filter: www.x.go.id links to x.go.id
        self.allowed_domains = [bare_host(host)]
        self.site_id = self.profile.site_id if self.profile else host
        self.plan: GenericPlan | None = None
        self.profile_plan: ProfilePlan | None = None
        self.capture: CaptureMode = "none"
        self.watch: ListingWatch | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if settings.get("WARTA_CAPTURES_DIR"):
            spider.capture = settings.get("WARTA_CAPTURE", "articles")
        crawler.signals.connect(spider.release_held, signal=signals.spider_idle)
        if spider.profile is not None:
            keep_portal_pace(spider.profile, settings)
        if spider.profile is not None and not settings.getint("WARTA_LIMIT", 0):
            spider.watch = ListingWatch(budget=settings.getint("WARTA_REMOVAL_CHECKS", 500))
            crawler.signals.connect(spider.check_unlisted, signal=signals.spider_idle)
        if spider.profile is None:
            spider.plan = GenericPlan(
                spider.start_url,
                max_pages=crawler.settings.getint("WARTA_GENERIC_MAX_PAGES", 5000),
                max_redirects=crawler.settings.getint("REDIRECT_MAX_TIMES", 5),
                count=spider._count,
            )
        return spider

    def release_held(self) -> None:
        """Idle: hand Scrapy what the plan held back, if any is left: a generic crawl's tag
        and static pages, a backfill's listing pages waiting on answers that never came."""
        plan = self.plan or self.profile_plan
        fetches = plan.release() if plan is not None else []
        if not fetches or self.crawler.engine is None:
            return
        for request in self._requests(fetches):
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def check_unlisted(self) -> None:
        """Idle after a whole walk: fetch once more the known articles no listing showed."""
        if self.watch is None or self.crawler.engine is None:
            return
        database_url = self.settings.get("WARTA_DATABASE_URL")
        requested = self.profile_plan.requested if self.profile_plan is not None else set()
        urls = self.watch.unlisted(database_url, self.site_id, requested)
        for url in urls:
            self._count("removals/unlisted_checked")
            meta = {"warta_unlisted": self.watch.listing_pages}
            self.crawler.engine.crawl(
                scrapy.Request(
                    url, self.parse_article, errback=self.failed, meta=meta, dont_filter=True
                )
            )
        if urls:
            raise DontCloseSpider

    async def start(self) -> AsyncIterator[Any]:
        if self.plan is not None:
            for request in self._requests(self.plan.start()):
                yield request
            return
        assert self.profile is not None, "a spider has a profile or a generic plan"
        self.profile_plan = profile_plan(
            self.profile, self.settings, start_url=self.start_url, count=self._count
        )
        if not self.profile_plan.complete_walk_possible:
            self.watch = None
        for request in self._requests(self.profile_plan.start()):
            yield request

    def parse_listing(self, response: Response) -> Iterator[Any]:
        yield from kept_alone(response, self.capture)
        if not self._is_html(response) or self.profile_plan is None:
            return
        self._count("pages/listing")
        if self.watch is not None:
            self.watch.listing_pages += 1
        fetch = response.meta["warta_fetch"]
        yield from self._requests(self.profile_plan.listing(fetch, response.selector))

    def listing_progress(self) -> WalkProgress | None:
        """The backfill's listing pages asked for and done since last asked (the store
        pipeline writes them after the articles they named)."""
        return self.profile_plan.progress() if self.profile_plan is not None else None

    def _answered(self, url: str, published: datetime | None) -> Iterator[scrapy.Request]:
        if self.profile_plan is not None:
            yield from self._requests(self.profile_plan.answered(url, published))

    def _requests(self, fetches: list[Fetch]) -> Iterator[scrapy.Request]:
        """A plan's decisions as requests; the ``Fetch`` rides along in ``meta``."""
        callbacks = {
            "page": self.parse_page,
            "robots": self.parse_robots,
            "sitemap": self.parse_sitemap,
            "feed": self.parse_feed,
            "wp_api": self.parse_wp_api,
            "listing": self.parse_listing,
            "article": self.parse_article,
        }
        for fetch in fetches:
            page = fetch.kind == "page"
            # The generic plan follows a page's redirects itself, so a moved URL whose target
            # is already queued under another variant is not fetched twice.
            meta = {"warta_fetch": fetch, **(PLAN_REDIRECTS if page else {})}
            # A profile names its sources, so their failure is an error; a generic crawl
            # only guesses at sitemaps, feeds and APIs.
            named = page or self.profile_plan is not None
            conditions = fetch.conditions  # a revisit then takes a 304 as an answer
            yield scrapy.Request(
                fetch.url,
                callbacks[fetch.kind],
                errback=self.failed if named else self.unavailable,
                priority=fetch.priority,
                meta=meta | ({"handle_httpstatus_list": [304]} if conditions else {}),
                headers=conditions,
            )

    def parse_page(self, response: Response) -> Iterator[Any]:
        """No profile: every page is classified; only articles become items."""
        if self.plan is None:
            return
        fetch = response.meta["warta_fetch"]
        location = response.headers.get(b"Location")
        if response.status in REDIRECTS and location:
            yield from self._requests(self.plan.redirect(fetch, location.decode("latin-1")))
            return
        if not self._is_html(response):
            yield from kept_alone(response, self.capture)
            return
        link_header = (response.headers.get(b"Link") or b"").decode("latin-1")
        result = self.plan.page(
            fetch,
            response.url,
            response.text,
            response.selector,
            link_header=link_header,
            fetched_at=datetime.now(UTC),
        )
        if result.article is not None:
            yield article_as_sent(result.article, response, self.capture)
        else:
            yield from kept_alone(response, self.capture)
        yield from self._requests(result.fetches)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        yield from kept_alone(response, self.capture)
        if self.plan is not None:
            yield from self._requests(self.plan.robots(response.body))

    def parse_wp_api(self, response: Response) -> Iterator[Any]:
        yield from kept_alone(response, self.capture)
        if self.plan is None:
            return
        self._count("pages/wp_api")
        total = response.headers.get(b"X-WP-TotalPages")
        fetch = response.meta["warta_fetch"]
        total_text = total.decode("latin-1") if total else None
        yield from self._requests(self.plan.wp_api(fetch, response.body, total_text))

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        yield from kept_alone(response, self.capture)
        self._count("pages/sitemap")
        plan = self.plan or self.profile_plan
        if plan is not None:
            yield from self._requests(plan.sitemap(response.url, response.body))

    def parse_feed(self, response: Response) -> Iterator[Any]:
        yield from kept_alone(response, self.capture)
        if not isinstance(response, TextResponse):
            return
        self._count("pages/feed")
        plan = self.plan or self.profile_plan
        if plan is not None:
            yield from self._requests(plan.feed(response.url, response.text))

    def parse_article(self, response: Response) -> Iterator[Any]:
        if response.status == 304:  # a revisit the portal says is unchanged
            self._count("incremental/not_modified")
            yield NotModified(response.request.url if response.request else response.url)
            return
        asked = response.request.url if response.request else response.url
        if not self._is_html(response):
            yield from kept_alone(response, self.capture)
            yield from self._answered(asked, None)
            return
        self._count("pages/article")
        article = extract_article(
            response.text, response.url, self.profile, fetched_at=datetime.now(UTC)
        )
        yield article_as_sent(article, response, self.capture)
        yield from self._answered(asked, article.published_at)
        if self.watch is not None:
            self.watch.article_seen(article.published_at)
        if listing_pages := response.meta.get("warta_unlisted"):
            yield Unlisted(article.url, listing_pages)

    def _is_html(self, response: Response) -> TypeGuard[TextResponse]:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if isinstance(response, TextResponse) and ("html" in content_type or not content_type):
            return True
        self._count("pages/not_html")
        self.logger.info("skipped %s: not an HTML page (%s)", response.url, content_type or "?")
        return False

    def failed(self, failure: Failure) -> Iterator[PageCapture | ArticleGone | scrapy.Request]:
        """One readable line and a counted stat per request that failed for good. A 404 or
        410 where an article was is a removal; its error page is kept as a capture."""
        url, reason = failure_reason(failure)
        self._count(f"errors/{reason}")
        self.logger.warning("failed %s: %s", url, reason)
        response = getattr(failure.value, "response", None)
        request = getattr(failure, "request", None)
        if request is not None and request.callback == self.parse_listing:
            if self.watch is not None:
                self.watch.listing_failures += 1
            if self.profile_plan is not None:
                fetch = request.meta["warta_fetch"]
                yield from self._requests(self.profile_plan.listing_failed(fetch))
        elif request is not None and request.callback == self.parse_article:
            yield from self._answered(request.url, None)
        if not isinstance(response, Response) or request is None:
            return
        fetched = None if self.capture == "none" else fetched_from(response, datetime.now(UTC))
        article_url = request.callback in (self.parse_article, self.parse_page)
        if article_url and response.status in GONE:
            yield ArticleGone(request.url, response.status, fetched)
        elif fetched is not None and (article_url or self.capture == "all"):
            yield PageCapture(fetched)

    def unavailable(self, failure: Failure) -> None:
        """A sitemap, feed or API that is not there: normal for a portal, so no error stat."""
        url, reason = failure_reason(failure)
        self._count(f"discovery/unavailable/{reason}")
        self.logger.info("no %s: %s", url, reason)

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"warta/{key}", count)
