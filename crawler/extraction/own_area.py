"""The article's own area of a page, and the blocks that are not it: dates printed there belong
to other articles, to a comment or to today, never to this article.

The other blocks are :func:`crawler.generic.dateline.is_portal_block`'s (menus, ``aside``,
footers, the site's ``<header>``, sidebars, related and popular lists, comments, by tag or
class), plus what a date search must also skip: a top bar or ticker before the headline, a
``<marquee>``, a box whose heading says what it is ("Berita Terpopuler", "Komentar",
"Agenda") whatever its classes, and another ``<article>`` (a teaser, or any outside the
article's when the article is one).

Never one of them: an element holding the headline or the article's text container (a layout
``<div class="has-sidebar">`` wraps the article too). Inside the article (the ``<article>``
or ``<main>`` holding the headline, or the block holding both headline and text), its own
``<aside>``, ``<header>``, ``<footer>``, ``.post-footer`` and share bar print its date; only
words naming other content (related, popular, comments) make one of them another block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

from crawler.extraction.selectors import Element, element_text
from crawler.generic import vocabulary as V
from crawler.generic.dateline import TERM_CLASS_PREFIXES, is_portal_block

# Left to the searches' own cleaning: a body's JSON-LD is in a <script>.
KEPT_TAGS: Final = frozenset({"script", "style", "noscript", "template", "html", "body", "main"})
OTHER_TAGS: Final = frozenset({"marquee"})
# Never a block: text-level and embedded elements (a <span> top bar is in its <div>).
INLINE_TAGS: Final = frozenset(
    {"a", "b", "i", "u", "em", "strong", "small", "font", "abbr", "sup", "sub", "img", "br"}
    | {"wbr", "hr", "input", "button", "option", "svg", "path", "use", "source", "picture"}
    | {"meta", "link", "label"}
)
# Tags that make a block the portal's whatever its classes (is_portal_block's, and the site's
# <header>).
PORTAL_TAGS: Final = V.BOILERPLATE_BLOCK_TAGS | {"header"}
# Elements a box with a heading is made of.
BOX_TAGS: Final = frozenset({"div", "section", "td", "article", "header", "footer", "aside"})
# Widgets that hold the article itself: Blogger's posts (``<div class="widget Blog">``).
ARTICLE_WIDGETS: Final = frozenset({"Blog"})
OTHER_ROLES: Final = frozenset({"navigation", "complementary", "contentinfo", "banner"})
# Before the headline, outside the article: the site's top bar (today's date), its masthead,
# a running ticker of other headlines. Compared with the class and id, separators dropped.
SITE_TOP_CLASSES: Final = ("topbar", "topheader", "headertop", "siteheader", "masthead", "ticker")
# Inside the article, the article's own furniture unless its words name other content.
OWN_FURNITURE_TAGS: Final = frozenset({"aside", "header", "footer"})
OWN_FURNITURE_WORDS: Final = frozenset({"footer", "share", "sharedaddy"})
OTHER_CONTENT_WORDS: Final = V.BOILERPLATE_BLOCK_WORDS - OWN_FURNITURE_WORDS - {"cookie"}
# A box's heading that names it as other articles, comments or the portal's own lists.
OTHER_HEADING: Final = re.compile(
    r"(?i)(?<![a-z])(?:terpopuler|populer|popular|(?:paling |banyak |most )(?:dibaca|read)"
    r"|terkait|related|baca juga|lihat juga|(?:berita|artikel|post)(?:ingan)? lain(?:nya)?"
    r"|terbaru|terkini|latest|recent|trending|rekomendasi|pilihan|komentar|comments?"
    r"|tanggapan|tinggalkan (?:balasan|komentar)|leave a (?:reply|comment)"
    r"|agenda|pengumuman|arsip|archives?)(?![a-z])"
)
MAX_HEADING_CHARS: Final = 60
HEADING_TAGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})
HEADING_CLASS_WORDS: Final = frozenset({"title", "judul", "heading", "header", "caption"})
PAGE_TAGS: Final = frozenset({"body", "html"})
# An article's block holds this much more text than its headline: a few paragraphs.
ARTICLE_MORE_CHARS: Final = 500
# An <article> with less text, holding neither headline nor text, is a teaser of another.
TEASER_CHARS: Final = 400
_TEXT_LENGTH: Final = etree.XPath("string-length(.)")


def _class_words(el: Element) -> list[str]:
    """Whole words of the class and id: ``"widget_recent-entries"`` → widget, recent, entries."""
    classes = (c for c in (el.get("class") or "").split() if not c.startswith(TERM_CLASS_PREFIXES))
    names = f"{' '.join(classes)} {el.get('id') or ''}".lower()
    return names.replace("-", " ").replace("_", " ").split()


def _headed_as_other(el: Element) -> bool:
    """The box's first element (or that element's first) is a heading naming other content.

    ``<div><div class="box-title"><h4>Berita Terpopuler</h4></div><ul>…</ul></div>`` → True.
    """
    if el.tag not in BOX_TAGS:
        return False
    node = el
    for _ in range(2):
        node = next((c for c in node.iterchildren() if isinstance(c.tag, str)), None)
        if node is None:
            return False
        if node.tag in HEADING_TAGS or not HEADING_CLASS_WORDS.isdisjoint(_class_words(node)):
            text = element_text(node)
            return len(text) <= MAX_HEADING_CHARS and OTHER_HEADING.search(text) is not None
    return False


def is_other_block(el: Element, *, before_headline: bool, in_article: bool) -> bool:
    """Whether ``el`` (holding neither headline nor text) is a block whose dates are not the
    article's. ``in_article``: inside the article's own area (see the module's docstring).

    ``<aside>``, ``<div class="widget">``, ``<div><h4>Berita Terpopuler</h4><ul>…`` → True;
    ``<footer class="entry-footer">`` inside the article → False.
    """
    tag = el.tag
    if not isinstance(tag, str) or tag in KEPT_TAGS or tag in INLINE_TAGS:
        return False
    if not ARTICLE_WIDGETS.isdisjoint((el.get("class") or "").split()):
        return False
    if tag in OTHER_TAGS:
        return True
    words = _class_words(el) if el.get("class") or el.get("id") else []
    own_header = tag == "header" and not before_headline
    if in_article and (tag in OWN_FURNITURE_TAGS or not OWN_FURNITURE_WORDS.isdisjoint(words)):
        return not OTHER_CONTENT_WORDS.isdisjoint(words) or _headed_as_other(el)
    if own_header:
        return not V.BOILERPLATE_BLOCK_WORDS.isdisjoint(words)
    if el.get("role") in OTHER_ROLES or ((words or tag in PORTAL_TAGS) and is_portal_block(el)):
        return True
    if before_headline and not in_article:
        compact = "".join(words)
        if any(word in compact for word in SITE_TOP_CLASSES):
            return True
    return _headed_as_other(el)


def _ancestors_or_self(el: Element) -> Iterator[Element]:
    yield el
    yield from el.iterancestors()


class OwnArea:
    """Where a page's headline and text are, and so which of its blocks are other blocks.

    ``headline`` is the visible headline, ``text`` the article's text container; either may
    be None. Element proxies are kept with their ids (lxml hands out a new proxy, and id, for
    a dead one).
    """

    def __init__(self, headline: Element | None, text: Element | None) -> None:
        self.headline = headline
        self.text = text
        anchors = [a for a in (headline, text) if a is not None]
        self._holding = {id(n): n for a in anchors for n in a.iterancestors()}
        self._articles = {id(a): a for a in _article_blocks(headline, text)}
        # Whether the article is an <article>: then every other <article> is another's.
        self._is_article = any(True for a in anchors for _ in a.iterancestors("article"))

    def _holds(self, el: Element) -> bool:
        return id(el) in self._holding or el is self.headline

    def _is_other(self, el: Element, before: bool, in_article: bool) -> bool:
        """Whether ``el``, holding neither headline nor text, is an other block."""
        if el.tag == "article" and (
            (self._is_article and not in_article) or _TEXT_LENGTH(el) < TEASER_CHARS
        ):
            return True  # another <article> (not one nested in the article's), or a teaser
        return is_other_block(el, before_headline=before, in_article=in_article)

    def _in_article(self, el: Element) -> bool:
        return any(id(n) in self._articles for n in el.iterancestors())

    def blocks(self, top: Element) -> list[Element]:
        """The outermost other blocks in ``top`` (itself included), in document order."""
        headline = self.headline
        before = headline is None or self._holds(top) or _precedes(top, headline)
        found: list[Element] = []
        stack = [(top, self._in_article(top))]
        while stack:
            el, in_article = stack.pop()
            if el is self.headline:
                before = False
                continue
            holds = self._holds(el)
            if not holds and self._is_other(el, before, in_article):
                found.append(el)
                continue
            inside = in_article or id(el) in self._articles
            children = [c for c in el.iterchildren() if isinstance(c.tag, str)]
            stack.extend((c, inside) for c in reversed(children))
        return found

    def is_in_other_block(self, el: Element) -> bool:
        """Whether ``el`` is in an other block: a comment's ``<time>``, a sidebar's date."""
        before = self.headline is not None and _precedes(el, self.headline)
        in_article = self._in_article(el)
        for node in _ancestors_or_self(el):
            if self._holds(node):
                return False
            if self._is_other(node, before, in_article):
                return True
        return False

    def own_text(self, el: Element, text: str | None = None) -> str:
        """``el``'s visible text without its other blocks: ``""`` when it is one. ``text`` is
        ``el``'s whole text when already known.

        ``<div>Kota Uji <div class="top-bar">Kamis, 16 Januari 2025</div></div>`` before the
        headline → ``"Kota Uji"``.
        """
        blocks = self.blocks(el)
        if not blocks:
            return element_text(el) if text is None else text
        if blocks[0] is el:
            return ""
        return element_text(_without(el, blocks))

    def pruned(self, root: Element) -> Element:
        """A copy of the page without its other blocks, for a search that reads it whole."""
        body = root.find("body") if hasattr(root, "find") else None
        return _without(root, self.blocks(body if body is not None else root))


def _article_blocks(headline: Element | None, text: Element | None) -> Iterator[Element]:
    """The blocks holding the article: the ``<article>`` or ``<main>`` around the headline,
    the block around headline and text; with neither, the headline's smallest ancestor
    holding much more text than it (a CMS's ``div.post`` or ``div.asset``).
    """
    if headline is None:
        return
    found = False
    for node in headline.iterancestors("article", "main"):
        found = True
        yield node
        break
    common = _common_ancestor(headline, text) if text is not None else None
    if common is not None and common.tag not in PAGE_TAGS:
        found = True
        yield common
    if not found:
        least = _TEXT_LENGTH(headline) + ARTICLE_MORE_CHARS
        for node in headline.iterancestors():
            if node.tag in PAGE_TAGS:
                return
            if _TEXT_LENGTH(node) >= least:
                yield node
                return


def _common_ancestor(a: Element, b: Element) -> Element | None:
    mine = {id(n): n for n in _ancestors_or_self(a)}
    return next((n for n in _ancestors_or_self(b) if id(n) in mine), None)


def _precedes(el: Element, anchor: Element) -> bool:
    """Whether ``el`` (not an ancestor of ``anchor``) comes before it in the document."""
    path: dict[int, tuple[Element, Element]] = {}  # parent's id → (parent, child towards anchor)
    child = anchor
    for parent in anchor.iterancestors():
        path[id(parent)] = (parent, child)
        child = parent
    child = el
    for parent in el.iterancestors():
        if (on_path := path.get(id(parent))) is not None:
            return bool(parent.index(child) < parent.index(on_path[1]))
        child = parent
    return False


def _without(top: Element, blocks: list[Element]) -> Element:
    """A copy of ``top`` without ``blocks`` (its descendants), the text after each kept."""
    steps = [_steps(top, b) for b in blocks]
    copy = deepcopy(top)
    for path in reversed(steps):  # the last first: an earlier one's position stays valid
        node = copy
        for index in path:
            node = node[index]
        _drop(node)
    return copy


def _steps(top: Element, el: Element) -> list[int]:
    """Child positions from ``top`` down to ``el``: the same element in a copy of ``top``."""
    steps = []
    while el is not top:
        parent = el.getparent()
        steps.append(parent.index(el))
        el = parent
    return steps[::-1]


def _drop(node: Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
