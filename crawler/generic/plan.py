"""The crawl plan for a portal with no profile: what to fetch next, given what came back.

Pure: documents in, :class:`Fetch` decisions and article records out; the spider only turns
them into requests. Every source (links, sitemaps, feeds, the WordPress API) and every
redirect goes through one :class:`Frontier`, so an article is fetched once however many
variants or old URLs point to it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from parsel import Selector
from scrapy.utils.sitemap import sitemap_urls_from_robots
from w3lib.html import get_meta_refresh

from crawler.discovery import absolute_link, feed_links, sitemap_entries
from crawler.extraction import Article, extract_article
from crawler.fetch import Count, Fetch, FetchKind
from crawler.generic import vocabulary as V
from crawler.generic import wordpress
from crawler.generic.frontier import Frontier, page_key
from crawler.generic.links import PRIORITY, feed_urls, generic_links, wp_api_root
from crawler.generic.page_kind import PageKind, classify, page_signals
from crawler.generic.url_shape import Shape, url_shape
from crawler.urls import canonicalize_url, same_site

logger = logging.getLogger(__name__)

# Sitemaps, feeds and API pages are few and list many articles each: read them first.
DOCUMENT_PRIORITY = 20


@dataclass(frozen=True)
class PageResult:
    kind: PageKind
    article: Article | None  # set for ARTICLE pages not already stored in this crawl
    fetches: list[Fetch]


class GenericPlan:
    """One generic crawl of the portal ``start_url`` is on; ``count(key, n)`` gets its stats."""

    def __init__(
        self, start_url: str, *, max_pages: int, count: Count, max_redirects: int = 5
    ) -> None:
        self.start_url = canonicalize_url(start_url)
        parts = urlsplit(self.start_url)
        self.netloc = parts.netloc
        self.home = f"{parts.scheme}://{parts.netloc}/"
        self.count = count
        self.max_redirects = max_redirects  # REDIRECT_MAX_TIMES: the plan follows page redirects
        self.frontier = Frontier(max_pages=max_pages, netloc=self.netloc, count=count)
        self._stored: set[str] = set()

    def start(self) -> list[Fetch]:
        """The given page and the home page, robots.txt for its sitemaps, and ``/sitemap.xml``."""
        return _kept(
            self._page(self.start_url, "start", entry=True),
            self._page(self.home, "start", entry=True),
            self._document(self.home + "robots.txt", "robots"),
            self._document(self.home + "sitemap.xml", "sitemap"),
        )

    def robots(self, body: bytes) -> list[Fetch]:
        sitemaps = sitemap_urls_from_robots(body, base_url=self.home)
        return _kept(*(self._document(url, "sitemap") for url in sitemaps))

    def sitemap(self, url: str, body: bytes) -> list[Fetch]:
        """An index leads to its child sitemaps (tag and author ones skipped), a urlset to pages."""
        kind, entries = sitemap_entries(body)
        locs = [loc for loc, _ in entries]
        if kind == "sitemapindex":
            children = (u for u in locs if not _is_taxonomy_sitemap(u))
            return _kept(*(self._document(u, "sitemap") for u in children))
        return self._listed(url, locs, "sitemap", listed=False)

    def feed(self, url: str, text: str) -> list[Fetch]:
        return self._listed(url, feed_links(text), "feed", listed=True)

    def wp_api(self, fetch: Fetch, body: bytes, total_header: str | None) -> list[Fetch]:
        """One page of posts; the first also schedules the rest, up to what the budget allows."""
        links = wordpress.post_links(body)
        fetches = self._listed(fetch.url, links, "wp_api", listed=True)
        root = wordpress.api_root(fetch.url)
        total = wordpress.total_pages(total_header)
        if total is None:  # no header: keep paging while pages come back full
            more = [fetch.wp_page + 1] if len(links) >= wordpress.PER_PAGE else []
        elif fetch.wp_page == 1:  # the rest at once, no more than the budget can take in
            left = self.frontier.max_pages - self.frontier.pages_admitted
            more = list(range(2, min(total, 1 + -(-left // wordpress.PER_PAGE)) + 1))
        else:
            more = []
        api = (self._document(wordpress.posts_url(root, n), "wp_api", wp_page=n) for n in more)
        return fetches + _kept(*api)

    def redirect(self, fetch: Fetch, location: str) -> list[Fetch]:
        """A page moved: follow it on this portal unless its new URL is already asked for.

        ``/index.php?page=berita&id=5`` → ``/berita/5/x`` is the article another link already
        queued as ``/berita/5/x/``: Scrapy's own redirects would fetch it a second time.
        """
        link = absolute_link(fetch.url, location)
        if link is None or not same_site(link, self.netloc):
            self.count("links/offsite_redirect", 1)
            return []
        if fetch.redirects >= self.max_redirects:
            self.count("links/too_many_redirects", 1)
            return []
        # /a/ → /a and /berita?page=1 → /berita are one page moving, not another's variant
        if self.frontier.seen(link) and page_key(link) != page_key(fetch.url):
            self.count("links/duplicate_variant", 1)
            return []
        self.frontier.mark(link)
        return [replace(fetch, url=link, redirects=fetch.redirects + 1)]

    def page(
        self,
        fetch: Fetch,
        url: str,
        html: str,
        page: Selector,
        *,
        link_header: str = "",
        fetched_at: datetime,
    ) -> PageResult:
        """Classify a fetched page, extract it if it is an article, and plan its links."""
        self.frontier.mark(url)
        kind = classify(page_signals(page, url), listed_as_article=fetch.listed)
        self.count(f"pages/{kind.value}", 1)
        article = None
        if kind is PageKind.ARTICLE:
            article = extract_article(html, url, fetched_at=fetched_at)
            self.frontier.mark(article.url)  # its rel=canonical needs no request
        fetches = self._entry(page, url, link_header) if fetch.entry else []
        _, refresh = get_meta_refresh(html, url)
        if refresh:  # <meta http-equiv="refresh" content="0; url=/id/">: where the page went
            fetches += self.redirect(fetch, refresh)
        for link in generic_links(page, url, self.netloc):
            fetches += _kept(self._page(link.url, "link", priority=link.priority))
        if article is None:
            return PageResult(kind, None, fetches)
        if article.url in self._stored:
            self.count("links/duplicate_variant", 1)
            logger.debug("%s is %s again: not stored twice", url, article.url)
            return PageResult(kind, None, fetches)
        self._stored.add(article.url)
        self.count(f"discovery/articles_via/{fetch.source}", 1)
        return PageResult(kind, article, fetches)

    def release(self) -> list[Fetch]:
        """The tag and static pages held back; asked for when the crawl is otherwise idle."""
        return self.frontier.release()

    def _entry(self, page: Selector, url: str, link_header: str) -> list[Fetch]:
        """The feeds the start or home page announces, and the WordPress API if it has one."""
        feeds = [self._document(f, "feed") for f in feed_urls(page, url, self.netloc)]
        root = wp_api_root(page, url, link_header)
        api = self._document(wordpress.posts_url(root, 1), "wp_api", wp_page=1) if root else None
        return _kept(*feeds, api)

    def _listed(self, base: str, urls: Iterable[str], source: str, *, listed: bool) -> list[Fetch]:
        """Pages a sitemap, feed or API lists: same-site ones counted, then admitted."""
        links = [link for link in (absolute_link(base, u) for u in urls) if link]
        links = [link for link in links if same_site(link, self.netloc)]
        self.count(f"discovery/{source}_urls", len(links))
        return _kept(*(self._page(link, source, listed=listed) for link in links))

    def _page(
        self,
        url: str,
        source: str,
        *,
        entry: bool = False,
        listed: bool = False,
        priority: int | None = None,
    ) -> Fetch | None:
        shape = url_shape(url)
        if shape is Shape.SKIP and source != "start":
            return None
        if priority is None:
            priority = PRIORITY["article" if listed else shape.value]
        fetch = Fetch(url, "page", priority, source, entry=entry, listed=listed)
        return self.frontier.admit(fetch)

    def _document(self, url: str, kind: FetchKind, *, wp_page: int = 0) -> Fetch | None:
        link = absolute_link(self.home, url)
        if link is None or not same_site(link, self.netloc):
            return None
        fetch = Fetch(link, kind, DOCUMENT_PRIORITY, kind, wp_page=wp_page)
        return self.frontier.admit_document(fetch)


def _kept(*fetches: Fetch | None) -> list[Fetch]:
    return [f for f in fetches if f is not None]


def _is_taxonomy_sitemap(url: str) -> bool:
    """``post_tag-sitemap.xml``, ``author-sitemap.xml``, ``wp-sitemap-taxonomies-tag-1.xml``."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    return any(word in name for word in V.TAXONOMY_SITEMAP_WORDS)
