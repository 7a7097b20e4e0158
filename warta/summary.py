"""What a crawl did, from Scrapy's stats: the numbers behind the progress line and summary."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from pipelines.outcome import health_flags, not_stored, page_errors, total

# Drops that are not a page's fault: a repeat of an article already stored in this run, and
# articles that arrived after --limit was reached.
_NOT_DROPPED = ("DuplicateInRun", "OverLimit")


def counts_from_stats(stats: dict[str, Any]) -> dict[str, int]:
    """The handful of numbers a person watching a crawl cares about."""
    reason = "item_dropped_reasons_count/"
    dropped = total(stats, reason)
    duplicate_in_run = int(stats.get(f"{reason}DuplicateInRun", 0))
    return {
        "pages": int(stats.get("response_received_count", 0)),
        "scraped": int(stats.get("item_scraped_count", 0)),
        "new": int(stats.get("warta/articles/new", 0)),
        "updated": int(stats.get("warta/articles/updated", 0)),
        "unchanged": int(stats.get("warta/articles/unchanged", 0)),
        "alias": int(stats.get("warta/articles/alias", 0)),
        "revisits": int(stats.get("warta/incremental/revisits", 0)),
        "not_modified": int(stats.get("warta/incremental/not_modified", 0)),
        "duplicate": int(stats.get("warta/articles/alias", 0)) + duplicate_in_run,
        "dropped": dropped - sum(int(stats.get(reason + name, 0)) for name in _NOT_DROPPED),
        "not_stored": not_stored(stats),
        "fitted": total(stats, "warta/storage/fitted/"),
        "errors": page_errors(stats),
        "date_unparsed": int(stats.get("warta/published/unparsed", 0)),
        "date_missing": int(stats.get("warta/published/missing", 0)),
        "robots_forbidden": int(stats.get("robotstxt/forbidden", 0)),
        "offsite": int(stats.get("offsite/filtered", 0))
        + int(stats.get("warta/links/offsite_redirect", 0)),
        "not_html": int(stats.get("warta/pages/not_html", 0)),
        "retry_after": int(stats.get("warta/retry_after/retries", 0)),
        "captures": int(stats.get("warta/captures/response", 0)),
        "capture_revisits": int(stats.get("warta/captures/revisit", 0)),
        "resumed": int(stats.get("warta/backfill/resumed_pages", 0)),
        "since_stopped": int(stats.get("warta/since/listings_stopped", 0)),
        "removed": int(stats.get("warta/removals/removed", 0)),
        "returned": int(stats.get("warta/removals/returned", 0)),
    }


def summary_table(stats: dict[str, Any], *, elapsed_s: float) -> Table:
    """The end-of-crawl table: what was found, what was kept, and why the rest was not."""
    c = counts_from_stats(stats)
    table = Table(title="Warta crawl summary", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("count", justify="right", overflow="fold")
    rows: list[tuple[str, str]] = [
        ("pages fetched", str(c["pages"])),
        ("articles new", str(c["new"])),
        ("articles updated (new revision)", str(c["updated"])),
        ("articles unchanged", str(c["unchanged"])),
        ("recent articles fetched again (304)", f"{c['revisits']} ({c['not_modified']})"),
        ("listing pages resumed (unfinished backfill)", str(c["resumed"])),
        ("listings stopped at --since", str(c["since_stopped"])),
        ("duplicates (same article, other URL)", str(c["duplicate"])),
        ("dropped (not an article)", str(c["dropped"])),
        ("not stored (archive refused; see log)", str(c["not_stored"])),
        ("stored with a value cut (see log)", str(c["fitted"])),
        ("dates unreadable (kept raw)", str(c["date_unparsed"])),
        ("dates missing", str(c["date_missing"])),
        ("errors (HTTP, timeouts)", str(c["errors"])),
        ("Retry-After waits (portal busy)", str(c["retry_after"])),
        ("WARC captures (revisits)", f"{c['captures']} ({c['capture_revisits']})"),
        ("removed from the portal (returned)", f"{c['removed']} ({c['returned']})"),
        ("skipped by robots.txt", str(c["robots_forbidden"])),
        ("off-portal links/redirects", str(c["offsite"])),
        ("non-HTML responses", str(c["not_html"])),
        ("rate", f"{c['pages'] / max(elapsed_s, 1e-6):.1f} pages/s over {elapsed_s:.1f} s"),
        ("finish reason", str(stats.get("finish_reason", "?"))),
        ("run status", str(stats.get("warta/run_status", "?"))),
        ("health flags", ", ".join(health_flags(stats)) or "none"),
    ]
    for what, count in rows:
        table.add_row(what, count)
    return table


def headline(stats: dict[str, Any]) -> str:
    """What changed in the archive, then what went wrong, in a sentence or two."""
    c = counts_from_stats(stats)
    seen = c["unchanged"] + c["alias"] + c["not_modified"]
    if c["new"] or c["updated"]:
        sentence = f"{c['new']} new and {c['updated']} updated articles stored."
    elif seen:
        sentence = f"Nothing new: all {seen} articles seen were already in the archive"
        if c["not_modified"]:
            sentence += f" ({c['not_modified']} answered 304 Not Modified)."
        else:
            sentence += " (no article rows added; view counts recorded)."
    else:
        sentence = "No articles stored."
    if c["not_stored"]:
        sentence += f" {_count(c['not_stored'], 'article')} could not be stored (the log says why)."
    if c["errors"]:
        sentence += f" {_count(c['errors'], 'page')} failed (HTTP errors, timeouts)."
    for flag, reason in health_flags(stats).items():
        sentence += f" Flagged {flag}: {reason}."
    if health_flags(stats) and "warta/run_id" in stats:
        sentence += f" See `warta runs show {stats['warta/run_id']}`."
    return sentence


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
