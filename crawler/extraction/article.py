"""``extract_article``: one page in, one :class:`Article` out, with no network or database.

Each field tries the profile's selectors first, then the generic evidence the page carries
(JSON-LD, OpenGraph and meta tags, ``<time>``, the visible text around the headline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain
from urllib.parse import urljoin, urlsplit

import trafilatura
from parsel import Selector

from crawler.extraction.dates import parse_published
from crawler.extraction.numbers import parse_view_count
from crawler.extraction.record import Article
from crawler.extraction.selectors import all_texts, first_text, select, texts
from crawler.extraction.structured import PUBLISHED_META, TIME_ELEMENTS, json_ld, meta
from crawler.extraction.text import clean_body, normalize_space
from crawler.profiles import FieldSelectors, SiteProfile
from crawler.urls import canonicalize_url, same_site

GENERIC_TITLE = ("article h1", "main h1", "h1")
GENERIC_BODY = ("[itemprop='articleBody'] p", ".entry-content > p", ".post-content > p")
GENERIC_TAGS = ("a[rel~='tag']", "meta[property='article:tag']::attr(content)")
GENERIC_AUTHOR = ("meta[name='author']::attr(content)", "[rel='author']")
GENERIC_IMAGE = ("meta[property='og:image']::attr(content)", "link[rel='image_src']::attr(href)")
# Blocks that hold other articles' titles, dates and counts, or no article text at all.
# ``form`` is not among them: ASP.NET portals wrap the whole page in one.
NOISE = "script, style, noscript, nav, aside, iframe, template"
VIEW_LABEL = re.compile(r"(?i)dibaca|dilihat|views?\b|hits\b|pembaca|\N{EYE}")
# The headline's neighbourhood: where a portal prints the date and view count of *this*
# article, as opposed to the sidebars and related lists that print other articles'.
NEAR_HEADLINE = (
    "(//h1)[1]/following-sibling::*[position() <= 3]",
    "(//h1)[1]/preceding-sibling::*[position() <= 2]",
    "(//h1)[1]/parent::*/following-sibling::*[position() <= 2]",
    "(//h1)[1]/parent::*/preceding-sibling::*[position() <= 2]",
)
_NO_PROFILE = FieldSelectors()


def canonical_url(page: Selector, url: str) -> str:
    """The page's ``rel=canonical`` when it names a page (not the home) of the same site.

    Portals often point every page's canonical at the home page, so that one is ignored.
    """
    link = page.css("link[rel='canonical']::attr(href)").get()
    if link:
        candidate = canonicalize_url(urljoin(url, link.strip()))
        if same_site(candidate, urlsplit(url).netloc) and urlsplit(candidate).path not in {"", "/"}:
            return candidate
    return canonicalize_url(url)


def _published(
    page: Selector, sel: FieldSelectors, ld_date: str | None, tz: str
) -> tuple[datetime | None, str | None]:
    """The first candidate that parses wins; else the first selected raw text is kept.

    Candidates are produced lazily: most pages are settled by their first one.
    """
    first_raw = None
    for raw in _date_candidates(page, sel, ld_date):
        first_raw = first_raw or raw
        parsed = parse_published(raw, default_tz=tz)
        if parsed is not None:
            return parsed, raw
    for raw in _near_headline(page):
        parsed = parse_published(raw, default_tz=tz)
        if parsed is not None:
            return parsed, raw
    return None, first_raw


def _date_candidates(page: Selector, sel: FieldSelectors, ld_date: str | None) -> Iterator[str]:
    for query in sel.published:
        yield from texts(page, query)[:1]
    if ld_date:
        yield ld_date
    for query in (*PUBLISHED_META, *TIME_ELEMENTS):
        value = meta(page, query)
        if value:
            yield value


def _near_headline(page: Selector) -> Iterator[str]:
    for query in NEAR_HEADLINE:
        yield from (t for t in texts(page, query) if len(t) < 200)


def _view_count(page: Selector, sel: FieldSelectors) -> int | None:
    """Profile selectors first, then a labelled count (``Dibaca : 61``) near the headline."""
    profile_texts = (t for q in (*sel.view_count, *sel.published) for t in texts(page, q)[:1])
    labelled = (t for t in _near_headline(page) if VIEW_LABEL.search(t))
    for text in chain(profile_texts, labelled):
        count = parse_view_count(text)
        if count is not None:
            return count
    return None


def _body(page: Selector, sel: FieldSelectors, header: tuple[str | None, ...]) -> list[str]:
    """Profile paragraphs, else the usual CMS containers, else trafilatura's main text.

    Generic extractors repeat the headline and the date line as paragraphs; those go.
    """
    paragraphs = all_texts(page, sel.body) if sel.body else []
    if not paragraphs:
        paragraphs = all_texts(page, GENERIC_BODY)
    if not paragraphs:
        extracted = trafilatura.extract(page.root, include_comments=False, include_tables=False)
        paragraphs = extracted.split("\n") if extracted else []
    repeated = {normalize_space(h).casefold() for h in header if h}
    return [p for p in clean_body(paragraphs) if p.casefold() not in repeated]


def _tags(page: Selector, sel: FieldSelectors, keywords: tuple[str, ...]) -> tuple[str, ...]:
    found = all_texts(page, sel.tags) or all_texts(page, GENERIC_TAGS) or list(keywords)
    return tuple(dict.fromkeys(found))


def extract_article(
    html: str,
    url: str,
    profile: SiteProfile | None = None,
    *,
    fetched_at: datetime | None = None,
) -> Article:
    """Extract the article record from a page's HTML (already decoded to text).

    ``url`` is where the page was fetched from; the record carries its canonical form.
    Fields the page lacks come back as ``None`` (or empty); validation decides later.
    """
    page = Selector(text=html or "<html></html>", base_url=url)
    sel = profile.fields if profile else _NO_PROFILE
    tz = profile.timezone if profile else "Asia/Jakarta"
    ld = json_ld(page)
    title = (
        first_text(page, sel.title)
        or ld.headline
        or meta(page, "meta[property='og:title']::attr(content)")
        or first_text(page, GENERIC_TITLE)
        or first_text(page, ("title",))
    )
    published_at, published_raw = _published(page, sel, ld.date_published, tz)
    view_count = _view_count(page, sel)
    author = first_text(page, sel.author) or ld.author or first_text(page, GENERIC_AUTHOR)
    image = first_text(page, sel.image) or ld.image or first_text(page, GENERIC_IMAGE)

    for query in (*sel.exclude, NOISE):
        select(page, query).drop()
    tags = _tags(page, sel, ld.keywords)
    page.css("footer").drop()
    body = _body(page, sel, (title, published_raw))
    return Article(
        url=canonical_url(page, url),
        site_id=profile.site_id if profile else (urlsplit(url).hostname or "unknown"),
        title=normalize_space(title) or None if title else None,
        published_at=published_at,
        published_raw=published_raw,
        view_count=view_count,
        tags=tags,
        author=author,
        body_text="\n\n".join(body),
        image_url=urljoin(url, image) if image else None,
        fetched_at=fetched_at or datetime.now(UTC),
    )
