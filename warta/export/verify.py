"""``warta verify DIR``: every file of an export checked against its ``datapackage.json``.

Size, SHA-256 and count are recomputed from the files (rows read as their format reads them:
a CSV body's line breaks are not rows), and each difference is one line naming the file and
both values. A file the datapackage does not list is a difference too.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Final

from warcio.archiveiterator import ArchiveIterator

from warta.export import datapackage, readme
from warta.export.to_csv import count_rows as csv_rows
from warta.export.to_jsonl import lines

UNITS: Final = {"warc": "records", "wacz": "WARC records", "cdxj": "lines"}


def verify(folder: Path) -> tuple[int, list[str]]:
    """How many files were checked, and what differs (empty when all match)."""
    package = folder / datapackage.NAME
    try:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        resources = list(descriptor["resources"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"not a data package ({exc})"
        return 0, [f"{package}: cannot be read: {reason} (an export is complete only with it)"]
    problems: list[str] = []
    for resource in resources:
        problems += _check(folder, resource)
    listed = {resource["path"] for resource in resources} | {datapackage.NAME, readme.NAME}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name not in listed:
            problems.append(f"{name}: not listed in {datapackage.NAME}")
    return len(resources), problems


def _check(folder: Path, resource: dict[str, Any]) -> list[str]:
    name = resource["path"]
    path = folder / name
    if not path.is_file():
        return [f"{name}: missing"]
    size, digest = datapackage.file_facts(path)
    said = f"{datapackage.NAME} says"
    problems = []
    if size != resource.get("bytes"):
        problems.append(f"{name}: {size} bytes, {said} {resource.get('bytes')}")
    if digest != resource.get("hash"):
        problems.append(f"{name}: SHA-256 {_hex(digest)}, {said} {_hex(resource.get('hash'))}")
    expected = resource.get("rows", resource.get(datapackage.RECORDS))
    kind = resource.get("format", "")
    counter = _COUNTERS.get(kind)
    if counter is None:
        return [*problems, f"{name}: unknown format {kind!r}"]
    try:
        found = counter(path)
    except Exception as exc:  # a damaged file: each reader fails its own way
        return [*problems, f"{name}: cannot be read as {kind} ({exc})"]
    if found != expected:
        problems.append(f"{name}: {found} {UNITS.get(kind, 'rows')}, {said} {expected}")
    return problems


def _warc_records(stream: IO[bytes]) -> int:
    return sum(1 for _ in ArchiveIterator(stream))


def _warc_file(path: Path) -> int:
    with path.open("rb") as stream:
        return _warc_records(stream)


def _wacz(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        inside = [n for n in package.namelist() if n.startswith("archive/")]
        total = 0
        for name in inside:
            with package.open(name) as stream:
                total += _warc_records(stream)
        return total


def _parquet(path: Path) -> int:
    from warta.export.to_parquet import count_rows  # pyarrow only when there is Parquet

    return count_rows(path)


def _text_lines(path: Path) -> int:
    return sum(1 for _ in lines(path))


def _hex(digest: object) -> str:
    return str(digest).removeprefix("sha256:")


_COUNTERS: Final[dict[str, Callable[[Path], int]]] = {
    "jsonl": _text_lines,
    "csv": csv_rows,
    "parquet": _parquet,
    "warc": _warc_file,
    "cdxj": _text_lines,
    "wacz": _wacz,
}
