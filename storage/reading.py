"""Reading articles back: by URL (canonical or alias), newest first, counts per table."""

from typing import Any

from sqlalchemy import func, select

from storage.models import Article, ArticleAlias, ArticleTag, Base, Tag
from storage.writing import Writer


class ArticleReader(Writer):
    """Queries of :class:`storage.Archive` that only read."""

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        counts = select(
            *(
                select(func.count()).select_from(table).scalar_subquery().label(name)
                for name, table in Base.metadata.tables.items()
            )
        )
        with self.engine.connect() as conn:
            return dict(conn.execute(counts).one()._mapping)

    def get_article(self, url: str) -> dict[str, Any] | None:
        """The article at url (canonical or alias) as a dict, with its tags and alias URLs."""
        by_alias = select(ArticleAlias.article_id).where(ArticleAlias.url == url)
        ids = select(Article.id).where(Article.url == url).union_all(by_alias)
        with self.engine.connect() as conn:
            row = conn.execute(select(Article).where(Article.id.in_(ids))).first()
            if row is None:
                return None
            tags = select(Tag.name).join(ArticleTag, ArticleTag.tag_id == Tag.id)
            tags = tags.where(ArticleTag.article_id == row.id).order_by(ArticleTag.position)
            aliases = select(ArticleAlias.url).where(ArticleAlias.article_id == row.id)
            return {
                **row._mapping,
                "tags": list(conn.scalars(tags)),
                "aliases": sorted(conn.scalars(aliases)),
            }

    def latest_articles(
        self, limit: int = 5, *, site_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Newest by publication time first (undated ones last), without their body text."""
        columns = [c for c in Article.__table__.columns if c.name != "body_text"]
        query = select(*columns).order_by(Article.published_at.desc().nulls_last(), Article.id)
        if site_id is not None:
            query = query.where(Article.site_id == site_id)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query.limit(limit))]
