"""The ``warta`` command: crawl, extract, sites, runs, demo and the sample portal."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click
from rich.console import Console

from crawler.extraction import explain_article, extract_article
from crawler.profiles import (
    ProfileError,
    UnknownSiteError,
    known_site_ids,
    load_profile,
    profile_for_url,
)
from pipelines.outcome import EXIT_CODES, exit_code
from sample_portal.command import sample_portal
from storage import (
    display_url,
)
from warta import inputs
from warta.archive_commands import captures, clusters, history_command, reparse_command
from warta.captures import capture_settings
from warta.export.command import export_command, verify_command
from warta.options import (
    CAPTURES_HELP,
    DB_HELP,
    database_url_option,
    open_checked,
)
from warta.profile_command import profile
from warta.runs_command import runs
from warta.schedule_command import schedule
from warta.search_command import search_command
from warta.serve_command import serve_command
from warta.setting_values import SettingValueError, check_overrides


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("DOWNLOAD_DELAY=0",)`` → ``{"DOWNLOAD_DELAY": "0"}``"""
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        overrides[name.strip()] = value
    try:
        return check_overrides(overrides)
    except SettingValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s") from exc


def check_target(target: str) -> None:
    """Fail before Scrapy starts: an unknown site id lists the known ones."""
    if target.startswith(("http://", "https://")):
        return
    try:
        load_profile(target)
    except (UnknownSiteError, ProfileError) as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warta")
def main() -> None:
    """Warta: crawl Indonesian regional news portals into a permanent archive."""


@main.command()
@click.argument("target")
@click.option("--db", help=DB_HELP)
@click.option("--base-url", default="", help="Serve the profile from another host (mirror, port).")
@click.option("--limit", type=click.IntRange(min=1), help="Store at most this many articles.")
@click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="Any Scrapy setting.")
@click.option("-v", "--verbose", is_flag=True, help="Scrapy's log on the terminal, not a file.")
@click.option(
    "--progress/--no-progress", default=None, help="Live progress line [default: on a TTY]."
)
@click.option("--captures", "captures", metavar="DIR", help=CAPTURES_HELP)
@click.option(
    "--capture",
    "capture",
    type=click.Choice(["articles", "all"]),
    default="articles",
    show_default=True,
    help="Which responses to keep as WARC: article pages, or every response.",
)
@click.option("--no-captures", is_flag=True, help="Keep no WARC captures.")
@click.option(
    "--full", is_flag=True, help="Walk every listing and fetch every article, known or not."
)
@click.option(
    "--revisit-days",
    type=click.IntRange(min=0),
    help="Fetch again the articles published this many days before the newest [default: 14].",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    help="Seconds between requests to the portal, at least [default: the profile's, or 0.5].",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    help="Requests in flight to the portal at most [default: the profile's, or 2].",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Backfill down to this day (in the portal's zone): listings walked until older.",
)
@click.option("--schedule-id", type=int, hidden=True, help="Set by `warta schedule run`.")
def crawl(
    target: str,
    db: str | None,
    base_url: str,
    limit: int | None,
    settings: tuple[str, ...],
    verbose: bool,
    progress: bool | None,
    captures: str | None,
    capture: str,
    no_captures: bool,
    full: bool,
    revisit_days: int | None,
    delay: float | None,
    concurrency: int | None,
    since: datetime | None,
    schedule_id: int | None,
) -> None:
    """Crawl TARGET, a site id (see `warta sites`) or a portal URL, into the archive.

    Exit code: 0 all stored; 3 partial (some pages failed or some articles could not be
    stored); 1 failed (nothing could be crawled); 2 usage error; 4 finished but flagged
    unhealthy (see `warta runs show`); 130 interrupted.
    """
    from warta.crawl import new_log_file, run_crawl
    from warta.summary import headline, summary_table

    check_target(target)
    overrides = parse_overrides(settings)
    database_url = database_url_option(db)
    mode = "none" if no_captures else capture
    overrides |= capture_settings(database_url, captures, mode)
    open_checked(database_url)
    if limit is not None:
        overrides["WARTA_LIMIT"] = str(limit)
    if full:
        overrides["WARTA_FULL"] = "True"
    if revisit_days is not None:
        overrides["WARTA_REVISIT_DAYS"] = str(revisit_days)
    if delay is not None:  # a minimum, so without Scrapy's ±50% jitter
        overrides |= {"DOWNLOAD_DELAY": str(delay), "DOWNLOAD_DELAY_JITTER": "0"}
    if concurrency is not None:
        overrides["CONCURRENT_REQUESTS_PER_DOMAIN"] = str(concurrency)
    if since is not None:
        if target.startswith(("http://", "https://")) and profile_for_url(target) is None:
            raise click.UsageError("--since walks a profile's listings; this URL has no profile")
        overrides["WARTA_SINCE"] = since.date().isoformat()
    if schedule_id is not None:
        overrides["WARTA_SCHEDULE_ID"] = str(schedule_id)
    log_file = None if verbose else new_log_file(database_url, datetime.now())
    show_progress = sys.stderr.isatty() if progress is None else progress
    result = run_crawl(
        target,
        database_url=database_url,
        base_url=base_url,
        overrides=overrides,
        log_file=log_file,
        progress=show_progress and not verbose,
    )
    out = Console()
    where = display_url(database_url)
    out.print(summary_table(result.stats, elapsed_s=result.elapsed_s))
    out.print(headline(result.stats), soft_wrap=True)
    out.print(f"Archive: {where}", soft_wrap=True)
    if folder := overrides.get("WARTA_CAPTURES_DIR"):
        out.print(f"Captures: {folder}", soft_wrap=True)
    if result.log_file:
        out.print(f"Scrapy's log: {result.log_file}", soft_wrap=True)
    sys.exit(exit_code(result.status, result.stats))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="FILE_OR_URL...")
@click.option("--url", help="The page's URL, for a single saved file.")
@click.option("--site", help="Use this site profile instead of matching the URL's host.")
@click.option(
    "--explain",
    is_flag=True,
    help="Per field, the evidence that won and every other candidate seen, instead of the record.",
)
def extract(sources: tuple[str, ...], url: str | None, site: str | None, explain: bool) -> None:
    """Print the article record of saved pages or URLs as JSON, with no database.

    Several inputs (or a folder of saved pages) give one JSON object per line, in input
    order; a page that fails gives an object with an "error" key. With --explain each
    object is {"input", "url", "fields"}: per field, the candidates (source, confidence,
    raw text, parsed value, whether it won), the winner first.
    """
    items = list(inputs.expand(list(sources)))
    if url and len(items) > 1:
        raise click.UsageError("--url names one page; give one input with it")
    profile = None
    if site:
        check_target(site)
        profile = load_profile(site)
    failed = 0
    for item in items:
        try:
            page = inputs.load(item, url)
            chosen = profile or profile_for_url(page.url)
            out: dict[str, object]
            if explain:
                fields = explain_article(page.html, page.url, chosen, fetched_at=page.fetched_at)
                out = {"input": item, "url": page.url, "fields": fields}
            else:
                record = extract_article(page.html, page.url, chosen, fetched_at=page.fetched_at)
                out = record.to_json_dict()
        except (OSError, ValueError) as exc:
            failed += 1
            out = {"input": item, "error": f"{type(exc).__name__}: {exc}"}
        indent = 2 if len(items) == 1 else None
        click.echo(json.dumps(out, ensure_ascii=False, indent=indent))
    if failed:
        sys.exit(1)


@main.command()
def sites() -> None:
    """List the site profiles Warta ships with."""
    for site_id in known_site_ids():
        profile = load_profile(site_id)
        click.echo(f"{site_id}\t{profile.base_url}\t{profile.name}")


@main.command()
@click.option("--articles", default=120, show_default=True, help="Articles on the sample portal.")
@click.option("--theme", default="pemkot", type=click.Choice(["pemkot", "wordpress"]))
@click.option("--db", help=DB_HELP)
def demo(articles: int, theme: str, db: str | None) -> None:
    """Start the bundled sample portal on 127.0.0.1 and crawl it into the archive."""
    from warta.demo import run_demo

    database_url = database_url_option(db)
    keep = capture_settings(database_url, None, "articles")
    open_checked(database_url)
    status = run_demo(articles=articles, theme=theme, database_url=database_url, captures=keep)
    # The sample portal links one deleted article on purpose, so a good demo run is partial.
    sys.exit(EXIT_CODES["failed"] if status == "failed" else 0)


for command in (captures, reparse_command, history_command, clusters, schedule, runs):
    main.add_command(command)
main.add_command(sample_portal, name="sample-portal")
main.add_command(search_command)
main.add_command(serve_command)
main.add_command(export_command)
main.add_command(verify_command)
main.add_command(profile)
