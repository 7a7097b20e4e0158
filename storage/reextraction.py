"""Re-extraction from captures: what a newer extractor reads in pages the archive already has.

A change found this way is a revision with ``source = 'reparse'``: Warta read the same bytes
differently, the portal changed nothing. View counts are left alone: they are observations
of their own crawl, not something a better reading changes.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from storage import search_index
from storage.clusters import assign_cluster
from storage.hashing import content_hash
from storage.models import Article, ArticleTag, Capture, Revision, Tag
from storage.records import ArticleData
from storage.saving import ArticleStore, revision_row
from storage.writing import table

REPARSED: Final = ("title", "body_text", "published_at", "published_raw", "author", "image_url")


# Built once: a re-extraction asks them for every article.
_STORED = select(*(getattr(Article, name) for name in REPARSED)).where(
    Article.id == bindparam("article_id")
)
_STORED_TAGS = (
    select(Tag.name)
    .join(ArticleTag, ArticleTag.tag_id == Tag.id)
    .where(ArticleTag.article_id == bindparam("article_id"))
    .order_by(ArticleTag.position)
)


@dataclass(frozen=True)
class ReparseSource:
    """The page an article was last read from: where its payload lies in the WARC files."""

    article_id: int
    site_id: str
    url: str  # the URL that was fetched
    fetched_at: datetime
    warc_file: str
    offset: int
    length: int


class Reextraction(ArticleStore):
    """The re-extraction part of :class:`storage.Archive`."""

    def reparse_sources(
        self, *, site_id: str | None = None, since: datetime | None = None
    ) -> Iterator[ReparseSource]:
        """Each article's latest capture, a revisit followed to the record with the payload."""
        latest = (
            select(Capture.article_id, func.max(Capture.id).label("capture_id"))
            .where(Capture.article_id.is_not(None), Capture.status == 200)
            .group_by(Capture.article_id)
            .subquery()
        )
        original = aliased(Capture)
        has_payload = select(
            latest.c.article_id,
            Article.site_id,
            Capture.url,
            Capture.fetched_at,
            func.coalesce(original.warc_file, Capture.warc_file).label("warc_file"),
            func.coalesce(original.offset, Capture.offset).label("offset"),
            func.coalesce(original.length, Capture.length).label("length"),
        )
        query = (
            has_payload.join(Capture, Capture.id == latest.c.capture_id)
            .join(Article, Article.id == latest.c.article_id)
            .outerjoin(original, original.id == Capture.refers_to_id)
            .where((Capture.record_type == "response") | original.id.is_not(None))
            .order_by(latest.c.article_id)
        )
        if site_id is not None:
            query = query.where(Article.site_id == site_id)
        if since is not None:
            query = query.where(Capture.fetched_at >= since)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield ReparseSource(**row._mapping)

    def stored_fields(self, article_id: int) -> dict[str, Any]:
        """The fields a re-extraction may change, as the archive holds them now."""
        with self.engine.connect() as conn:
            row = conn.execute(_STORED, {"article_id": article_id}).one()
            tags = tuple(conn.scalars(_STORED_TAGS, {"article_id": article_id}))
        return {**row._mapping, "tags": tags}

    def apply_reextraction(self, article_id: int, data: ArticleData) -> None:
        """Store what a re-extraction read as the article's next revision (source reparse)."""
        digest = content_hash(data.title, data.body_text)
        values = {name: getattr(data, name) for name in REPARSED}
        with self._writing() as (conn, learned):
            count = select(Article.revision_count).where(Article.id == article_id)
            revision_no = conn.execute(count).scalar_one() + 1
            conn.execute(
                table(Revision).insert(),
                revision_row(data, digest, article_id, revision_no, None) | {"source": "reparse"},
            )
            update = table(Article).update().where(Article.id == article_id)
            conn.execute(update, values | {"content_hash": digest, "revision_count": revision_no})
            conn.execute(table(ArticleTag).delete().where(ArticleTag.article_id == article_id))
            self._insert_tags(conn, learned, article_id, data.tags)
            search_index.refresh(conn, [article_id])
            assign_cluster(conn, article_id, data.body_text)
