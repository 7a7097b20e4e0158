"""An article's whole history as the archive holds it: for ``warta history`` and the web page."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from storage.models import (
    Article,
    ArticleAlias,
    ArticleEvent,
    ArticleTag,
    Capture,
    Revision,
    Site,
    Tag,
    ViewCount,
)
from storage.writing import Writer

_CAPTURE_COLUMNS = (
    Capture.id,
    Capture.url,
    Capture.fetched_at,
    Capture.status,
    Capture.record_type,
    Capture.warc_file,
    Capture.offset,
    Capture.length,
    Capture.payload_digest,
    Capture.run_id,
)


@dataclass(frozen=True)
class History:
    article: dict[str, Any]  # the latest record, with tags and aliases
    revisions: list[dict[str, Any]]  # oldest first
    views: list[dict[str, Any]]  # run-length: a row per change
    captures: list[dict[str, Any]]
    events: list[dict[str, Any]]  # removed / returned
    copies: list[dict[str, Any]]  # the same text on other pages: its cluster


class HistoryReader(Writer):
    """The history part of :class:`storage.Archive`."""

    def find_article_id(self, url_or_id: str) -> int | None:
        """An article by its id, its canonical URL or any alias URL."""
        with self.engine.connect() as conn:
            if url_or_id.isdigit():
                return conn.execute(select(Article.id).where(Article.id == int(url_or_id))).scalar()
            by_url = select(Article.id).where(Article.url == url_or_id)
            by_alias = select(ArticleAlias.article_id).where(ArticleAlias.url == url_or_id)
            return conn.execute(by_url.union_all(by_alias).limit(1)).scalar()

    def history(self, article_id: int) -> History:
        with self.engine.connect() as conn:
            found = conn.execute(
                select(*Article.__table__.columns, Site.timezone)
                .join(Site, Site.site_id == Article.site_id)
                .where(Article.id == article_id)
            ).one()
            article = dict(found._mapping)
            article["tags"] = list(
                conn.scalars(
                    select(Tag.name)
                    .join(ArticleTag, ArticleTag.tag_id == Tag.id)
                    .where(ArticleTag.article_id == article_id)
                    .order_by(ArticleTag.position)
                )
            )
            article["aliases"] = sorted(
                conn.scalars(select(ArticleAlias.url).where(ArticleAlias.article_id == article_id))
            )
            return History(
                article=article,
                revisions=_rows(conn, select(Revision), Revision, article_id, Revision.revision_no),
                views=_rows(conn, select(ViewCount), ViewCount, article_id, ViewCount.observed_at),
                captures=_rows(conn, select(*_CAPTURE_COLUMNS), Capture, article_id, Capture.id),
                events=_rows(conn, select(ArticleEvent), ArticleEvent, article_id, ArticleEvent.id),
                copies=_copies(conn, article_id, article["cluster_id"]),
            )


def _rows(
    conn: Connection, query: Any, model: Any, article_id: int, order: Any
) -> list[dict[str, Any]]:
    found = conn.execute(query.where(model.article_id == article_id).order_by(order))
    return [dict(row._mapping) for row in found]


def _copies(conn: Connection, article_id: int, cluster_id: int | None) -> list[dict[str, Any]]:
    if cluster_id is None:
        return []
    query = (
        select(Article.id, Article.site_id, Article.url, Article.title, Article.published_at)
        .where(Article.cluster_id == cluster_id, Article.id != article_id)
        .order_by(Article.published_at, Article.id)
    )
    return [dict(row._mapping) for row in conn.execute(query)]
