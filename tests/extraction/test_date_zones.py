"""`parse_published` and zones: WIB, WITA, WIT and offsets as printed, and the portal's zone
for a time printed with none.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crawler.extraction.date_parsing import parse_published
from tests.extraction.date_cases import (
    WIB,
    WIT,
    WITA,
    at,
    check,
)

ZONES = [
    ("Rabu, 22 Januari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 18:26 WITA", at(WITA, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 18:26 Wita", at(WITA, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 18:26WITA", at(WITA, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 18:26 WIT", at(WIT, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 18.26 wit", at(WIT, 2025, 1, 22, 18, 26)),
    ("Jumat (6/11/2015) pukul 08.45 WITA", at(WITA, 2015, 11, 6, 8, 45)),
    ("Senin 5 Mei 2020 pukul 09.00 WIT", at(WIT, 2020, 5, 5, 9, 0)),
    ("5 Mei 2020 WITA", at(WITA, 2020, 5, 5)),  # date only, zone still printed
]


@pytest.mark.parametrize(("text", "expected"), ZONES, ids=repr)
def test_printed_zones(text: str, expected: datetime) -> None:
    check(text, expected)


def test_wita_is_one_hour_ahead_of_wib() -> None:
    wita = parse_published("22 Januari 2025 18:26 WITA")
    wib = parse_published("22 Januari 2025 18:26 WIB")
    assert wita is not None
    assert wib is not None
    assert wib - wita == timedelta(hours=1)
    assert wita.utcoffset() == timedelta(hours=8)


@pytest.mark.parametrize(
    ("default_tz", "hours"),
    [("Asia/Jakarta", 7), ("Asia/Makassar", 8), ("Asia/Jayapura", 9), ("UTC", 0)],
)
def test_default_zone_applies_when_none_is_printed(default_tz: str, hours: int) -> None:
    check("22/01/2025 18:26", at(ZoneInfo(default_tz), 2025, 1, 22, 18, 26), default_tz=default_tz)
    result = parse_published("22/01/2025 18:26", default_tz=default_tz)
    assert result is not None
    assert result.utcoffset() == timedelta(hours=hours)


def test_printed_zone_beats_default_zone() -> None:
    check("22 Januari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26), default_tz="Asia/Jayapura")
