"""Saving articles: design.md's dedup rules, applied in one transaction per batch.

Same URL: a view-count observation, and a new revision if the content hash changed. Same site
and hash under another URL: an alias. Nothing is overwritten without a revision keeping it.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import CompoundSelect, Connection, Row, bindparam, literal_column, select, union_all
from sqlalchemy.exc import IntegrityError

from storage import search_index
from storage.capture_index import insert_captures
from storage.clusters import assign_cluster
from storage.hashing import collapse_whitespace, content_hash
from storage.models import Article, ArticleAlias, ArticleTag, Revision, Tag, ViewCount
from storage.records import ArticleData, SaveOutcome
from storage.rows import new_id
from storage.warc import CaptureRef
from storage.writing import Learned, Writer, insert_ignore, table, without_none

_BY_URL, _BY_ALIAS, _BY_HASH = 0, 1, 2
_FILLED = ("published_at", "published_raw", "view_count_raw", "author", "image_url", "language")
_VALIDATORS = ("etag", "last_modified")
_CONTENT = ("title", "body_text", "fetched_at")
_REVISED = (*_CONTENT, "published_at", "published_raw")


_INSERT_ARTICLE, _INSERT_REVISION = table(Article).insert(), table(Revision).insert()
_INSERT_VIEW_COUNT, _INSERT_ARTICLE_TAG = table(ViewCount).insert(), table(ArticleTag).insert()
_UPDATE_ARTICLE = table(Article).update().where(Article.id == bindparam("match_id"))
_DELETE_TAGS = table(ArticleTag).delete().where(ArticleTag.article_id == bindparam("match_id"))
_MATCH = [getattr(Article, name) for name in ("id", "content_hash", "view_count", "last_seen_at")]
_MATCH += [Article.revision_count, *(getattr(Article, name) for name in _FILLED)]
_FIND_MATCHES: CompoundSelect[Any] = union_all(
    select(literal_column(str(_BY_URL)).label("kind"), *_MATCH).where(
        Article.url == bindparam("url")
    ),
    select(literal_column(str(_BY_ALIAS)), *_MATCH)
    .join(ArticleAlias, ArticleAlias.article_id == Article.id)
    .where(ArticleAlias.url == bindparam("url")),
    select(literal_column(str(_BY_HASH)), *_MATCH).where(
        Article.site_id == bindparam("site_id"), Article.content_hash == bindparam("digest")
    ),
)


class ArticleStore(Writer):
    """The article half of :class:`storage.Archive`: save with revisions, views, tags, aliases."""

    def save_article(
        self, data: ArticleData, *, run_id: int | None = None, capture: CaptureRef | None = None
    ) -> SaveOutcome:
        return self.save_articles([data], run_id, captures=[capture])[0]

    def save_articles(
        self,
        datas: Iterable[ArticleData],
        run_id: int | None = None,
        *,
        captures: Sequence[CaptureRef | None] = (),
    ) -> list[SaveOutcome]:
        """Save several articles in one transaction, retried once if a concurrent insert won.

        ``captures[i]``, when given, is the WARC record article ``i`` was read from: it is
        indexed in the same transaction, linked to the article it produced.
        """
        items = list(datas)
        refs = list(captures) or [None] * len(items)
        if len(refs) != len(items):
            raise ValueError(f"{len(refs)} captures for {len(items)} articles")
        try:
            return self._save_all(items, refs, run_id)
        except IntegrityError:
            return self._save_all(items, refs, run_id)

    def _save_all(
        self, items: list[ArticleData], refs: list[CaptureRef | None], run_id: int | None
    ) -> list[SaveOutcome]:
        with self._writing() as (conn, learned):
            saved = [self._save(conn, learned, data, run_id) for data in items]
            linked = [(ref, article_id) for ref, (_, article_id) in zip(refs, saved, strict=True)]
            insert_captures(conn, [(ref, id_) for ref, id_ in linked if ref is not None], run_id)
        return [outcome for outcome, _ in saved]

    def _save(
        self, conn: Connection, learned: Learned, data: ArticleData, run_id: int | None
    ) -> tuple[SaveOutcome, int]:
        digest = content_hash(data.title, data.body_text)
        self._ensure_site_row(conn, learned, data.site_id)
        params = {"url": data.url, "site_id": data.site_id, "digest": digest}
        match = min(
            conn.execute(_FIND_MATCHES, params), key=lambda row: (row.kind, row.id), default=None
        )
        if match is None:
            article = {k: getattr(data, k) for k in ("url", "site_id", "view_count", *_REVISED)}
            article |= {k: getattr(data, k) for k in (*_FILLED, *_VALIDATORS)}
            article |= {"first_seen_at": data.fetched_at, "last_seen_at": data.fetched_at}
            article |= {"content_hash": digest, "revision_count": 1}
            article_id = new_id(conn.execute(_INSERT_ARTICLE, article))
            conn.execute(_INSERT_REVISION, revision_row(data, digest, article_id, 1, run_id))
            if data.view_count is not None:
                conn.execute(_INSERT_VIEW_COUNT, _view_count(data, article_id, run_id))
            self._insert_tags(conn, learned, article_id, data.tags)
            search_index.add(conn, article_id, data.title, data.body_text, data.tags)
            assign_cluster(conn, article_id, data.body_text, new=True)
            return SaveOutcome.NEW, article_id
        if match.kind == _BY_HASH:
            alias = {"url": data.url, "article_id": match.id, "first_seen_at": data.fetched_at}
            insert_ignore(conn, ArticleAlias, alias)
        if match.content_hash == digest:
            missing = {k: getattr(data, k) for k in _FILLED if getattr(match, k) is None}
            _update_article(conn, match, data, run_id, without_none(missing))
            seen = SaveOutcome.UNCHANGED if match.kind == _BY_URL else SaveOutcome.ALIAS
            return seen, match.id
        revision_no = match.revision_count + 1
        conn.execute(_INSERT_REVISION, revision_row(data, digest, match.id, revision_no, run_id))
        content = {k: getattr(data, k) for k in _CONTENT} | {"content_hash": digest}
        content |= without_none({k: getattr(data, k) for k in _FILLED})
        _update_article(conn, match, data, run_id, content | {"revision_count": revision_no})
        if data.tags:
            conn.execute(_DELETE_TAGS, {"match_id": match.id})
            self._insert_tags(conn, learned, match.id, data.tags)
        search_index.refresh(conn, [match.id])
        assign_cluster(conn, match.id, data.body_text)
        return SaveOutcome.UPDATED, match.id

    def _insert_tags(
        self, conn: Connection, learned: Learned, article_id: int, tags: Iterable[str]
    ) -> None:
        names = list(dict.fromkeys(name for name in map(collapse_whitespace, tags) if name))
        ids = {name: self._tag_ids.get(name) or learned.tag_ids.get(name) for name in names}
        missing = [name for name, tag_id in ids.items() if tag_id is None]
        if missing:
            learned.tag_ids.update(_tag_ids(conn, missing))
            for name in (name for name in missing if name not in learned.tag_ids):
                insert_ignore(conn, Tag, {"name": name})
            learned.tag_ids.update(_tag_ids(conn, missing))
            ids.update({name: learned.tag_ids[name] for name in missing})
        rows = [
            {"article_id": article_id, "tag_id": ids[name], "position": position}
            for position, name in enumerate(names)
        ]
        if rows:
            conn.execute(_INSERT_ARTICLE_TAG, rows)


def _update_article(
    conn: Connection,
    match: Row[Any],
    data: ArticleData,
    run_id: int | None,
    changes: dict[str, Any],
) -> None:
    """Record the sighting: last_seen_at, the page's validators, and a view-count row if the
    count changed."""
    changes["last_seen_at"] = max(match.last_seen_at, data.fetched_at)
    changes |= without_none({k: getattr(data, k) for k in _VALIDATORS})
    if data.view_count is not None and data.view_count != match.view_count:
        conn.execute(_INSERT_VIEW_COUNT, _view_count(data, match.id, run_id))
        changes["view_count"] = data.view_count
    conn.execute(_UPDATE_ARTICLE, changes | {"match_id": match.id})


def _tag_ids(conn: Connection, names: list[str]) -> dict[str, int]:
    rows = conn.execute(select(Tag.name, Tag.id).where(Tag.name.in_(names)))
    return {row.name: row.id for row in rows}


def revision_row(
    data: ArticleData, digest: str, article_id: int, revision_no: int, run_id: int | None
) -> dict[str, Any]:
    row = {k: getattr(data, k) for k in _REVISED} | {"content_hash": digest, "run_id": run_id}
    return row | {"article_id": article_id, "revision_no": revision_no}


def _view_count(data: ArticleData, article_id: int, run_id: int | None) -> dict[str, Any]:
    row = {"article_id": article_id, "view_count": data.view_count}
    return row | {"observed_at": data.fetched_at, "run_id": run_id}
