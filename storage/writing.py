"""The write path every part of the archive shares: one transaction, site rows, table lookup.

A transaction's new site and tag ids are cached only once it commits, so a rolled-back batch
never leaves the cache pointing at rows that do not exist.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Engine, Table, update
from sqlalchemy.exc import IntegrityError, OperationalError

from storage.db import write_transaction
from storage.errors import StorageError
from storage.models import Base, Site
from storage.rows import utc_now


def table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


@dataclass
class Learned:
    """Site and tag ids written by the current transaction; cached only once it commits."""

    site_ids: set[str] = field(default_factory=set)
    tag_ids: dict[str, int] = field(default_factory=dict)


class Writer:
    """Owns the engine; the archive's parts (articles, runs, …) write through it."""

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
        given = without_none({"name": name, "base_url": base_url, "timezone": timezone})
        row: dict[str, Any] = {"site_id": site_id, "name": site_id, "first_seen_at": utc_now()}
        with self._writing() as (conn, learned):
            if not insert_ignore(conn, Site, row | given):
                conn.execute(update(Site).where(Site.site_id == site_id).values(given))
            learned.site_ids.add(site_id)

    @contextmanager
    def _writing(self) -> Iterator[tuple[Connection, Learned]]:
        learned = Learned()
        try:
            with write_transaction(self.engine) as conn:
                yield conn, learned
        except OperationalError as exc:
            where = self.engine.url.render_as_string(hide_password=True)
            raise StorageError(f"cannot write to {where}: {exc.orig}") from exc
        self._site_ids |= learned.site_ids
        self._tag_ids.update(learned.tag_ids)

    def _ensure_site_row(self, conn: Connection, learned: Learned, site_id: str) -> None:
        if site_id in self._site_ids or site_id in learned.site_ids:
            return
        row = {"site_id": site_id, "name": site_id, "timezone": "Asia/Jakarta"}
        insert_ignore(conn, Site, row | {"first_seen_at": utc_now()})
        learned.site_ids.add(site_id)


def insert_ignore(conn: Connection, model: type[Base], row: Mapping[str, Any]) -> bool:
    """Insert row unless it collides with a unique key; True if it was inserted."""
    try:
        with conn.begin_nested():
            conn.execute(table(model).insert(), row)
    except IntegrityError:
        return False
    return True


def without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
