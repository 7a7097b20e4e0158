"""Finding article links on listing pages, sitemaps and feeds: pure functions over a page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import urljoin

from parsel import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.extraction.selectors import select
from crawler.profiles import SiteProfile
from crawler.urls import canonicalize_url, same_site

# Links that never lead to an article page on any portal.
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "whatsapp:", "data:")
GZIP_MAGIC = b"\x1f\x8b"
# The sitemap protocol's own limit for one uncompressed file.
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
_LATEST_ZONE = timezone(timedelta(hours=-12))  # where a calendar day ends last


@dataclass(frozen=True)
class PageLinks:
    """A page's same-site links, sorted by what the profile says they are."""

    articles: list[str]
    listings: list[str]
    next_pages: list[str]  # the listings the profile's next-page selectors found


def page_links(page: Selector, url: str, profile: SiteProfile) -> PageLinks:
    """Same-site links of a page, tracking params and fragments dropped, in page order.

    Next-page selectors count as listings even when their URL matches no listing pattern.
    """
    articles: dict[str, None] = {}
    listings: dict[str, None] = {}
    next_pages: dict[str, None] = {}
    for href in page.css("a::attr(href)").getall():
        link = absolute_link(url, href)
        if link is None or not same_site(link, profile.netloc):
            continue
        if profile.is_article_url(link):
            articles[link] = None
        elif profile.is_listing_url(link):
            listings[link] = None
    for query in profile.discovery.next_page:
        for href in select(page, query).getall():
            link = absolute_link(url, href)
            if link and same_site(link, profile.netloc):
                listings[link] = None
                next_pages[link] = None
    return PageLinks(list(articles), list(listings), list(next_pages))


# Menus, sidebars and footers repeat the same links on every page of a portal.
_canonical = lru_cache(maxsize=16384)(canonicalize_url)


def absolute_link(base: str, href: str) -> str | None:
    """An ``href`` as a canonical absolute http(s) URL, or None for anchors, mailto: and kin.

    ``("http://p.go.id/berita", "5/x?utm_source=wa#k")`` → ``http://p.go.id/5/x``
    """
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
        return None
    try:
        link = urljoin(base, href)
        return _canonical(link) if link.startswith(("http://", "https://")) else None
    except ValueError:  # "http://host:port-typo/", "http://[broken/": a link to nowhere
        return None


def sitemap_entries(body: bytes) -> tuple[str, Iterator[tuple[str, str | None]]]:
    """``("urlset" | "sitemapindex", (loc, lastmod) pairs)`` of a sitemap document; bad XML
    gives none. A gzipped body (``sitemap.xml.gz`` served as a file, not as a content
    encoding) is unpacked.
    """
    try:
        if body[:2] == GZIP_MAGIC:
            body = gunzip(body, max_size=SITEMAP_MAX_BYTES)
        sitemap = Sitemap(body)
    except Exception:  # lxml and gzip raise several types on garbage; a broken one is empty
        return "urlset", iter(())
    entries = ((entry["loc"], entry.get("lastmod")) for entry in sitemap if entry.get("loc"))
    return sitemap.type, entries


def lastmod_instant(text: str | None) -> datetime | None:
    """A sitemap ``lastmod`` (W3C datetime) as an aware instant; a bare date counts as the end
    of that day anywhere (UTC-12), so a page edited that day is never taken as unchanged."""
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        return parsed
    if len(text.strip()) <= 10:
        return parsed.replace(tzinfo=_LATEST_ZONE) + timedelta(days=1)
    return parsed.replace(tzinfo=UTC)


def feed_links(body: str) -> list[str]:
    """Item links of an RSS 2.0 or Atom feed."""
    feed = Selector(text=body, type="xml")
    feed.remove_namespaces()
    links = feed.xpath("//item/link/text() | //entry/link[not(@rel) or @rel='alternate']/@href")
    return [s.strip() for s in links.getall() if s.strip()]
