"""Is a fetched page an article, a listing, or something else? Asked when a portal has no profile.

Evidence: the URL's shape, what the page declares (JSON-LD ``@type``), how many headline links
it carries, the longest run of text outside links in one block, and a date line by its
headline. Only a page with enough text and a date (or JSON-LD saying it is an article) is an
article; listings, tag pages, galleries and static pages never become items.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final
from urllib.parse import urlsplit

from parsel import Selector

from crawler.discovery import absolute_link
from crawler.extraction.structured import ld_types
from crawler.extraction.text import normalize_space
from crawler.generic import vocabulary as V
from crawler.generic.dateline import has_dateline
from crawler.generic.frontier import page_key
from crawler.generic.url_shape import Shape, url_shape
from crawler.urls import same_site

# Shorter than this, a dated page is a caption, a notice or a teaser, not an article ...
MIN_TEXT_CHARS: Final = 400
# ... unless the page or the portal's own feed or API says it is one.
MIN_TEXT_CHARS_DECLARED: Final = 150
# Headline links to other articles: an article's "Baca juga" has one or two, a listing many.
LISTING_TEASERS: Final = 3
MANY_TEASERS: Final = 8
# Linked headings that make a block a flat listing rather than text with a "Baca juga".
MIN_FLAT_TEASERS: Final = 2
# A link's text reads as a headline from this many words.
HEADLINE_WORDS: Final = 4

NEVER_ARTICLE: Final = frozenset(
    {Shape.SKIP, Shape.HOME, Shape.LISTING, Shape.TAXONOMY, Shape.STATIC}
)
LISTING_SHAPES: Final = frozenset({Shape.HOME, Shape.LISTING, Shape.TAXONOMY})
# Links that may lead to an article: a listing of ``/berita/detail/judul-singkat`` links
# (shape unknown) is as much a listing as one of ``/berita/5/pemkot-raih-opini`` links.
TEASER_SHAPES: Final = frozenset({Shape.ARTICLE, Shape.UNKNOWN})
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# An lxml element; lxml ships no type stubs, and parsel types ``Selector.root`` as Any too.
Element = Any


class PageKind(StrEnum):
    ARTICLE = "article"  # stored
    LISTING = "listing"  # a list of articles: followed for links
    OTHER = "other"  # anything else: followed for links, never stored


class Declared(StrEnum):
    ARTICLE = "article"
    LISTING = "listing"
    NOTHING = "nothing"


@dataclass(frozen=True)
class PageSignals:
    """What the page says about itself before any extraction."""

    shape: Shape
    declared: Declared
    teasers: int  # distinct same-site links to possible articles, with headline-like text
    text_chars: int  # the longest run of text outside links held by one block
    dated: bool  # a publication date in metadata, the URL or by the headline


def page_signals(page: Selector, url: str) -> PageSignals:
    """The evidence :func:`classify` weighs, read from the page as fetched (no extraction)."""
    root = page.root
    content = list(_content_elements(root)) if hasattr(root, "iterancestors") else []
    return PageSignals(
        shape=url_shape(url),
        declared=declared_kind(page),
        teasers=_teasers(content, url),
        text_chars=max((_block_text_chars(el) for el in content), default=0),
        dated=has_dateline(page, url),
    )


def classify(signals: PageSignals, *, listed_as_article: bool = False) -> PageKind:
    """ARTICLE needs the text and a date (or JSON-LD saying so); else LISTING or OTHER.

    ``listed_as_article``: the portal's feed or WordPress API named this URL as a post, which
    lowers the text needed as JSON-LD does. URL shapes that are never articles (pagination,
    tags, galleries) and pages with many headline links are never articles.
    """
    never = signals.shape in NEVER_ARTICLE or signals.declared is Declared.LISTING
    if not never and signals.teasers < MANY_TEASERS:
        declared = signals.declared is Declared.ARTICLE
        needed = MIN_TEXT_CHARS_DECLARED if declared or listed_as_article else MIN_TEXT_CHARS
        if signals.text_chars >= needed and (signals.dated or declared):
            return PageKind.ARTICLE
    listing = signals.shape in LISTING_SHAPES or signals.declared is Declared.LISTING
    return PageKind.LISTING if listing or signals.teasers >= LISTING_TEASERS else PageKind.OTHER


def declared_kind(page: Selector) -> Declared:
    """JSON-LD ``@type`` of the page's objects: an article type wins over a list type."""
    types = ld_types(page)
    if types & V.ARTICLE_LD_TYPES:
        return Declared.ARTICLE
    if types & V.LISTING_LD_TYPES:
        return Declared.LISTING
    return Declared.NOTHING


def _is_boilerplate(el: Element) -> bool:
    tag = el.tag
    if tag in V.BOILERPLATE_BLOCK_TAGS:
        return True
    if tag == "header" and next(el.iterancestors("article", "main"), None) is None:
        return True  # the site header; an article's own <header> holds its headline
    names = f"{el.get('class', '')} {el.get('id', '')}".lower().replace("-", " ").replace("_", " ")
    return not V.BOILERPLATE_BLOCK_WORDS.isdisjoint(names.split())


def _content_elements(root: Element) -> Iterator[Element]:
    """Elements outside menus, sidebars, related lists and comments, in document order."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or _is_boilerplate(el):
            continue  # comments and processing instructions have a non-str tag
        yield el
        stack.extend(reversed(el))


def _outside_links(el: Element) -> str:
    return normalize_space(" ".join(el.xpath(".//text()[not(ancestor::a)]")))


def _block_text_chars(el: Element) -> int:
    """Text of the block's own paragraphs and loose lines (``<br>`` bodies), links left out.

    Where two or more linked headings split a block, the paragraphs under them are a flat
    listing's dates and excerpts, not running text; one such heading is a "Baca juga".
    """
    loose = len(normalize_space(el.text or ""))
    # The block split at its headings: is each part under a linked heading, and its text.
    linked, chars = [False], [0]
    for child in el:
        if not isinstance(child.tag, str):
            continue
        loose += len(normalize_space(child.tail or ""))
        if child.tag in _HEADINGS:
            linked.append(bool(child.xpath(".//a")))
            chars.append(0)
        elif child.tag == "p" and not _is_boilerplate(child):
            chars[-1] += len(_outside_links(child))
    flat_listing = sum(linked) >= MIN_FLAT_TEASERS
    return loose + sum(
        c for is_linked, c in zip(linked, chars, strict=True) if not (is_linked and flat_listing)
    )


def _teasers(content: list[Element], url: str) -> int:
    here = page_key(url)
    netloc = urlsplit(url).netloc
    found: set[str] = set()
    for el in content:
        if el.tag != "a":
            continue
        link = absolute_link(url, el.get("href", ""))
        if link is None or not same_site(link, netloc) or url_shape(link) not in TEASER_SHAPES:
            continue
        words = normalize_space(el.text_content()).split()
        in_heading = next(el.iterancestors(*_HEADINGS), None) is not None
        if len(words) >= HEADLINE_WORDS or (in_heading and words):
            found.add(page_key(link))
    found.discard(here)
    return len(found)
