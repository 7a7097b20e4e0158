"""Where an export is written: a folder beside ``--out`` renamed into place when complete.

The folder is named ``<out>.incomplete-<pid>`` while it fills, removed if the export fails,
and holds no ``datapackage.json`` until the very end: an export interrupted at any moment
leaves nothing that looks complete. A non-empty ``--out`` is replaced only with ``--force``,
and never when it holds the current folder, the archive or its captures.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from warta.export.job import ExportError


def check_target(out: Path, *, force: bool, keep: Sequence[Path] = ()) -> None:
    """ExportError, in one line, when ``out`` must not be written."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} is a file, not a folder")
    if not out.is_dir() or not any(out.iterdir()):
        return
    if not force:
        raise ExportError(
            f"--out {out} is not empty: name a new or empty folder, or --force to replace it"
        )
    resolved = out.resolve()
    for precious in (Path.cwd(), Path.home(), *keep):
        held = precious.resolve()
        if held == resolved or resolved in held.parents:
            raise ExportError(f"--force would delete {out}, which holds {precious}: refused")


@contextmanager
def staged(out: Path, *, force: bool, keep: Sequence[Path] = ()) -> Iterator[Path]:
    """A fresh folder to write the export into, put in place of ``out`` when all went well."""
    check_target(out, force=force, keep=keep)
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.parent / f"{out.name}.incomplete-{os.getpid()}"
    if temp.exists():  # left by an earlier process that had this pid and was killed
        shutil.rmtree(temp)
    temp.mkdir()
    try:
        yield temp
        _put_in_place(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _put_in_place(temp: Path, out: Path) -> None:
    if not out.exists():
        temp.rename(out)
        return
    if not any(out.iterdir()):
        out.rmdir()
        temp.rename(out)
        return
    old = out.parent / f"{out.name}.replaced-{os.getpid()}"
    out.rename(old)
    temp.rename(out)
    shutil.rmtree(old)
