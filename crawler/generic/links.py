"""Where a page of an unknown portal leads: its links sorted by what they look like.

Pure functions over a parsed page and its URL. Every same-site link is kept unless its shape
says it is never a page worth fetching; the role only orders the crawl (articles first, then
the news section and its pagination, tag pages last).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from parsel import Selector

from crawler.discovery import absolute_link
from crawler.extraction.text import normalize_space
from crawler.generic import vocabulary as V
from crawler.generic.frontier import page_key
from crawler.generic.url_shape import Shape, url_shape
from crawler.urls import same_site

# Request priority per role: Scrapy fetches higher first, so pending articles are done before
# the next listing page, and tag or static pages wait until nothing better is known.
PRIORITY: Final = {
    "article": 10,
    "pagination": 6,
    "section": 5,
    "listing": 5,
    "home": 5,
    "unknown": 0,
    "static": -5,
    "taxonomy": -10,
}
_ARROWS = "»›>→ \u00a0"
_WORDS = re.compile(r"[^\W_]+")
_LINK_HEADER = re.compile(r'<([^>]+)>\s*;\s*rel="?https://api\.w\.org/"?')


@dataclass(frozen=True)
class Link:
    """A same-site link and why it is worth fetching: a shape, ``pagination`` or ``section``."""

    url: str
    role: str

    @property
    def priority(self) -> int:
        return PRIORITY[self.role]


def generic_links(page: Selector, url: str, netloc: str) -> list[Link]:
    """Same-site links of a page in page order, one per article however many variants.

    Pagination and news-section anchors are recognized by their text and markup, so
    ``index.php?mod=berita`` behind a "Berita" menu entry is a section too.
    """
    # lxml hands out the same element object while one is referenced, so membership works
    pager = {a.root for q in V.PAGINATION_CONTAINERS for a in page.css(f"{q} a")}
    found: dict[str, Link] = {}
    for anchor in page.css("a[href]"):
        node = anchor.root  # lxml's own calls: parsel's per-anchor queries cost more than all else
        link = absolute_link(url, node.get("href", ""))
        if link is None or not same_site(link, netloc):
            continue
        shape = url_shape(link)
        if shape is Shape.SKIP:
            continue
        text = normalize_space(node.text_content())
        role = shape.value
        if is_next_page(node.attrib, text) or (node in pager and text.isdigit()):
            role = "pagination"
        elif shape is not Shape.ARTICLE and is_news_section_name(text):
            role = "section"
        key = page_key(link)
        if key not in found or PRIORITY[role] > found[key].priority:
            found[key] = Link(found[key].url if key in found else link, role)
    return list(found.values())


def is_next_page(attrib: Mapping[str, str], text: str) -> bool:
    """``<a rel="next">``, ``<a class="next">``, "Selanjutnya »", "Berikutnya", "»"."""
    rel = attrib.get("rel", "").lower().split()
    classes = attrib.get("class", "").lower().split()
    if "next" in rel or "next" in classes:
        return True
    lowered = text.casefold()
    return lowered in V.NEXT_PAGE_TEXTS or lowered.strip(_ARROWS) in V.NEXT_PAGE_TEXTS


def is_news_section_name(text: str) -> bool:
    """A menu entry naming the news: "Berita", "Siaran Pers", "Indeks Berita", "News"."""
    words = _WORDS.findall(text.casefold())
    if not words or len(words) > 4 or not any(w in V.NEWS_WORDS for w in words):
        return False
    return all(w in V.NEWS_WORDS or w in V.SECTION_MODIFIERS for w in words)


def feed_urls(page: Selector, url: str, netloc: str) -> list[str]:
    """RSS and Atom feeds a page announces in ``<link rel=alternate>``, comment feeds left out."""
    feeds: list[str] = []
    for node in page.css("link[rel~='alternate'][href]"):
        kind = node.attrib.get("type", "").lower().split(";")[0].strip()
        title = node.attrib.get("title", "").lower()
        link = absolute_link(url, node.attrib["href"])
        if kind not in V.FEED_TYPES or link is None or not same_site(link, netloc):
            continue
        if not any(w in title or w in link.lower() for w in V.COMMENT_FEED_WORDS):
            feeds.append(link)
    return list(dict.fromkeys(feeds))


def wp_api_root(page: Selector, url: str, link_header: str = "") -> str | None:
    """The WordPress REST API root a page announces, in its head or its ``Link`` header.

    ``<link rel="https://api.w.org/" href="https://p.go.id/wp-json/">`` →
    ``https://p.go.id/wp-json/``; WordPress sends the same as ``Link:`` on every page.
    """
    href = page.css("link[rel='https://api.w.org/']::attr(href)").get()
    if href is None:
        match = _LINK_HEADER.search(link_header)
        href = match.group(1) if match else None
    if href is None:
        return None
    root = absolute_link(url, href)
    return root if root and same_site(root, urlsplit(url).netloc) else None
