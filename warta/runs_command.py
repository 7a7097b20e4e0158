"""``warta runs``: the crawl runs as a table, and one run in full, so a researcher sees what
broke: failed pages by kind, articles kept and lost, and the run's health flags."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Final

import click

from pipelines.health import FIELD_STATS, FIELD_WORDS, FIELDS, field_counts
from pipelines.outcome import describe_errors, error_kinds
from storage import Archive
from storage.rows import utc_now
from warta.options import DB_HELP, WIB, existing_archive
from warta.summary import counts_from_stats

COLUMNS: Final = (
    *("run", "status", "started (WIB)", "took", "site"),
    *("pages", "new", "upd", "same", "drop", "errors", "health"),
)
_LEFT: Final = frozenset({"run", "status", "started (WIB)", "site", "errors", "health"})
_COUNTS: Final = ("pages", "new", "updated", "unchanged", "duplicate", "dropped", "not_stored")


@click.group("runs", invoke_without_command=True)
@click.option("--db", help=DB_HELP)
@click.option("--site", "site_id", metavar="ID", help="Only the runs of this site.")
@click.option(
    "--failed",
    is_flag=True,
    help="Only runs that failed, were partial or interrupted, or carry a health flag.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="How many runs."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of the table.")
@click.pass_context
def runs(
    ctx: click.Context, db: str | None, site_id: str | None, failed: bool, limit: int, as_json: bool
) -> None:
    """The latest crawl runs, newest first: status, duration, pages, articles new, updated,
    unchanged and dropped, errors by kind, and health flags. `warta runs show ID` for one.

    A run whose crawl died (killed on this host, or silent for 10 minutes on another) is
    shown as interrupted.
    """
    ctx.obj = {"db": db, "as_json": as_json}
    if ctx.invoked_subcommand is not None:
        return
    archive = _open(db)
    try:
        found = archive.latest_runs(limit, site_id=site_id, troubled=failed)
    finally:
        archive.close()
    listed = [_readable(run) for run in found]
    if as_json:
        click.echo(json.dumps([summary(run) for run in listed], ensure_ascii=False, indent=2))
    elif not listed:
        click.echo("No crawl runs" + (" match" if site_id or failed else " yet") + ".")
    else:
        for line in table([row(run) for run in listed]):
            click.echo(line.rstrip())


@runs.command("show")
@click.argument("run_id", type=int, metavar="ID")
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
@click.pass_context
def show(ctx: click.Context, run_id: int, db: str | None, as_json: bool) -> None:
    """One crawl run in full: what it was asked, when it ran, what it stored, its errors,
    health flags with their reasons, warnings, and every stat."""
    archive = _open(db or ctx.obj.get("db"))
    try:
        run = archive.get_run(run_id)
    finally:
        archive.close()
    if run is None:
        raise click.ClickException(f"no crawl run #{run_id} (`warta runs` lists them)")
    run = _readable(run)
    if as_json or ctx.obj.get("as_json"):
        click.echo(json.dumps(details(run), ensure_ascii=False, indent=2))
    else:
        for line in describe(run):
            click.echo(line)


def _open(db: str | None) -> Archive:
    archive = existing_archive(db)
    archive.interrupt_dead_runs()
    return archive


def _readable(run: dict[str, Any]) -> dict[str, Any]:
    """The run with each health flag as {"flag", "reason"}; a bare name (written by hand or
    by another tool) reads as its own reason."""
    if run["health"] is not None:
        run["health"] = [
            flag if isinstance(flag, dict) else {"flag": str(flag), "reason": str(flag)}
            for flag in run["health"]
        ]
    return run


def summary(run: dict[str, Any]) -> dict[str, Any]:
    """A run as JSON: times in ISO 8601 (UTC), counts, errors by kind, health flags."""
    stats = run["stats"] or {}
    counts = counts_from_stats(stats)
    return {
        "id": run["id"],
        "target": run["target"],
        "site_id": run["site_id"],
        "status": run["status"],
        "started_at": _iso(run["started_at"]),
        "finished_at": _iso(run["finished_at"]),
        "heartbeat_at": _iso(run["heartbeat_at"]),
        "duration_s": round(_took(run).total_seconds(), 3),
        "host": run["host"],
        "pid": run["pid"],
        "schedule_id": run["schedule_id"],
        "counts": {name: counts[name] for name in (*_COUNTS, "errors")},
        "errors": error_kinds(stats),
        "health": run["health"],
    }


def details(run: dict[str, Any]) -> dict[str, Any]:
    stats = run["stats"] or {}
    fields = {
        field: field_counts(stats, field)[0] for field in FIELDS if FIELD_STATS + field in stats
    }
    extra = {"args": run["args"], "fields": fields, "warnings": warnings(run), "stats": stats}
    return summary(run) | extra


def row(run: dict[str, Any]) -> list[str]:
    stats = run["stats"] or {}
    c = counts_from_stats(stats)
    numbers = [c[name] for name in ("pages", "new", "updated", "unchanged", "dropped")]
    return [
        f"#{run['id']}",
        run["status"],
        run["started_at"].astimezone(WIB).strftime("%Y-%m-%d %H:%M"),
        run_duration(_took(run)),
        run["site_id"] or run["target"],
        *map(str, numbers),
        ", ".join(filter(None, [describe_errors(stats), _not_stored(c["not_stored"])])) or "-",
        _health_cell(run["health"]),
    ]


def table(rows: list[list[str]]) -> list[str]:
    """Columns as wide as their widest cell; words left-aligned, numbers right-aligned."""
    cells = [list(COLUMNS), *rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    return [
        "  ".join(
            cell.ljust(width) if name in _LEFT else cell.rjust(width)
            for name, cell, width in zip(COLUMNS, line, widths, strict=True)
        )
        for line in cells
    ]


def describe(run: dict[str, Any]) -> list[str]:
    stats = run["stats"] or {}
    c = counts_from_stats(stats)
    flags = run["health"] or []
    headline = f"Run #{run['id']}: {run['status']}"
    if flags:
        headline += ", flagged " + ", ".join(flag["flag"] for flag in flags)
    where = f"{run['host'] or '?'} (pid {run['pid'] or '?'})"
    lines = [
        headline,
        f"  target     {run['target']}" + (f" (site {run['site_id']})" if run["site_id"] else ""),
        f"  started    {_local(run['started_at'])}",
        f"  finished   {_local(run['finished_at'])}, took {run_duration(_took(run))}",
        f"  heartbeat  {_local(run['heartbeat_at'])}",
        f"  host       {where}",
        f"  schedule   {f'#{schedule}' if (schedule := run['schedule_id']) else 'by hand'}",
        f"  pages      {c['pages']}",
        f"  articles   {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
        f"{c['duplicate']} duplicate, {c['dropped']} dropped, {c['not_stored']} not stored",
    ]
    if all(FIELD_STATS + field in stats for field in FIELDS):
        having = [(FIELD_WORDS[f], *field_counts(stats, f)) for f in FIELDS]
        lines.append("  fields     " + ", ".join(f"{w} {n}/{of}" for w, n, of in having))
    lines.append(f"  errors     {describe_errors(stats) or 'none'}")
    lines.append("Health:")
    if run["health"] is None:
        lines.append("  not judged (a run still going, killed, or recorded by an older Warta)")
    lines += [f"  {flag['flag']}: {flag['reason']}" for flag in flags]
    if run["health"] == []:
        lines.append("  ok")
    lines.append("Warnings:")
    lines += [f"  {warning}" for warning in warnings(run)] or ["  none"]
    lines.append("Stats:")
    lines += [f"  {key} = {value}" for key, value in sorted(stats.items())] or ["  none"]
    return lines


def warnings(run: dict[str, Any]) -> list[str]:
    """What went wrong short of a health flag, one line each."""
    stats = run["stats"] or {}
    c = counts_from_stats(stats)
    found = [
        (c["errors"], f"{_n(c['errors'], 'request')} failed for good ({describe_errors(stats)})"),
        (c["not_stored"], f"{_n(c['not_stored'], 'article')} could not be stored (see the log)"),
        (c["fitted"], f"{_n(c['fitted'], 'article')} stored with a value cut to fit"),
        (c["date_unparsed"], f"{_n(c['date_unparsed'], 'date')} unreadable (kept raw)"),
        (c["date_missing"], f"{_n(c['date_missing'], 'article')} with no date"),
        (c["dropped"], f"{_n(c['dropped'], 'article page')} dropped (no headline or text)"),
    ]
    gave_up = int(stats.get("warta/retry_after/gave_up", 0))
    found.append((gave_up, f"gave up {_n(gave_up, 'time')} on a portal that kept asking to wait"))
    if run["status"] == "interrupted":
        found.append((1, "interrupted before the end: what was fetched is stored"))
    return [text for count, text in found if count]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _health_cell(health: list[dict[str, str]] | None) -> str:
    if health is None:
        return "?"
    return ", ".join(flag["flag"] for flag in health) or "ok"


def _not_stored(count: int) -> str:
    return f"not stored×{count}" if count else ""


def _took(run: dict[str, Any]) -> timedelta:
    started: datetime = run["started_at"]
    end: datetime = run["finished_at"] or utc_now()
    return max(end - started, timedelta(0))


def run_duration(span: timedelta) -> str:
    """``4m 12s``, ``2h 05m``, ``12s``"""
    seconds = int(span.total_seconds())
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"


def _local(instant: datetime | None) -> str:
    return instant.astimezone(WIB).strftime("%Y-%m-%d %H:%M:%S WIB") if instant else "-"


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant else None
