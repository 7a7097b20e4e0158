"""A progress bar per phase of an export, on stderr, and only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from warta.export.job import Advance, NoProgress
from warta.export.job import Progress as ProgressProtocol


class Bars:
    """One bar per phase (articles, then revisions and view counts when asked)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def phase(self, description: str, total: int | None) -> Advance:
        task = self.progress.add_task(description, total=total)

        def advance(done: int) -> None:
            self.progress.advance(task, done)

        return advance


@contextmanager
def terminal_progress() -> Iterator[ProgressProtocol]:
    """Bars when a person watches (stderr is a terminal); nothing in a pipe, a log or a test."""
    if not sys.stderr.isatty():
        yield NoProgress()
        return
    columns = (
        TextColumn("{task.description:<12}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield Bars(progress)
