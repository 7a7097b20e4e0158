"""How a crawl ended, decided once from its stats: the run's status and the command's exit code.

``finished``: everything fetched was stored. ``partial``: something was stored or seen, but
some pages failed or some articles could not be stored. ``failed``: nothing could be crawled
(the portal never answered, every page failed, or nothing found could be stored).
``interrupted``: stopped by Ctrl-C or SIGTERM before the end. A crawl that gave up on a
portal answering only errors (``portal_failing``) is partial or failed by what it stored.
A ``finished`` run that carries a health flag (pipelines/health.py) exits with its own code,
so cron mail and systemd see it; any other status keeps its code, flagged or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

EXIT_CODES: Final = {"finished": 0, "failed": 1, "partial": 3, "interrupted": 130}
USAGE_EXIT_CODE: Final = 2  # click's own code for a bad command line
UNHEALTHY_EXIT_CODE: Final = 4  # finished, but flagged: a researcher should look at the run
STORED: Final = ("new", "updated", "unchanged", "alias")
ERRORS: Final = "warta/errors/"
HEALTH: Final = "warta/health/"  # warta/health/<flag>: the flag's reason, set when the run ends


def total(stats: Mapping[str, Any], prefix: str) -> int:
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix))


def not_stored(stats: Mapping[str, Any]) -> int:
    """Articles extracted but not in the archive: refused values and failed writes."""
    return total(stats, "warta/storage/refused/") + total(stats, "warta/storage/failed/")


def page_errors(stats: Mapping[str, Any]) -> int:
    """Requests that failed for good: HTTP errors, timeouts, refused connections."""
    return total(stats, ERRORS)


def error_kinds(stats: Mapping[str, Any]) -> dict[str, int]:
    """``{"http_404": 1, "DownloadTimeoutError": 2}``, the most frequent first."""
    kinds = {k.removeprefix(ERRORS): int(v) for k, v in stats.items() if k.startswith(ERRORS)}
    return dict(sorted(kinds.items(), key=lambda kind: (-kind[1], kind[0])))


def describe_errors(stats: Mapping[str, Any]) -> str:
    """``"404×1, DownloadTimeout×2"``-style, the most frequent first; ``""`` when none."""
    return ", ".join(f"{_short(kind)}×{n}" for kind, n in error_kinds(stats).items())


def _short(kind: str) -> str:
    """``http_404`` → ``404``; ``DownloadTimeoutError`` → ``DownloadTimeout``."""
    return kind.removeprefix("http_") if kind.startswith("http_") else kind.removesuffix("Error")


def health_flags(stats: Mapping[str, Any]) -> dict[str, str]:
    """The run's health flags and their reasons, as the run record left them in the stats."""
    return {k.removeprefix(HEALTH): str(v) for k, v in stats.items() if k.startswith(HEALTH)}


def run_status(stats: Mapping[str, Any], finish_reason: str) -> str:
    if finish_reason == "shutdown":
        return "interrupted"
    ended = finish_reason in ("finished", "portal_failing") or finish_reason.startswith(
        "closespider_"
    )
    if not ended:
        return "failed"
    stored = sum(int(stats.get(f"warta/articles/{outcome}", 0)) for outcome in STORED)
    stored += int(stats.get("warta/incremental/not_modified", 0))  # seen, as unchanged
    pages = int(stats.get("response_received_count", 0)) - int(
        stats.get("robotstxt/response_count", 0)
    )
    problems = not_stored(stats) + page_errors(stats)
    if stored == 0 and (problems or pages <= 0):
        return "failed"
    return "partial" if problems else "finished"


def exit_code(status: str, stats: Mapping[str, Any]) -> int:
    """The command's exit code for a run that ended as ``status`` with these stats."""
    if status == "finished" and health_flags(stats):
        return UNHEALTHY_EXIT_CODE
    return EXIT_CODES.get(status, EXIT_CODES["failed"])
