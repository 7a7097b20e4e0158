"""The one spider: crawls a portal from its profile, or any portal URL with no profile."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, TypeGuard
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.discovery import all_links, feed_links, page_links, sitemap_entries
from crawler.extraction import extract_article
from crawler.profiles import SiteProfile, load_profile, profile_for_url
from crawler.urls import canonicalize_url, dedupe_key

# Articles jump the queue so memory holds few pending listing pages and results arrive early.
ARTICLE_PRIORITY = 10


class PortalSpider(scrapy.Spider):
    """``-a site=SITE_ID`` (or a URL), ``-a base_url=…`` to point a profile at another host."""

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
        self.netloc = urlsplit(home).netloc.lower()
        self.allowed_domains = [urlsplit(home).hostname or ""]
        self.site_id = self.profile.site_id if self.profile else self.allowed_domains[0]
        self._seen_articles: set[str] = set()

    async def start(self) -> AsyncIterator[Any]:
        if self.profile is None:
            yield self._listing(self.start_url)
            return
        for url in self.profile.discovery.start_urls:
            yield self._listing(self.profile.absolute(url))
        for url in self.profile.discovery.sitemaps:
            yield scrapy.Request(
                self.profile.absolute(url), self.parse_sitemap, errback=self.failed
            )
        for url in self.profile.discovery.feeds:
            yield scrapy.Request(self.profile.absolute(url), self.parse_feed, errback=self.failed)
        if self.start_url and self.profile.is_article_url(self.start_url):
            for request in self._article_requests([self.start_url]):
                yield request

    def _listing(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, self.parse_listing, errback=self.failed)

    def _article_requests(self, urls: list[str]) -> Iterator[scrapy.Request]:
        for url in urls:
            key = dedupe_key(url)
            if key in self._seen_articles:
                self._count("links/duplicate_variant")
                continue
            self._seen_articles.add(key)
            yield scrapy.Request(
                url, self.parse_article, errback=self.failed, priority=ARTICLE_PRIORITY
            )

    def parse_listing(self, response: Response) -> Iterator[Any]:
        if not self._is_html(response):
            return
        self._count("pages/listing")
        if self.profile is None:
            yield from self._generic_page(response)
            return
        links = page_links(response.selector, response.url, self.profile)
        yield from self._article_requests(links.articles)
        for url in links.listings:
            yield self._listing(url)

    def _generic_page(self, response: TextResponse) -> Iterator[Any]:
        """No profile: every same-site page is both a candidate article and a link source."""
        article = extract_article(response.text, response.url, fetched_at=datetime.now(UTC))
        if article.published_at is not None and len(article.body_text) >= 400:
            self._seen_articles.add(dedupe_key(article.url))
            yield article
        for url in all_links(response.selector, response.url, self.netloc):
            if dedupe_key(url) not in self._seen_articles:
                yield self._listing(url)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        kind, locs = sitemap_entries(response.body)
        self._count("pages/sitemap")
        for loc in locs:
            url = canonicalize_url(response.urljoin(loc))
            if kind == "sitemapindex":
                yield scrapy.Request(url, self.parse_sitemap, errback=self.failed)
            elif self.profile and self.profile.is_article_url(url):
                yield from self._article_requests([url])

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        self._count("pages/feed")
        urls = [canonicalize_url(response.urljoin(link)) for link in feed_links(response.text)]
        if self.profile:
            yield from self._article_requests([u for u in urls if self.profile.is_article_url(u)])

    def parse_article(self, response: Response) -> Iterator[Any]:
        if not self._is_html(response):
            return
        self._count("pages/article")
        yield extract_article(
            response.text, response.url, self.profile, fetched_at=datetime.now(UTC)
        )

    def _is_html(self, response: Response) -> TypeGuard[TextResponse]:
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if isinstance(response, TextResponse) and ("html" in content_type or not content_type):
            return True
        self._count("pages/not_html")
        self.logger.info("skipped %s: not an HTML page (%s)", response.url, content_type or "?")
        return False

    def failed(self, failure: Failure) -> None:
        """One readable line and a counted stat per request that failed for good."""
        request = getattr(failure, "request", None)
        response = getattr(failure.value, "response", None)
        reason = f"http_{response.status}" if response is not None else type(failure.value).__name__
        self._count(f"errors/{reason}")
        url = request.url if request is not None else "?"
        self.logger.warning("failed %s: %s", url, reason)

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"warta/{key}")
