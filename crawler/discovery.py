"""Finding article links on listing pages, sitemaps and feeds: pure functions over a page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from parsel import Selector
from scrapy.utils.sitemap import Sitemap

from crawler.extraction.selectors import select
from crawler.profiles import SiteProfile
from crawler.urls import canonicalize_url, same_site

# Links that never lead to an article page on any portal.
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "whatsapp:", "data:")


@dataclass(frozen=True)
class PageLinks:
    """A page's same-site links, sorted by what the profile says they are."""

    articles: list[str]
    listings: list[str]


def page_links(page: Selector, url: str, profile: SiteProfile) -> PageLinks:
    """Same-site links of a page, tracking params and fragments dropped, in page order.

    Next-page selectors count as listings even when their URL matches no listing pattern.
    """
    articles: dict[str, None] = {}
    listings: dict[str, None] = {}
    for href in page.css("a::attr(href)").getall():
        link = _absolute(url, href)
        if link is None or not same_site(link, profile.netloc):
            continue
        if profile.is_article_url(link):
            articles[link] = None
        elif profile.is_listing_url(link):
            listings[link] = None
    for query in profile.discovery.next_page:
        for href in select(page, query).getall():
            link = _absolute(url, href)
            if link and same_site(link, profile.netloc):
                listings[link] = None
    return PageLinks(list(articles), list(listings))


def all_links(page: Selector, url: str, netloc: str) -> list[str]:
    """Every same-site link of a page, canonicalized, for crawls with no profile."""
    links = (_absolute(url, href) for href in page.css("a::attr(href)").getall())
    return list(dict.fromkeys(link for link in links if link and same_site(link, netloc)))


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
        return None
    link = urljoin(base, href)
    return canonicalize_url(link) if link.startswith(("http://", "https://")) else None


def sitemap_entries(body: bytes) -> tuple[str, Iterator[str]]:
    """``("urlset" | "sitemapindex", locs)`` of a sitemap document; bad XML gives no locs."""
    try:
        sitemap = Sitemap(body)
    except Exception:  # lxml raises several types on garbage; a broken sitemap is just empty
        return "urlset", iter(())
    return sitemap.type, (entry["loc"] for entry in sitemap if entry.get("loc"))


def feed_links(body: str) -> list[str]:
    """Item links of an RSS 2.0 or Atom feed."""
    feed = Selector(text=body, type="xml")
    feed.remove_namespaces()
    links = feed.xpath("//item/link/text() | //entry/link[not(@rel) or @rel='alternate']/@href")
    return [s.strip() for s in links.getall() if s.strip()]
