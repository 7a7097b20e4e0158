"""Property tests: the parsers never raise, and round-trip the values they are built for."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extraction.date_parsing import parse_published
from crawler.extraction.text import clean_body, normalize_space
from crawler.extraction.view_counts import parse_view_count

WIB = ZoneInfo("Asia/Jakarta")
# No example database: these tests must not leave files in the working tree.
FUZZ = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Junk mixed with the words and digits of real date lines, so inputs get near the parsers' paths.
FRAGMENTS = st.sampled_from(
    [
        "Rabu", "Jum'at", "22", "Januari", "Agu", "2025", "1438", "18:26", "18.26", "WIB", "wita",
        "WIT", "+07:00", "Z", "T", "|", "-", "/", ",", "(", ")", "pukul", "lalu", "yang", "jam",
        "menit", "kemarin", "hari ini", "baru saja", "Dibaca", ":", "1.229", "Views", "kali",
        "rb", "2,5", "K", "\xa0", "\u200b", "\x00", "9999", "99", "00", "PM", "Baca juga",
    ]
)  # fmt: skip
DATEISH = st.lists(FRAGMENTS | st.text(max_size=5), max_size=12).map(" ".join)
NOWS = st.none() | st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.none()
)
AWARE_NOWS = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.sampled_from([UTC, WIB, ZoneInfo("America/New_York")]),
)


def _is_aware_or_none(result: datetime | None) -> bool:
    return result is None or (result.tzinfo is not None and result.utcoffset() is not None)


@FUZZ
@given(text=st.text(), now=NOWS | AWARE_NOWS)
def test_parse_published_never_raises_on_any_text(text: str, now: datetime | None) -> None:
    assert _is_aware_or_none(parse_published(text, now=now))


@FUZZ
@given(text=DATEISH, now=NOWS | AWARE_NOWS)
def test_parse_published_never_raises_on_dateish_text(text: str, now: datetime | None) -> None:
    assert _is_aware_or_none(parse_published(text, now=now))


MONTHS = [
    ("Januari", 1), ("Pebruari", 2), ("Mar", 3), ("April", 4), ("Mei", 5), ("Jun", 6),
    ("Juli", 7), ("Agt", 8), ("Sept", 9), ("Okt", 10), ("Nopember", 11), ("Des", 12),
]  # fmt: skip
DAYS = ["", "Senin, ", "Jum'at, ", "Ahad ", "Wednesday, "]


@FUZZ
@given(
    day=st.integers(1, 31),
    month=st.sampled_from(MONTHS),
    year=st.integers(1990, 2100),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    day_name=st.sampled_from(DAYS),
    separator=st.sampled_from([" ", ", ", " | ", " - ", " pukul "]),
)
def test_month_name_dates_round_trip(
    day: int,
    month: tuple[str, int],
    year: int,
    hour: int,
    minute: int,
    day_name: str,
    separator: str,
) -> None:
    text = f"{day_name}{day} {month[0]} {year}{separator}{hour:02}:{minute:02} WIB"
    try:
        expected: datetime | None = datetime(year, month[1], day, hour, minute, tzinfo=WIB)
    except ValueError:  # 31 April, 29 February of a common year…
        expected = None
    result = parse_published(text)
    assert result == expected
    if expected is not None and result is not None:
        assert result.utcoffset() == expected.utcoffset()


@FUZZ
@given(
    day=st.integers(1, 31),
    month=st.integers(1, 12),
    year=st.integers(1990, 2100),
    separator=st.sampled_from("/-."),
    padded=st.booleans(),
)
def test_numeric_dates_round_trip_day_first(
    day: int, month: int, year: int, separator: str, padded: bool
) -> None:
    shape = "{:02}" if padded else "{}"
    text = separator.join([shape.format(day), shape.format(month), str(year)])
    try:
        expected: datetime | None = datetime(year, month, day, tzinfo=WIB)
    except ValueError:
        expected = None
    assert parse_published(text) == expected


@FUZZ
@given(text=st.text())
def test_parse_view_count_never_raises(text: str) -> None:
    result = parse_view_count(text)
    assert result is None or (type(result) is int and result >= 0)


@FUZZ
@given(text=DATEISH)
def test_parse_view_count_never_raises_on_meta_lines(text: str) -> None:
    result = parse_view_count(text)
    assert result is None or (type(result) is int and result >= 0)


@FUZZ
@given(
    count=st.integers(0, 10**12),
    separator=st.sampled_from(".,"),
    shape=st.sampled_from(["Dibaca : {}", "{} views", "Dibaca {} kali", "Hits: {}", "{}"]),
    date=st.sampled_from(["", "Rabu, 22 Januari 2025 18:26 WIB | ", "22/01/2025 | "]),
)
def test_grouped_counts_round_trip(count: int, separator: str, shape: str, date: str) -> None:
    grouped = f"{count:,}".replace(",", separator)
    if shape == "{}" and date:
        return  # a bare number only stands alone
    assert parse_view_count(date + shape.format(grouped)) == count


@FUZZ
@given(paragraphs=st.lists(st.text() | FRAGMENTS, max_size=8))
def test_clean_body_output_is_normalized_and_stable(paragraphs: list[str]) -> None:
    cleaned = clean_body(paragraphs)
    assert all(paragraph and normalize_space(paragraph) == paragraph for paragraph in cleaned)
    assert clean_body(cleaned) == cleaned
    normalized = [normalize_space(paragraph) for paragraph in paragraphs]
    remaining = iter(normalized)
    assert all(paragraph in remaining for paragraph in cleaned)  # an ordered subsequence


@FUZZ
@given(text=st.text())
def test_normalize_space_is_idempotent(text: str) -> None:
    once = normalize_space(text)
    assert normalize_space(once) == once
    assert "  " not in once
    assert once == once.strip()
