"""What `parse_published` refuses: strings with no date, huge or non-string input, and the
long tail left to dateparser, whose answers are checked before they are kept.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction import date_parsing
from crawler.extraction.date_parsing import parse_published
from tests.extraction.date_cases import (
    WIB,
    WITA,
    at,
    check,
)

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
