"""Machine-readable article metadata a page carries: JSON-LD, OpenGraph, meta and microdata.

These are the generic evidence after a profile's selectors: most CMSs emit at least one.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from parsel import Selector

from crawler.extraction.selectors import find
from crawler.extraction.text import normalize_space

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "BlogPosting",
        "ReportageNews",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "Report",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
    }
)
# Yoast and others put the dates on the WebPage node of an @graph, beside a bare Article.
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage", "ProfilePage"})
SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization"})
# Hand-written JSON-LD breaks in a few usual ways; these repairs are tried when parsing fails.
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# UTF-8 bytes decoded as cp1252 leave these pairs: "Ã¼" for "ü", "â€™" for "’".
_MOJIBAKE = re.compile(r"[ÃÂ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]|â€")
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


@dataclass(frozen=True)
class StructuredData:
    """What JSON-LD said about the page's article and its site, when it said anything."""

    headline: str | None = None
    date_published: str | None = None
    date_created: str | None = None
    date_modified: str | None = None
    author: str | None = None
    image: str | None = None
    keywords: tuple[str, ...] = ()
    article_body: str | None = None
    site_name: str | None = None


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        yield node
        yield from _walk(node.get("@graph", []))
        yield from _walk(node.get("mainEntity", []))


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _name(value: Any, nodes: dict[str, dict[str, Any]]) -> str | None:
    """JSON-LD people and images come as a string, an object, a reference to a node of the
    ``@graph`` (Yoast's authors) or a list of these.

    ``[{"@type": "Person", "name": "Dini"}, "Rina"]`` → ``"Dini, Rina"``
    """
    if isinstance(value, list):
        names = [n for n in (_name(v, nodes) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        node = nodes.get(value.get("@id") or "", value) if set(value) == {"@id"} else value
        value = node.get("name") or node.get("url")
    return _string(value)


def _string(value: Any) -> str | None:
    """A JSON-LD text as a reader sees it: entities decoded, UTF-8 read as Latin-1 repaired.

    ``"R&uuml;ckbau"`` → ``"Rückbau"``; ``"fÃ¼r"`` → ``"für"``.
    """
    if not isinstance(value, str):
        return None
    text = html.unescape(value) if "&" in value else value
    if _MOJIBAKE.search(text):
        with suppress(UnicodeError):  # else not mojibake after all: a real "Ã" in Portuguese
            text = text.encode("cp1252").decode("utf-8")
    return normalize_space(text) or None


def _text_block(value: Any) -> str | None:
    """``articleBody`` keeps its line breaks: they separate the paragraphs."""
    return value.strip() or None if isinstance(value, str) else None


def _keywords(value: Any) -> tuple[str, ...]:
    """``"banjir, Kota Tangerang"`` or ``["banjir", "Kota Tangerang"]`` → both words."""
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(t for t in (normalize_space(str(i)) for i in items) if t))


def _loads(raw: str) -> Any:
    """Parse one ``<script type=application/ld+json>``; None when it is beyond repair."""
    for text in (raw, _TRAILING_COMMA.sub(r"\1", _WRAPPERS.sub("", raw))):
        try:
            return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
            continue
    return None


def _objects(page: Selector) -> Iterator[dict[str, Any]]:
    for raw in find(page.root, "script[type='application/ld+json']::text"):
        yield from _walk(_loads(raw))


def ld_types(page: Selector) -> set[str]:
    """Every ``@type`` the page's JSON-LD declares, ``@graph`` and ``mainEntity`` included."""
    return {kind for obj in _objects(page) for kind in _types(obj)}


def json_ld(page: Selector) -> StructuredData:
    """The first article-typed JSON-LD object (``@graph`` included), dates from its WebPage."""
    article: dict[str, Any] | None = None
    webpage: dict[str, Any] = {}
    site_name = None
    objects = list(_objects(page))
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        kinds = _types(obj)
        if article is None and kinds & ARTICLE_TYPES:
            article = obj
        elif not webpage and kinds & PAGE_TYPES:
            webpage = obj
        elif site_name is None and kinds & SITE_TYPES:
            site_name = _string(obj.get("name"))
    if article is None and not webpage:
        return StructuredData(site_name=site_name)
    art = article or {}
    publisher = art.get("publisher")
    if isinstance(publisher, dict):
        site_name = site_name or _string(publisher.get("name"))

    def field(key: str) -> Any:
        return art.get(key) if art.get(key) else webpage.get(key)

    return StructuredData(
        headline=_string(art.get("headline")) or _string(art.get("name")),
        date_published=_string(field("datePublished")),
        date_created=_string(field("dateCreated")),
        date_modified=_string(field("dateModified")),
        author=_name(art.get("author"), nodes),
        image=_name(field("image"), nodes),
        keywords=_keywords(art.get("keywords")),
        article_body=_text_block(art.get("articleBody")),
        site_name=site_name,
    )


# "meta[property='og:title']::attr(content)": the one query shape MetaIndex answers itself.
_META_QUERY = re.compile(r"^meta\[([\w:-]+)='([^']+)'\]::attr\(content\)$")
_META_KEYS = ("property", "name", "itemprop", "http-equiv")


class MetaIndex:
    """Every ``<meta>`` of a page read once: pages have dozens and fields ask for many."""

    def __init__(self, page: Selector) -> None:
        self.page = page
        self.values: dict[tuple[str, str], str] = {}
        for element in find(page.root, "//meta[@content]"):
            content = element.get("content")
            for key in _META_KEYS:
                if name := element.get(key):
                    self.values.setdefault((key, name), content)

    def get(self, query: str) -> str | None:
        """Like :func:`meta`; ``meta[name='x']::attr(content)`` queries are looked up."""
        match = _META_QUERY.match(query)
        if match is None:
            return meta(self.page, query)
        value = self.values.get((match[1], match[2]))
        return normalize_space(value) or None if value else None


def meta(page: Selector, query: str) -> str | None:
    """The first value a query finds, whitespace-normalized; None when absent or blank."""
    found = find(page.root, query)
    value = found[0] if found else None
    return normalize_space(value) or None if isinstance(value, str) else None
