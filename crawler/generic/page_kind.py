"""Is a fetched page an article, a listing, or something else? Asked when a portal has no profile.

Evidence: the URL's shape, what the page declares (JSON-LD ``@type``, ``og:type``), whether the
portal's feed or API listed it, how many headline links it carries, its headline, the longest
run of text outside links in one block, and a date line by its headline (not the sidebar's).

An article is never a page whose URL shape rules it out (home, listing, tag, static section,
search, gallery), nor one declared a JSON-LD list, nor one with many headline links. Otherwise:

- dated: enough text (less when JSON-LD says article or the feed or API listed it);
- undated ("beberapa waktu yang lalu", or no date at all), kept with no ``published_at``:
  - JSON-LD says article: a headline and the lower text threshold;
  - ``og:type=article``, or the feed or API listed it: a headline and the full threshold;
  - nothing declared: the URL is an article's under a news section (``/berita/<slug>``), an
    ``<h1>``, few headline links and a whole article's text in one block.

Listings, tag pages, galleries, search pages and static pages ("Profil", "Visi Misi",
"Kontak") never become items: their URLs, their headline links, or their lack of a news
section and of any declaration keep them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

from parsel import Selector

from crawler.discovery import absolute_link
from crawler.extraction.selectors import Element
from crawler.extraction.structured import ld_types
from crawler.extraction.text import normalize_space
from crawler.generic import vocabulary as V
from crawler.generic.dateline import has_dateline, is_portal_block
from crawler.generic.frontier import page_key
from crawler.generic.url_shape import Shape, url_shape
from crawler.urls import same_site

# Shorter than this, a dated page is a caption, a notice or a teaser, not an article ...
MIN_TEXT_CHARS: Final = 400
# ... unless the page or the portal's own feed or API says it is one.
MIN_TEXT_CHARS_DECLARED: Final = 150
# An undated page that declares nothing needs a whole article's text: a notice, an excerpt or
# a static page's paragraph or two is shorter; three paragraphs of news are longer.
MIN_TEXT_CHARS_UNDECLARED: Final = 1000
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
# The page's own headline, strongest first: an ``<h1>``; else an ``<h2>`` or a block named for
# it (``<div class="judul-berita">``), as themes that give the h1 to their logo print it. Only a
# page that declares itself an article may make do with the weaker form.
H1: Final = 1
WEAK_HEADLINE: Final = 2
HEADLINE_CLASS_WORDS: Final = frozenset({"judul", "title", "headline"})
MAX_HEADLINE_CHARS: Final = 300
# News words that also name sections of other things ("Informasi Publik", "Publikasi" of
# reports): an undeclared page under them is not taken for news.
VAGUE_NEWS_WORDS: Final = frozenset({"informasi", "info", "publikasi"})
_WORD_SPLIT: Final = re.compile(r"[-_+.]+")


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
    opengraph_article: bool  # <meta property="og:type" content="article">
    headline: int  # H1, WEAK_HEADLINE (an h2 or a .judul block), or 0: none outside links
    news_url: bool  # an article's URL under a news section: /berita/<slug>, ?page=berita&id=5


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
        opengraph_article=opengraph_article(page),
        headline=_headline(content, url),
        news_url=_news_url(url),
    )


def classify(signals: PageSignals, *, listed_as_article: bool = False) -> PageKind:
    """ARTICLE by the rule in the module's docstring; else LISTING or OTHER.

    ``listed_as_article``: the portal's feed or WordPress API named this URL as a post, which
    lowers the text needed as JSON-LD does, and stands for a date as ``og:type`` does. URL
    shapes that are never articles (pagination, tags, galleries) and pages with many headline
    links are never articles.
    """
    never = signals.shape in NEVER_ARTICLE or signals.declared is Declared.LISTING
    if not never and signals.teasers < MANY_TEASERS and _is_article(signals, listed_as_article):
        return PageKind.ARTICLE
    listing = signals.shape in LISTING_SHAPES or signals.declared is Declared.LISTING
    return PageKind.LISTING if listing or signals.teasers >= LISTING_TEASERS else PageKind.OTHER


def _is_article(signals: PageSignals, listed: bool) -> bool:
    """Enough text for what the page says of itself, with a date or, undated, a headline."""
    json_ld = signals.declared is Declared.ARTICLE
    if signals.dated:
        needed = MIN_TEXT_CHARS_DECLARED if json_ld or listed else MIN_TEXT_CHARS
        return signals.text_chars >= needed
    # No readable date: the page must say it is an article, or look like nothing else.
    if json_ld:
        return bool(signals.headline) and signals.text_chars >= MIN_TEXT_CHARS_DECLARED
    if signals.opengraph_article or listed:
        return bool(signals.headline) and signals.text_chars >= MIN_TEXT_CHARS
    return (
        signals.news_url
        and signals.shape is Shape.ARTICLE
        and signals.headline == H1
        and signals.teasers < LISTING_TEASERS
        and signals.text_chars >= MIN_TEXT_CHARS_UNDECLARED
    )


def declared_kind(page: Selector) -> Declared:
    """JSON-LD ``@type`` of the page's objects: an article type wins over a list type."""
    types = ld_types(page)
    if types & V.ARTICLE_LD_TYPES:
        return Declared.ARTICLE
    if types & V.LISTING_LD_TYPES:
        return Declared.LISTING
    return Declared.NOTHING


def opengraph_article(page: Selector) -> bool:
    """``<meta property="og:type" content="article">``: weaker than JSON-LD, as some themes
    print it on every page, so it stands for a date but does not lower the text needed."""
    query = "meta[property='og:type']::attr(content), meta[name='og:type']::attr(content)"
    return any(value.strip().lower() == "article" for value in page.css(query).getall())


def _content_elements(root: Element) -> Iterator[Element]:
    """Elements outside menus, sidebars, related lists and comments, in document order."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or is_portal_block(el):
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
        elif child.tag == "p" and not is_portal_block(child):
            chars[-1] += len(_outside_links(child))
    flat_listing = sum(linked) >= MIN_FLAT_TEASERS
    return loose + sum(
        c for is_linked, c in zip(linked, chars, strict=True) if not (is_linked and flat_listing)
    )


def _headline(content: list[Element], url: str) -> int:
    """The strongest headline of the page's own, outside menus and sidebars, with text and no
    link to another page (a link to itself is its permalink); 0 when there is none."""
    here = page_key(url)
    found = 0
    for el in content:
        level = _headline_level(el)
        if not level or (found and found <= level):
            continue
        if not 0 < len(normalize_space(el.text_content())) <= MAX_HEADLINE_CHARS:
            continue
        links = [*el.iterancestors("a"), *el.iter("a")]
        targets = (absolute_link(url, a.get("href", "")) for a in links)
        if all(t is None or page_key(t) == here for t in targets):  # None: "#", javascript:
            found = level
            if found == H1:
                break
    return found


def _headline_level(el: Element) -> int:
    if el.tag == "h1":
        return H1
    names = f"{el.get('class', '')} {el.get('id', '')}".lower().replace("-", " ").replace("_", " ")
    if el.tag == "h2" or not HEADLINE_CLASS_WORDS.isdisjoint(names.split()):
        return WEAK_HEADLINE
    return 0


def _news_url(url: str) -> bool:
    """Whether a URL sits under the portal's news: a section of news words before its slug
    (``/berita/<slug>``, ``/siaran-pers/5/<slug>``), or naming the script or query that shows
    the article (``/berita.php?id=5``, ``?page=berita&id=5``). ``/berita-acara/…`` (minutes)
    and ``/informasi/…`` are not news sections.
    """
    parts = urlsplit(url)
    segments = [unquote(s).lower() for s in parts.path.split("/") if s]
    values = [v.lower() for _, v in parse_qsl(parts.query) if v and not v.isdigit()]
    sections = segments if parts.query else segments[:-1]  # the last one is the slug
    return any(_is_news_section(s) for s in [*sections, *values])


def _is_news_section(segment: str) -> bool:
    stem, dot, ext = segment.rpartition(".")
    segment = stem if dot and ext in V.PAGE_EXTENSIONS else segment
    words = [w for w in _WORD_SPLIT.split(segment) if w]
    news = [w for w in words if w in V.NEWS_WORDS and w not in VAGUE_NEWS_WORDS]
    return bool(news) and all(w in V.NEWS_WORDS or w in V.SECTION_MODIFIERS for w in words)


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
