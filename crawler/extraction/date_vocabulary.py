"""Words that Indonesian portals print in dates and date lines: months, days, zones, relative
times, labels. The one vocabulary every reader of dates uses: the parser (:mod:`date_parsing`),
the date line (:mod:`date_line`), the page's zone (:mod:`zones`), generic discovery's date line
(:mod:`crawler.generic.dateline`) and the commands that print zones.

Every entry is lower-case; spellings come from research/indonesian-formats.md §6 unless noted.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# Month names → month number. Indonesian full names, the old spellings (Pebruari, Nopember),
# the abbreviations portals print (detik "Des", malangkab "Agu"; "Agus" from generic discovery's
# list), and English names, which republika, liputan6 and RSS feeds use on Indonesian pages.
MONTHS: Final = MappingProxyType(
    {
        "januari": 1,
        "january": 1,
        "jan": 1,
        "februari": 2,
        "pebruari": 2,
        "february": 2,
        "febr": 2,
        "feb": 2,
        "peb": 2,
        "maret": 3,
        "march": 3,
        "mar": 3,
        "mrt": 3,
        "april": 4,
        "apr": 4,
        "mei": 5,
        "may": 5,
        "juni": 6,
        "june": 6,
        "jun": 6,
        "juli": 7,
        "july": 7,
        "jul": 7,
        "agustus": 8,
        "august": 8,
        "agst": 8,
        "ags": 8,
        "agt": 8,
        "agus": 8,
        "agu": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "oktober": 10,
        "october": 10,
        "okt": 10,
        "oct": 10,
        "november": 11,
        "nopember": 11,
        "nov": 11,
        "nop": 11,
        "desember": 12,
        "december": 12,
        "des": 12,
        "dec": 12,
    }
)

# Months only Indonesian spells so: German has Juni, Juli, Oktober; Dutch januari, februari,
# mei; Norwegian desember. A page printing "Kamis, 05 November 2015 11:52" or "Maret" is
# Indonesian whatever its lang says (:mod:`zones`).
INDONESIAN_ONLY_MONTHS: Final = ("maret", "agustus", "pebruari", "nopember")

# Day names. The parser never needs them to read a date (a wrong day name must not reject
# the date), but they are stripped before the dateparser fallback, which stumbles on "Jum'at";
# the Indonesian ones also tell an Indonesian date line (:mod:`zones`).
INDONESIAN_DAY_NAMES: Final = (
    *("senin", "selasa", "rabu", "kamis", "jumat", "jum'at"),
    *("sabtu", "minggu", "ahad"),
)
ENGLISH_DAY_NAMES: Final = (
    *("monday", "tuesday", "wednesday", "thursday"),
    *("friday", "saturday", "sunday"),
)
DAY_NAMES: Final = (*INDONESIAN_DAY_NAMES, *ENGLISH_DAY_NAMES)

# Indonesian zone abbreviations → IANA zone. WIB covers Java/Sumatra, WITA Bali/Sulawesi/
# Nusa Tenggara, WIT Maluku/Papua.
ZONES: Final = MappingProxyType(
    {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}
)
# A portal's zone unless its profile says otherwise, and so the zone of a time it prints with
# none (design.md: "WIB unless its profile says otherwise").
DEFAULT_ZONE: Final = ZONES["wib"]


def zone_label(timezone: str) -> str:
    """``Asia/Makassar`` -> ``WITA``, as portals print it; another zone as it is named."""
    return next((label.upper() for label, name in ZONES.items() if name == timezone), timezone)


# Words that mean a UTC timestamp when printed right after a time (RFC-822 "GMT", ISO "Z").
UTC_WORDS: Final = ("gmt", "utc", "ut", "z")

# Relative-time units → (seconds, months) per one unit; months and years are calendar steps
# ("sebulan lalu" on 31 March is 28/29 February, not 30 days back).
RELATIVE_UNITS: Final = MappingProxyType(
    {
        "detik": (1, 0),
        "dtk": (1, 0),
        "seconds": (1, 0),
        "second": (1, 0),
        "secs": (1, 0),
        "sec": (1, 0),
        "menit": (60, 0),
        "mnt": (60, 0),
        "minutes": (60, 0),
        "minute": (60, 0),
        "mins": (60, 0),
        "min": (60, 0),
        "jam": (3600, 0),
        "hours": (3600, 0),
        "hour": (3600, 0),
        "hari": (86400, 0),
        "days": (86400, 0),
        "day": (86400, 0),
        "minggu": (7 * 86400, 0),
        "pekan": (7 * 86400, 0),
        "weeks": (7 * 86400, 0),
        "week": (7 * 86400, 0),
        "bulan": (0, 1),
        "bln": (0, 1),
        "months": (0, 1),
        "month": (0, 1),
        "tahun": (0, 12),
        "thn": (0, 12),
        "years": (0, 12),
        "year": (0, 12),
    }
)

# Words that stand for the number one before a unit: "seminggu", "satu jam", "an hour".
RELATIVE_ONE: Final = ("se", "satu", "an", "a", "one")

# Words that close a relative phrase: "5 menit yang lalu", "2 tahun silam", "3 days ago".
RELATIVE_AGO: Final = ("yang lalu", "yg lalu", "lalu", "silam", "ago")

# Phrases meaning "now" ("baru saja" on okezone/tempo sidebars).
JUST_NOW: Final = ("baru saja", "barusan", "just now")

# Phrases naming a day relative to now, with how many days back they are.
DAY_WORDS: Final = MappingProxyType({"hari ini": 0, "today": 0, "kemarin": 1, "yesterday": 1})

# Labels a date line starts with: "Diposting: …", "Tanggal: …", "Published on …". A line that
# starts with one is a date line even when what follows is no date ("segera diumumkan").
DATE_LABELS: Final = (
    *("diposting", "diposkan", "dipos", "dipublikasikan", "dipublikasi", "dipublish"),
    *("diterbitkan", "terbit", "tanggal", "tgl", "diperbarui", "diupdate", "dibuat", "waktu"),
    *("terakhir diperbarui", "published", "posted", "updated", "last updated", "date"),
)
# What a label may be followed by when the line is not a date: "Diposting oleh Admin" (a
# byline), "Posted in Berita" (a category).
NOT_AFTER_LABEL: Final = ("oleh", "by", "in", "di", "dalam", "ke", "under")
# Words of a date line's class or id: ``<span class="post-date">``, ``<div class="tgl">``.
DATE_CLASS_WORDS: Final = frozenset(
    {"date", "tanggal", "tgl", "time", "waktu", "datetime", "pubdate", "published", "posted"}
    | {"postdate", "dateline", "updated", "timestamp", "jam"}
)
