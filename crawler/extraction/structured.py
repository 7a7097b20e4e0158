"""Machine-readable article metadata a page carries: JSON-LD, OpenGraph, meta and ``<time>``.

These are the generic fallbacks after a profile's selectors: most CMSs emit at least one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parsel import Selector

from crawler.extraction.text import normalize_space

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "WebPage"}
)

# Meta tags that hold a publication time, strongest first. detik writes ``publishdate``,
# kompas ``content_PublishedDate`` (research/indonesian-formats.md §2).
PUBLISHED_META = (
    "meta[property='article:published_time']::attr(content)",
    "meta[itemprop='datePublished']::attr(content)",
    "meta[name='publishdate']::attr(content)",
    "meta[name='pubdate']::attr(content)",
    "meta[name='content_PublishedDate']::attr(content)",
    "meta[name='date']::attr(content)",
    "meta[name='DC.date.issued']::attr(content)",
)
TIME_ELEMENTS = (
    "article time[datetime]::attr(datetime)",
    "time[itemprop='datePublished']::attr(datetime)",
    "time.published::attr(datetime)",
    "time.entry-date::attr(datetime)",
)


@dataclass(frozen=True)
class StructuredData:
    """What JSON-LD said about the page's article, when it said anything."""

    headline: str | None = None
    date_published: str | None = None
    author: str | None = None
    image: str | None = None
    keywords: tuple[str, ...] = ()


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for child in node:
            yield from _walk(child)
    elif isinstance(node, dict):
        yield node
        yield from _walk(node.get("@graph", []))


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _name(value: Any) -> str | None:
    """JSON-LD people and images come as a string, an object or a list of either."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name") or value.get("url")
    return normalize_space(value) or None if isinstance(value, str) else None


def _keywords(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(t for t in (normalize_space(str(i)) for i in items) if t)


def json_ld(page: Selector) -> StructuredData:
    """The first article-typed JSON-LD object, ``@graph`` included; broken JSON is skipped."""
    for raw in page.css("script[type='application/ld+json']::text").getall():
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for obj in _walk(data):
            if not _types(obj) & ARTICLE_TYPES or (
                "WebPage" in _types(obj) and len(_types(obj)) == 1
            ):
                continue
            headline = obj.get("headline")
            published = obj.get("datePublished")
            return StructuredData(
                headline=normalize_space(headline) or None if isinstance(headline, str) else None,
                date_published=published if isinstance(published, str) else None,
                author=_name(obj.get("author")),
                image=_name(obj.get("image")),
                keywords=_keywords(obj.get("keywords")),
            )
    return StructuredData()


def meta(page: Selector, query: str) -> str | None:
    value = page.css(query).get()
    return normalize_space(value) or None if value else None
