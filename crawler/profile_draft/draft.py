"""The draft itself: sample pages in, a :class:`SiteProfile` and its per-field findings out."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from parsel import Selector

from crawler.extraction import explain_article, extract_article
from crawler.generic.page_kind import (
    LISTING_SHAPES,
    MANY_TEASERS,
    PageKind,
    classify,
    page_signals,
)
from crawler.profile_draft.combine import combined
from crawler.profile_draft.inputs import SamplePage
from crawler.profile_draft.patterns import start_paths, url_patterns
from crawler.profile_draft.search import (
    RECORD_FIELD,
    SEARCHED_FIELDS,
    FieldResult,
    Sample,
    search_field,
)
from crawler.profiles import Discovery, SiteProfile
from crawler.urls import bare_host

# A site id is a file stem and a folder name: untrusted input must never name a path.
SITE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# Running text an article needs, when the crawl's classifier had doubts.
MIN_ARTICLE_CHARS = 300
_TITLE_SPLIT = re.compile(r"\s[|\-–—»:]\s")
_ZONES = {7: "Asia/Jakarta", 8: "Asia/Makassar", 9: "Asia/Jayapura"}
_NEXT_PAGE = (
    "a.next::attr(href)",
    "a[rel~='next']::attr(href)",
    "a.next.page-numbers::attr(href)",
    "link[rel='next']::attr(href)",
)


class DraftError(ValueError):
    """Input a profile cannot be drafted from; the message is one line."""


@dataclass(frozen=True)
class Draft:
    profile: SiteProfile
    results: list[FieldResult]
    articles: list[SamplePage]
    listings: list[SamplePage]
    ignored: list[tuple[SamplePage, str]] = field(default_factory=list)


def check_site_id(site_id: str) -> str:
    if not SITE_ID.match(site_id):
        raise DraftError(
            f"bad site id {site_id!r}: lower-case letters, digits, '-' and '_' only "
            "(it names a file, so no path separators)"
        )
    return site_id


def _sample(page: SamplePage) -> Sample:
    html, url, when = page.html, page.url, page.fetched_at
    return Sample(html, url, when, Selector(text=html), extract_article(html, url, fetched_at=when))


def _kind(sample: Sample) -> PageKind:
    """The crawl's classifier, less strict for articles: the pages were picked by a person, so
    a page whose URL may be an article's and that yields a headline and running text is one
    (undated pages and pages with a few "Baca juga" teasers included)."""
    signals = page_signals(sample.page, sample.url)
    kind = classify(signals)
    if kind is PageKind.ARTICLE:
        return kind
    article = sample.generic
    if (
        signals.shape not in LISTING_SHAPES
        and signals.teasers < MANY_TEASERS
        and article.title
        and len(article.body_text) >= MIN_ARTICLE_CHARS
    ):
        return PageKind.ARTICLE
    return kind


def _timezone(samples: list[Sample]) -> str:
    offsets: Counter[int] = Counter()
    for sample in samples:
        when = sample.generic.published_at
        if when is not None and (delta := when.utcoffset()) is not None:
            offsets[int(delta.total_seconds() // 3600)] += 1
    common = offsets.most_common(1)
    return _ZONES.get(common[0][0], "Asia/Jakarta") if common else "Asia/Jakarta"


def _name(samples: list[Sample], netloc: str) -> str:
    """``og:site_name``, else the part of ``<title>`` every sample shares (``… | Pemkot X``)."""
    page = samples[0].page
    if value := (page.css("meta[property='og:site_name']::attr(content)").get() or "").strip():
        return value
    shared: set[str] | None = None
    for sample in samples:
        title = sample.page.css("title::text").get() or ""
        parts = {p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()}
        shared = parts if shared is None else shared & parts
    return sorted(shared or {netloc}, key=len)[-1]


def _next_page(listings: list[SamplePage], profile: SiteProfile) -> tuple[str, ...]:
    for query in _NEXT_PAGE:
        hrefs = [Selector(text=p.html).css(query).get() for p in listings]
        if any(hrefs) and all(profile.is_listing_url(profile.absolute(h)) for h in hrefs if h):
            return (query,)
    return ()


def _feeds(page: Selector) -> tuple[str, ...]:
    found = page.css("link[rel='alternate'][type*='xml']::attr(href)").getall()
    return tuple(urlsplit(f).path or "/" for f in dict.fromkeys(found))[:2]


def draft_profile(
    site_id: str, pages: list[SamplePage], *, sitemaps: tuple[str, ...] = ()
) -> Draft:
    """Classify the pages, run generic extraction on the articles, search each field's selector,
    and put the profile together; a field whose selector spoils another is left out."""
    check_site_id(site_id)
    hosts = {bare_host(urlsplit(p.url).netloc) for p in pages}
    if len(hosts) != 1:
        raise DraftError(
            f"the pages come from {len(hosts)} portals ({', '.join(sorted(hosts))}); "
            "give one portal's"
        )
    articles, listings, ignored, samples = [], [], [], []
    for page in pages:
        sample = _sample(page)
        kind = _kind(sample)
        if kind is PageKind.ARTICLE:
            articles.append(page)
            samples.append(sample)
        elif kind is PageKind.LISTING:
            listings.append(page)
        else:
            ignored.append((page, "neither an article nor a listing"))
    if not articles:
        raise DraftError("no article page among the inputs (generic extraction found none)")
    first = urlsplit(articles[0].url)
    article_patterns = url_patterns([p.url for p in articles], slugs=True)
    listing_patterns = url_patterns([p.url for p in listings], slugs=False)
    base = SiteProfile(
        site_id=site_id,
        name=_name(samples, first.netloc),
        base_url=f"{first.scheme}://{first.netloc}/",
        timezone=_timezone(samples),
    )
    results = [search_field(name, samples, base) for name in SEARCHED_FIELDS]
    profile = combined(base, results, samples)
    results = _with_generic_sources(results, samples[0])
    discovery = Discovery(
        start_urls=tuple(start_paths([p.url for p in listings])) or ("/",),
        article_url_patterns=tuple(
            re.compile(p) for p in article_patterns if not _hits(p, listings)
        ),
        listing_url_patterns=tuple(re.compile(p) for p in listing_patterns),
        feeds=_feeds(samples[0].page),
        sitemaps=sitemaps,
    )
    profile = replace(profile, discovery=discovery)
    profile = replace(
        profile, discovery=replace(discovery, next_page=_next_page(listings, profile))
    )
    return Draft(profile, results, articles, listings, ignored)


def _with_generic_sources(results: list[FieldResult], sample: Sample) -> list[FieldResult]:
    """A field left without a selector says where generic extraction (``--explain``) finds it."""
    explained = explain_article(sample.html, sample.url, fetched_at=sample.fetched_at)
    named = []
    for result in results:
        won = [c for c in explained.get(RECORD_FIELD[result.field], []) if c.get("won")]
        if result.selector is None and won and sample.has(result.field):
            source = won[0]["source"]
            reason = f"{result.reason}; on {sample.url} generic extraction reads it from {source}"
            result = FieldResult(result.field, None, reason)
        named.append(result)
    return named


def _hits(pattern: str, listings: list[SamplePage]) -> bool:
    """An article pattern that also matches a listing URL is too loose to keep."""
    return any(re.search(pattern, urlsplit(p.url).path or "/") for p in listings)
