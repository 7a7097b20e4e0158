"""Table tests for `parse_view_count`; sources refer to research/indonesian-formats.md §5."""

from __future__ import annotations

import pytest

from crawler.extraction.view_counts import parse_view_count

COUNTS = [
    # classic PHP CMS template "Dibaca : <?=$cek->dibaca?>" [template]
    ("Dibaca : 61", 61),
    ("Dibaca: 61", 61),
    ("DIBACA : 61", 61),
    ("Dibaca 1.234 kali", 1234),  # dot = thousands
    ("Dibaca 12.768 kali", 12768),  # kompas 2023, HD Menhub
    ("dibaca 20.796 kali", 20796),  # kompas 2016, ANP kompas-singlepage3.html
    ("dibaca 53,203 kali", 53203),  # kompas 2015 comma thousands, ANP kompas-singlepage.html
    ("dibaca 20,442 kali", 20442),  # kompas 2016, ANP kompas-singlepage2.html
    ("Dilihat: 1.234", 1234),
    ("Dilihat 1.234 kali", 1234),
    ("2.150 views", 2150),
    ("2,150 views", 2150),
    ("5.713 views", 5713),  # antaranews sidebar, ANP antara-singlepage.html
    ("2.768 views", 2768),  # republika sidebar, ANP republika-singlepage2.html
    ("| 1.229 Views", 1229),  # antaranews own article, ANP antara-singlepage.html
    ("| 998 Views", 998),  # ANP antara-singlepage4.html
    ("| 699 Views", 699),  # ANP antara-singlepage5.html
    ("Hits: 87", 87),
    ("87 Hits", 87),
    ("87 hits", 87),
    ("10.423.242 hits", 10_423_242),  # WordPress blog-stats widget, AEB kabarislamia
    ("1 hit", 1),
    ("Views: 12", 12),
    ("1,2 rb", 1200),
    ("1,2rb", 1200),
    ("1,2 ribu", 1200),
    ("12rb", 12_000),
    ("2,5K", 2500),
    ("2.5k", 2500),
    ("2,5K views", 2500),
    ("1,2 rb kali dibaca", 1200),
    ("3 jt", 3_000_000),
    ("1,5 juta", 1_500_000),
    ("1,25 jt views", 1_250_000),
    ("👁 1.024", 1024),
    ("👁\ufe0f 1.024", 1024),  # with the emoji variation selector
    ("👁 87", 87),
    ("Telah dibaca sebanyak 345 kali", 345),
    ("Pembaca: 345", 345),
    ("345 pembaca", 345),
    ("90 kali dibaca", 90),  # modern template "{n} Kali Dibaca" [template]
    ("90 Kali Dibaca", 90),
    ("345x dibaca", 345),
    ("Dibaca 0 kali", 0),
    ("0 views", 0),
    ("Dibaca\xa0:\xa01.234", 1234),
    ("  Dibaca :\n 61  ", 61),
    # Count beside a date on one meta line: no number is taken from the date.
    ("Rabu, 22 Januari 2025 18:26 WIB | Dibaca : 61", 61),
    ("Kamis, 5 November 2015 14:56 WIB | 1.229 Views", 1229),  # antaranews, ANP
    ("Selasa, 23 Februari 2016 15:06 WIB | 998 Views", 998),  # antaranews, ANP
    ("22/01/2025 18:26 | Dibaca 1.234 kali", 1234),
    ("Rabu, 22 Januari 2025 Dibaca 61 kali", 61),
    ("Dibaca 61 kali | Rabu, 22 Januari 2025", 61),
    ("Oleh Admin | 22 Januari 2025 | Hits: 87", 87),
    # Selector text that is only the number
    ("1.234", 1234),
    ("61", 61),
    ("0", 0),
    ("(61)", 61),
    ("1,2 rb", 1200),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=repr)
def test_counts(text: str, expected: int) -> None:
    result = parse_view_count(text)
    assert result == expected
    assert type(result) is int


NO_COUNT = [
    "",
    " ",
    "Dibaca",
    "Dibaca :",
    "Dibaca : -",
    "Views",  # mediaindonesia menu label, FUN
    "Hits:",
    "kali",
    "Rabu, 22 Januari 2025 18:26 WIB",  # a date and no count
    "Kamis, 05/11/2015 10:08 WIB",
    "2025-01-22T18:26:45+07:00",
    "18:26",
    "1,5",  # not a whole count without a multiplier
    "12.30",
    "1.234,5",
    "Dibaca 1,5 kali",
    "Dibaca: -5",
    "None",
    "N/A",
    "1" * 40,  # a digit run too long to be a count
    "abc 123 def",  # a number that no label claims
]


@pytest.mark.parametrize("text", NO_COUNT, ids=repr)
def test_no_count(text: str) -> None:
    assert parse_view_count(text) is None


def test_non_string_input_is_no_count() -> None:
    assert parse_view_count(None) is None  # type: ignore[arg-type]
