"""Opening archives: URL resolution, SQLite settings on every connection, readable failures."""

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from storage import (
    Archive,
    StorageError,
    archive_exists,
    display_url,
    make_engine,
    open_archive,
    resolve_database_url,
)
from tests.storage.conftest import make_data, query


def test_db_option_wins_over_the_environment_which_wins_over_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WARTA_DATABASE_URL", "postgresql+psycopg://u@db/warta")
    assert resolve_database_url("/tmp/asked.db") == "sqlite:////tmp/asked.db"
    assert resolve_database_url(None) == "postgresql+psycopg://u@db/warta"
    assert resolve_database_url("postgresql+psycopg://me@h/x") == "postgresql+psycopg://me@h/x"
    monkeypatch.setenv("WARTA_DATABASE_URL", "  ")
    assert resolve_database_url(None) == f"sqlite:///{tmp_path.resolve()}/warta.db"


def test_display_url_never_shows_a_password() -> None:
    shown = display_url("postgresql+psycopg://warta:s3cret@db.example/arsip")
    assert "s3cret" not in shown
    assert shown == "postgresql+psycopg://warta:***@db.example/arsip"
    assert display_url("sqlite:////srv/warta.db") == "/srv/warta.db"


def test_archive_exists_only_for_a_file_that_is_there(tmp_path: Path) -> None:
    (tmp_path / "there.db").write_bytes(b"")
    assert archive_exists(f"sqlite:///{tmp_path}/there.db")
    assert not archive_exists(f"sqlite:///{tmp_path}/typo.db")
    assert archive_exists("postgresql+psycopg://u@db/warta")  # the server decides


def test_relative_and_default_paths_become_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("WARTA_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_database_url("data/a.db") == f"sqlite:///{tmp_path.resolve()}/data/a.db"
    assert resolve_database_url(None) == f"sqlite:///{tmp_path.resolve()}/warta.db"


def test_every_connection_gets_the_pragmas(archive: Archive) -> None:
    with archive.engine.connect() as first, archive.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1


def test_wal_is_recorded_in_the_file(archive: Archive, db_path: Path) -> None:
    archive.save_article(make_data())
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_foreign_keys_are_enforced(archive: Archive) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), archive.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO article_aliases (url, article_id, first_seen_at)"
                " VALUES ('https://x', 12345, '2024-01-01 00:00:00')"
            )
        )


def test_reopening_keeps_data(db_path: Path) -> None:
    first = open_archive(f"sqlite:///{db_path}")
    first.save_article(make_data())
    first.close()
    second = open_archive(f"sqlite:///{db_path}")
    assert second.counts()["articles"] == 1
    second.close()


def assert_one_line(error: StorageError, *fragments: str) -> None:
    message = str(error)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message


def test_missing_directory_is_a_storage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "deeper"
    with pytest.raises(StorageError) as caught:
        open_archive(f"sqlite:///{missing / 'a.db'}")
    assert_one_line(caught.value, str(missing), "does not exist")


def test_directory_as_database_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        open_archive(f"sqlite:///{tmp_path}")
    assert_one_line(caught.value, str(tmp_path), "is a directory")


def test_non_database_file_is_a_storage_error(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"this is not sqlite, just some notes " * 200)
    with pytest.raises(StorageError) as caught:
        open_archive(f"sqlite:///{garbage}")
    assert_one_line(caught.value, str(garbage), "not a database")


def test_unwritable_directory_is_a_storage_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running with privileges that ignore directory permissions")
        with pytest.raises(StorageError) as caught:
            open_archive(f"sqlite:///{locked / 'a.db'}")
        assert_one_line(caught.value, str(locked), "not writable")
    finally:
        locked.chmod(0o700)


def test_failed_write_is_a_storage_error(archive: Archive, db_path: Path) -> None:
    event.listen(archive.engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA query_only=ON"))
    archive.engine.dispose()
    with pytest.raises(StorageError) as caught:
        archive.save_article(make_data())
    assert_one_line(caught.value, str(db_path), "readonly")


def test_unknown_driver_is_a_storage_error() -> None:
    with pytest.raises(StorageError) as caught:
        make_engine("postgresql+nosuchdriver://user:secret@db/warta")
    assert_one_line(caught.value, "cannot use database URL")
    assert "secret" not in str(caught.value)


def test_newer_schema_is_a_storage_error(db_path: Path) -> None:
    open_archive(f"sqlite:///{db_path}").close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(StorageError) as caught:
        open_archive(f"sqlite:///{db_path}")
    assert_one_line(caught.value, "9999_from_the_future", "newer Warta")
