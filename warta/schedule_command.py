"""``warta schedule``: recurring crawls kept in the archive, and the service that runs them."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click

from storage import Archive, StorageError, open_archive
from storage.schedules import MIN_EVERY_S, ScheduleEntry
from warta.captures import capture_settings
from warta.options import CAPTURES_HELP, DB_HELP, database_url_option, existing_archive
from warta.schedule_service import cron_trigger, due_at, local, serve

UNITS_S = {"d": 86400, "h": 3600, "m": 60, "s": 1}
DURATION = re.compile(r"(?:\d+[dhms])+")


def parse_duration(text: str, *, min_s: int) -> int:
    """``"6h"`` → ``21600``, ``"1h30m"`` → ``5400`` (seconds); ValueError below ``min_s``."""
    cleaned = text.strip().lower()
    if not DURATION.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a duration such as 30m, 6h, 1d or 1h30m")
    seconds = sum(int(n) * UNITS_S[unit] for n, unit in re.findall(r"(\d+)([dhms])", cleaned))
    if seconds < min_s:
        raise ValueError(f"{text!r} is shorter than {format_duration(min_s)}")
    return seconds


def duration_option(
    min_s: int,
) -> Callable[[click.Context, click.Parameter, str | None], int | None]:
    """An option callback: the duration in seconds, or a usage error naming the option."""

    def convert(_ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
        if value is None:
            return None
        try:
            return parse_duration(value, min_s=min_s)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param=param) from exc

    return convert


def format_duration(seconds: int) -> str:
    """``5400`` → ``"1h30m"``"""
    parts = []
    for unit, size in UNITS_S.items():
        if count := seconds // size:
            parts.append(f"{count}{unit}")
            seconds -= count * size
    return "".join(parts) or "0s"


@click.group()
def schedule() -> None:
    """Recurring crawls, kept in the archive: add, list, pause, resume, remove, and run them.

    `warta schedule run` is the service that starts each crawl when it is due.
    """


@schedule.command("add")
@click.argument("target")
@click.option(
    "--every",
    callback=duration_option(MIN_EVERY_S),
    metavar="DURATION",
    help="Crawl every 30m, 6h, 1d, 1h30m, ….",
)
@click.option(
    "--cron",
    metavar="EXPRESSION",
    help='Crawl at the times of a 5-field cron line, e.g. "0 */6 * * *" (local time).',
)
@click.option("--db", help=DB_HELP)
@click.option("--base-url", default="", help="Serve the profile from another host (mirror, port).")
@click.option("--limit", type=click.IntRange(min=1), help="Store at most this many articles.")
@click.option("-s", "settings", multiple=True, metavar="NAME=VALUE", help="Any Scrapy setting.")
@click.option("--captures", "captures", metavar="DIR", help=CAPTURES_HELP)
@click.option(
    "--capture",
    type=click.Choice(["articles", "all"]),
    default="articles",
    show_default=True,
    help="Which responses to keep as WARC: article pages, or every response.",
)
@click.option("--no-captures", is_flag=True, help="Keep no WARC captures.")
@click.option("--full", is_flag=True, help="Every crawl walks everything, never incrementally.")
@click.option(
    "--revisit-days",
    type=click.IntRange(min=0),
    help="Fetch again the articles published this many days before the newest [default: 14].",
)
def add_command(
    target: str,
    every: int | None,
    cron: str | None,
    db: str | None,
    base_url: str,
    limit: int | None,
    settings: tuple[str, ...],
    captures: str | None,
    capture: str,
    no_captures: bool,
    full: bool,
    revisit_days: int | None,
) -> None:
    """Crawl TARGET (a site id or a portal URL) every so often, with `warta crawl`'s options.

    The options are checked now, as `warta crawl` would check them, and stored with the
    schedule; the crawls start once `warta schedule run` is running.
    """
    from warta.cli import check_target, parse_overrides

    if (every is None) == (cron is None):
        raise click.UsageError("give the timing: --every DURATION or --cron EXPRESSION (one)")
    if cron is not None:
        try:
            cron_trigger(cron)
        except ValueError as exc:
            raise click.BadParameter(f"{cron!r}: {exc}", param_hint="--cron") from exc
    if base_url and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{base_url!r} is not an http(s) URL", param_hint="--base-url")
    check_target(target)
    overrides = parse_overrides(settings)
    database_url = database_url_option(db)
    capture_settings(database_url, captures, "none" if no_captures else capture)
    options = ["--base-url", base_url] if base_url else []
    options += ["--limit", str(limit)] if limit else []
    options += ["--full"] if full else []
    options += ["--revisit-days", str(revisit_days)] if revisit_days is not None else []
    for name, value in overrides.items():
        options += ["-s", f"{name}={value}"]
    if no_captures:
        options.append("--no-captures")
    else:
        options += ["--captures", str(Path(captures).expanduser().resolve())] if captures else []
        options += ["--capture", capture] if capture != "articles" else []
    archive = _opened(database_url)
    try:
        schedule_id = archive.add_schedule(target, every_s=every, cron=cron, options=options)
        entry = archive.get_schedule(schedule_id)
    finally:
        archive.close()
    assert entry is not None
    click.echo(f"Added schedule #{schedule_id}: {target}, {timing(entry)}; {next_run(entry)}")


@schedule.command("list")
@click.option("--db", help=DB_HELP)
def list_command(db: str | None) -> None:
    """Show the schedules: timing, next run, and the last run with its status and health.

    One line each: id, target, timing, next run (or "paused"), last run, health flags,
    and the `warta crawl` options stored with it.
    """
    archive = existing_archive(db)
    try:
        archive.interrupt_dead_runs()
        entries = archive.list_schedules()
    finally:
        archive.close()
    for entry in entries:
        fields = [f"#{entry.id}", entry.target, timing(entry), next_run(entry), last_run(entry)]
        if entry.last_run and entry.last_run.health:
            fields.append("health: " + ", ".join(entry.last_run.health))
        if entry.options:
            fields.append("options: " + " ".join(entry.options))
        click.echo("\t".join(fields))


@schedule.command("remove")
@click.argument("schedule_id", metavar="ID", type=int)
@click.option("--db", help=DB_HELP)
def remove_command(schedule_id: int, db: str | None) -> None:
    """Delete schedule ID; the runs it started stay in the archive."""
    _change(db, lambda archive: archive.remove_schedule(schedule_id))
    click.echo(f"Removed schedule #{schedule_id}; its runs stay in the archive")


@schedule.command("pause")
@click.argument("schedule_id", metavar="ID", type=int)
@click.option("--db", help=DB_HELP)
def pause_command(schedule_id: int, db: str | None) -> None:
    """Start no more crawls of schedule ID until it is resumed (a running one goes on)."""
    _change(db, lambda archive: archive.set_schedule_paused(schedule_id, paused=True))
    click.echo(f"Paused schedule #{schedule_id}")


@schedule.command("resume")
@click.argument("schedule_id", metavar="ID", type=int)
@click.option("--db", help=DB_HELP)
def resume_command(schedule_id: int, db: str | None) -> None:
    """Crawl schedule ID again; a run missed while it was paused starts once, at once."""
    _change(db, lambda archive: archive.set_schedule_paused(schedule_id, paused=False))
    click.echo(f"Resumed schedule #{schedule_id}")


@schedule.command("run")
@click.option("--db", help=DB_HELP)
@click.option(
    "--parallel",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Crawls at once at most (each its own process, polite to its own portal).",
)
@click.option(
    "--refresh",
    callback=duration_option(1),
    metavar="DURATION",
    default="30s",
    show_default=True,
    help="How often the schedules are re-read, so changes from elsewhere take effect.",
)
def run_command(db: str | None, parallel: int, refresh: int) -> None:
    """Start each schedule's crawl when it is due, until Ctrl-C or SIGTERM.

    A run missed while the service was not running starts once, at start. On Ctrl-C or
    SIGTERM no more crawls start; the running ones store what they fetched and are recorded
    interrupted. Exit code: 0 after SIGTERM, 130 after Ctrl-C.
    """
    archive = existing_archive(db)
    try:
        archive.interrupt_dead_runs()
        code = serve(archive, database_url_option(db), parallel=parallel, refresh_s=refresh)
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        archive.close()
    sys.exit(code)


def timing(entry: ScheduleEntry) -> str:
    return f"every {format_duration(entry.every_s)}" if entry.every_s else f'cron "{entry.cron}"'


def next_run(entry: ScheduleEntry) -> str:
    if entry.paused:
        return "paused"
    due = due_at(entry)
    if due is None:
        return "next run: never"
    return "next run: now" if due <= datetime.now(UTC) else f"next run: {local(due)}"


def last_run(entry: ScheduleEntry) -> str:
    run = entry.last_run
    if run is None:
        return f"last run: {local(entry.last_started_at)}"
    return f"last run: {local(run.started_at)} {run.status} (run #{run.run_id})"


def _opened(database_url: str) -> Archive:
    try:
        return open_archive(database_url)
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc


def _change(db: str | None, change: Callable[[Archive], None]) -> None:
    archive = existing_archive(db)
    try:
        change(archive)
    except StorageError as exc:
        raise click.ClickException(f"{exc} (see `warta schedule list`)") from exc
    finally:
        archive.close()
