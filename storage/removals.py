"""Articles that leave their portal, and come back: ``removed_at`` and the events that say so.

Nothing is ever deleted: a removed article keeps every revision, count and capture, and its
``article_events`` rows say when it left, when it came back, and on what evidence (the HTTP
status a revisit got, with its capture; or the listings it vanished from).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, update

from storage.capture_index import insert_captures
from storage.models import Article, ArticleAlias, ArticleEvent, Capture
from storage.warc import CaptureRef
from storage.writing import Writer, table


@dataclass(frozen=True)
class ListedArticle:
    """An article the portal showed before, with every URL it has been seen under."""

    article_id: int
    urls: tuple[str, ...]
    published_at: datetime | None


class Removals(Writer):
    """The removal part of :class:`storage.Archive`."""

    def present_articles(self, site_id: str) -> list[ListedArticle]:
        """The site's articles not marked removed, each with its canonical and alias URLs."""
        articles = select(Article.id, Article.url, Article.published_at).where(
            Article.site_id == site_id, Article.removed_at.is_(None)
        )
        aliases = (
            select(ArticleAlias.article_id, ArticleAlias.url)
            .join(Article, Article.id == ArticleAlias.article_id)
            .where(Article.site_id == site_id, Article.removed_at.is_(None))
        )
        with self.engine.connect() as conn:
            found = conn.execute(articles).all()
            urls: dict[int, list[str]] = {row.id: [row.url] for row in found}
            for row in conn.execute(aliases):
                urls[row.article_id].append(row.url)
        return [ListedArticle(row.id, tuple(urls[row.id]), row.published_at) for row in found]

    def mark_removed(
        self,
        url: str,
        *,
        at: datetime,
        evidence: str,
        run_id: int | None,
        capture: CaptureRef | None = None,
    ) -> bool:
        """Mark the article at ``url`` removed, unless it already is; True if it was marked.

        The capture of what the portal answered (a 404 page) is indexed with the article.
        """
        with self._writing() as (conn, _):
            article_id = _article_at(conn, url)
            if article_id is None:
                return False
            capture_id = None
            if capture is not None:
                insert_captures(conn, [(capture, article_id)], run_id)
                capture_id = conn.execute(
                    select(Capture.id).where(Capture.record_id == capture.record_id)
                ).scalar()
            marked = conn.execute(
                update(Article)
                .where(Article.id == article_id, Article.removed_at.is_(None))
                .values(removed_at=at)
            )
            if marked.rowcount != 1:
                return False
            _event(conn, article_id, "removed", at, evidence, run_id, capture_id)
            return True

    def note_returns(
        self, urls: Iterable[str], *, at: datetime, run_id: int | None, evidence: str
    ) -> int:
        """Articles marked removed that the portal shows again; returns how many came back."""
        wanted = list(urls)
        removed = select(Article.id).where(Article.url.in_(wanted), Article.removed_at.is_not(None))
        if not wanted:
            return 0
        with self.engine.connect() as reading:  # nearly always none: no write lock for that
            if reading.execute(removed.limit(1)).first() is None:
                return 0
        with self._writing() as (conn, _):
            back = list(conn.execute(removed).scalars())
            conn.execute(update(Article).where(Article.id.in_(back)).values(removed_at=None))
            for article_id in back:
                _event(conn, article_id, "returned", at, evidence, run_id, None)
        return len(back)


def _article_at(conn: Connection, url: str) -> int | None:
    by_url = select(Article.id).where(Article.url == url)
    by_alias = select(ArticleAlias.article_id).where(ArticleAlias.url == url)
    return conn.execute(by_url.union_all(by_alias).limit(1)).scalar()


def _event(
    conn: Connection,
    article_id: int,
    kind: str,
    at: datetime,
    evidence: str,
    run_id: int | None,
    capture_id: int | None,
) -> None:
    row = {"article_id": article_id, "kind": kind, "at": at, "evidence": evidence}
    conn.execute(table(ArticleEvent).insert(), row | {"run_id": run_id, "capture_id": capture_id})
