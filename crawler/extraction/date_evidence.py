"""Evidence for the publication date, strongest source first, each read as an aware datetime,
and gathered by kind in a :class:`DateEvidence`.

Profile → JSON-LD → meta → microdata → ``<time datetime>`` → the visible date near the
headline → htmldate → the URL. :mod:`crawler.extraction.date_settling` then settles the
winner's time of day and zone from what the other candidates agree on. Dates printed in other
blocks (a sidebar's, a comment's, the top bar's today: :mod:`crawler.extraction.own_area`) are
no candidates, whatever their markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

import htmldate

from crawler.extraction.date_line import date_line
from crawler.extraction.date_parsing import parse_published
from crawler.extraction.evidence import Candidate
from crawler.extraction.other_lists import in_list_of_others
from crawler.extraction.page import TEXT_DISTANCE, PageContext
from crawler.extraction.selectors import Element, element_text, texts

FIELD: Final = "published_at"
# Meta tags holding the publication time, with their confidence. detik writes ``publishdate``
# and ``pubdate``, kompas ``content_PublishedDate`` (research/indonesian-formats.md §2).
META_DATES: Final = (
    ("meta article:published_time", "meta[property='article:published_time']::attr(content)", 0.85),
    ("meta datePublished", "meta[itemprop='datePublished']::attr(content)", 0.85),
    ("meta publishdate", "meta[name='publishdate']::attr(content)", 0.8),
    ("meta pubdate", "meta[name='pubdate']::attr(content)", 0.8),
    ("meta content_PublishedDate", "meta[name='content_PublishedDate']::attr(content)", 0.8),
    ("meta og:published_time", "meta[property='og:published_time']::attr(content)", 0.8),
    ("meta parsely-pub-date", "meta[name='parsely-pub-date']::attr(content)", 0.8),
    ("meta sailthru.date", "meta[name='sailthru.date']::attr(content)", 0.75),
    ("meta DC.date.issued", "meta[name='DC.date.issued']::attr(content)", 0.75),
    ("meta dcterms.date", "meta[name='dcterms.date']::attr(content)", 0.75),
    ("meta date", "meta[name='date']::attr(content)", 0.7),
)
# Microdata and <time>: the article's own markup; a sidebar <time> is not in the article.
MARKUP_CONFIDENCE: Final = {
    "itemprop datePublished": 0.8,
    "<time pubdate>": 0.76,
    "<time> by the headline": 0.76,
    "<time> in the article": 0.75,
    "<time class=published>": 0.75,
}
PUBLISHED_TIME_CLASSES: Final = frozenset(
    {"published", "entry-date", "post-date", "date-published"}
)
# Other dates the page declares: never the publication date, but they show how it writes
# times (detik's dateCreated 15:32:01Z beside a visible 15:32 WIB shows its "Z" is false).
CREATED_DATES: Final = (("meta dateCreated", "meta[itemprop='dateCreated']::attr(content)", 0.3),)
ANY_TIME: Final = "<time> on the page"
# How pages print the 1st of January: ISO, day-first numbers, day and month, month and day.
_JANUARY = r"(?:jan|january|januar|januari|janvier|gennaio|enero|janeiro)\.?"
NEW_YEAR_FORMS: Final = (
    r"{year}[-/]01[-/]01",
    r"(?<!\d)0?1[./-]0?1[./-]{year}",
    rf"(?<!\d)0?1(?:st)?\.?\s+{_JANUARY}\s+{{year}}",
    rf"{_JANUARY}\s+0?1(?:st)?,?\s+{{year}}",
)
VISIBLE_CONFIDENCE: Final = 0.7
VISIBLE_CONFIDENCE_STEP: Final = 0.002  # nearer the headline, more likely its own date
UNREAD_SOURCE: Final = "date line near the headline, unreadable"
HTMLDATE_CONFIDENCE: Final = 0.5
URL_CONFIDENCE: Final = 0.4
CREATED_CONFIDENCE: Final = 0.3
EARLIEST: Final = datetime(1995, 1, 1, tzinfo=UTC)
# Basic ISO 8601 as some JSON-LD writes it: "20200316T13:00:00Z" → "2020-03-16T13:00:00Z".
_BASIC_ISO: Final = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?=T\d)")
_URL_DAY: Final = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|-|_|\.|$)")
# A clock: "18:26", "18.26", ISO "T09:30" / basic "T0930" (not "T09-30-00Z", a malformed
# value whose time was never read).
_CLOCK: Final = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.])|T\d\d(?=[:\d])|\d\d:\d\d")
# A relative date read with no fetch time lands in this year, and is dropped as implausible.
_NO_NOW: Final = datetime(1900, 6, 1)


@dataclass
class DateEvidence:
    """Candidates by kind; htmldate is asked only when a rule needs it."""

    machine: list[Candidate]
    visible: list[Candidate]
    created: list[Candidate]
    url: Candidate | None
    htmldate: Callable[[], Candidate | None]

    def everything(self, with_htmldate: bool) -> list[Candidate]:
        extra = [self.htmldate() if with_htmldate else None, self.url]
        return [*self.machine, *self.visible, *(c for c in extra if c), *self.created]


def has_time(candidate: Candidate) -> bool:
    """Whether a time of day was printed.

    ``"22 Januari 2025 18:26 WIB"`` → ``True``; ``"2025-01-22"`` → ``False``.
    """
    value = candidate.value
    if value.hour or value.minute or value.second:
        return True
    return candidate.source not in ("htmldate", "URL") and bool(_CLOCK.search(candidate.raw or ""))


def _parse(ctx: PageContext, raw: str, zone: str) -> datetime | None:
    """Read a date as printed; None unless it is plausible (1995 … a day after the fetch).

    ``"20200316T13:00:00Z"`` → ``2020-03-16 13:00:00+00:00``; ``"2 jam lalu"`` fetched at
    10:20 WIB → ``08:20 WIB``, and None when the fetch time is unknown.
    """
    raw = _BASIC_ISO.sub(r"\1-\2-\3", raw.strip())
    found = parse_published(raw, now=ctx.fetched_at or _NO_NOW, default_tz=zone)
    latest = (ctx.fetched_at or datetime.now(UTC)) + timedelta(days=1)
    if found is None or not EARLIEST <= found <= latest:
        return None
    return found


def _from_queries(
    ctx: PageContext, queries: tuple[tuple[str, str, float], ...], zone: str
) -> Iterator[Candidate]:
    for source, query, confidence in queries:
        raw = ctx.meta(query)
        if raw and (value := _parse(ctx, raw, zone)):
            yield Candidate(FIELD, value, raw, source, confidence)


def machine_candidates(ctx: PageContext, zone: str) -> Iterator[Candidate]:
    """Profile, JSON-LD, meta, microdata and ``<time>`` dates; naive ones are wall time in zone."""
    for query in ctx.fields.published:
        for raw in texts(ctx.sel, query)[:1]:
            if value := _parse(ctx, raw, zone):
                yield Candidate(FIELD, value, raw, "profile", 1.0)
    ld = ctx.ld
    if ld.date_published and (value := _parse(ctx, ld.date_published, zone)):
        yield Candidate(FIELD, value, ld.date_published, "json-ld datePublished", 0.9)
    yield from _from_queries(ctx, META_DATES, zone)
    for source, raw in _markup_dates(ctx):
        if source in MARKUP_CONFIDENCE and (value := _parse(ctx, raw, zone)):
            yield Candidate(FIELD, value, raw, source, MARKUP_CONFIDENCE[source])


def _markup_dates(ctx: PageContext) -> Iterator[tuple[str, str]]:
    """(source, raw) of the first date of each kind of microdata and ``<time>`` markup."""
    seen: set[str] = set()
    for element in ctx.scan.itemprops.get("datePublished", []):
        # Blogger's hAtom: <abbr class="published" itemprop="datePublished" title="…">
        raw = element.get("datetime") or element.get("content") or element.get("title")
        raw = raw or element_text(element)
        if element.tag != "meta" and raw and "itemprop datePublished" not in seen:
            seen.add("itemprop datePublished")
            yield "itemprop datePublished", raw
    near = {id(element) for _, element, _ in ctx.own_near}
    for element in ctx.scan.times:
        raw = element.get("datetime")
        if not raw:
            continue
        kind = None  # a sidebar's, a comment's or the top bar's <time> is just on the page
        if not ctx.own_area.is_in_other_block(element) and not in_list_of_others(
            element, ctx.headline
        ):
            by_headline = any(id(node) in near for node in (element, *element.iterancestors()))
            kind = "<time> by the headline" if by_headline else _time_kind(element)
        for source in (kind, ANY_TIME):
            if source and source not in seen:
                seen.add(source)
                yield source, raw


def _time_kind(element: Element) -> str | None:
    """Which article markup a ``<time>`` is: ``pubdate``, in an ``<article>``, or by class."""
    if element.get("pubdate") is not None:
        return "<time pubdate>"
    if any(node.tag == "article" for node in element.iterancestors()):
        return "<time> in the article"
    if PUBLISHED_TIME_CLASSES & set((element.get("class") or "").split()):
        return "<time class=published>"
    return None


def created_candidates(ctx: PageContext, zone: str) -> Iterator[Candidate]:
    """Dates that only help read the others (see CREATED_DATES)."""
    if ctx.ld.date_created and (value := _parse(ctx, ctx.ld.date_created, zone)):
        yield Candidate(
            FIELD, value, ctx.ld.date_created, "json-ld dateCreated", CREATED_CONFIDENCE
        )
    yield from _from_queries(ctx, CREATED_DATES, zone)
    for source, raw in _markup_dates(ctx):
        if source == ANY_TIME and (value := _parse(ctx, raw, zone)):
            yield Candidate(FIELD, value, raw, source, CREATED_CONFIDENCE)


def visible_candidates(ctx: PageContext, zone: str) -> Iterator[Candidate]:
    """Dates printed next to the headline, read with the Indonesian parser, nearest first;
    not the dates of other blocks there (the site's top bar prints today's).
    """
    for distance, element, text in ctx.own_near:
        if value := _parse(ctx, text, zone):
            confidence = VISIBLE_CONFIDENCE - VISIBLE_CONFIDENCE_STEP * distance
            raw = _tightest(ctx, element, text, value, zone)
            yield Candidate(FIELD, value, raw, "visible near the headline", confidence)
    # Then by the article's text, ranked after every line by the headline.
    for distance, _, text in ctx.text_near:
        if value := _parse(ctx, text, zone):
            confidence = VISIBLE_CONFIDENCE - VISIBLE_CONFIDENCE_STEP * (TEXT_DISTANCE + distance)
            yield Candidate(FIELD, value, text, "visible by the article text", confidence)


def _tightest(ctx: PageContext, element: Element, text: str, value: datetime, zone: str) -> str:
    """The shortest text inside ``element`` that reads as the same instant, as the raw date:
    ``Kamis, 20 Maret 2025 - 13:40 WIB`` from a line that also prints the view count."""
    if isinstance(element, str):
        return text
    best = text
    for inner in element.iterdescendants():
        inner_text = element_text(inner)
        if len(inner_text) < len(best) and _parse(ctx, inner_text, zone) == value:
            best = inner_text
    return best


def unread_date_line(ctx: PageContext) -> Candidate | None:
    """The nearest date line by the headline, as a candidate with no value: none of the
    page's evidence gave a date, and this is the text the date should have been read from.
    """
    for distance, element, text in ctx.own_near:
        if line := date_line(element, text, ctx.own_area.is_in_other_block):
            confidence = VISIBLE_CONFIDENCE - VISIBLE_CONFIDENCE_STEP * distance
            note = "a date line, but no date could be read from it; kept as published_raw"
            return Candidate(FIELD, None, line, UNREAD_SOURCE, confidence, note)
    return None


def htmldate_candidate(ctx: PageContext, zone: str) -> Candidate | None:
    """htmldate's day (a library made for finding it in markup and text); it has no time.

    Never a day only other blocks print: an undated article's sidebar, comments and top bar
    print dates, none of them its own. A day the URL or the ``<head>`` declares is the page's
    own; any other is asked again of the page without those blocks (:mod:`own_area`), which
    costs more than htmldate itself, so only then.
    """
    latest = (ctx.fetched_at or datetime.now(UTC)).date() + timedelta(days=1)
    found = _find_date(ctx, lambda: ctx.sel.root, latest)
    if found and not _declared(ctx, found):
        found = _find_date(ctx, lambda: ctx.own_area.pruned(ctx.sel.root), latest)
    if not found or (found.endswith("-01-01") and not _prints_new_year(ctx.html, found[:4])):
        return None
    value = _parse(ctx, found, zone)
    return Candidate(FIELD, value, found, "htmldate", HTMLDATE_CONFIDENCE) if value else None


def _find_date(ctx: PageContext, page: Callable[[], Element], latest: date) -> str | None:
    try:
        found = htmldate.find_date(
            page(), url=ctx.url, original_date=True, max_date=latest.isoformat()
        )
    except Exception:  # htmldate raises assorted errors on odd pages; that means "no date"
        return None
    return str(found) if found else None


def _declared(ctx: PageContext, day: str) -> bool:
    """Whether the URL or the page's ``<head>`` writes the day as htmldate answers it.

    ``"2025-01-13"`` with ``/2025/01/13/banjir`` or ``<meta content="2025-01-13T09:00">`` → True.
    """
    if any(form in ctx.url for form in (day, day.replace("-", "/"), day.replace("-", ""))):
        return True
    end = ctx.html.find("</head>")
    if end < 0:
        end = ctx.html.find("</HEAD>")
    return end >= 0 and day in ctx.html[:end]


def _prints_new_year(html: str, year: str) -> bool:
    """Whether the page prints 1 January of that year: htmldate answers a bare year with
    January 1st (9 of its 13 such answers on the dates/ set were wrong; the right ones print it).

    ``("… 1. Januar 2023 …", "2023")`` → ``True``.
    """
    return any(re.search(form.format(year=year), html, re.IGNORECASE) for form in NEW_YEAR_FORMS)


def url_candidate(ctx: PageContext, zone: str) -> Candidate | None:
    """A day in the URL path: ``/2025/01/22/banjir-surut/`` → 2025-01-22."""
    match = _URL_DAY.search(ctx.url)
    if match is None:
        return None
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        return None
    value = _parse(ctx, day.isoformat(), zone)
    return Candidate(FIELD, value, match.group(0), "URL", URL_CONFIDENCE) if value else None
