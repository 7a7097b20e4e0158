"""What the commands share: which archive (and captures folder) they use, and its help text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import click

from storage import (
    Archive,
    StorageError,
    archive_exists,
    display_url,
    open_archive,
    resolve_database_url,
)

WIB = ZoneInfo("Asia/Jakarta")
CAPTURES_HELP = (
    "Folder for WARC captures [default: $WARTA_CAPTURES_DIR, else beside an SQLite archive: "
    "warta.db -> warta-captures/]."
)
DB_HELP = (
    "Archive: an SQLite file or a database URL [default: $WARTA_DATABASE_URL, else ./warta.db]."
)


def database_url_option(db: str | None) -> str:
    """``--db`` if given, else ``WARTA_DATABASE_URL``, else ``./warta.db`` (storage's rule)."""
    return resolve_database_url(db)


def existing_archive_url(db: str | None) -> str:
    """The archive --db names, which must exist: commands that only read never create one."""
    database_url = database_url_option(db)
    if not archive_exists(database_url):
        raise click.ClickException(
            f"no archive at {display_url(database_url)}: crawl into it first, or name one with "
            "--db or WARTA_DATABASE_URL"
        )
    return database_url


def existing_archive(db: str | None) -> Archive:
    """For commands that only read: a missing archive file is an error, never created empty."""
    database_url = existing_archive_url(db)
    try:
        return open_archive(database_url)
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc


def open_checked(database_url: str) -> None:
    """Open (and migrate) the archive up front so a bad ``--db`` is one readable line; runs
    left ``running`` by a crawl that was killed are marked interrupted on the way."""
    try:
        archive = open_archive(database_url)
        archive.interrupt_dead_runs()
        archive.close()
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
