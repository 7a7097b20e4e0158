"""Per field, the simplest selector that reproduces generic extraction on every sample page.

A candidate must first pass a cheap check on every page (one node whose text reads as the
winning value; nothing where the page has no value), then the real one: the profile's own
extraction with that selector alone gives the same value as generic extraction did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawler.extraction import Article, extract_article
from crawler.extraction.date_parsing import parse_published
from crawler.extraction.selectors import Element, element_text, find, texts
from crawler.extraction.view_counts import parse_view_count
from crawler.profile_draft.candidates import selectors_for
from crawler.profiles import FieldSelectors, SiteProfile

# Profile field → the record key it fills.
RECORD_FIELD = {
    "title": "title",
    "published": "published_at",
    "view_count": "view_count",
    "author": "author",
    "image": "image_url",
    "tags": "tags",
    "body": "body_text",
}
# Searched in this order, which is also their importance when selectors clash.
SEARCHED_FIELDS = ("title", "published", "view_count", "body", "tags", "author", "image")
# Longer than this, a node holds more than the value (a whole meta line, a paragraph).
_MAX_VALUE_CHARS = {"title": 300, "published": 120, "view_count": 60, "author": 100}
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "head", "html", "body"})
# A class or id token naming a sidebar block, by its start or end: ``widget_popular_posts``,
# ``berita-terpopuler``; not ``elementor-widget-theme-post-content``, Elementor's article body.
_SIDEBAR_WORDS = re.compile(
    r"^(?:sidebar|widget|side-|populer|terpopuler|popular|related|terkait|trending)"
    r"|(?:sidebar|populer|popular|terkait|related|trending)$"
)
_MAX_TRIED = 60  # candidates per field that reach the real check


@dataclass(frozen=True)
class Sample:
    """An article page with what generic extraction made of it."""

    html: str
    url: str
    fetched_at: datetime
    page: Selector
    generic: Article

    def value(self, field: str) -> Any:
        return getattr(self.generic, RECORD_FIELD[field])

    def has(self, field: str) -> bool:
        """Whether generic extraction found a value (a count of 0 is one)."""
        return self.value(field) not in (None, "", ())


@dataclass(frozen=True)
class FieldResult:
    field: str
    selector: str | None
    reason: str  # why there is none, or where the selector came from


Match = Callable[[str], bool]


def same(a: Any, b: Any) -> bool:
    """Equal as the record prints them: 13:30+00:00 is not 20:30+07:00 there."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a.isoformat() == b.isoformat()
    return bool(a == b)


def _matcher(field: str, sample: Sample, timezone: str) -> Match:
    """Whether a node's text (or attribute) reads as the sample's winning value."""
    want = sample.value(field)
    limit = _MAX_VALUE_CHARS.get(field, 2000)
    if field == "published":
        return lambda text: (
            len(text) <= limit
            and same(parse_published(text, now=sample.fetched_at, default_tz=timezone), want)
        )
    if field == "view_count":
        return lambda text: len(text) <= limit and parse_view_count(text) == want
    if field == "image":
        return lambda text: urljoin(sample.url, text.strip()) == want
    return lambda text: text == want


def _elements(page: Selector) -> Iterator[Element]:
    """Elements that may hold a value: the body's, and the head's ``<meta>`` (never ``<title>``,
    which carries the site's name on the next page)."""
    for element in page.root.iter():
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
            continue
        if element.tag == "meta" or not any(a.tag == "head" for a in element.iterancestors()):
            yield element


def _innermost(found: list[Element]) -> list[Element]:
    """Drop nodes that hold another found node: ``<div><span>61</span></div>`` → the span."""
    holders = {a for e in found for a in e.iterancestors()}
    return [e for e in found if e not in holders]


def _node_candidates(field: str, sample: Sample, match: Match) -> list[str]:
    """Selectors for every node of the page that holds the value, innermost first."""
    texts_found: list[Element] = []
    attributes: list[str] = []
    for element in _elements(sample.page):
        for name in ("content", "datetime", "src"):
            value = element.get(name)
            if value and match(value):
                attributes += [f"{s}::attr({name})" for s in selectors_for(element)]
        if field != "image" and match(element_text(element)):
            texts_found.append(element)
    found: list[str] = []
    for element in _innermost(texts_found):
        found += selectors_for(element)
    return [*found, *attributes]


def _list_candidates(field: str, sample: Sample) -> list[str]:
    """Tags: selectors for the element holding the first tag; body: for the paragraphs' parent."""
    want = sample.value(field)
    first = want[0] if field == "tags" else str(want).split("\n\n")[0]
    holders = [e for e in _elements(sample.page) if element_text(e) == first]
    found: list[str] = []
    for element in _innermost(holders):
        if field == "tags":
            found += selectors_for(element)
        elif (parent := element.getparent()) is not None:
            found += [
                q
                for child in _body_children(parent, want)
                for q in selectors_for(parent, child=child)
            ]
    return found


def _body_children(parent: Element, body: str) -> list[str]:
    """How the body's blocks sit in their container: ``> p``, or ``> :is(p, h2)`` when
    subheadings or lists are part of the text."""
    paragraphs = set(body.split("\n\n"))
    tags = [
        str(c.tag)
        for c in parent.iterchildren()
        if isinstance(c.tag, str) and element_text(c) in paragraphs
    ]
    kinds = list(dict.fromkeys(tags))
    if len(kinds) <= 1:
        return [f"> {t}" for t in kinds]
    return [f"> :is({', '.join(kinds)})", f"> {kinds[0]}"]


def in_sidebar(node: Element) -> bool:
    """Inside an ``<aside>`` or a block named for a sidebar, widget, popular or related list."""
    if isinstance(node, str) or not hasattr(node, "iterancestors"):
        return False  # an attribute's value: ``meta::attr(content)`` and the like
    for element in (node, *node.iterancestors()):
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
        if element.tag == "aside" or any(_SIDEBAR_WORDS.search(n) for n in names):
            return True
    return False


def _cheap_check(field: str, query: str, samples: list[Sample], timezone: str) -> bool:
    for sample in samples:
        if any(in_sidebar(node) for node in find(sample.page.root, query)):
            return False
        found = texts(sample.page, query)
        want = sample.value(field)
        if not sample.has(field):
            if found:
                return False
        elif field == "tags":
            if tuple(dict.fromkeys(found)) != tuple(want):
                return False
        elif field == "body":
            if not found:
                return False
        elif len(found) != 1 or not _matcher(field, sample, timezone)(found[0]):
            return False
    return True


def extracts_same(profile: SiteProfile, samples: list[Sample], fields: list[str]) -> list[str]:
    """The fields whose value differs from generic extraction's on some sample page."""
    wrong: list[str] = []
    for sample in samples:
        got = extract_article(sample.html, sample.url, profile, fetched_at=sample.fetched_at)
        for field in fields:
            if (
                not same(getattr(got, RECORD_FIELD[field]), sample.value(field))
                and field not in wrong
            ):
                wrong.append(field)
    return wrong


def search_field(field: str, samples: list[Sample], base: SiteProfile) -> FieldResult:
    """The simplest selector for ``field`` that holds on every sample, or why there is none."""
    with_value = [s for s in samples if s.has(field)]
    if not with_value:
        return FieldResult(field, None, "no sample page has a value for it")
    candidates: list[str] = []
    for sample in with_value[:2]:
        if field in ("tags", "body"):
            candidates += _list_candidates(field, sample)
        else:
            candidates += _node_candidates(field, sample, _matcher(field, sample, base.timezone))
    candidates = list(dict.fromkeys(candidates))
    passing = [q for q in candidates if _cheap_check(field, q, samples, base.timezone)]
    for query in passing[:_MAX_TRIED]:
        trial = SiteProfile(
            site_id=base.site_id,
            name=base.name,
            base_url=base.base_url,
            timezone=base.timezone,
            fields=FieldSelectors(**{field: (query,)}),
        )
        if not extracts_same(trial, samples, [field]):
            return FieldResult(field, query, "holds on every sample page")
    if not candidates:
        return FieldResult(field, None, "no element holds the value generic extraction found")
    return FieldResult(
        field, None, f"none of {len(candidates)} candidate selectors holds on every sample page"
    )
