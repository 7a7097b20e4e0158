"""Run a profile's ordered selector lists (and the generic ones) against a parsed page.

Queries are compiled once to lxml XPath: parsel compiles a query on every call, which cost
more than the rest of extraction together on real pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator

from crawler.extraction.text import normalize_space

# An lxml element (``HtmlElement``, or a text/attribute result of a query), the one alias
# extraction and generic discovery use: lxml ships no type stubs, and parsel types
# ``Selector.root`` as Any too.
Element = Any
# Text inside these never belongs to what a reader sees as the article.
_VISIBLE_TEXT = etree.XPath(
    ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]",
    smart_strings=False,
)
_TRANSLATOR = HTMLTranslator()
# A query is XPath when it starts like one (a CSS class selector starts with "." alone).
_XPATH_STARTS = ("/", "(", "./", "..")


def select(page: Selector, query: str) -> SelectorList[Selector]:
    """CSS by default; a query starting with ``/`` or ``(`` is XPath."""
    if query.startswith(_XPATH_STARTS):
        return page.xpath(query)
    return page.css(query)


@lru_cache(maxsize=1024)
def compiled(query: str) -> Any:
    """A query (CSS with parsel's ``::text``/``::attr()``, or XPath) compiled once by lxml.

    ``"meta[name='author']::attr(content)"``
    → ``descendant-or-self::meta[@name = 'author']/@content``
    """
    xpath = query if query.startswith(_XPATH_STARTS) else _TRANSLATOR.css_to_xpath(query)
    return etree.XPath(xpath, smart_strings=False)


def find(root: Element, query: str, **variables: str) -> list[Element]:
    """Elements or strings a query finds under an lxml element, in document order."""
    found = compiled(query)(root, **variables)
    return found if isinstance(found, list) else []


def element_text(element: Element) -> str:
    """Visible text of an lxml element (or a string result), whitespace-normalized.

    ``<p>Pemkot <b>Tangerang</b>\\n raih<script>x()</script></p>`` → ``Pemkot Tangerang raih``
    """
    if isinstance(element, str):
        return normalize_space(element)
    if not isinstance(getattr(element, "tag", None), str):
        return ""
    return normalize_space("".join(_VISIBLE_TEXT(element)))


def texts(page: Selector, query: str) -> list[str]:
    """Non-empty texts of every node ``query`` matches, in document order."""
    return [t for t in (element_text(n) for n in find(page.root, query)) if t]


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
