"""Find the visible headline, and the short texts printed around it.

Portals print *this* article's date and view count next to its headline; sidebars, related
lists and comments print other articles' — so the neighbourhood is walked outwards from the
headline, skipping those blocks, and never the first ``h1`` blindly (often the site's logo).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

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
)
_TEXT_LENGTH: Final = etree.XPath("string-length(.)")
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
    """
    exact = [_heading_of(element) for element in scan.exact]
    longest = max(map(len, cores), default=0) / MIN_SHARE
    near = []
    for element in scan.headings:
        text = element_text(element)
        if len(text) <= longest and any(corroborates(text, core) for core in cores):
            near.append(element)
    if exact or near:
        exact_ids = {id(n) for n in exact}
        return max([*exact, *near], key=lambda n: _rank(n, id(n) in exact_ids))
    h1s = [n for n in scan.headings if n.tag == "h1" and len(element_text(n).split()) >= 3]
    return max(h1s, key=_rank) if h1s else None


def _blocked(element: Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in OTHER_ARTICLES:
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


def near_headline(anchor: Element) -> Iterator[tuple[int, Element, str]]:
    """Short texts around the headline with their element and distance, nearest first.

    The headline's own siblings come first (after it, then before it), then its parent's, up
    to LEVELS ancestors; blocks of other articles are skipped, long texts are not date lines.
    """
    node = anchor
    for level in range(LEVELS):
        following = _elements(node.itersiblings(), FOLLOWING)
        preceding = _elements(node.itersiblings(preceding=True), PRECEDING)
        for distance, sibling in enumerate([*following, *preceding], start=1):
            if _blocked(sibling):
                continue
            if _TEXT_LENGTH(sibling) > 4 * MAX_NEAR_CHARS:  # long for sure, scripts counted
                continue
            text = element_text(sibling)
            if text and len(text) <= MAX_NEAR_CHARS:
                yield level * 10 + distance, sibling, text
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return
