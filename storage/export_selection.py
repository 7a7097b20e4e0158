"""Which articles an export takes: its filters, read into SQL conditions on ``articles``.

Dates are days in WIB, both ends included, as search reads them; an undated article is left
out when a date bound is given. ``query`` is search's language (``storage.search_query``),
matched in the FTS5 index, so it needs an SQLite archive. One per cluster keeps, of each
cluster's copies that pass the other filters, the first one archived (the lowest id).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, Select, func, select, text

from storage import search_index
from storage.errors import StorageError
from storage.models import Article, ArticleTag, Site, Tag
from storage.search_index import SEARCH_TABLE
from storage.search_query import SearchQueryError, parse, to_match
from storage.search_sql import wib_day_start


class SelectionError(StorageError):
    """Filters that cannot select anything meaningful; the message is one line for a person."""


@dataclass(frozen=True)
class ExportFilters:
    site_ids: tuple[str, ...] = ()  # any of these portals
    since: date | None = None  # published on or after this day (WIB)
    until: date | None = None  # published on or before this day (WIB)
    tag: str | None = None  # carries this tag (case ignored)
    query: str | None = None  # search's language, e.g. 'banjir -jakarta'
    one_per_cluster: bool = False  # of copies across portals, only the first archived

    def as_dict(self) -> dict[str, Any]:
        """The filters as the datapackage records them: plain JSON values, always every key."""
        return {
            "site_ids": sorted(self.site_ids),
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "tag": self.tag,
            "query": self.query,
            "one_per_cluster": self.one_per_cluster,
        }


@dataclass(frozen=True)
class Selection:
    """The filters made SQL: ``conditions`` apply to ``articles`` in the caller's query."""

    filters: ExportFilters
    match: str | None  # the FTS5 expression ``query`` became

    def conditions(self) -> list[ColumnElement[bool]]:
        found = self.filters
        where = self._filtered()
        if found.one_per_cluster:
            first = (
                select(func.min(Article.id))
                .where(*where)
                .group_by(func.coalesce(Article.cluster_id, Article.id))
            )
            return [Article.id.in_(first)]
        return where

    def ids(self) -> Select[Any]:
        """The selected articles' ids, for the tables that hang off an article."""
        return select(Article.id).where(*self.conditions())

    def _filtered(self) -> list[ColumnElement[bool]]:
        found = self.filters
        where: list[ColumnElement[bool]] = []
        if found.site_ids:
            where.append(Article.site_id.in_(found.site_ids))
        if found.since is not None:
            where.append(Article.published_at >= wib_day_start(found.since))
        if found.until is not None:
            where.append(Article.published_at < wib_day_start(found.until + timedelta(days=1)))
        if found.tag is not None:
            tagged = (
                select(ArticleTag.article_id)
                .join(Tag, Tag.id == ArticleTag.tag_id)
                .where(func.lower(Tag.name) == func.lower(found.tag))
            )
            where.append(Article.id.in_(tagged))
        if self.match is not None:
            matching = (
                text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match")
                .bindparams(match=self.match)
                .columns(rowid=Integer)
            )
            where.append(Article.id.in_(matching))
        return where


def select_articles(conn: Connection, filters: ExportFilters) -> Selection:
    """Check the filters against the archive; SelectionError says in one line what is wrong."""
    if filters.since and filters.until and filters.since > filters.until:
        raise SelectionError(f"--until {filters.until} is before --since {filters.since}")
    if filters.site_ids:
        known = set(conn.scalars(select(Site.site_id).where(Site.site_id.in_(filters.site_ids))))
        unknown = [site for site in dict.fromkeys(filters.site_ids) if site not in known]
        if unknown:
            every = sorted(conn.scalars(select(Site.site_id)))
            listed = ", ".join(every[:20]) + (", …" if len(every) > 20 else "")
            raise SelectionError(
                f"unknown site {', '.join(map(repr, unknown))}: "
                f"this archive has {listed or 'no sites yet'}"
            )
    if filters.query is None:
        return Selection(filters, None)
    try:
        match = to_match(parse(filters.query))
    except SearchQueryError as exc:
        raise SelectionError(f"cannot read the query: {exc}") from exc
    if not search_index.enabled(conn):
        raise SelectionError("--query needs the search index, which only an SQLite archive has")
    return Selection(filters, match)
