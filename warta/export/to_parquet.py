"""Parquet (pyarrow): typed columns, optionally one file per portal and year (Hive layout).

Instants are ``timestamp[us, tz=UTC]``, counts ``int64``, tags and aliases
``list<string>``; rows go out a row group at a time, so memory holds one group. Partitioned,
the files sit at ``articles/site_id=<site>/year=<year>/part-0.parquet`` (the year of
publication in WIB, ``year=undated`` for undated articles: with Hive's null partition
pandas fails, "Cannot yet unify dictionaries with nulls") and carry neither column: pandas,
DuckDB and Spark read them from the path (``year`` as text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from storage.search_sql import WIB
from warta.export.fields import TABLES, Field, Kind
from warta.export.job import Job, Resource
from warta.export.to_jsonl import DESCRIPTIONS

ROW_GROUP: Final = 2_000  # rows per group: a few MiB of text, and fast to scan
NO_YEAR: Final = "undated"
MEDIATYPE: Final = "application/vnd.apache.parquet"
_ARROW: Final[dict[Kind, pa.DataType]] = {
    "integer": pa.int64(),
    "string": pa.string(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "local_datetime": pa.string(),
    "list": pa.list_(pa.string()),
}
PARTITION_COLUMNS: Final = ("site_id",)


def arrow_schema(fields: Iterable[Field]) -> pa.Schema:
    return pa.schema([pa.field(f.name, _ARROW[f.kind], nullable=not f.required) for f in fields])


class ParquetFiles:
    extra_tables = True

    def write(self, job: Job) -> list[Resource]:
        if job.partitioned:
            written = list(_partitions(job))
        else:
            rows = (row for chunk in job.article_chunks() for row in chunk)
            written = [_write(job.out, "articles.parquet", "articles", "articles", rows)]
        for name, found in job.extra_tables():
            written.append(_write(job.out, f"{name}.parquet", name, name, found))
        return written


def _partitions(job: Job) -> Iterator[Resource]:
    """One file per portal and year, each written in one stretch (rows come in that order)."""
    fields = [f for f in TABLES["articles"] if f.name not in PARTITION_COLUMNS]
    names: set[str] = set()
    parts: dict[tuple[str, str], int] = {}  # files per partition: one, unless rows came apart
    key: tuple[str, str] | None = None
    current: TableFile | None = None
    for chunk in job.article_chunks(by_partition=True):
        for row in chunk:
            published = row["published_at"]
            year = str(published.astimezone(WIB).year) if published is not None else NO_YEAR
            if current is None or key != (row["site_id"], year):
                if current is not None:
                    yield current.close()
                key = (row["site_id"], year)
                part = parts[key] = parts.get(key, -1) + 1
                name = _resource_name(f"articles-{row['site_id']}-{year}", names)
                path = f"articles/site_id={row['site_id']}/year={year}/part-{part}.parquet"
                current = TableFile(job.out, path, name, "articles", fields)
            current.add(row)
    if current is not None:
        yield current.close()


def _write(
    folder: Path, path: str, name: str, table: str, rows: Iterable[dict[str, Any]]
) -> Resource:
    written = TableFile(folder, path, name, table, TABLES[table])
    for row in rows:
        written.add(row)
    return written.close()


class TableFile:
    """One Parquet file being written, a row group at a time."""

    def __init__(
        self, folder: Path, path: str, name: str, table: str, fields: Iterable[Field]
    ) -> None:
        self.path, self.name, self.table = path, name, table
        self.fields = list(fields)
        self.schema = arrow_schema(self.fields)
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        self.writer = pq.ParquetWriter(target, self.schema)
        self.group: list[dict[str, Any]] = []
        self.rows = 0

    def add(self, row: dict[str, Any]) -> None:
        self.group.append(row)
        if len(self.group) == ROW_GROUP:
            self._flush()

    def close(self) -> Resource:
        if self.group or self.rows == 0:
            self._flush()
        self.writer.close()
        omitted = tuple(f.name for f in TABLES[self.table] if f not in self.fields)
        where = "; site_id and year are in its path (Hive partitioning)" if omitted else ""
        return Resource(
            path=self.path,
            name=self.name,
            format="parquet",
            mediatype=MEDIATYPE,
            rows=self.rows,
            description=DESCRIPTIONS[self.table] + where,
            table=self.table,
            parquet=True,
            omitted=omitted,
        )

    def _flush(self) -> None:
        columns = {f.name: [_value(f, row[f.name]) for row in self.group] for f in self.fields}
        self.writer.write_table(pa.table(columns, schema=self.schema), row_group_size=ROW_GROUP)
        self.rows += len(self.group)
        self.group = []
        # mimalloc, pyarrow's pool, keeps freed pages for reuse; handing them back after each
        # group keeps the peak flat as row groups follow one another (bench_export.py)
        pa.default_memory_pool().release_unused()


def _value(field: Field, value: Any) -> Any:
    """A row's value as its Arrow column takes it: the local time as ISO 8601 text."""
    if field.kind == "local_datetime" and value is not None:
        return value.isoformat()
    return value


def _resource_name(wanted: str, taken: set[str]) -> str:
    """A datapackage resource name: lower case, digits, ``-``, ``_``, ``.``; unique."""
    base = re.sub(r"[^a-z0-9._-]+", "-", wanted.lower())
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def count_rows(path: Path) -> int:
    return int(pq.ParquetFile(path).metadata.num_rows)
