"""CSV: one row per article, UTF-8 with a header, RFC 4180 quoting.

Records end in CRLF; a field holding a comma, a quote or a line break (bodies hold all
three) is quoted, its quotes doubled, so LibreOffice, pandas and Python's csv module read
it with no options. No value is empty text in the archive where it matters, so an empty
cell is no value; a list (tags, aliases) is a JSON array, since a tag may hold a comma.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warta.export.fields import TABLES
from warta.export.job import Job, Resource, write_row_tables
from warta.export.to_jsonl import DESCRIPTIONS
from warta.export.values import csv_cell


class CsvTables:
    extra_tables = True

    def write(self, job: Job) -> list[Resource]:
        return write_row_tables(job, write_table)


def write_table(folder: Path, table: str, rows: Iterable[dict[str, Any]]) -> Resource:
    fields = TABLES[table]
    count = 0
    with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
        writer.writerow([field.name for field in fields])
        for count, row in enumerate(rows, start=1):  # noqa: B007  (the count is kept)
            writer.writerow([csv_cell(field, row[field.name]) for field in fields])
    return Resource(
        path=f"{table}.csv",
        name=table,
        format="csv",
        mediatype="text/csv",
        rows=count,
        description=DESCRIPTIONS[table],
        table=table,
        tabular=True,
    )


def count_rows(path: Path) -> int:
    """Records after the header, read as RFC 4180 (a body's line breaks are not rows)."""
    with path.open("r", encoding="utf-8", newline="") as found:
        return max(sum(1 for _ in csv.reader(found)) - 1, 0)
