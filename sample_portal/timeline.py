"""When each article was published: a closed-form, strictly increasing schedule.

Article i's time depends only on (seed, i), so listings, sitemaps and date look-ups are
arithmetic and article 99,999 needs no knowledge of the others.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
MAX_ARTICLES = 100_000
FIRST_GENERATED = 4  # ids 1-3 are hand-written (curated.py) and dated by hand

# Generated articles appear only in office hours, 06:00-22:00 WIB: time is counted in
# "working minutes" from 06:00 on the anchor day.
_ANCHOR = datetime(2025, 1, 24, 6, 0, tzinfo=WIB)
_DAY_MINUTES = 16 * 60
_DAY_START = timedelta(hours=6)
# The first 1,000 generated articles come 1-4 working hours apart (a busy portal); later
# ones 2-6 minutes apart, so 100,000 articles still end before 2026-11-01.
_SLOW_COUNT = 1000
_SLOW_STEP, _SLOW_JITTER = 150, 45
_FAST_STEP, _FAST_JITTER = 4, 1
_MASK = (1 << 64) - 1


def mix(seed: int, n: int, salt: int = 0) -> int:
    """A cheap 64-bit hash of (seed, n, salt) (splitmix64), for arithmetic-only choices."""
    z = (seed * 0x9E3779B97F4A7C15 + n * 0xBF58476D1CE4E5B9 + salt * 0x94D049BB133111EB) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def working_minute(seed: int, article_id: int) -> int:
    """Working minutes after the anchor; consecutive ids differ by at least 2."""
    k = article_id - FIRST_GENERATED
    h = mix(seed, article_id)
    if k < _SLOW_COUNT:
        return 120 + k * _SLOW_STEP + h % (2 * _SLOW_JITTER + 1) - _SLOW_JITTER
    base = 120 + _SLOW_COUNT * _SLOW_STEP + (k - _SLOW_COUNT) * _FAST_STEP
    return base + h % (2 * _FAST_JITTER + 1) - _FAST_JITTER


def generated_time(seed: int, article_id: int) -> datetime:
    """Publication time of a generated article (id >= 4), aware, in WIB."""
    day, minute = divmod(working_minute(seed, article_id), _DAY_MINUTES)
    return _ANCHOR + timedelta(days=day, minutes=minute)


def ids_on_day(seed: int, day: date, articles: int) -> range:
    """Generated ids (<= articles) published on ``day`` (WIB), by binary search."""
    offset = (day - _ANCHOR.date()).days
    lo_minute, hi_minute = offset * _DAY_MINUTES, (offset + 1) * _DAY_MINUTES
    return range(_first_id_at(seed, lo_minute, articles), _first_id_at(seed, hi_minute, articles))


def _first_id_at(seed: int, minute: int, articles: int) -> int:
    """Smallest generated id whose working minute is >= minute (articles + 1 if none)."""
    lo, hi = FIRST_GENERATED, max(articles, FIRST_GENERATED - 1) + 1
    while lo < hi:
        mid = (lo + hi) // 2
        if working_minute(seed, mid) < minute:
            lo = mid + 1
        else:
            hi = mid
    return lo
