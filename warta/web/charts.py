"""The data behind the page's charts, as plain JSON for static/charts.js to draw with Chart.js.

The page embeds it with Jinja's ``tojson`` in a ``<script type="application/json">`` block
(never executed, so the Content-Security-Policy allows it and no markup can break out).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from storage.history import History
from warta.search_command import local_time

UNDATED: Final = "undated"  # the key count_by and queries.articles_per_month give undated rows


def month_chart(counts: Sequence[tuple[str, int]], label: str) -> dict[str, Any] | None:
    """A bar per month from the first to the last, empty months at zero (a gap is news too);
    None when nothing is dated."""
    found = dict(counts)
    found.pop(UNDATED, None)
    if not found:
        return None
    months = _months_between(min(found), max(found))
    return {
        "kind": "months",
        "label": label,
        "labels": months,
        "values": [found.get(month, 0) for month in months],
    }


def undated(counts: Sequence[tuple[str, int]]) -> int:
    return dict(counts).get(UNDATED, 0)


def views_chart(history: History) -> dict[str, Any] | None:
    """The view count over time, a point per change (the archive keeps it run-length), and
    the latest sighting when the count had not moved since; None with no count at all."""
    rows = history.views
    if not rows:
        return None
    article = history.article
    timezone = article["timezone"]
    seen = [(row["observed_at"], row["view_count"]) for row in rows]
    last_seen, latest = article["last_seen_at"], article["view_count"]
    if last_seen > seen[-1][0] and latest == seen[-1][1]:
        seen.append((last_seen, latest))
    return {
        "kind": "views",
        "label": "views",
        "points": [{"x": _local_ms(when, timezone), "y": count} for when, count in seen],
        "labels": [local_time(when, timezone) for when, _ in seen],
    }


def _local_ms(instant: datetime, timezone: str) -> int:
    """The instant's wall-clock time on the portal's clock as epoch milliseconds, so the
    browser draws the portal's dates whatever zone it runs in."""
    wall = instant.astimezone(ZoneInfo(timezone)).replace(tzinfo=UTC)
    return int(wall.timestamp() * 1000)


def _months_between(first: str, last: str) -> list[str]:
    """("2024-11", "2025-02") -> ["2024-11", "2024-12", "2025-01", "2025-02"]"""
    year, month = map(int, first.split("-"))
    months = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        months.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
