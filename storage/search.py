"""Searching the archive: a query and filters in; ranked hits with highlights and a total out.

Ranking is FTS5's bm25 with a title worth ten times the body and tags four times; a word
found as written also scores in the exact columns, so it ranks above one found only by its
stem. Dates in filters are days in WIB (Asia/Jakarta), both ends included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal, Protocol

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import OperationalError

from storage.errors import StorageError
from storage.models import Article, Site
from storage.search_query import SearchQueryError, Term, parse, to_match
from storage.search_snippets import Segment, highlight, snippet
from storage.search_sql import RANK_WINDOW, SearchFilters, Searching

__all__ = [
    "COUNT_BY",
    "SORTS",
    "CountBy",
    "SearchFilters",
    "SearchHit",
    "SearchResults",
    "SearchUnavailableError",
    "Sort",
    "count_by",
    "month_site_counts",
    "search",
]

Sort = Literal["relevance", "date"]
CountBy = Literal["month", "site"]
SORTS: Final = ("relevance", "date")
COUNT_BY: Final = ("month", "site")
UNDATED: Final = "undated"


class SearchUnavailableError(StorageError):
    """The archive has no search index: search needs an SQLite archive."""


class HasEngine(Protocol):
    @property
    def engine(self) -> Engine: ...


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    url: str
    site_id: str
    timezone: str  # the portal's zone, e.g. "Asia/Makassar", to show published_at in
    title: str
    published_at: datetime | None  # aware, UTC
    view_count: int | None  # the latest count
    removed: bool  # taken down by the portal (still in the archive)
    score: float | None  # bm25, lower is a better match; None when sorted by date
    title_marked: tuple[Segment, ...]  # the whole title, matched words marked
    snippet: tuple[Segment, ...]  # a stretch of the body, matched words marked
    revision_count: int = 1  # more than 1: the portal edited it after Warta first saw it


@dataclass(frozen=True)
class SearchResults:
    query: str
    match: str  # the FTS5 MATCH expression the query became
    total: int  # every matching article, not only this page
    hits: tuple[SearchHit, ...]
    sort: Sort
    limit: int
    offset: int
    windowed: bool = False  # more than RANK_WINDOW matched: ranked among the newest archived


def search(
    source: Engine | Connection | HasEngine,
    query: str,
    filters: SearchFilters | None = None,
    *,
    sort: Sort = "relevance",
    limit: int = 20,
    offset: int = 0,
    stemmed: bool = True,
    total: int | None = None,
) -> SearchResults:
    """One page of hits for query (see storage.search_query for the language), best first or
    newest first. Raises SearchQueryError for a malformed query, SearchUnavailableError on
    an archive without the index. A caller that has counted the matches already (see
    month_site_counts) passes ``total`` to spare the count."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must be >= 0")
    parsed = parse(query)
    searching = Searching(to_match(parsed, stemmed=stemmed), filters or SearchFilters())
    with _connected(source) as conn, _readable_errors():
        total = searching.count(conn) if total is None else total
        window = max(RANK_WINDOW, offset + limit)
        floor = searching.floor(conn, window) if sort == "relevance" and total > window else None
        page = searching.page(conn, by_date=sort == "date", limit=limit, offset=offset, floor=floor)
        details = _details(conn, [article_id for article_id, _ in page])
    terms = parsed.terms()
    hits = tuple(
        _hit(details[article_id], score, terms, stemmed)
        for article_id, score in page
        if article_id in details
    )
    return SearchResults(
        query, searching.match, total, hits, sort, limit, offset, floor is not None
    )


def count_by(
    source: Engine | Connection | HasEngine,
    query: str,
    filters: SearchFilters | None = None,
    by: CountBy = "month",
    *,
    stemmed: bool = True,
) -> list[tuple[str, int]]:
    """Matching articles per month (WIB, oldest first; ``undated`` last) or per portal (most
    first): ``[("2025-01", 12), ("2025-02", 3)]``."""
    if by not in COUNT_BY:
        raise ValueError(f"count by one of {', '.join(COUNT_BY)}, not {by!r}")
    searching = Searching(to_match(parse(query), stemmed=stemmed), filters or SearchFilters())
    with _connected(source) as conn, _readable_errors():
        rows = searching.grouped(conn, by)
    if by == "site":
        return sorted(((str(key), n) for key, n in rows), key=lambda row: (-row[1], row[0]))
    dated = sorted((key, n) for key, n in rows if key is not None)
    return dated + [(UNDATED, n) for key, n in rows if key is None]


def month_site_counts(
    source: Engine | Connection | HasEngine,
    query: str,
    filters: SearchFilters | None = None,
    *,
    stemmed: bool = True,
) -> list[tuple[str, str, int]]:
    """Matching articles per (WIB month or ``undated``, portal), oldest month first: one
    query for what count_by would answer by month and by portal in two."""
    searching = Searching(to_match(parse(query), stemmed=stemmed), filters or SearchFilters())
    with _connected(source) as conn, _readable_errors():
        rows = searching.by_month_and_site(conn)
    dated = sorted((month, site, n) for month, site, n in rows if month is not None)
    return dated + sorted((UNDATED, site, n) for month, site, n in rows if month is None)


def _details(conn: Connection, ids: Sequence[int]) -> dict[int, Any]:
    if not ids:
        return {}
    rows = conn.execute(
        select(
            *(Article.id, Article.url, Article.site_id, Site.timezone, Article.title),
            *(Article.published_at, Article.view_count, Article.removed_at, Article.body_text),
            Article.revision_count,
        )
        .join(Site, Site.site_id == Article.site_id)
        .where(Article.id.in_(ids))
    )
    return {row.id: row for row in rows}


def _hit(row: Any, score: float | None, terms: Sequence[Term], stemmed: bool) -> SearchHit:
    return SearchHit(
        article_id=row.id,
        url=row.url,
        site_id=row.site_id,
        timezone=row.timezone,
        title=row.title,
        published_at=row.published_at,
        view_count=row.view_count,
        removed=row.removed_at is not None,
        score=score,
        title_marked=highlight(row.title, terms, stemmed=stemmed),
        snippet=snippet(row.body_text, terms, stemmed=stemmed),
        revision_count=row.revision_count,
    )


@contextmanager
def _readable_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        message = str(exc.orig)
        if "no such table" in message:
            raise SearchUnavailableError("search needs an SQLite archive with its index") from exc
        if "fts5" in message:  # never expected: every term reaches FTS5 quoted
            raise SearchQueryError(f"the query could not be read: {message}") from exc
        raise


@contextmanager
def _connected(source: Engine | Connection | HasEngine) -> Iterator[Connection]:
    """A connection from whatever the caller holds; search never writes."""
    if source.engine.dialect.name != "sqlite":
        raise SearchUnavailableError("search needs an SQLite archive (this one is not)")
    if isinstance(source, Connection):
        yield source
        return
    with source.engine.connect() as conn:
        yield conn
