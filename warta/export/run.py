"""One export from start to finish: check the filters, write the files into a staging folder,
describe them (datapackage.json last), and put the folder in place.

Everything is read on one connection in one transaction: one snapshot of the archive, even
while a crawl writes to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storage import Archive
from storage.export_rows import count_articles, coverage, crawl_runs
from storage.export_selection import ExportFilters, select_articles
from warta.export import datapackage, readme
from warta.export.job import ExportError, Job, NoProgress, Progress, Resource
from warta.export.output import staged
from warta.export.registry import exporter


@dataclass(frozen=True)
class ExportRequest:
    format: str
    out: Path
    filters: ExportFilters = field(default_factory=ExportFilters)
    with_revisions: bool = False
    with_views: bool = False
    partitioned: bool = False
    captures: Path | None = None
    force: bool = False


@dataclass(frozen=True)
class ExportDone:
    articles: int
    resources: list[Resource]


def run_export(
    archive: Archive,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    keep: Sequence[Path] = (),
) -> ExportDone:
    """Write the export; ExportError (or storage's SelectionError) says why it cannot be."""
    chosen = exporter(request.format)
    if (request.with_revisions or request.with_views) and not chosen.extra_tables:
        raise ExportError(
            f"--with-revisions and --with-views go with jsonl, csv or parquet, not {request.format}"
        )
    if request.partitioned and request.format != "parquet":
        raise ExportError("--partitioned is for --format parquet")
    with archive.engine.connect() as conn:
        selection = select_articles(conn, request.filters)
        total = count_articles(conn, selection)
        if total == 0:
            raise ExportError("no article matches these filters: nothing exported")
        with staged(request.out, force=request.force, keep=keep) as folder:
            job = Job(
                conn,
                selection,
                folder,
                total,
                with_revisions=request.with_revisions,
                with_views=request.with_views,
                partitioned=request.partitioned,
                captures=request.captures,
                progress=progress or NoProgress(),
            )
            resources = chosen.write(job)
            facts = datapackage.ExportFacts(
                format=request.format,
                filters=request.filters,
                with_revisions=request.with_revisions,
                with_views=request.with_views,
                partitioned=request.partitioned,
                coverage=coverage(conn, selection),
                runs=crawl_runs(conn, selection),
            )
            descriptor = datapackage.describe(folder, resources, facts)
            readme.write(folder, descriptor)
            datapackage.write(folder, descriptor)  # last: only a complete export has one
    return ExportDone(total, resources)
