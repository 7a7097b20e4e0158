"""The archive's tables as typed SQLAlchemy models; the schema itself comes from the migrations.

Every timestamp is an aware UTC datetime (UTCDateTime): SQLite would otherwise drop the zone.
"""

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
RUN_STATUSES = ("running", "finished", "partial", "failed", "interrupted")


# SQLite keeps instants as text: ISO 8601 with the offset written out, so a person reading
# the file with sqlite3 or Datasette sees UTC, not a local-looking clock, and text order is
# time order. ("2025-01-22T11:26:00.000000+00:00" is 18:26 WIB.) The pattern also reads the
# space-separated form archives had before migration 0007.
SQLITE_INSTANT = sqlite.DATETIME(  # type: ignore[no-untyped-call]
    storage_format=(
        "%(year)04d-%(month)02d-%(day)02dT%(hour)02d:%(minute)02d:%(second)02d"
        ".%(microsecond)06d+00:00"
    ),
    regexp=r"(\d+)-(\d+)-(\d+)[ T](\d+):(\d+):(\d+)(?:\.(\d+))?",
)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and reads them back as aware UTC; refuses naive ones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(SQLITE_INSTANT)
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError(f"refusing to store naive datetime {value.isoformat()}; attach a zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {value!r}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), str: Text()}


class Site(Base):
    """A portal: its profile's site_id, or its host name when it has no profile."""

    __tablename__ = "sites"

    site_id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    base_url: Mapped[str | None]
    timezone: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime]


class CrawlRun(Base):
    """One crawl invocation; `target` is what the user asked for, `site_id` is set for one site."""

    __tablename__ = "crawl_runs"
    __table_args__ = (
        CheckConstraint(f"status IN ({', '.join(map(repr, RUN_STATUSES))})", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str | None] = mapped_column(ForeignKey("sites.site_id", ondelete="SET NULL"))
    target: Mapped[str]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))
    stats_json: Mapped[str | None]
    args_json: Mapped[str]
    host: Mapped[str | None]  # where the crawling process ran, and its id: a run whose
    pid: Mapped[int | None]  # process is gone while still `running` was killed
    heartbeat_at: Mapped[datetime | None]  # written while running: stale means it died
    health_json: Mapped[str | None]  # the run's health flags, [] when healthy
    schedule_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedules.id", ondelete="SET NULL"), index=True
    )


class Article(Base):
    """The latest content of an article. fetched_at: capture of this content; last_seen_at: any."""

    __tablename__ = "articles"
    __table_args__ = (
        Index(None, "site_id", "published_at"),
        Index(None, "site_id", "content_hash"),
        # Search's filters read these from this narrow index, not the wide rows (search_sql.py).
        Index(None, "id", "published_at", "site_id", "author"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(unique=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.site_id"))
    title: Mapped[str]
    published_at: Mapped[datetime | None]
    published_raw: Mapped[str | None]
    view_count: Mapped[int | None]
    view_count_raw: Mapped[str | None]  # the text it was read from, kept when it is implausible
    author: Mapped[str | None]
    body_text: Mapped[str]
    image_url: Mapped[str | None]
    language: Mapped[str | None] = mapped_column(String(35))
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    fetched_at: Mapped[datetime]
    revision_count: Mapped[int]
    removed_at: Mapped[datetime | None]  # gone from the portal (see article_events); kept here
    # Near-identical text on any portal (a syndicated release): the id of the cluster's first
    # article; an article with no copy is its own cluster.
    cluster_id: Mapped[int | None] = mapped_column(index=True)
    etag: Mapped[str | None]  # the page's validators as last sent, for conditional revisits
    last_modified: Mapped[str | None]


REVISION_SOURCES = ("crawl", "reparse")


class Revision(Base):
    """Every distinct content an article has had; revision 1 is the first capture.

    ``source`` says who changed it: the portal (``crawl``: the page itself changed) or Warta
    (``reparse``: the same captured page read again by a newer extractor or profile).
    """

    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("article_id", "revision_no"),
        CheckConstraint(f"source IN ({', '.join(map(repr, REVISION_SOURCES))})", name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    revision_no: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str]
    body_text: Mapped[str]
    published_at: Mapped[datetime | None]
    published_raw: Mapped[str | None]
    fetched_at: Mapped[datetime]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(16), server_default="crawl")


class ViewCount(Base):
    """Run-length view-count history: a row only when the count differs from the previous one."""

    __tablename__ = "view_counts"
    __table_args__ = (Index(None, "article_id", "observed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    observed_at: Mapped[datetime]
    view_count: Mapped[int]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))


class Tag(Base):
    """A tag as printed on the portal, whitespace-normalized; case is kept."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


class ArticleTag(Base):
    """An article's tags in the order the page prints them (position 0 first)."""

    __tablename__ = "article_tags"
    __table_args__ = (Index(None, "tag_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int]


class ArticleAlias(Base):
    """Another URL on the same site serving the same content (dedup rule 2)."""

    __tablename__ = "article_aliases"
    __table_args__ = (Index(None, "article_id"),)

    url: Mapped[str] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    first_seen_at: Mapped[datetime]


class Capture(Base):
    """One WARC record of what a portal sent: where it lies, what it held, what it produced.

    ``warc_file`` is relative to the captures folder, so the folder can move with its archive.
    A ``revisit`` record holds only headers: its payload is the one ``refers_to_id`` points at.
    """

    __tablename__ = "captures"
    __table_args__ = (
        CheckConstraint("record_type IN ('response', 'revisit')", name="record_type"),
        Index(None, "url", "payload_digest"),
        Index(None, "article_id"),
        Index(None, "warc_file", "offset"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str]
    warc_file: Mapped[str]
    offset: Mapped[int] = mapped_column(BigInteger)
    length: Mapped[int] = mapped_column(BigInteger)
    record_type: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[int]
    content_type: Mapped[str | None]
    fetched_at: Mapped[datetime]
    payload_digest: Mapped[str] = mapped_column(String(64))
    refers_to_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id", ondelete="SET NULL"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))


EVENT_KINDS = ("removed", "returned")


class ArticleEvent(Base):
    """An article leaving the portal or coming back, with the evidence; never a deletion."""

    __tablename__ = "article_events"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(map(repr, EVENT_KINDS))})", name="kind"),
        Index(None, "article_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    evidence: Mapped[str]
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id", ondelete="SET NULL"))
