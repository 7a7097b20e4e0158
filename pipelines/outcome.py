"""How a crawl ended, decided once from its stats: the run's status and the command's exit code.

``finished``: everything fetched was stored. ``partial``: something was stored or seen, but
some pages failed or some articles could not be stored. ``failed``: nothing could be crawled
(the portal never answered, every page failed, or nothing found could be stored).
``interrupted``: stopped by Ctrl-C or SIGTERM before the end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

EXIT_CODES: Final = {"finished": 0, "failed": 1, "partial": 3, "interrupted": 130}
USAGE_EXIT_CODE: Final = 2  # click's own code for a bad command line
STORED: Final = ("new", "updated", "unchanged", "alias")


def total(stats: Mapping[str, Any], prefix: str) -> int:
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix))


def not_stored(stats: Mapping[str, Any]) -> int:
    """Articles extracted but not in the archive: refused values and failed writes."""
    return total(stats, "warta/storage/refused/") + total(stats, "warta/storage/failed/")


def page_errors(stats: Mapping[str, Any]) -> int:
    """Requests that failed for good: HTTP errors, timeouts, refused connections."""
    return total(stats, "warta/errors/")


def run_status(stats: Mapping[str, Any], finish_reason: str) -> str:
    if finish_reason == "shutdown":
        return "interrupted"
    if finish_reason != "finished" and not finish_reason.startswith("closespider_"):
        return "failed"
    stored = sum(int(stats.get(f"warta/articles/{outcome}", 0)) for outcome in STORED)
    pages = int(stats.get("response_received_count", 0)) - int(
        stats.get("robotstxt/response_count", 0)
    )
    problems = not_stored(stats) + page_errors(stats)
    if stored == 0 and (problems or pages <= 0):
        return "failed"
    return "partial" if problems else "finished"
