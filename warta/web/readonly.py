"""Opening an archive for the web page so that nothing can write to it.

``storage.open_archive`` migrates and the commands mark dead runs, both writes; the page
must not change a file a crawl may be writing. SQLite is opened with ``mode=ro`` and
``query_only`` (the file is never written, even by mistake), each read takes a snapshot,
and a busy timeout covers the rare moment a checkpoint holds the file. PostgreSQL
sessions are made read-only. Nothing is migrated: an archive at another schema is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError

from storage import Archive, StorageError, display_url
from storage.db import alembic_config

BUSY_TIMEOUT_MS: Final = 5000


def open_readonly(database_url: str) -> Archive:
    """An Archive over an engine that cannot write, checked to be at this Warta's schema."""
    engine = readonly_engine(database_url)
    try:
        check_schema(engine, display_url(database_url))
    except BaseException:
        engine.dispose()
        raise
    return Archive(engine)


def readonly_engine(database_url: str) -> Engine:
    try:
        parsed = make_url(database_url)
    except ArgumentError as exc:
        raise StorageError(f"cannot use database URL {display_url(database_url)}: {exc}") from exc
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(parsed, pool_pre_ping=True)
        event.listen(engine, "connect", _postgres_read_only)
        return engine
    path = Path(parsed.database or "")
    if not path.is_file():
        raise StorageError(f"no archive at {path}: crawl into it first, or name one with --db")
    uri = URL.create(
        "sqlite",
        database=f"file:{quote(str(path.resolve()))}",
        query={"mode": "ro", "uri": "true"},
    )
    engine = create_engine(uri)
    event.listen(engine, "connect", _sqlite_read_only)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def check_schema(engine: Engine, where: str) -> None:
    """Refuse an archive that is not at this Warta's schema: nothing is migrated here.
    ``where`` names the archive in the message."""
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    try:
        with engine.connect() as conn:
            current = set(conn.scalars(text("SELECT version_num FROM alembic_version")))
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise StorageError(f"cannot read {where} as a Warta archive: {reason}") from exc
    if current != heads:
        raise StorageError(
            f"the archive at {where} is at schema {', '.join(sorted(current)) or 'none'}, "
            f"this Warta reads {', '.join(sorted(heads))}: run another warta command on it "
            "once (e.g. `warta runs --db …`) to upgrade it, or use the Warta that wrote it"
        )


def _sqlite_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # BEGIN is ours (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """A deferred BEGIN: each read sees one snapshot of a file that a crawl may be writing."""
    conn.exec_driver_sql("BEGIN")


def _postgres_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    finally:
        cursor.close()
    dbapi_connection.commit()
