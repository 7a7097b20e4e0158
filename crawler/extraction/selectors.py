"""Run a profile's ordered selector lists against a parsed page."""

from __future__ import annotations

from collections.abc import Iterable

from parsel import Selector, SelectorList

from crawler.extraction.text import normalize_space

# Text inside these never belongs to what a reader sees as the article.
_VISIBLE_TEXT = (
    ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
)


def select(page: Selector, query: str) -> SelectorList[Selector]:
    """CSS by default; a query starting with ``/`` or ``(`` is XPath."""
    if query.startswith(("/", "(")):
        return page.xpath(query)
    return page.css(query)


def node_text(node: Selector) -> str:
    """Visible text of a node, whitespace-normalized; an attribute or text node as itself.

    ``<p>Pemkot <b>Tangerang</b>\\n raih</p>`` → ``Pemkot Tangerang raih``
    """
    if isinstance(node.root, str):
        return normalize_space(node.root)
    return normalize_space("".join(node.xpath(_VISIBLE_TEXT).getall()))


def texts(page: Selector, query: str) -> list[str]:
    """Non-empty texts of every node ``query`` matches, in document order."""
    return [t for t in (node_text(n) for n in select(page, query)) if t]


def first_text(page: Selector, queries: Iterable[str]) -> str | None:
    """The first non-empty text of the first query that matches anything."""
    for query in queries:
        found = texts(page, query)
        if found:
            return found[0]
    return None


def all_texts(page: Selector, queries: Iterable[str]) -> list[str]:
    """All texts of the first query that matches anything (paragraphs, tags)."""
    for query in queries:
        found = texts(page, query)
        if found:
            return found
    return []
