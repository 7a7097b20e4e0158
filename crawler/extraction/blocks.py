"""An element's text as the paragraphs a reader sees: breaks at block tags and ``<br>``.

Portal CMSs put body text straight into a ``<div>`` with ``<br>`` between paragraphs
(antaranews, Lokomedia), or in nested ``<div>``s and lists; selecting ``p`` loses all that.
"""

from __future__ import annotations

from typing import Final

from crawler.extraction.selectors import Element
from crawler.extraction.text import normalize_space

BLOCK_TAGS: Final = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "section", "article"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "figure", "header", "footer", "main"}
    | {"br", "hr", "center", "address", "details", "summary"}
)
SKIPPED_TAGS: Final = frozenset(
    {"script", "style", "noscript", "iframe", "template", "nav", "aside", "form", "button"}
    | {"select", "svg", "object", "embed", "video", "audio", "canvas", "figcaption", "input"}
    | {"textarea", "label", "ins"}
)
# Blocks inside an article container that are not the article: share bars, related links,
# ads, comments, tag lists, author boxes, newsletter boxes.
SKIPPED_CLASSES: Final = (
    "share",
    "sharing",
    "social",
    "related",
    "terkait",
    "baca-juga",
    "bacajuga",
    "advert",
    "iklan",
    "ads-",
    "-ads",
    "comment",
    "komentar",
    "newsletter",
    "subscribe",
    "tags",
    "tag-",
    "author-box",
    "caption",
    "popular",
    "populer",
    "wp-caption-text",
)
# A paragraph mostly made of link text is a list of other pages, not prose.
MAX_LINK_SHARE: Final = 0.6


def _skipped(element: Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIPPED_TAGS:
        return True
    classes = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(classes.strip()) and any(word in classes for word in SKIPPED_CLASSES)


class _Collector:
    """Accumulate text, closing a paragraph at every block boundary."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._parts: list[str] = []
        self._link_chars = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._link_chars += len(text.strip())

    def close(self) -> None:
        text = normalize_space("".join(self._parts))
        if text and self._link_chars <= MAX_LINK_SHARE * len(text):
            self.paragraphs.append(text)
        self._parts, self._link_chars = [], 0

    def walk(self, root: Element) -> None:
        """Visit the tree in document order with an explicit stack: broken pages nest
        thousands of unclosed tags deep, beyond Python's recursion limit.
        """
        # (element, whether its parent is inside a link, leaving it rather than entering)
        stack: list[tuple[Element, bool, bool]] = [(root, False, False)]
        while stack:
            element, parent_in_link, leaving = stack.pop()
            block = element.tag in BLOCK_TAGS
            if leaving:
                if block:
                    self.close()
                if element is not root:
                    self.add(element.tail, parent_in_link)
                continue
            if element is not root and _skipped(element):
                if block:  # a skipped share bar still ends the paragraph before it
                    self.close()
                self.add(element.tail, parent_in_link)
                continue
            in_link = parent_in_link or element.tag == "a"
            if block:
                self.close()
            self.add(element.text, in_link)
            stack.append((element, parent_in_link, True))
            stack.extend((child, in_link, False) for child in reversed(element))


def paragraphs(element: Element) -> list[str]:
    """Visible paragraphs of an element, skipping share bars, related lists, ads and captions.

    ``<div>Satu<br>Dua <b>tiga</b><div class="share">Bagikan</div></div>``
    → ``["Satu", "Dua tiga"]``
    """
    collector = _Collector()
    collector.walk(element)
    collector.close()
    return collector.paragraphs
