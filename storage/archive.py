"""The archive API: save_article applies design.md's dedup rules in one transaction per call.

Same URL: a view-count observation, and a new revision if the content hash changed. Same site
and hash under another URL: an alias. Nothing is overwritten without a revision keeping it.
"""

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Engine,
    Row,
    Table,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from storage.db import write_transaction
from storage.errors import StorageError
from storage.hashing import collapse_whitespace, content_hash
from storage.models import (
    Article,
    ArticleAlias,
    ArticleTag,
    Base,
    Revision,
    Site,
    Tag,
    ViewCount,
)
from storage.runs import RunLog, new_id, utc_now

_BY_URL, _BY_ALIAS, _BY_HASH = 0, 1, 2
_FILLED = ("published_at", "published_raw", "view_count_raw", "author", "image_url", "language")
_CONTENT = ("title", "body_text", "fetched_at")
_REVISED = (*_CONTENT, "published_at", "published_raw")


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


_INSERT_ARTICLE, _INSERT_REVISION = _table(Article).insert(), _table(Revision).insert()
_INSERT_VIEW_COUNT, _INSERT_ARTICLE_TAG = _table(ViewCount).insert(), _table(ArticleTag).insert()
_UPDATE_ARTICLE = _table(Article).update().where(Article.id == bindparam("match_id"))
_DELETE_TAGS = _table(ArticleTag).delete().where(ArticleTag.article_id == bindparam("match_id"))
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


class SaveOutcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ALIAS = "alias"


@dataclass(frozen=True)
class ArticleData:
    """One extracted article as the archive receives it; datetimes must be timezone-aware."""

    url: str
    site_id: str
    title: str
    body_text: str
    fetched_at: datetime
    published_at: datetime | None = None
    published_raw: str | None = None
    view_count: int | None = None
    view_count_raw: str | None = None
    tags: tuple[str, ...] = ()
    author: str | None = None
    image_url: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        if not self.url or not self.site_id:
            raise ValueError(
                f"ArticleData needs a url and a site_id: {self.url!r}, {self.site_id!r}"
            )
        for name in ("fetched_at", "published_at"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(
                    f"ArticleData.{name} is naive ({value.isoformat()}) for {self.url}; "
                    "attach the portal's zone, e.g. ZoneInfo('Asia/Jakarta')"
                )
        views = self.view_count
        if views is not None and (isinstance(views, bool) or views < 0):
            raise ValueError(f"ArticleData.view_count must be a count >= 0, got {views!r}")
        if isinstance(self.tags, str):
            raise ValueError("ArticleData.tags must be a tuple of tag names, not one string")


@dataclass
class _Learned:
    """Site and tag ids written by the current transaction; cached only once it commits."""

    site_ids: set[str] = field(default_factory=set)
    tag_ids: dict[str, int] = field(default_factory=dict)


class Archive(RunLog):
    """Reads and writes one archive database through an Engine (see open_archive)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._site_ids: set[str] = set()
        self._tag_ids: dict[str, int] = {}

    def close(self) -> None:
        self.engine.dispose()

    def ensure_site(
        self,
        site_id: str,
        *,
        name: str | None = None,
        base_url: str | None = None,
        timezone: str = "Asia/Jakarta",
    ) -> None:
        """Create the site row, or bring its name, base_url (when given) and timezone up to date."""
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {timezone!r} for site {site_id}") from exc
        given = _without_none({"name": name, "base_url": base_url, "timezone": timezone})
        row: dict[str, Any] = {"site_id": site_id, "name": site_id, "first_seen_at": utc_now()}
        with self._writing() as (conn, learned):
            if not _insert_ignore(conn, Site, row | given):
                conn.execute(update(Site).where(Site.site_id == site_id).values(given))
            learned.site_ids.add(site_id)

    def save_article(self, data: ArticleData, *, run_id: int | None = None) -> SaveOutcome:
        return self.save_articles([data], run_id)[0]

    def save_articles(
        self, datas: Iterable[ArticleData], run_id: int | None = None
    ) -> list[SaveOutcome]:
        """Save several articles in one transaction, retried once if a concurrent insert won."""
        items = list(datas)
        try:
            return self._save_all(items, run_id)
        except IntegrityError:
            return self._save_all(items, run_id)

    def known_urls(self, site_id: str) -> set[str]:
        """Canonical and alias URLs of a site, so an incremental crawl can skip them."""
        urls = union_all(
            select(Article.url).where(Article.site_id == site_id),
            select(ArticleAlias.url)
            .join(Article, Article.id == ArticleAlias.article_id)
            .where(Article.site_id == site_id),
        )
        with self.engine.connect() as conn:
            return set(conn.scalars(urls))

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

    @contextmanager
    def _writing(self) -> Iterator[tuple[Connection, _Learned]]:
        learned = _Learned()
        try:
            with write_transaction(self.engine) as conn:
                yield conn, learned
        except OperationalError as exc:
            where = self.engine.url.render_as_string(hide_password=True)
            raise StorageError(f"cannot write to {where}: {exc.orig}") from exc
        self._site_ids |= learned.site_ids
        self._tag_ids.update(learned.tag_ids)

    def _save_all(self, items: list[ArticleData], run_id: int | None) -> list[SaveOutcome]:
        with self._writing() as (conn, learned):
            return [self._save(conn, learned, data, run_id) for data in items]

    def _save(
        self, conn: Connection, learned: _Learned, data: ArticleData, run_id: int | None
    ) -> SaveOutcome:
        digest = content_hash(data.title, data.body_text)
        self._ensure_site_row(conn, learned, data.site_id)
        params = {"url": data.url, "site_id": data.site_id, "digest": digest}
        match = min(
            conn.execute(_FIND_MATCHES, params), key=lambda row: (row.kind, row.id), default=None
        )
        if match is None:
            article = {k: getattr(data, k) for k in ("url", "site_id", "view_count", *_REVISED)}
            article |= {k: getattr(data, k) for k in _FILLED}
            article |= {"first_seen_at": data.fetched_at, "last_seen_at": data.fetched_at}
            article |= {"content_hash": digest, "revision_count": 1}
            article_id = new_id(conn.execute(_INSERT_ARTICLE, article))
            conn.execute(_INSERT_REVISION, _revision(data, digest, article_id, 1, run_id))
            if data.view_count is not None:
                conn.execute(_INSERT_VIEW_COUNT, _view_count(data, article_id, run_id))
            self._insert_tags(conn, learned, article_id, data.tags)
            return SaveOutcome.NEW
        if match.kind == _BY_HASH:
            alias = {"url": data.url, "article_id": match.id, "first_seen_at": data.fetched_at}
            _insert_ignore(conn, ArticleAlias, alias)
        if match.content_hash == digest:
            missing = {k: getattr(data, k) for k in _FILLED if getattr(match, k) is None}
            _update_article(conn, match, data, run_id, _without_none(missing))
            return SaveOutcome.UNCHANGED if match.kind == _BY_URL else SaveOutcome.ALIAS
        revision_no = match.revision_count + 1
        conn.execute(_INSERT_REVISION, _revision(data, digest, match.id, revision_no, run_id))
        content = {k: getattr(data, k) for k in _CONTENT} | {"content_hash": digest}
        content |= _without_none({k: getattr(data, k) for k in _FILLED})
        _update_article(conn, match, data, run_id, content | {"revision_count": revision_no})
        if data.tags:
            conn.execute(_DELETE_TAGS, {"match_id": match.id})
            self._insert_tags(conn, learned, match.id, data.tags)
        return SaveOutcome.UPDATED

    def _ensure_site_row(self, conn: Connection, learned: _Learned, site_id: str) -> None:
        if site_id in self._site_ids or site_id in learned.site_ids:
            return
        row = {"site_id": site_id, "name": site_id, "timezone": "Asia/Jakarta"}
        _insert_ignore(conn, Site, row | {"first_seen_at": utc_now()})
        learned.site_ids.add(site_id)

    def _insert_tags(
        self, conn: Connection, learned: _Learned, article_id: int, tags: Iterable[str]
    ) -> None:
        names = list(dict.fromkeys(name for name in map(collapse_whitespace, tags) if name))
        ids = {name: self._tag_ids.get(name) or learned.tag_ids.get(name) for name in names}
        missing = [name for name, tag_id in ids.items() if tag_id is None]
        if missing:
            learned.tag_ids.update(_tag_ids(conn, missing))
            for name in (name for name in missing if name not in learned.tag_ids):
                _insert_ignore(conn, Tag, {"name": name})
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
    """Record the sighting: last_seen_at, and a view-count row if the count changed."""
    changes["last_seen_at"] = max(match.last_seen_at, data.fetched_at)
    if data.view_count is not None and data.view_count != match.view_count:
        conn.execute(_INSERT_VIEW_COUNT, _view_count(data, match.id, run_id))
        changes["view_count"] = data.view_count
    conn.execute(_UPDATE_ARTICLE, changes | {"match_id": match.id})


def _insert_ignore(conn: Connection, model: type[Base], row: Mapping[str, Any]) -> bool:
    """Insert row unless it collides with a unique key; True if it was inserted."""
    try:
        with conn.begin_nested():
            conn.execute(_table(model).insert(), row)
    except IntegrityError:
        return False
    return True


def _tag_ids(conn: Connection, names: list[str]) -> dict[str, int]:
    rows = conn.execute(select(Tag.name, Tag.id).where(Tag.name.in_(names)))
    return {row.name: row.id for row in rows}


def _revision(
    data: ArticleData, digest: str, article_id: int, revision_no: int, run_id: int | None
) -> dict[str, Any]:
    row = {k: getattr(data, k) for k in _REVISED} | {"content_hash": digest, "run_id": run_id}
    return row | {"article_id": article_id, "revision_no": revision_no}


def _view_count(data: ArticleData, article_id: int, run_id: int | None) -> dict[str, Any]:
    row = {"article_id": article_id, "view_count": data.view_count}
    return row | {"observed_at": data.fetched_at, "run_id": run_id}


def _without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
