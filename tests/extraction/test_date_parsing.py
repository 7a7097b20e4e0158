"""Table tests for `parse_published` on dates as Indonesian portals print them: real pages'
strings, machine formats, day and month names, times, numeric dates, surrounding words.

Expected values were worked out by hand from each string (see date_cases.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.extraction.date_cases import (
    WIB,
    WITA,
    at,
    check,
    offset,
)

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
