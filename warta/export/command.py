"""``warta export`` and ``warta verify``: the archivist's deposit, and its check years later.

The work is ``warta.export.run`` and ``warta.export.verify``; this module reads the options
and turns errors into one line each.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Final

import click

from storage import StorageError
from storage.export_selection import ExportFilters, SelectionError
from warta.captures import captures_dir
from warta.export.job import ExportError
from warta.export.registry import FORMATS
from warta.options import CAPTURES_HELP, DB_HELP, database_url_option, existing_archive

_DAY: Final = click.DateTime(formats=["%Y-%m-%d"])


class BadFilter(click.ClickException):
    """A filter that selects nothing meaningful (unknown site, unreadable query): exit 2."""

    exit_code = 2


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), required=True, help="File format."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    metavar="DIR",
    help="New or empty folder to write (replaced only with --force).",
)
@click.option("--db", help=DB_HELP)
@click.option("--captures", "folder", metavar="DIR", help=CAPTURES_HELP)
@click.option(
    "--site", "site_ids", multiple=True, metavar="SITE_ID", help="Only this portal (repeat)."
)
@click.option("--since", type=_DAY, help="Published on or after this day (WIB).")
@click.option("--until", type=_DAY, help="Published on or before this day (WIB).")
@click.option("--tag", help="Only articles with this tag (case ignored).")
@click.option("--query", help='Only articles matching this search ("phrase", a OR b, -word).')
@click.option("--one-per-cluster", is_flag=True, help="Of copies across portals, the first only.")
@click.option("--with-revisions", is_flag=True, help="Also every revision (jsonl, csv, parquet).")
@click.option(
    "--with-views", is_flag=True, help="Also the view-count history (jsonl, csv, parquet)."
)
@click.option("--partitioned", is_flag=True, help="Parquet: a file per portal and year (Hive).")
@click.option("--force", is_flag=True, help="Replace a non-empty --out folder.")
def export_command(
    fmt: str,
    out: Path,
    db: str | None,
    folder: str | None,
    site_ids: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    tag: str | None,
    query: str | None,
    one_per_cluster: bool,
    with_revisions: bool,
    with_views: bool,
    partitioned: bool,
    force: bool,
) -> None:
    """Export articles for deposit: JSONL, CSV, Parquet, or the stored captures as WARC or
    WACZ, with datapackage.json (checksums, counts, field types, filters) and a README.

    The same archive and the same command give byte-identical files.
    """
    from warta.export.progress import terminal_progress
    from warta.export.run import ExportRequest, run_export

    filters = ExportFilters(
        site_ids=site_ids,
        since=since.date() if since else None,
        until=until.date() if until else None,
        tag=tag,
        query=query,
        one_per_cluster=one_per_cluster,
    )
    database_url = database_url_option(db)
    captures = captures_dir(database_url, folder)
    request = ExportRequest(
        fmt, out, filters, with_revisions, with_views, partitioned, captures, force
    )
    keep = [p for p in (_database_file(database_url), captures) if p is not None]
    archive = existing_archive(db)
    try:
        with terminal_progress() as progress:
            done = run_export(archive, request, progress=progress, keep=keep)
    except SelectionError as exc:
        raise BadFilter(str(exc)) from exc
    except (ExportError, StorageError) as exc:  # StorageError: a capture unreadable, say
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:  # disk full, permission denied: nothing is left half written
        raise click.ClickException(f"cannot write the export: {exc}") from exc
    finally:
        archive.close()
    click.echo(f"{done.articles} articles exported as {fmt} to {out}:")
    for resource in done.resources:
        click.echo(f"  {resource.path}  {resource.rows} {resource.count_label}")
    click.echo(f"  datapackage.json, README.md\nCheck it any time: warta verify {out}")


@click.command("verify")
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
def verify_command(folder: Path) -> None:
    """Check an export against its datapackage.json: every file's size, SHA-256 and count.

    Prints one line per difference, naming the file and both values; exit code 1 if any.
    """
    from warta.export.verify import verify

    checked, problems = verify(folder)
    files = f"{checked} file{'' if checked == 1 else 's'}"
    for problem in problems:
        click.echo(problem)
    if problems:
        n = len(problems)
        click.echo(f"{files} listed in {folder}: {n} difference{'' if n == 1 else 's'}")
        sys.exit(1)
    click.echo(f"{files} in {folder}: sizes, SHA-256 and counts all match")


def _database_file(database_url: str) -> Path | None:
    if database_url.startswith("sqlite:///"):
        return Path(database_url.removeprefix("sqlite:///"))
    return None
