"""Lists of other articles: a ticker, a "Terkini" strip, a related list whose items each
carry their own ``<time datetime>`` and link. Their times belong to those articles, whatever
the list's classes say (``<div class="strip-berita"><ul><li><time>08:12</time> <a>…``).
"""

from __future__ import annotations

from typing import Final

from crawler.extraction.selectors import Element

# How far up from a <time> its item may sit (<li><span><time>), and how many items make a list.
ITEM_LEVELS: Final = 3
MIN_ITEMS: Final = 2


def _is_item(node: Element) -> bool:
    """An item of another article: a <time> and a link of its own."""
    return bool(node.xpath(".//time[@datetime]")) and bool(node.xpath(".//a[@href]"))


def in_list_of_others(time: Element, headline: Element | None) -> bool:
    """Whether a ``<time>`` sits in an item of a list of items like it, none the headline's."""
    node = time
    for _ in range(ITEM_LEVELS):
        parent = node.getparent()
        if parent is None:
            return False
        if headline is not None and any(n is headline for n in node.iter()):
            return False  # the article's own block, with its headline
        siblings = [s for s in parent if isinstance(s.tag, str) and s.tag == node.tag]
        if _is_item(node) and sum(1 for s in siblings if _is_item(s)) >= MIN_ITEMS:
            return True
        node = parent
    return False
