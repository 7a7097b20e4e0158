"""Does a page print a publication date by its headline? One of the signs of an article.

Deliberately narrower than extraction's date search, which also reads URLs and whole pages to
recover *some* date for a record: here a date only counts where an article prints its own, in
machine-readable metadata, in the URL, or in the lines around the first ``<h1>``. A footer's
"© 2025", a menu's ``laporan-2024.pdf``, the site header's "Kamis, 16 Januari 2025" (today) and
a sidebar's "Terpopuler" dates (other articles') are not date lines: the portal's own blocks are
left out of the headline's neighbourhood (:func:`is_portal_block`, shared with ``page_kind``).
"""

from __future__ import annotations

import re
from typing import Any, Final
from urllib.parse import urlsplit

from parsel import Selector

from crawler.extraction.date_vocabulary import MONTHS
from crawler.extraction.selectors import Element
from crawler.extraction.text import alternation, normalize_space
from crawler.generic import vocabulary as V

# Every spelling the extractor reads: "Pebruari", "Nopember", "Mrt", "Agst", "Sept", "Nop".
_MONTH = alternation(MONTHS)
_YEAR = r"(?:19|20)\d\d"
# "22 Januari 2025", "Jan 22, 2025", "22/01/2025", "22-01-2025", "2025-01-22"
DATE_TEXT: Final = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+{_YEAR}\b"
    rf"|\b(?:{_MONTH})\.?\s+\d{{1,2}},?\s+{_YEAR}\b"
    rf"|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_YEAR}\b"
    rf"|\b{_YEAR}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE,
)
# Metadata that holds the publication instant (OpenGraph, schema.org microdata, CMS meta).
PUBLISHED_META: Final = (
    "meta[property='article:published_time']::attr(content)",
    "meta[itemprop='datePublished']::attr(content)",
    "meta[name='pubdate']::attr(content)",
    "meta[name='publishdate']::attr(content)",
    "meta[name='DC.date.issued']::attr(content)",
)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"[^"]+"')
# The headline's neighbourhood, where a portal prints the date line of *this* article.
NEAR_HEADLINE: Final = (
    "(//h1)[1]/following-sibling::*[position() <= 3]",
    "(//h1)[1]/preceding-sibling::*[position() <= 2]",
    "(//h1)[1]/parent::*/following-sibling::*[position() <= 2]",
    "(//h1)[1]/parent::*/preceding-sibling::*[position() <= 2]",
)
# A date line is short; a paragraph that mentions a date is not one.
MAX_LINE_CHARS: Final = 200
# WordPress files a post's terms in its classes (``tag-menu-sehat``, ``category-populer``): the
# names of its tags and categories, not what the block is.
TERM_CLASS_PREFIXES: Final = ("tag-", "category-")
# The page itself, whatever its classes say (``<body class="right-sidebar">``, GeneratePress).
NEVER_PORTAL_BLOCK: Final = frozenset({"html", "body", "main"})


def is_portal_block(el: Element) -> bool:
    """A block whose text, links and dates are the portal's or other articles', not the page's.

    Menus, sidebars, related lists, comments and footers, by tag or by a whole word of the
    class or id (``widget-populer``); and the site's header, though not an article's own
    ``<header>`` (inside ``<article>`` or ``<main>``), which holds its headline.
    """
    tag = el.tag
    if tag in NEVER_PORTAL_BLOCK:
        return False
    if tag in V.BOILERPLATE_BLOCK_TAGS:
        return True
    if tag == "header" and next(el.iterancestors("article", "main"), None) is None:
        return True
    classes = [
        c for c in el.get("class", "").lower().split() if not c.startswith(TERM_CLASS_PREFIXES)
    ]
    names = f"{' '.join(classes)} {el.get('id', '')}".lower().replace("-", " ").replace("_", " ")
    return not V.BOILERPLATE_BLOCK_WORDS.isdisjoint(names.split())


def has_dateline(page: Selector, url: str) -> bool:
    """True when the page's metadata, URL or headline neighbourhood carries a date.

    ``<h1>Pasar Murah</h1><span>Senin, 6 Januari 2025 09:00 WIB</span>`` → True
    """
    if any(page.css(query).get() for query in PUBLISHED_META):
        return True
    if any(_LD_PUBLISHED.search(raw) for raw in page.css("script[type*='ld+json']::text").getall()):
        return True
    path = urlsplit(url).path
    if V.DATE_IN_PATH.search(path) or V.COMPACT_DATE.search(path.rsplit("/", 1)[-1]):
        return True
    for query in NEAR_HEADLINE:
        for node in page.xpath(query):
            if _is_date_line(node.root):
                return True
    return False


def _is_date_line(el: Element) -> bool:
    """A ``<time datetime>``, or a short line with a date, outside the portal's blocks."""
    if not isinstance(el.tag, str) or is_portal_block(el):
        return False
    times = (t for t in el.iter("time") if t.get("datetime"))
    if any(not _in_portal_block(t, el) for t in times):
        return True
    texts = [t for t in el.xpath(".//text()") if not _in_portal_block(_holder(t), el)]
    line = normalize_space(" ".join(texts))
    return len(line) <= MAX_LINE_CHARS and DATE_TEXT.search(line) is not None


def _holder(text: Any) -> Element:
    """The element a text node is inside: a tail belongs to its element's parent."""
    parent = text.getparent()
    return parent.getparent() if text.is_tail else parent


def _in_portal_block(el: Element, top: Element) -> bool:
    """Whether ``el`` or an ancestor below ``top`` (itself not one) is a portal block."""
    node = el
    while node is not None and node is not top:
        if isinstance(node.tag, str) and is_portal_block(node):
            return True
        node = node.getparent()
    return False
