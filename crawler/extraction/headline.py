"""Find the visible headline, and the short texts printed around it.

Portals print *this* article's date and view count next to its headline; sidebars, related
lists and comments print other articles' — so the neighbourhood is walked outwards from the
headline, skipping those blocks, and never the first ``h1`` blindly (often the site's logo).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

from crawler.extraction.date_parsing import parse_published
from crawler.extraction.scan import PageScan
from crawler.extraction.selectors import Element, element_text

# Heading tags, strongest first.
HEADLINE_TAGS: Final = ("h1", "h2", "h3")
# How far the neighbourhood reaches: ancestors climbed, siblings looked at on each side.
LEVELS: Final = 4
FOLLOWING: Final = 4
PRECEDING: Final = 3
# A date line or a counter is short; a longer text is a paragraph or a whole block.
MAX_NEAR_CHARS: Final = 200
# Blocks whose dates and counts belong to other articles (or to nobody).
OTHER_ARTICLES: Final = ("aside", "nav", "footer", "form", "script", "style", "noscript")
ARTICLE_FURNITURE: Final = frozenset({"footer", "header"})
OTHER_CLASSES: Final = (
    "related",
    "terkait",
    "populer",
    "popular",
    "terpopuler",
    "trending",
    "sidebar",
    "widget",
    "comment",
    "komentar",
    "breadcrumb",
    "menu",
    "footer",
    "lainnya",  # "Berita Lainnya": other articles
)
_TEXT_LENGTH: Final = etree.XPath("string-length(.)")
# A headline's own date line is by it (its siblings or its parent's), not a block away.
MAX_DATE_LINE_DISTANCE: Final = 20
MAX_DATED_HEADINGS: Final = 60
MIN_HEADLINE_WORDS: Final = 4
MIN_BODY_CHARS: Final = 400
# Titles that name the page type ("Berita - Pemerintah Kota X"): the headline is elsewhere.
GENERIC_TITLES: Final = frozenset(
    {
        "berita",
        "artikel",
        "detail",
        "detail berita",
        "detail artikel",
        "baca berita",
        "news",
        "post",
    }
    | {"berita daerah", "berita terkini", "informasi", "kabar", "halaman", "beranda", "home"}
)
_TITLE_SPLIT: Final = re.compile(r"\s+(?:[|\-–—»·•~]|::)\s+")
_YEAR: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d\d(?!\d)")
# A heading "repeats" a declared title when the shorter is at least this share of the longer.
MIN_SHARE: Final = 0.7


def _classes(element: Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _in_other_block(element: Element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in ("aside", "nav") or any(c in _classes(node) for c in OTHER_CLASSES):
            return True
    return False


def _rank(element: Element, exact: bool = False) -> tuple[int, bool, bool, bool]:
    """Prefer a real heading, then a non-link (sidebars repeat the headline as a link), then
    an exact repeat of the declared title, then one outside menus and sidebars.
    """
    level = 3 - HEADLINE_TAGS.index(element.tag) if element.tag in HEADLINE_TAGS else 0
    in_link = any(n.tag == "a" for n in (element, *element.iterancestors()))
    return level, not in_link, exact, not _in_other_block(element)


def _heading_of(element: Element) -> Element:
    """``<h1><a>Judul</a></h1>``: the text's element is the link, the headline is the h1."""
    for node in (element, *element.iterancestors()):
        if node.tag in HEADLINE_TAGS:
            return node
    return element


def corroborates(text: str, core: str) -> bool:
    """A heading repeats a declared title, one containing most of the other.

    ``("In Picture: KPK Periksa Pejabat", "KPK Periksa Pejabat")`` → ``True``.
    """
    a, b = text.casefold(), core.casefold()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 10 and shorter in longer and len(shorter) >= MIN_SHARE * len(longer)


def find_headline(scan: PageScan, cores: tuple[str, ...]) -> Element | None:
    """The element showing the headline: the best-placed heading (or ``.judul``/``.title``
    block) that repeats a declared title, exactly or mostly; else the best-placed ``h1``.

    A generic title ("Berita", "Detail Berita", "Artikel - Website Desa X") names the page
    type, and its repeats are menus and section headings: unless its repeat has a date line
    by it, the dated heading with the body beside it is the headline.
    """
    exact = [_heading_of(e) for e in scan.exact if not is_generic_title(element_text(e))]
    longest = max(map(len, cores), default=0) / MIN_SHARE
    near = []
    for element in scan.headings:
        text = element_text(element)
        if len(text) <= longest and any(corroborates(text, core) for core in cores):
            near.append(element)
    chosen = None
    if exact or near:
        exact_ids = {id(n) for n in exact}
        chosen = max([*exact, *near], key=lambda n: _rank(n, id(n) in exact_ids))
    if all(map(is_generic_title, cores)) and (chosen is None or date_line_distance(chosen) is None):
        dated = dated_heading(scan)
        if dated is not None:
            return dated
    if chosen is not None:
        return chosen
    h1s = [n for n in scan.headings if n.tag == "h1" and len(element_text(n).split()) >= 3]
    return max(h1s, key=_rank) if h1s else None


def is_generic_title(core: str) -> bool:
    """A title naming the page type, not the article.

    ``"Berita"`` → ``True``; ``"Artikel - Website Desa Sukamakmur"`` → ``True``;
    ``"Fachmeldungen"`` → ``False`` (a short title may be the article's: only the words
    in GENERIC_TITLES count).
    """
    first = _TITLE_SPLIT.split(core, maxsplit=1)[0].strip().casefold()
    return first in GENERIC_TITLES


def date_line_distance(heading: Element) -> int | None:
    """How near a date line sits to a heading (its siblings, or its parent's), or None.

    ``<h3 class="judul">…</h3><div>Kamis, 20 Maret 2025 - 13:40 WIB</div>`` → ``1``.
    """
    for distance, _, text in near_headline(heading):
        if distance >= MAX_DATE_LINE_DISTANCE:
            return None
        if _YEAR.search(text) and parse_published(text) is not None:
            return distance
    return None


def dated_heading(scan: PageScan) -> Element | None:
    """With no heading repeating a declared title (``<title>Berita - Pemerintah Kota X``), the
    headline is the article's heading with its date line nearest, not the first of the page;
    one with the body beside it (not an announcement box's) first.
    """
    found = []
    for element in scan.headings[:MAX_DATED_HEADINGS]:
        if len(element_text(element).split()) < MIN_HEADLINE_WORDS or _in_other_block(element):
            continue
        if any(n.tag == "a" for n in element.iter()) or any(
            n.tag == "a" for n in element.iterancestors()
        ):
            continue
        if (distance := date_line_distance(element)) is not None:
            parent = element.getparent()
            with_body = parent is not None and _TEXT_LENGTH(parent) >= MIN_BODY_CHARS
            found.append((not with_body, distance, -_rank(element)[0], element))
    return min(found, key=lambda f: f[:3])[3] if found else None


def _blocked(element: Element, furniture: bool = False) -> bool:
    if not isinstance(element.tag, str):
        return True
    if furniture and element.tag in ARTICLE_FURNITURE:
        return False  # the article's own <footer>: the caller's own-area check decides
    if element.tag in OTHER_ARTICLES:
        return True
    return any(word in _classes(element) for word in OTHER_CLASSES)


def _elements(siblings: Iterator[Element], count: int) -> list[Element]:
    """The next ``count`` element siblings (comments and processing instructions skipped)."""
    found: list[Element] = []
    for sibling in siblings:
        if isinstance(sibling.tag, str):
            found.append(sibling)
            if len(found) == count:
                break
    return found


def near_headline(anchor: Element, furniture: bool = False) -> Iterator[tuple[int, Element, str]]:
    """Short texts around the headline with their element and distance, nearest first.

    The headline's own siblings come first (after it, then before it), then its parent's, up
    to LEVELS ancestors; blocks of other articles are skipped, long texts are not date lines.
    With ``furniture``, ``<footer>``/``<header>`` are kept for the caller to judge (a Drupal
    node's ``<footer class="node__meta">`` prints its date by the text).
    """
    node = anchor
    for level in range(LEVELS):
        following = _elements(node.itersiblings(), FOLLOWING)
        preceding = _elements(node.itersiblings(preceding=True), PRECEDING)
        for distance, sibling in enumerate([*following, *preceding], start=1):
            if _blocked(sibling, furniture):
                continue
            if _TEXT_LENGTH(sibling) > 4 * MAX_NEAR_CHARS:  # long for sure, scripts counted
                continue
            text = element_text(sibling)
            if text and len(text) <= MAX_NEAR_CHARS:
                yield level * 10 + distance, sibling, text
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return
