"""`parse_published` on relative phrases ("2 jam lalu", "kemarin") and the "now" they are
read against.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.extraction.date_parsing import parse_published
from tests.extraction.date_cases import (
    WIB,
    WITA,
    assert_instant,
    at,
    check,
)

# Relative phrases against NOW = Rabu 22 Januari 2025 12:00 WIB, §3.
RELATIVE = [
    ("baru saja", at(WIB, 2025, 1, 22, 12, 0)),
    ("Baru Saja", at(WIB, 2025, 1, 22, 12, 0)),
    ("just now", at(WIB, 2025, 1, 22, 12, 0)),
    ("35 detik lalu", at(WIB, 2025, 1, 22, 11, 59, 25)),  # tempo sidebar, ANP
    ("20 detik yang lalu", at(WIB, 2025, 1, 22, 11, 59, 40)),  # republika sidebar, ANP
    ("5 menit yang lalu", at(WIB, 2025, 1, 22, 11, 55)),
    ("9 menit lalu", at(WIB, 2025, 1, 22, 11, 51)),  # okezone listing, ANP
    ("17 menit yang lalu", at(WIB, 2025, 1, 22, 11, 43)),  # detik search results
    ("2 jam lalu", at(WIB, 2025, 1, 22, 10, 0)),
    ("12 jam yg lalu", at(WIB, 2025, 1, 22, 0, 0)),
    ("13 jam lalu", at(WIB, 2025, 1, 21, 23, 0)),
    ("sejam lalu", at(WIB, 2025, 1, 22, 11, 0)),
    ("satu jam yang lalu", at(WIB, 2025, 1, 22, 11, 0)),
    ("1 jam 30 menit yang lalu", at(WIB, 2025, 1, 22, 10, 30)),
    ("3 hari lalu", at(WIB, 2025, 1, 19, 12, 0)),
    ("sehari yang lalu", at(WIB, 2025, 1, 21, 12, 0)),
    ("seminggu yang lalu", at(WIB, 2025, 1, 15, 12, 0)),
    ("2 minggu lalu", at(WIB, 2025, 1, 8, 12, 0)),
    ("2 pekan lalu", at(WIB, 2025, 1, 8, 12, 0)),
    ("sebulan lalu", at(WIB, 2024, 12, 22, 12, 0)),
    ("3 bulan lalu", at(WIB, 2024, 10, 22, 12, 0)),
    ("setahun lalu", at(WIB, 2024, 1, 22, 12, 0)),
    ("2 tahun silam", at(WIB, 2023, 1, 22, 12, 0)),
    ("Diperbarui 5 menit yang lalu", at(WIB, 2025, 1, 22, 11, 55)),
    ("kemarin", at(WIB, 2025, 1, 21)),  # a day without a time: midnight
    ("Kemarin", at(WIB, 2025, 1, 21)),
    ("kemarin 14:00", at(WIB, 2025, 1, 21, 14, 0)),
    ("Kemarin, 14.00 WIB", at(WIB, 2025, 1, 21, 14, 0)),
    ("kemarin 14:00 WITA", at(WITA, 2025, 1, 21, 14, 0)),
    ("hari ini 09:15", at(WIB, 2025, 1, 22, 9, 15)),
    ("Hari ini", at(WIB, 2025, 1, 22)),
    ("3 days ago", at(WIB, 2025, 1, 19, 12, 0)),
    ("an hour ago", at(WIB, 2025, 1, 22, 11, 0)),
    ("yesterday 08:00", at(WIB, 2025, 1, 21, 8, 0)),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE, ids=repr)
def test_relative_phrases(text: str, expected: datetime) -> None:
    check(text, expected)


def test_month_steps_clamp_to_the_last_day() -> None:
    end_of_march = datetime(2025, 3, 31, 10, 0, tzinfo=WIB)
    assert_instant(parse_published("sebulan lalu", now=end_of_march), at(WIB, 2025, 2, 28, 10, 0))


def test_naive_now_is_wall_time_in_default_zone() -> None:
    naive = datetime(2025, 1, 22, 12, 0)
    assert_instant(parse_published("2 jam lalu", now=naive), at(WIB, 2025, 1, 22, 10, 0))
    assert_instant(
        parse_published("2 jam lalu", now=naive, default_tz="Asia/Makassar"),
        at(WITA, 2025, 1, 22, 10, 0),
    )


def test_aware_now_is_converted_to_the_zone() -> None:
    # 21 Jan 20:00 UTC is already 22 Jan 03:00 WIB: "hari ini" is the 22nd in Jakarta.
    utc_evening = datetime(2025, 1, 21, 20, 0, tzinfo=UTC)
    assert_instant(parse_published("hari ini", now=utc_evening), at(WIB, 2025, 1, 22))
    assert_instant(parse_published("2 jam lalu", now=utc_evening), at(WIB, 2025, 1, 22, 1, 0))


def test_now_defaults_to_the_current_time() -> None:
    before = datetime.now(UTC)
    result = parse_published("baru saja")
    after = datetime.now(UTC)
    assert result is not None
    assert result.tzinfo == WIB
    assert before <= result <= after
