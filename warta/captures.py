"""Where a crawl's WARC captures go, and ``warta captures verify`` to read them all back."""

from __future__ import annotations

import os
from pathlib import Path

import click

from storage import Archive
from storage.warc_check import check_record

CAPTURES_ENV = "WARTA_CAPTURES_DIR"


def captures_dir(database_url: str, given: str | None) -> Path | None:
    """``--captures DIR``, else ``$WARTA_CAPTURES_DIR``, else beside an SQLite archive
    (``warta.db`` → ``warta-captures/``); None for a database server with neither."""
    chosen = (given or "").strip() or os.environ.get(CAPTURES_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser().resolve()
    if database_url.startswith("sqlite:///"):
        db = Path(database_url.removeprefix("sqlite:///"))
        return db.with_name(f"{db.stem}-captures")
    return None


def capture_settings(database_url: str, given: str | None, mode: str) -> dict[str, str]:
    """The crawl's WARTA_CAPTURE* settings; a server archive must name its captures folder."""
    if mode == "none":
        return {"WARTA_CAPTURE": "none"}
    folder = captures_dir(database_url, given)
    if folder is None:
        raise click.UsageError(
            "an archive on a database server keeps its captures in a folder you name: "
            f"--captures DIR or ${CAPTURES_ENV} (or --no-captures)"
        )
    return {"WARTA_CAPTURES_DIR": str(folder), "WARTA_CAPTURE": mode}


def verify(archive: Archive, folder: Path) -> tuple[int, list[str]]:
    """Re-read every indexed record; returns how many were checked and what is wrong."""
    checked, problems = 0, []
    for indexed in archive.indexed_records():
        checked += 1
        if (problem := check_record(folder, indexed)) is not None:
            problems.append(problem)
    return checked, problems
