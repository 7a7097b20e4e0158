"""What a crawl did, from Scrapy's stats: the numbers behind the progress line and summary."""

from __future__ import annotations

from typing import Any

from rich.table import Table


def _sum_prefix(stats: dict[str, Any], prefix: str) -> int:
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix))


def counts_from_stats(stats: dict[str, Any]) -> dict[str, int]:
    """The handful of numbers a person watching a crawl cares about."""
    dropped = _sum_prefix(stats, "item_dropped_reasons_count/")
    duplicate_in_run = int(stats.get("item_dropped_reasons_count/DuplicateInRun", 0))
    return {
        "pages": int(stats.get("response_received_count", 0)),
        "scraped": int(stats.get("item_scraped_count", 0)),
        "new": int(stats.get("warta/articles/new", 0)),
        "updated": int(stats.get("warta/articles/updated", 0)),
        "unchanged": int(stats.get("warta/articles/unchanged", 0)),
        "duplicate": int(stats.get("warta/articles/alias", 0)) + duplicate_in_run,
        "dropped": dropped - duplicate_in_run,
        "errors": _sum_prefix(stats, "warta/errors/"),
        "date_unparsed": int(stats.get("warta/published/unparsed", 0)),
        "date_missing": int(stats.get("warta/published/missing", 0)),
        "robots_forbidden": int(stats.get("robotstxt/forbidden", 0)),
        "offsite": int(stats.get("offsite/filtered", 0))
        + int(stats.get("warta/links/offsite_redirect", 0)),
        "not_html": int(stats.get("warta/pages/not_html", 0)),
    }


def summary_table(stats: dict[str, Any], *, elapsed_s: float, where: str) -> Table:
    """The end-of-crawl table: what was found, what was kept, and why the rest was not."""
    c = counts_from_stats(stats)
    table = Table(title="Warta crawl summary", show_header=False, title_justify="left")
    table.add_column("what", style="bold")
    table.add_column("count", justify="right")
    rows: list[tuple[str, str]] = [
        ("pages fetched", str(c["pages"])),
        ("articles new", str(c["new"])),
        ("articles updated (new revision)", str(c["updated"])),
        ("articles unchanged", str(c["unchanged"])),
        ("duplicates (same article, other URL)", str(c["duplicate"])),
        ("dropped (not an article)", str(c["dropped"])),
        ("dates unreadable (kept raw)", str(c["date_unparsed"])),
        ("errors (HTTP, timeouts)", str(c["errors"])),
        ("skipped by robots.txt", str(c["robots_forbidden"])),
        ("off-portal links/redirects", str(c["offsite"])),
        ("non-HTML responses", str(c["not_html"])),
        ("rate", f"{c['pages'] / max(elapsed_s, 1e-6):.1f} pages/s over {elapsed_s:.1f} s"),
        ("archive", where),
        ("finish reason", str(stats.get("finish_reason", "?"))),
    ]
    for what, count in rows:
        table.add_row(what, count)
    return table


def headline(stats: dict[str, Any]) -> str:
    """One sentence on what changed in the archive."""
    c = counts_from_stats(stats)
    if c["new"] == 0 and c["updated"] == 0:
        return (
            f"Nothing new: the archive already had all {c['unchanged']} articles seen"
            " (no article rows added)."
        )
    return f"{c['new']} new and {c['updated']} updated articles stored."
