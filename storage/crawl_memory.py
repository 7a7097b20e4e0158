"""What an incremental crawl needs to know of a site before it fetches anything.

Every URL the archive holds for the site's live articles (canonical and aliases) with when it
was last seen, so listings, sitemaps and feeds can skip what is known (an article marked
removed is not: listed again, it is fetched, and its return noted); and the recent articles to fetch
again for their view counts and edits. "Recent" is counted back from the newest article the
archive holds for the site, not from today: a portal that paused publishing still gets its
last weeks refreshed, and a sample portal whose dates lie in the past behaves like a live one.
Of those, the least recently seen come first, so a per-run budget still reaches every one of
them over a few runs. A revisit carries the page's validators, and a 304 answer is recorded
as a sighting (:meth:`CrawlMemories.seen_unchanged`).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, select, union_all, update

from storage.models import Article, ArticleAlias
from storage.writing import Writer


@dataclass(frozen=True)
class Revisit:
    url: str
    etag: str | None  # as the portal last sent them: the revisit asks "changed since?"
    last_modified: str | None


@dataclass(frozen=True)
class CrawlMemory:
    seen: dict[str, datetime]  # URL (canonical or alias) -> when the article was last seen
    revisits: tuple[Revisit, ...]  # recent live articles, least recently seen first

    @property
    def empty(self) -> bool:
        return not self.seen


_SEEN = (
    update(Article)
    .where(Article.url == bindparam("page"), Article.last_seen_at < bindparam("at"))
    .values(last_seen_at=bindparam("at"))
)


class CrawlMemories(Writer):
    """The crawl-memory part of :class:`storage.Archive`."""

    def crawl_memory(self, site_id: str, *, revisit_days: int, revisit_max: int) -> CrawlMemory:
        live = (Article.site_id == site_id) & Article.removed_at.is_(None)
        urls = union_all(
            select(Article.url, Article.last_seen_at).where(live),
            select(ArticleAlias.url, Article.last_seen_at)
            .join(Article, Article.id == ArticleAlias.article_id)
            .where(live),
        )
        with self.engine.connect() as conn:
            seen = {row.url: row.last_seen_at for row in conn.execute(urls)}
            newest = conn.execute(select(func.max(Article.published_at)).where(live)).scalar()
            revisits: tuple[Revisit, ...] = ()
            if newest is not None and revisit_days > 0 and revisit_max > 0:
                recent = (
                    select(Article.url, Article.etag, Article.last_modified)
                    .where(live, Article.published_at >= newest - timedelta(days=revisit_days))
                    .order_by(Article.last_seen_at, Article.id)
                    .limit(revisit_max)
                )
                revisits = tuple(Revisit(*row) for row in conn.execute(recent))
        return CrawlMemory(seen, revisits)

    def seen_unchanged(self, urls: list[str], at: datetime) -> None:
        """The portal answered 304 Not Modified for these articles' canonical URLs at ``at``."""
        if urls:
            with self._writing() as (conn, _):
                conn.execute(_SEEN, [{"page": url, "at": at} for url in urls])
