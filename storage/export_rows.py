"""An export's rows read from the archive in a stable order, a chunk at a time.

Every query streams (``yield_per``): memory holds one chunk whatever the archive's size. An
article's tags and alias URLs are read for the whole chunk at once. Read on one connection
in one transaction, the rows are one snapshot even while a crawl writes to the archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, Executable, case, func, select, union
from sqlalchemy.orm import aliased

from storage.export_selection import Selection
from storage.models import (
    Article,
    ArticleAlias,
    ArticleEvent,
    ArticleTag,
    Capture,
    CrawlRun,
    Revision,
    Site,
    Tag,
    ViewCount,
)

CHUNK: Final = 500
_COPY = aliased(Article)
_REMOVAL = (
    select(ArticleEvent.evidence)
    .where(ArticleEvent.article_id == Article.id, ArticleEvent.kind == "removed")
    .order_by(ArticleEvent.at.desc(), ArticleEvent.id.desc())
    .limit(1)
    .scalar_subquery()
)
_CLUSTER_SIZE = select(func.count()).where(_COPY.cluster_id == Article.cluster_id).scalar_subquery()
_ARTICLE_COLUMNS = (
    *Article.__table__.columns,
    Site.timezone,
    case((Article.removed_at.is_not(None), _REMOVAL)).label("removal_evidence"),
    case((Article.cluster_id.is_not(None), _CLUSTER_SIZE), else_=1).label("cluster_size"),
)


@dataclass(frozen=True)
class Coverage:
    """What the selection spans: for the datapackage and the README."""

    articles: int
    site_ids: tuple[str, ...]
    published_first: datetime | None
    published_last: datetime | None
    undated: int
    first_seen: datetime | None
    last_seen: datetime | None


def article_chunks(
    conn: Connection, selection: Selection, *, by_partition: bool = False, chunk: int = CHUNK
) -> Iterator[list[dict[str, Any]]]:
    """The selected articles with their tags and aliases, by id; or by portal, then date,
    then id, so that each portal-and-year partition is written in one stretch (the undated
    first on SQLite, last on PostgreSQL: contiguous either way), an order the database reads
    off its (site_id, published_at) index instead of sorting every row."""
    order = (Article.site_id, Article.published_at, Article.id) if by_partition else (Article.id,)
    query = (
        select(*_ARTICLE_COLUMNS)
        .join(Site, Site.site_id == Article.site_id)
        .where(*selection.conditions())
        .order_by(*order)
    )
    result = conn.execution_options(yield_per=chunk).execute(query)
    for part in result.partitions():
        rows = [dict(row._mapping) for row in part]
        ids = [row["id"] for row in rows]
        tags = _grouped(
            conn,
            select(ArticleTag.article_id, Tag.name)
            .join(Tag, Tag.id == ArticleTag.tag_id)
            .where(ArticleTag.article_id.in_(ids))
            .order_by(ArticleTag.article_id, ArticleTag.position),
        )
        aliases = _grouped(
            conn,
            select(ArticleAlias.article_id, ArticleAlias.url)
            .where(ArticleAlias.article_id.in_(ids))
            .order_by(ArticleAlias.article_id, ArticleAlias.url),
        )
        for row in rows:
            row["tags"] = tags.get(row["id"], [])
            row["aliases"] = aliases.get(row["id"], [])
        yield rows


def revision_rows(conn: Connection, selection: Selection) -> Iterator[dict[str, Any]]:
    """Every revision of the selected articles, oldest first per article."""
    columns = [c for c in Revision.__table__.columns if c.name != "id"]
    query = (
        select(*columns)
        .where(Revision.article_id.in_(selection.ids()))
        .order_by(Revision.article_id, Revision.revision_no)
    )
    yield from _streamed(conn, query)


def view_rows(conn: Connection, selection: Selection) -> Iterator[dict[str, Any]]:
    """The view-count history of the selected articles (a row when the count changed)."""
    columns = [c for c in ViewCount.__table__.columns if c.name != "id"]
    query = (
        select(*columns)
        .where(ViewCount.article_id.in_(selection.ids()))
        .order_by(ViewCount.article_id, ViewCount.observed_at, ViewCount.id)
    )
    yield from _streamed(conn, query)


def count_articles(conn: Connection, selection: Selection) -> int:
    query = select(func.count()).select_from(Article).where(*selection.conditions())
    return int(conn.execute(query).scalar_one())


def coverage(conn: Connection, selection: Selection) -> Coverage:
    where = selection.conditions()
    found = conn.execute(
        select(
            func.count(),
            func.min(Article.published_at),
            func.max(Article.published_at),
            func.count(case((Article.published_at.is_(None), 1))),
            func.min(Article.first_seen_at),
            func.max(Article.last_seen_at),
        ).where(*where)
    ).one()
    sites = conn.scalars(select(Article.site_id).where(*where).distinct().order_by(Article.site_id))
    return Coverage(found[0], tuple(sites), found[1], found[2], found[3], found[4], found[5])


def crawl_runs(conn: Connection, selection: Selection) -> list[dict[str, Any]]:
    """The crawl runs that wrote what the selection holds: revisions, view counts, captures."""
    ids = selection.ids()
    run_ids = union(
        select(Revision.run_id).where(Revision.article_id.in_(ids)),
        select(ViewCount.run_id).where(ViewCount.article_id.in_(ids)),
        select(Capture.run_id).where(Capture.article_id.in_(ids)),
    ).subquery()
    query = (
        select(
            CrawlRun.id,
            CrawlRun.target,
            CrawlRun.site_id,
            CrawlRun.started_at,
            CrawlRun.finished_at,
            CrawlRun.status,
        )
        .where(CrawlRun.id.in_(select(run_ids.c[0]).where(run_ids.c[0].is_not(None))))
        .order_by(CrawlRun.id)
    )
    return [dict(row._mapping) for row in conn.execute(query)]


def _streamed(conn: Connection, query: Executable) -> Iterator[dict[str, Any]]:
    result = conn.execution_options(yield_per=CHUNK).execute(query)
    for part in result.partitions():
        yield from (dict(row._mapping) for row in part)


def _grouped(conn: Connection, query: Executable) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = defaultdict(list)
    for key, value in conn.execute(query):
        found[key].append(value)
    return found
