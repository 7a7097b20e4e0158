"""Does a page print a publication date by its headline? One of the signs of an article.

Deliberately narrower than extraction's date search, which also reads URLs and whole pages to
recover *some* date for a record: here a date only counts where an article prints its own, in
machine-readable metadata, in the URL, or in the lines around the first ``<h1>``. A footer's
"© 2025" or a menu's ``laporan-2024.pdf`` is not a date line.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from parsel import Selector

from crawler.extraction.text import normalize_space
from crawler.generic import vocabulary as V

_MONTH = "|".join(sorted(V.MONTH_NAMES, key=len, reverse=True))
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
            if node.css("time[datetime]"):
                return True
            line = normalize_space(" ".join(node.css("::text").getall()))
            if len(line) <= MAX_LINE_CHARS and DATE_TEXT.search(line):
                return True
    return False
