"""The SQL behind search: FTS5 MATCH joined to ``articles`` with the filters, written by hand.

``CROSS JOIN`` makes SQLite walk the full-text matches first and look each article up by id;
left to itself it may walk a portal's whole index (``site_id``) and ask FTS5 about every
article, forty times slower. The look-up reads a narrow covering index, not the wide rows
(three times faster at 100,000 articles). bm25 costs a few microseconds an article, so a
query matching more than ``RANK_WINDOW`` articles is ranked among its most recently archived
ones (the highest ids), which keeps a query for a word in most articles near 50 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy import BindParameter, Connection, TextClause, bindparam, text

from storage.models import UTCDateTime
from storage.search_index import SEARCH_TABLE

WIB: Final = ZoneInfo("Asia/Jakarta")
# bm25 weights, in the index's column order: title, body, tags, then their stems.
WEIGHTS: Final = (10.0, 1.0, 4.0, 10.0, 1.0, 4.0)
RANK_WINDOW: Final = 10_000
# Covers every column a filter or the date order reads (made by migration 0012).
FILTER_INDEX: Final = "ix_articles_id_published_at_site_id_author"
_SCORE: Final = f"bm25({SEARCH_TABLE}, {', '.join(map(repr, WEIGHTS))})"
_MONTH: Final = "strftime('%Y-%m', a.published_at, '+7 hours')"  # WIB keeps no DST
_BY_DATE: Final = "a.published_at IS NULL, a.published_at DESC, f.rowid DESC"


@dataclass(frozen=True)
class SearchFilters:
    site_ids: tuple[str, ...] = ()  # any of these portals
    since: date | None = None  # published on or after this day (WIB)
    until: date | None = None  # published on or before this day (WIB)
    tag: str | None = None  # carries this tag (case ignored)
    author: str | None = None  # the author's name contains this (case ignored)


def wib_day_start(day: date) -> datetime:
    """The first instant of a WIB day: 2025-01-01 -> 2024-12-31 17:00 UTC."""
    return datetime.combine(day, time(0), WIB)


@dataclass(frozen=True)
class Searching:
    """One query's FROM and WHERE, with its bound values; the statements are built from it."""

    match: str
    filters: SearchFilters

    def params(self) -> dict[str, Any]:
        found = self.filters
        values: dict[str, Any] = {"match": self.match, "site_ids": list(found.site_ids)}
        values["since"] = wib_day_start(found.since) if found.since else None
        values["until"] = wib_day_start(found.until + timedelta(days=1)) if found.until else None
        values["tag"] = found.tag
        values["author"] = _like_pattern(found.author) if found.author is not None else None
        return values

    def count(self, conn: Connection) -> int:
        return int(conn.execute(self._statement("count(*)"), self.params()).scalar_one())

    def floor(self, conn: Connection, window: int) -> int | None:
        """The lowest article id among the ``window`` most recently archived matches."""
        found = self._statement("f.rowid", order="f.rowid DESC", limit=f"1 OFFSET {window - 1}")
        return conn.execute(found, self.params()).scalar()

    def page(
        self, conn: Connection, *, by_date: bool, limit: int, offset: int, floor: int | None
    ) -> list[tuple[int, float | None]]:
        """Article ids and bm25 scores; sorted by date, no scores (bm25 for every match would
        cost more than the sort)."""
        order = _BY_DATE if by_date else "score, f.rowid DESC"
        statement = self._statement(
            f"f.rowid, {'NULL' if by_date else _SCORE} AS score",
            order=order,
            limit=f"{limit} OFFSET {offset}",
            join=by_date,
            floor=floor,
        )
        rows = conn.execute(statement, self.params() | {"floor": floor})
        return [(int(row.rowid), row.score) for row in rows]

    def grouped(self, conn: Connection, by: str) -> list[tuple[str | None, int]]:
        key = _MONTH if by == "month" else "a.site_id"
        statement = self._statement(f"{key} AS key, count(*) AS found", group=key, join=True)
        return [(row.key, int(row.found)) for row in conn.execute(statement, self.params())]

    def by_month_and_site(self, conn: Connection) -> list[tuple[str | None, str, int]]:
        """Matches per (WIB month, portal) in one pass: a page's chart, per-portal counts and
        total all come from it."""
        columns = f"{_MONTH} AS month, a.site_id AS site_id, count(*) AS found"
        statement = self._statement(columns, group=f"{_MONTH}, a.site_id", join=True)
        rows = conn.execute(statement, self.params())
        return [(row.month, row.site_id, int(row.found)) for row in rows]

    def _statement(
        self,
        columns: str,
        *,
        order: str = "",
        limit: str = "",
        group: str = "",
        join: bool = False,
        floor: int | None = None,
    ) -> TextClause:
        where, binds = self._where()
        sql = f"SELECT {columns} FROM {SEARCH_TABLE} f"
        if join or any("a." in condition for condition in where):
            sql += f" CROSS JOIN articles a INDEXED BY {FILTER_INDEX} ON a.id = f.rowid"
        sql += f" WHERE {SEARCH_TABLE} MATCH :match"
        sql += "".join(f" AND {condition}" for condition in where)
        if floor is not None:
            sql += " AND f.rowid >= :floor"
        sql += f" GROUP BY {group}" if group else ""
        sql += f" ORDER BY {order}" if order else ""
        sql += f" LIMIT {limit}" if limit else ""
        return text(sql).bindparams(*binds)

    def _where(self) -> tuple[list[str], list[BindParameter[Any]]]:
        found = self.filters
        where: list[str] = []
        binds: list[BindParameter[Any]] = []
        if found.site_ids:
            where.append("a.site_id IN :site_ids")
            binds.append(bindparam("site_ids", expanding=True))
        if found.since is not None:
            where.append("a.published_at >= :since")
            binds.append(bindparam("since", type_=UTCDateTime()))
        if found.until is not None:
            where.append("a.published_at < :until")
            binds.append(bindparam("until", type_=UTCDateTime()))
        if found.tag is not None:  # "+": FTS5 must not take it as rowids to look up one by one
            where.append(
                "+f.rowid IN (SELECT article_id FROM article_tags WHERE tag_id IN "
                "(SELECT id FROM tags WHERE name = :tag COLLATE NOCASE))"
            )
        if found.author is not None:
            where.append("a.author LIKE :author ESCAPE '\\'")
        return where, binds


def _like_pattern(words: str) -> str:
    """``50%`` -> ``%50\\%%``: the text anywhere, its own wildcards taken literally."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
