"""JSONL: one article per line, every field of the record; revisions and views beside it.

UTF-8, ``\\n`` after every record, keys in schema order, no spaces: the same archive gives
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from warta.export.fields import TABLES
from warta.export.job import Job, Resource, write_row_tables
from warta.export.values import json_line

DESCRIPTIONS = {
    "articles": "One article per line: the latest version of each selected article",
    "revisions": "Every content each selected article has had, oldest first",
    "views": "View-count history: a line whenever the count changed",
}


class JsonLines:
    extra_tables = True

    def write(self, job: Job) -> list[Resource]:
        return write_row_tables(job, write_table)


def write_table(folder: Path, table: str, rows: Iterable[dict[str, Any]]) -> Resource:
    fields = TABLES[table]
    count = 0
    with (folder / f"{table}.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for count, row in enumerate(rows, start=1):  # noqa: B007  (the count is kept)
            out.write(json_line(fields, row))
    return Resource(
        path=f"{table}.jsonl",
        name=table,
        format="jsonl",
        mediatype="application/jsonl",
        rows=count,
        description=DESCRIPTIONS[table],
        table=table,
        tabular=True,
    )


def lines(path: Path) -> Iterator[str]:
    """The records of a JSONL file, for verify: one per ``\\n``-ended line."""
    with path.open("r", encoding="utf-8", newline="\n") as found:
        yield from found
