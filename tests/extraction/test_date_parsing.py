"""Table tests for `parse_published` on strings printed by Indonesian portals.

Sources in comments refer to /work/shared/research/indonesian-formats.md (§ = section).
Every expected value was worked out by hand from the string, not copied from the parser.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from crawler.extraction import date_parsing
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


# Verbatim visible dates from real pages, §1 (sources: ANP, TIS, HD, FUN, AEB, PG).
REAL_PAGES = [
    # antaranews 2015, ANP antara-singlepage.html (datePublished 14:56:43+07:00)
    ("Kamis, 5 November 2015 14:56 WIB", at(WIB, 2015, 11, 5, 14, 56)),
    # antaranews 2016, ANP antara-singlepage4.html: date and view count on one line
    ("Selasa, 23 Februari 2016 15:06 WIB | 998 Views", at(WIB, 2016, 2, 23, 15, 6)),
    # antaranews 2017, ANP antara-singlepage5.html
    ("Senin, 15 Mei 2017 18:43 WIB", at(WIB, 2017, 5, 15, 18, 43)),
    # detik 2015, ANP detik-singlepage.html (dd/mm/yyyy)
    ("Kamis, 05/11/2015 10:08 WIB", at(WIB, 2015, 11, 5, 10, 8)),
    # detik 2016, ANP detik-singlepage2.html, multi-line div with whitespace around
    ("\n\t\tSelasa, 23/02/2016 15:32 WIB\n\t", at(WIB, 2016, 2, 23, 15, 32)),
    # detik 2015 sidebar, doubled zone
    ("Sabtu, 31/10/2015 13:28 WIB WIB", at(WIB, 2015, 10, 31, 13, 28)),
    # detik 2022, TIS 1.html (abbreviated month)
    ("Sabtu, 10 Des 2022 13:19 WIB", at(WIB, 2022, 12, 10, 13, 19)),
    # detik 2023, HD health.detik.com-Stroke.html (zero-padded day)
    ("Kamis, 02 Nov 2023 20:59 WIB", at(WIB, 2023, 11, 2, 20, 59)),
    # kompas 2015, ANP kompas-singlepage.html
    ("Rabu, 4 November 2015 | 21:04 WIB", at(WIB, 2015, 11, 4, 21, 4)),
    # kompas 2023, HD money.kompas.com-Menhub.html
    ("Kompas.com - 02/11/2023, 21:34 WIB", at(WIB, 2023, 11, 2, 21, 34)),
    ("02/11/2023, 21:34 WIB", at(WIB, 2023, 11, 2, 21, 34)),
    # kapanlagi, ANP kapanlagi-singlepage.html (no zone printed)
    ("Kamis, 05 November 2015 11:52", at(WIB, 2015, 11, 5, 11, 52)),
    # liputan6 2016, ANP liputan6-singlepage.html (English glue words)
    ("on 16 Feb 2016 at 09:10 WIB", at(WIB, 2016, 2, 16, 9, 10)),
    # liputan6 related items, ANP liputan6-singlepage3.html
    ("16 Feb 2016 08:38", at(WIB, 2016, 2, 16, 8, 38)),
    # okezone 2015, ANP okezone-singlepage.html (lower-case wib, " - ")
    ("Kamis, 5 November 2015 - 15:56 wib", at(WIB, 2015, 11, 5, 15, 56)),
    # okezone 2017, ANP okezone-singlepage2.html (author in the same span, Jum'at)
    ("Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib", at(WIB, 2017, 2, 17, 13, 30)),
    # okezone sidebar
    ("Kamis, 05 November 2015 16:09 WIB", at(WIB, 2015, 11, 5, 16, 9)),
    # republika 2016, ANP republika-singlepage.html (comma before the time)
    ("Senin, 15 Februari 2016, 16:15 WIB", at(WIB, 2016, 2, 15, 16, 15)),
    # republika 2017, ANP republika-singlepage3.html (English month, space before comma)
    ("Jumat , 17 February 2017, 13:16 WIB", at(WIB, 2017, 2, 17, 13, 16)),
    # republika "today" bar: Hijri date first, the Gregorian one is read
    ("Jumat, 20 Jumadil Awwal 1438 / 17 February 2017", at(WIB, 2017, 2, 17)),
    # republika sidebar, ANP republika-singlepage2.html (Ahad = Sunday, date only)
    ("Ahad, 21 Februari 2016", at(WIB, 2016, 2, 21)),
    # tempo 2015, ANP tempo-singlepage.html
    ("Kamis, 05 November 2015 | 11:13 WIB", at(WIB, 2015, 11, 5, 11, 13)),
    # en.tempo.co, ANP tempoen-singlepage.html (English day, comma after month)
    ("Wednesday, 04 November, 2015 | 07:28 WIB", at(WIB, 2015, 11, 4, 7, 28)),
    # en.tempo.co listing, ANP tempoen-mainpage.html
    ("Wednesday, 04/11/2015 | 17:14 WIB", at(WIB, 2015, 11, 4, 17, 14)),
    # viva 2016, ANP viva-singlepage.html and listing without zone
    ("Selasa, 16 Februari 2016 | 13:01 WIB", at(WIB, 2016, 2, 16, 13, 1)),
    ("Selasa, 16 Februari 2016 12:55", at(WIB, 2016, 2, 16, 12, 55)),
    # tribunnews 2020, HD test_set/1595907782.html
    ("Senin, 4 Mei 2020 04:25 WIB", at(WIB, 2020, 5, 4, 4, 25)),
    # mediaindonesia 2025-26, FUN (month not zero-padded in the second)
    ("22/10/2025 06:59", at(WIB, 2025, 10, 22, 6, 59)),
    ("08/1/2026 20:19", at(WIB, 2026, 1, 8, 20, 19)),
    ("20/1/2026 18:30", at(WIB, 2026, 1, 20, 18, 30)),
    # kabarislamia WordPress, AEB (Indonesian month, US order, date only)
    ("Maret 30, 2015", at(WIB, 2015, 3, 30)),
    ("Oktober 27, 2015", at(WIB, 2015, 10, 27)),
    # tangerangnews.com, PG (author | date | time, no zone)
    ("Dira Derby | Rabu, 22 Januari 2014 | 19:01", at(WIB, 2014, 1, 22, 19, 1)),
    ("| Senin, 16 Februari 2015 | 18:35", at(WIB, 2015, 2, 16, 18, 35)),
    ("Rangga Agung Zuliansyah | Minggu, 9 Februari 2025 | 16:42", at(WIB, 2025, 2, 9, 16, 42)),
    # kabarviral79.com Blogger, PG (US order, empty author)
    ("By Admin On Rabu, Agustus 13, 2025", at(WIB, 2025, 8, 13)),
    ("By On Senin, Desember 29, 2025", at(WIB, 2025, 12, 29)),
    # malangkab.go.id list item, TPL-ish (time first, "Agu")
    ("16:00:41, 25 Agu 2024", at(WIB, 2024, 8, 25, 16, 0, 41)),
]

# Machine-readable dates, §2.
MACHINE = [
    # detik meta publishdate: WIB wall time, no offset (TIS)
    ("2022/12/10 13:19:56", at(WIB, 2022, 12, 10, 13, 19, 56)),
    # detik 2015 meta pubdate: space before T; read as written, so UTC (ANP detik-singlepage.html)
    ("2015-11-05 T10:08:58Z", at(UTC, 2015, 11, 5, 10, 8, 58)),
    ("2016-02-23 T16:00:20Z", at(UTC, 2016, 2, 23, 16, 0, 20)),
    # kompas content_PublishedDate, no offset (HD Menhub)
    ("2023-11-02 21:34:19", at(WIB, 2023, 11, 2, 21, 34, 19)),
    # kompas article:published_time in UTC (HD Menhub)
    ("2023-11-02T14:34:19+00:00", at(UTC, 2023, 11, 2, 14, 34, 19)),
    # antara <time datetime> (ANP antara-singlepage.html)
    ("2015-11-05T14:56:43+07:00", at(offset(7), 2015, 11, 5, 14, 56, 43)),
    # liputan6 <time datetime>, space separator, no offset (ANP liputan6-singlepage.html)
    ("2016-02-16 09:10:56", at(WIB, 2016, 2, 16, 9, 10, 56)),
    # viva meta, offset without colon (ANP viva-singlepage.html)
    ("2016-02-16T13:01:52+0700", at(offset(7), 2016, 2, 16, 13, 1, 52)),
    # mediaindonesia JSON-LD (FUN)
    ("2025-10-22T06:59:00+07:00", at(offset(7), 2025, 10, 22, 6, 59)),
    # WordPress article:published_time (AEB)
    ("2015-03-30T02:40:29+00:00", at(UTC, 2015, 3, 30, 2, 40, 29)),
    # antara RSS, RFC-822 (ANP antara-mainpage.html)
    ("Thu, 05 Nov 2015 14:56:43 +0700", at(offset(7), 2015, 11, 5, 14, 56, 43)),
    # detik feedsportal RSS in GMT (ANP detik-mainpage.html)
    ("Thu, 05 Nov 2015 03:12:42 GMT", at(UTC, 2015, 11, 5, 3, 12, 42)),
    # kapanlagi RSS, two-digit year (ANP kapanlagi-mainpage.html)
    ("Thu, 05 Nov 15 12:58:01 +0700", at(offset(7), 2015, 11, 5, 12, 58, 1)),
    # republika RSS, and its epoch-0 item (ANP republika-mainpage.html)
    ("Thu, 05 Nov 2015 15:07:13 +0700", at(offset(7), 2015, 11, 5, 15, 7, 13)),
    ("01 Jan 1970 07:00:00 +0700", at(offset(7), 1970, 1, 1, 7, 0, 0)),
    # ISO variants
    ("2025-01-22", at(WIB, 2025, 1, 22)),
    ("2025/01/22", at(WIB, 2025, 1, 22)),
    ("2025-1-5", at(WIB, 2025, 1, 5)),
    ("2025-01-22T18:26", at(WIB, 2025, 1, 22, 18, 26)),
    ("2025-01-22T18:26:45Z", at(UTC, 2025, 1, 22, 18, 26, 45)),
    ("2025-01-22T18:26:45.123456Z", at(UTC, 2025, 1, 22, 18, 26, 45)),
    ("2025-01-22T18:26:45+08:00", at(offset(8), 2025, 1, 22, 18, 26, 45)),
    ("2025-01-22T18:26:45-05:00", at(offset(-5), 2025, 1, 22, 18, 26, 45)),
    ("2025-01-22T18:26:45+05:30", at(offset(5, 30), 2025, 1, 22, 18, 26, 45)),
    ("2025-01-22 18:26:45 +0900", at(offset(9), 2025, 1, 22, 18, 26, 45)),
    ("Wed, 22 Jan 2025 11:26:45 UTC", at(UTC, 2025, 1, 22, 11, 26, 45)),
    ("Nov 5 2015 10:00 UTC+8", at(offset(8), 2015, 11, 5, 10, 0)),
    ("5 November 2015 14:56 GMT+7", at(offset(7), 2015, 11, 5, 14, 56)),
]

# Indonesian and English day names: any case, with or without comma. 22 Jan 2025 is a Wednesday,
# so most of these contradict the date, which must not matter.
DAY_NAMES = [
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Jum'at",
    "Jum\u2019at",  # curly apostrophe
    "Sabtu",
    "Minggu",
    "Ahad",
    "RABU",
    "rabu",
    "Monday",
    "Wednesday",
    "FRIDAY",
    "Sun",
]


@pytest.mark.parametrize(("text", "expected"), REAL_PAGES + MACHINE, ids=repr)
def test_known_formats(text: str, expected: datetime) -> None:
    check(text, expected)


@pytest.mark.parametrize("day_name", DAY_NAMES)
@pytest.mark.parametrize("comma", [",", "", " ,"])
def test_day_names_never_matter(day_name: str, comma: str) -> None:
    check(f"{day_name}{comma} 22 Januari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26))


# Every month spelling, hand-mapped to its number (not read from the parser's table).
MONTH_SPELLINGS = [
    ("Januari", 1), ("Jan", 1), ("January", 1),
    ("Februari", 2), ("Pebruari", 2), ("Feb", 2), ("Febr", 2), ("Peb", 2), ("February", 2),
    ("Maret", 3), ("Mar", 3), ("Mrt", 3), ("March", 3),
    ("April", 4), ("Apr", 4),
    ("Mei", 5), ("May", 5),
    ("Juni", 6), ("Jun", 6), ("June", 6),
    ("Juli", 7), ("Jul", 7), ("July", 7),
    ("Agustus", 8), ("Agu", 8), ("Agus", 8), ("Agt", 8), ("Ags", 8), ("Agst", 8),
    ("Aug", 8), ("August", 8),
    ("September", 9), ("Sep", 9), ("Sept", 9), ("Sep.", 9),
    ("Oktober", 10), ("Okt", 10), ("Oct", 10), ("October", 10),
    ("November", 11), ("Nopember", 11), ("Nov", 11), ("Nop", 11),
    ("Desember", 12), ("Des", 12), ("Dec", 12), ("December", 12), ("DESEMBER", 12),
]  # fmt: skip


@pytest.mark.parametrize(("month_name", "month"), MONTH_SPELLINGS)
def test_month_spellings_day_first(month_name: str, month: int) -> None:
    check(f"7 {month_name} 2024 08:05 WIB", at(WIB, 2024, month, 7, 8, 5))


@pytest.mark.parametrize(("month_name", "month"), MONTH_SPELLINGS[::3])
def test_month_spellings_us_order(month_name: str, month: int) -> None:
    check(f"Rabu, {month_name} 13, 2024", at(WIB, 2024, month, 13))


TIMES = [
    ("22 Januari 2025 18:26", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 18.26", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 18:26:45", at(WIB, 2025, 1, 22, 18, 26, 45)),
    ("22 Januari 2025 pukul 18.26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 jam 18:26", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 Pkl. 18.26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 malam pukul 23.59 WIB", at(WIB, 2025, 1, 22, 23, 59)),
    ("22 Januari 2025 6:26 PM", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 06.26 p.m.", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 6:26 am", at(WIB, 2025, 1, 22, 6, 26)),
    ("22 Januari 2025 12:05 AM", at(WIB, 2025, 1, 22, 0, 5)),
    ("22 Januari 2025 12:05 PM", at(WIB, 2025, 1, 22, 12, 5)),
    ("22 Januari 2025 6 PM", at(WIB, 2025, 1, 22, 18, 0)),
    ("22 Januari 2025 13:00 PM", at(WIB, 2025, 1, 22, 13, 0)),  # sloppy, still 24-hour
    ("22 Januari 2025 00:00", at(WIB, 2025, 1, 22, 0, 0)),
    ("22 Januari 2025 23:59:59", at(WIB, 2025, 1, 22, 23, 59, 59)),
    ("22 Januari 2025 7:05", at(WIB, 2025, 1, 22, 7, 5)),
    ("22 Januari 2025 18:26WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 18:26 wib", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 - 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025, 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22 Januari 2025 | 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Januari 2025 13:28 WIB WIB", at(WIB, 2025, 1, 22, 13, 28)),
    # time first
    ("18:26 WIB, Rabu 22 Januari 2025", at(WIB, 2025, 1, 22, 18, 26)),
    ("10.00 WITA - 5 Mei 2020", at(WITA, 2020, 5, 5, 10, 0)),
    ("16:00:41, 25 Agu 2024", at(WIB, 2024, 8, 25, 16, 0, 41)),
]


@pytest.mark.parametrize(("text", "expected"), TIMES, ids=repr)
def test_times(text: str, expected: datetime) -> None:
    check(text, expected)


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


NUMERIC = [
    ("22/01/2025", at(WIB, 2025, 1, 22)),
    ("22-01-2025", at(WIB, 2025, 1, 22)),
    ("22.01.2025", at(WIB, 2025, 1, 22)),
    ("(23/1/2025)", at(WIB, 2025, 1, 23)),
    ("Kamis (23/1/2025)", at(WIB, 2025, 1, 23)),
    ("1/2/2025", at(WIB, 2025, 2, 1)),  # day first: 1 February
    ("02/03/2025", at(WIB, 2025, 3, 2)),
    ("12/11/2025", at(WIB, 2025, 11, 12)),
    ("31/12/2024 23:59", at(WIB, 2024, 12, 31, 23, 59)),
    ("22/01/2025 18.26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("22.01.2025 18.26", at(WIB, 2025, 1, 22, 18, 26)),
    ("29/02/2024", at(WIB, 2024, 2, 29)),  # leap year
]


@pytest.mark.parametrize(("text", "expected"), NUMERIC, ids=repr)
def test_numeric_dates_are_day_first(text: str, expected: datetime) -> None:
    check(text, expected)


SURROUNDINGS = [
    ("Diposting pada Rabu, 22 Januari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Diposting pada 22 Januari 2025", at(WIB, 2025, 1, 22)),
    ("Diterbitkan: 22/01/2025 18:26", at(WIB, 2025, 1, 22, 18, 26)),
    ("Dipublikasikan 22 Januari 2025, 18.26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Tanggal: 22 Januari 2025", at(WIB, 2025, 1, 22)),
    ("Tanggal : 22-01-2025", at(WIB, 2025, 1, 22)),
    ("Tanggal:22/01/2025", at(WIB, 2025, 1, 22)),
    ("Ditulis oleh Admin pada 22 Januari 2025 pukul 18.26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Oleh Humas | Rabu, 22 Januari 2025 | 18:26", at(WIB, 2025, 1, 22, 18, 26)),
    ("Oleh Humas | 5 Mei 2020", at(WIB, 2020, 5, 5)),
    ("Update: Rabu, 22 Januari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Diperbarui 22 Januari 2025, 2 jam lalu", at(WIB, 2025, 1, 22)),  # absolute date wins
    # A count on the same meta line must not leak into the date or the time.
    ("Rabu, 22 Januari 2025 18:26 WIB | Dibaca : 61", at(WIB, 2025, 1, 22, 18, 26)),
    ("Kamis, 5 November 2015 14:56 WIB | 1.229 Views", at(WIB, 2015, 11, 5, 14, 56)),
    ("22/01/2025 | Dibaca : 61", at(WIB, 2025, 1, 22)),
    ("Rabu, 22 Januari 2025 | 1.229 Views", at(WIB, 2025, 1, 22)),
    ("Dibaca : 61 | Rabu, 22 Januari 2025", at(WIB, 2025, 1, 22)),
    ("Rabu, 22 Januari 2025 | 12 Komentar", at(WIB, 2025, 1, 22)),
    # A time far from the date, in the text after it, is not its time.
    ("5 Mei 2020 - Acara peresmian gedung baru dimulai pukul 09.00 WIB", at(WIB, 2020, 5, 5)),
    # Whitespace and invisible characters as scraped
    ("Rabu,\xa022\xa0Januari\xa02025\xa018:26\xa0WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Rabu, 22 Janu\u200bari 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("Rabu,\x00 22 Januari 2025\t18:26\nWIB", at(WIB, 2025, 1, 22, 18, 26)),
    ("RABU, 22 JANUARI 2025 18:26 WIB", at(WIB, 2025, 1, 22, 18, 26)),
    # Dateline forms from body text, §4
    ("Kamis (5/11/2015)", at(WIB, 2015, 11, 5)),
    ("Minggu (14/2/2016) malam WIB", at(WIB, 2016, 2, 14)),
    ("Senin malam, 15 Februari 2016 waktu setempat", at(WIB, 2016, 2, 15)),
    ("25 Pebruari 2017", at(WIB, 2017, 2, 25)),
    # English and ordinal long tail
    ("Tuesday the 5th of November 2015 3 pm", at(WIB, 2015, 11, 5, 15, 0)),
    ("November 5th, 2015", at(WIB, 2015, 11, 5)),
    ("5-Nov-2015", at(WIB, 2015, 11, 5)),
]


@pytest.mark.parametrize(("text", "expected"), SURROUNDINGS, ids=repr)
def test_surrounding_words(text: str, expected: datetime) -> None:
    check(text, expected)


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


NO_DATE = [
    "",
    "   ",
    "\n\t\xa0",
    "Dibaca",
    "Tanggal:",
    "Diposting pada",
    "None",
    "null",
    "NaN",
    "undefined",
    "-",
    "Dibaca : 61",
    "| 1.229 Views",
    "1.229",
    "2015",  # a year alone
    "Januari 2025",  # no day
    "Jumat (12/2)",  # no year, §4
    "Selasa 13 Februari pukul 23.59 WIB",  # no year, §4
    "13:28 WIB",  # a time alone
    # impossible dates and times
    "32 Januari 2025",
    "29 Februari 2023",
    "30 Februari 2024",
    "31 April 2025",
    "31/04/2025",
    "0 Januari 2025",
    "22/13/2025",
    "22 Januari 2025 25:61",
    "22 Januari 2025 18:60",
    "22 Januari 2025 24:00",
    "2025-02-30T10:00:00Z",
    # Hijri only
    "20 Jumadil Awwal 1438 H",
    "1 Ramadhan 1446 H",
    "Rabu (4/11/205)",  # kompas typo year, §4
    "5 Mei 1850",  # outside the years portals publish in
    "1670653196000",  # epoch ms: left to callers (see parse_published docstring)
    "9999 tahun lalu",  # before year 1
    "Edisi 2025 nomor 7",
    "\x00\x01\x02",
]


@pytest.mark.parametrize("text", NO_DATE, ids=repr)
def test_no_date(text: str) -> None:
    check(text, None)


def test_date_at_start_of_a_huge_string() -> None:
    check("22 Januari 2025 18:26 WIB " + "x" * 2_000_000, at(WIB, 2025, 1, 22, 18, 26))


def test_date_beyond_the_scanned_prefix_is_ignored() -> None:
    check("x " * 5_000 + "22 Januari 2025", None)


def test_non_string_input_is_no_date() -> None:
    assert parse_published(None) is None  # type: ignore[arg-type]
    assert parse_published(20250122) is None  # type: ignore[arg-type]


# Long tail: strings the patterns leave to dateparser, and dateparser's answers being checked.
FALLBACK = [
    ("05/11/15", at(WIB, 2015, 11, 5)),
    ("05/11/15 10.00 WITA", at(WITA, 2015, 11, 5, 10, 0)),
    ("2015 November 5", at(WIB, 2015, 11, 5)),
]


@pytest.mark.parametrize(("text", "expected"), FALLBACK, ids=repr)
def test_long_tail_goes_to_dateparser(
    text: str, expected: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_parse = date_parsing.dateparser.parse

    def spy(date_string: str, **kwargs: object) -> object:
        calls.append(date_string)
        return real_parse(date_string, **kwargs)

    monkeypatch.setattr(date_parsing.dateparser, "parse", spy)
    check(text, expected)
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("text", "invented"),
    [
        ("Edisi 2025 nomor 7", datetime(2025, 1, 7, tzinfo=WIB)),  # no month printed
        ("Edisi 2025 nomor 7 Januari", datetime(2024, 1, 7, tzinfo=WIB)),  # year not printed
        ("Edisi 2025 nomor 7 Januari", datetime(2025, 1, 8, tzinfo=WIB)),  # day not printed
        ("Edisi 1875 nomor 7 Januari", datetime(1875, 1, 7, tzinfo=WIB)),  # implausible year
    ],
)
def test_invented_parts_from_dateparser_are_rejected(
    text: str, invented: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(date_parsing.dateparser, "parse", lambda *args, **kwargs: invented)
    monkeypatch.setattr(date_parsing, "_FALLBACK_GATE", date_parsing.re.compile(r"[0-9]"))
    check(text, None)


def test_checked_dateparser_answer_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = datetime(2025, 1, 7, 9, 30, tzinfo=WIB)
    monkeypatch.setattr(date_parsing.dateparser, "parse", lambda *args, **kwargs: answer)
    check("Edisi 7 nomor Januari 2025", at(WIB, 2025, 1, 7, 9, 30))


def test_dateparser_errors_mean_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(date_parsing.dateparser, "parse", explode)
    check("05/11/15", None)
