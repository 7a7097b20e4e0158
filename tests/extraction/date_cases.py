"""What the date-parsing tests share: zones, the fixed "now", and a strict instant check.

Sources in the tests' comments refer to /work/shared/research/indonesian-formats.md
(§ = section). Every expected value was worked out by hand from the string, not copied from
the parser.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from crawler.extraction.date_parsing import parse_published

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
# Rabu (Wednesday), 22 Januari 2025, 12:00 WIB: the "now" of every relative case.
NOW = datetime(2025, 1, 22, 12, 0, tzinfo=WIB)


def at(zone: tzinfo, *parts: int) -> datetime:
    """An aware datetime: at(WIB, 2025, 1, 22, 18, 26) is 22 Jan 2025 18:26 WIB."""
    year, month, day, *clock = parts
    return datetime(year, month, day, *clock, tzinfo=zone)


def offset(hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes))


def assert_instant(result: datetime | None, expected: datetime) -> None:
    """Same instant, same wall time, same offset and same zone as expected."""
    assert result is not None
    assert result == expected
    assert result.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert result.utcoffset() == expected.utcoffset()
    assert result.tzinfo == expected.tzinfo


def check(text: str, expected: datetime | None, **kwargs: object) -> None:
    result = parse_published(text, now=NOW, **kwargs)  # type: ignore[arg-type]
    if expected is None:
        assert result is None
    else:
        assert_instant(result, expected)
