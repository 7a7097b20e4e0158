"""The commands that work on an archive already crawled: captures, reparse, history, clusters."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click

from warta.captures import captures_dir, verify
from warta.options import CAPTURES_HELP, DB_HELP, WIB, database_url_option, existing_archive


@click.group()
def captures() -> None:
    """The WARC captures: what the portals sent, as archived."""


@captures.command("verify")
@click.option("--db", help=DB_HELP)
@click.option("--captures", "folder", metavar="DIR", help=CAPTURES_HELP)
def captures_verify(db: str | None, folder: str | None) -> None:
    """Re-read every indexed WARC record and check its offset, length, ids and digests.

    Exit code 0 when every record is where the index says and holds what it says, 1 if not.
    """
    archive = existing_archive(db)
    where = captures_dir(database_url_option(db), folder)
    if where is None:
        raise click.UsageError("name the captures folder: --captures DIR or $WARTA_CAPTURES_DIR")
    try:
        checked, problems = verify(archive, where)
    finally:
        archive.close()
    for problem in problems:
        click.echo(problem)
    click.echo(f"{checked} records checked in {where}: {len(problems)} problems")
    sys.exit(1 if problems else 0)


@click.command("reparse")
@click.option("--db", help=DB_HELP)
@click.option("--captures", "folder", metavar="DIR", help=CAPTURES_HELP)
@click.option("--site", "site_id", help="Only this site's articles.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only articles captured on or after this day (WIB).",
)
@click.option("--dry-run", is_flag=True, help="Say what would change; store nothing.")
def reparse_command(
    db: str | None, folder: str | None, site_id: str | None, since: datetime | None, dry_run: bool
) -> None:
    """Extract every article again from its stored capture, with no network.

    What now reads differently is stored as a new revision marked as a re-extraction (not a
    portal edit); per field, how many articles changed is printed.
    """
    from warta.reparse import FIELDS, reparse

    archive = existing_archive(db)
    where = captures_dir(database_url_option(db), folder)
    if where is None:
        raise click.UsageError("name the captures folder: --captures DIR or $WARTA_CAPTURES_DIR")
    start = since.replace(tzinfo=WIB) if since else None
    try:
        report = reparse(archive, where, site_id=site_id, since=start, dry_run=dry_run)
    finally:
        archive.close()
    for problem in report.unreadable:
        click.echo(f"unreadable: {problem}", err=True)
    verb = "would change" if dry_run else "changed"
    click.echo(
        f"{report.read} captured pages read again ({report.pages_per_s:.0f} pages/s): "
        f"{report.changed} articles {verb}"
    )
    for name in FIELDS:
        click.echo(f"  {name}: {report.by_field[name]}")
    if report.no_longer_read:
        click.echo(
            f"  left as they were (no article read in the page now): {report.no_longer_read}"
        )
    sys.exit(1 if report.unreadable else 0)


@click.command("history")
@click.argument("url_or_id")
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for scripts.")
def history_command(url_or_id: str, db: str | None, as_json: bool) -> None:
    """What happened to one article: its revisions (with a word-level diff and who changed
    it), its view counts, its captures, its removal and return."""
    from warta import history

    archive = existing_archive(db)
    try:
        article_id = archive.find_article_id(url_or_id.strip())
        if article_id is None:
            raise click.ClickException(f"no article at {url_or_id!r} in this archive")
        found = archive.history(article_id)
    finally:
        archive.close()
    if as_json:
        click.echo(json.dumps(history.as_json(found), ensure_ascii=False, indent=2))
        return
    for line in history.as_text(found):
        click.echo(line)


@click.group()
def clusters() -> None:
    """Copies of one text across portals (syndicated press releases)."""


@clusters.command("list")
@click.option("--db", help=DB_HELP)
@click.option("--limit", default=20, show_default=True, help="How many clusters.")
def clusters_list(db: str | None, limit: int) -> None:
    """The largest clusters: how many copies, on which portals, and the first copy's title."""
    archive = existing_archive(db)
    try:
        found = archive.largest_clusters(limit)
    finally:
        archive.close()
    for cluster in found:
        click.echo(
            f"cluster {cluster['cluster_id']}\t{cluster['copies']} copies\t"
            f"{', '.join(cluster['sites'])}\t{cluster['title']}"
        )


@clusters.command("rebuild")
@click.option("--db", help=DB_HELP)
def clusters_rebuild(db: str | None) -> None:
    """Compute every article's signature and cluster again (archives from before clusters)."""
    archive = existing_archive(db)
    try:
        articles, clusters_found = archive.rebuild_clusters()
    finally:
        archive.close()
    click.echo(f"{articles} articles compared: {clusters_found} clusters of two or more")
