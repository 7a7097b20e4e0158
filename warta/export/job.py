"""What every format is handed (the job) and hands back (the files it wrote, as resources).

A format is a small object behind the ``Exporter`` protocol, found by name in
``warta.export.registry``: adding one touches no ``if format == …`` chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection

from storage.export_rows import article_chunks, revision_rows, view_rows
from storage.export_selection import Selection
from warta.export.values import add_local_time

Advance = Callable[[int], None]
TICK = 500  # rows between two moves of the progress bar


class ExportError(Exception):
    """An export that cannot be made as asked; the message is one line for a person."""


def warta_version() -> str:
    """The installed Warta's version: recorded in every export, since it shapes the files."""
    try:
        return version("warta")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class Progress(Protocol):
    """Shown on a terminal (``warta.export.progress``); silent otherwise and in tests."""

    def phase(self, description: str, total: int | None) -> Advance: ...


class NoProgress:
    def phase(self, description: str, total: int | None) -> Advance:
        return lambda _: None


@dataclass(frozen=True)
class Resource:
    """One written file, as the datapackage lists it."""

    path: str  # relative to the export folder, with forward slashes
    name: str  # lower case, digits, '-', '_', '.'
    format: str
    mediatype: str
    rows: int  # records, rows or index lines, as ``count_label`` says
    description: str
    table: str | None = None  # "articles", "revisions" or "views": its field schema
    tabular: bool = False  # a table Frictionless reads and counts (CSV, JSONL)
    parquet: bool = False
    count_label: str = "rows"
    omitted: tuple[str, ...] = ()  # the table's fields this file leaves out (partition keys)


@dataclass
class Job:
    """One export: the open archive connection, the selection, and where to write."""

    conn: Connection
    selection: Selection
    out: Path  # the (temporary) export folder
    total: int  # selected articles
    with_revisions: bool = False
    with_views: bool = False
    partitioned: bool = False
    captures: Path | None = None
    progress: Progress = field(default_factory=NoProgress)

    def article_chunks(self, *, by_partition: bool = False) -> Iterator[list[dict[str, Any]]]:
        """The selected articles a chunk at a time, the progress bar advanced per chunk."""
        advance = self.progress.phase("articles", self.total)
        for chunk in article_chunks(self.conn, self.selection, by_partition=by_partition):
            yield [add_local_time(row) for row in chunk]
            advance(len(chunk))

    def extra_tables(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """The revisions and view history, when asked for."""
        if self.with_revisions:
            yield "revisions", self._counted("revisions", revision_rows(self.conn, self.selection))
        if self.with_views:
            yield "views", self._counted("view counts", view_rows(self.conn, self.selection))

    def _counted(
        self, description: str, rows: Iterator[dict[str, Any]]
    ) -> Iterator[dict[str, Any]]:
        advance = self.progress.phase(description, None)
        done = 0
        for done, row in enumerate(rows, start=1):
            yield row
            if done % TICK == 0:
                advance(TICK)
        advance(done % TICK)


TableWriter = Callable[[Path, str, Iterator[dict[str, Any]]], Resource]


def write_row_tables(job: Job, write_table: TableWriter) -> list[Resource]:
    """Articles, then each extra table asked for, a file each (the JSONL and CSV formats)."""
    rows = (row for chunk in job.article_chunks() for row in chunk)
    written = [write_table(job.out, "articles", rows)]
    written += [write_table(job.out, name, found) for name, found in job.extra_tables()]
    return written


class Exporter(Protocol):
    """A format: writes its files into ``job.out`` and says what they are."""

    extra_tables: bool  # it can write the revisions and view history too

    def write(self, job: Job) -> list[Resource]: ...
