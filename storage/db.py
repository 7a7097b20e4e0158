"""Opening an archive database: URL resolution, engine settings, and migrations to the head.

SQLite gets WAL, foreign keys and a busy timeout on every connection, and write transactions
take the write lock at BEGIN, so several crawler processes can share one file.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError

from storage.errors import StorageError

DATABASE_URL_ENV = "WARTA_DATABASE_URL"
DEFAULT_DB_PATH = "./warta.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = (
    "busy_timeout=30000",
    "journal_mode=WAL",
    "foreign_keys=ON",
    "synchronous=NORMAL",
    "cache_size=-32768",  # 32 MiB: the indexes a batch touches stay in memory as they grow
)
_BEGIN_OPTION = "warta_sqlite_begin"
_BEGIN_STATEMENTS = {"deferred": "BEGIN", "immediate": "BEGIN IMMEDIATE"}
_PG_MIGRATION_LOCK_KEY = 0x57415254  # "WART": serializes concurrent upgrades on PostgreSQL


def resolve_database_url(db: str | None) -> str:
    """The one rule every command follows: ``--db`` if given, else $WARTA_DATABASE_URL, else
    ``./warta.db``. What was asked for explicitly wins over the environment.

    ``db`` is a file path (made absolute) or any SQLAlchemy URL (``postgresql+psycopg://…``).
    """
    chosen = (db or "").strip() or os.environ.get(DATABASE_URL_ENV, "").strip()
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen or DEFAULT_DB_PATH).expanduser().resolve()}"


def archive_exists(url: str) -> bool:
    """False for an SQLite file that is not there, so a reading command does not create one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return True
    return Path(parsed.database).is_file()


def display_url(url: str | URL) -> str:
    """The archive's URL as it may be shown or logged: a file path, or a URL with no password."""
    return _shown(url)


def make_engine(url: str) -> Engine:
    """An engine for url; SQLite paths are checked up front so mistakes read as one line."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"cannot use database URL {_shown(url)}: {exc}") from exc
    _check_sqlite_path(parsed)
    engine = create_engine(parsed)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: on SQLite it locks at BEGIN, so busy_timeout applies."""
    with engine.connect() as conn:
        conn.execution_options(**{_BEGIN_OPTION: "immediate"})
        with conn.begin():
            yield conn


def alembic_config() -> Config:
    """Alembic configuration built in code, so the installed package needs no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (SQLite: foreign keys checked after)."""
    config = alembic_config()
    is_sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            if is_sqlite:
                _set_sqlite_foreign_keys(conn, enabled=False)
            try:
                conn.execution_options(**{_BEGIN_OPTION: "immediate"})
                with conn.begin():
                    if engine.dialect.name == "postgresql":
                        conn.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"),
                            {"key": _PG_MIGRATION_LOCK_KEY},
                        )
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
                    if is_sqlite:
                        _check_sqlite_foreign_keys(conn)
            finally:
                if is_sqlite and not conn.invalidated:
                    _set_sqlite_foreign_keys(conn, enabled=True)
    except DBAPIError as exc:
        raise StorageError(f"cannot open database {_shown(engine.url)}: {exc.orig}") from exc
    except CommandError as exc:
        raise StorageError(
            f"cannot migrate database {_shown(engine.url)}: {exc} "
            "(was it written by a newer Warta?)"
        ) from exc


def _shown(url: str | URL) -> str:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return repr(str(url))
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _check_sqlite_path(url: URL) -> None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or url.query.get("uri"):
        return
    path = Path(database)
    parent = path.absolute().parent
    if not parent.is_dir():
        raise StorageError(f"cannot open database {path}: directory {parent} does not exist")
    if path.is_dir():
        raise StorageError(f"cannot open database {path}: it is a directory, not a file")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise StorageError(f"cannot open database {path}: directory {parent} is not writable")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StorageError(f"cannot open database {path}: file is not readable and writable")


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "deferred")
    conn.exec_driver_sql(_BEGIN_STATEMENTS[mode])


def _set_sqlite_foreign_keys(conn: Connection, *, enabled: bool) -> None:
    cursor = conn.connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")
    finally:
        cursor.close()


def _check_sqlite_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise StorageError(f"migration left {len(broken)} broken foreign keys, e.g. {broken[0]}")
