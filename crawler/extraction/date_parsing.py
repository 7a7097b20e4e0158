"""Turn a publication date as printed on an Indonesian news portal into an aware datetime.

Hand-written regexes cover the formats portals print (research/indonesian-formats.md); the
`dateparser` library is only asked about the long tail, and its answers are checked.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Final, NamedTuple
from zoneinfo import ZoneInfo

import dateparser

from crawler.extraction import date_vocabulary as vocab
from crawler.extraction.text import alternation, normalize_space

# Only the start of a string is read: a date line is short, and this bounds the work on junk.
_MAX_RAW: Final = 20_000
_MAX_SCAN: Final = 1_000
# Widest text allowed between a date and its time: "16 Februari 2016 malam pukul 23.59".
_MAX_GAP: Final = 24
_YEARS: Final = range(1900, 2200)


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile for lower-cased text. Example: ``_compile("wib").search("18:26 wib")`` matches."""
    # ASCII keeps \d, \s and \b from matching Arabic-Indic digits or exotic spaces.
    return re.compile(pattern, re.ASCII)


_YEAR = r"(?P<year>(?:19|20|21)[0-9]{2})(?![0-9])"
_MONTH_NAME = rf"(?P<month>{alternation(vocab.MONTHS)})\.?(?![a-z])"
_ORDINAL = r"(?:st|nd|rd|th)?"

# Date patterns; the earliest match in the text is the date.
_DATES: Final = (
    # ISO and detik meta: "2025-01-22", "2022/12/10 13:19:56", "2015-11-05 T10:08:58Z".
    _compile(
        rf"(?<![0-9]){_YEAR}(?P<sep>[-/.])(?P<month>[0-9]{{1,2}})(?P=sep)(?P<day>[0-9]{{1,2}})(?![0-9])"
    ),
    # Day-first numbers: "22/01/2025", "(23/1/2025)", "22.01.2025", "08/1/2026 20:19".
    _compile(
        rf"(?<![0-9./-])(?P<day>[0-9]{{1,2}})(?P<sep>[-/.])(?P<month>[0-9]{{1,2}})(?P=sep){_YEAR}"
    ),
    # Day, month name, year: "5 November 2015", "04 November, 2015", "5th of November 2015";
    # RFC-822 two-digit years only right before a time: "Thu, 05 Nov 15 12:58:01 +0700".
    _compile(
        rf"(?<![0-9])(?P<day>[0-9]{{1,2}}){_ORDINAL}(?:[\s,./-]|of\s)*{_MONTH_NAME}[\s,./-]*"
        rf"(?:{_YEAR}|(?P<year2>[0-9]{{2}})(?=\s+[0-9]{{1,2}}:[0-9]{{2}}))"
    ),
    # US order from WordPress/Blogger: "Maret 30, 2015", "Rabu, Agustus 13, 2025".
    _compile(
        rf"(?<![a-z]){_MONTH_NAME}[\s,./-]*(?P<day>[0-9]{{1,2}}){_ORDINAL}(?![0-9])[\s,.-]*{_YEAR}"
    ),
)
# "18:26", "18.26", "18:26:45", "10:08:58.123", "3:05 PM", "3 pm".
_TIME: Final = _compile(
    r"(?<![0-9.:])(?:(?P<hour>[0-9]{1,2})[:.](?P<minute>[0-9]{2})"
    r"(?:[:.](?P<second>[0-9]{2})(?:\.[0-9]+)?)?(?![0-9])(?:\s*(?P<ampm>[ap])\.?m\.?(?![a-z]))?"
    r"|(?P<hour12>[0-9]{1,2})\s*(?P<ampm12>[ap])\.?m\.?(?![a-z]))"
)
# An offset printed right after a time: "+07:00", "+0700", "Z", "GMT", "UTC+8".
_OFFSET: Final = _compile(
    rf"\s*(?:(?:{alternation(vocab.UTC_WORDS)})(?![a-z])\s*(?:(?P<sign>[+-])(?P<hours>[0-9]{{1,2}})"
    r"(?::?(?P<minutes>[0-9]{2}))?(?![0-9]))?"
    r"|(?P<sign4>[+-])(?P<hours4>[0-9]{2}):?(?P<minutes4>[0-9]{2})(?![0-9]))"
)
_ZONE: Final = _compile(rf"(?<![a-z])(?:{alternation(vocab.ZONES)})(?![a-z])")
_NUMBER_WORD: Final = alternation(vocab.RELATIVE_ONE)
_UNIT: Final = alternation(vocab.RELATIVE_UNITS)
_AMOUNT: Final = _compile(rf"(?P<n>[0-9]{{1,4}}|{_NUMBER_WORD})\s*(?P<unit>{_UNIT})(?![a-z])")
# "5 menit yang lalu", "seminggu lalu", "1 jam 30 menit lalu", "3 days ago".
_AGO: Final = _compile(
    rf"(?<![a-z0-9])(?P<amounts>(?:(?:[0-9]{{1,4}}|{_NUMBER_WORD})\s*(?:{_UNIT})(?![a-z])"
    rf"[\s,]*(?:(?:dan|and)\s+)?)+)(?:{alternation(vocab.RELATIVE_AGO)})(?![a-z])"
)
_JUST_NOW: Final = _compile(rf"(?<![a-z])(?:{alternation(vocab.JUST_NOW)})(?![a-z])")
_DAY_WORD: Final = _compile(rf"(?<![a-z])(?P<word>{alternation(vocab.DAY_WORDS)})(?![a-z])")
_DAY_NAME: Final = _compile(rf"(?<![a-z])(?:{alternation(vocab.DAY_NAMES)})(?![a-z])")
# dateparser is only worth asking when a plausible year is printed (Hijri 1438 is not one).
_FALLBACK_GATE: Final = _compile(
    r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])|(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2}(?![0-9])"
)
_NUMERIC_DATE: Final = _compile(r"(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}(?![0-9])")
_MONTH_WORD: Final = _compile(rf"(?<![a-z])(?:{alternation(vocab.MONTHS)})")
_INTEGER: Final = _compile(r"[0-9]+")
# Curly and look-alike apostrophes (U+2019 …) become "'" so that Jum\u2019at reads as "jum'at".
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("\u2019\u2018\u0060\u00b4\u02bc", "'"))


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    """Cached zone lookup. Example: ``"Asia/Makassar"`` → ``ZoneInfo("Asia/Makassar")`` (WITA)."""
    return ZoneInfo(name)


def parse_published(
    text: str, *, now: datetime | None = None, default_tz: str = vocab.DEFAULT_ZONE
) -> datetime | None:
    """Read the first date in `text` as an aware datetime, or None when it holds no valid date.

    The result is in the zone printed (WIB → Asia/Jakarta, WITA → Asia/Makassar, WIT →
    Asia/Jayapura; ISO/RFC offsets and "Z"/"GMT" → fixed offsets), else in `default_tz`.
    Numeric dates are day-first. A date without a time is midnight in its zone. Relative phrases
    ("5 menit yang lalu", "kemarin 14:00") are read against `now` (naive = in `default_tz`);
    "kemarin"/"hari ini" without a time are midnight of that day. Only the first 1,000
    characters (after collapsing whitespace) are read. Bare epoch numbers
    ("1670653196000") are not read: a lone number may as well be a count or an id, so callers
    that know a field holds epoch milliseconds convert it themselves.
    Example: ``"Kamis, 5 November 2015 - 15:56 wib"`` → ``2015-11-05 15:56:00+07:00``.
    """
    if not isinstance(text, str):
        return None
    flat = normalize_space(text[:_MAX_RAW]).translate(_APOSTROPHES).lower()[:_MAX_SCAN]
    if not flat:
        return None
    found = [match for pattern in _DATES if (match := pattern.search(flat))]
    if found:
        return _absolute(flat, min(found, key=lambda match: match.start()), default_tz)
    zone = _printed_zone(flat, 0, len(flat)) or _zone(default_tz)
    try:
        base = _base(now, zone)
        relative = _relative(flat, base)
    except (ValueError, OverflowError):  # "9999 tahun lalu", or a `now` at the calendar's edge
        return None
    if relative is not None:
        return relative
    return _fallback(flat, zone, base)


def _absolute(text: str, date: re.Match[str], default_tz: str) -> datetime | None:
    """Build the instant from a date match plus the time and zone printed next to it.

    Example: ``"rabu, 4 november 2015 | 21:04 wib"`` → ``2015-11-04 21:04:00+07:00``.
    """
    day, month = int(date["day"]), _month(date["month"])
    year = int(date["year"]) if date["year"] else _century(int(date["year2"]))
    clock = _time_near(text, date.start(), date.end())
    start, end = date.span()
    offset = None
    if clock.end >= 0:
        offset = _offset(text, clock.end)
        start, end = min(start, clock.start), max(end, clock.end)
    zone = offset or _printed_zone(text, start, end) or _zone(default_tz)
    try:
        return datetime(year, month, day, clock.hour, clock.minute, clock.second, tzinfo=zone)
    except ValueError:  # "31 April 2025", "29 Februari 2023", "25:61"
        return None


def _month(token: str) -> int:
    """Month number from a numeral or a name. Example: ``"agt"`` → ``8``; ``"01"`` → ``1``."""
    return int(token) if token.isdigit() else vocab.MONTHS[token]


def _century(year2: int) -> int:
    """RFC 2822 reading of a two-digit year. Example: ``15`` → ``2015``; ``98`` → ``1998``."""
    return 2000 + year2 if year2 < 50 else 1900 + year2


class _Clock(NamedTuple):
    hour: int = 0
    minute: int = 0
    second: int = 0
    start: int = -1  # where the time is printed; -1 when no time is printed
    end: int = -1


def _time_near(text: str, start: int, end: int) -> _Clock:
    """Find the time printed right after (or else right before) the date at text[start:end].

    Midnight with no span when no time is printed. An impossible time ("25:61") is returned
    as printed, for the datetime constructor to reject.
    Only non-digit text of at most _MAX_GAP characters may lie between the date and the time,
    so a view count on the same line is never read as a time.
    Example: ``("16:00:41, 25 agu 2024", 10, 21)`` → ``_Clock(16, 0, 41, start=0, end=8)``.
    """
    match = _TIME.search(text, end)
    if match is None or not _is_gap(text[end : match.start()]):
        match = None
        for candidate in _TIME.finditer(text, max(0, start - 2 * _MAX_GAP)):
            if candidate.end() > start:
                break
            if _is_gap(text[candidate.end() : start]):
                match = candidate
    if match is None:
        return _Clock()
    hour = int(match["hour"] or match["hour12"])
    minute, second = int(match["minute"] or 0), int(match["second"] or 0)
    ampm = match["ampm"] or match["ampm12"]
    if ampm and 1 <= hour <= 12:  # a sloppy "13:00 PM" is already a 24-hour time
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return _Clock(hour, minute, second, match.start(), match.end())


def _is_gap(between: str) -> bool:
    """Whether a date and a time around `between` belong together.

    Example: ``" | "`` → ``True``; ``" | dibaca 61 | "`` → ``False``.
    """
    return len(between) <= _MAX_GAP and not any(char.isdigit() for char in between)


def _offset(text: str, position: int) -> tzinfo | None:
    """Fixed offset printed right after a time. Example: ``" +0700"`` → ``UTC+07:00``."""
    match = _OFFSET.match(text, position)
    if match is None:
        return None
    sign = match["sign"] or match["sign4"]
    if sign is None:
        return UTC
    hours = int(match["hours"] or match["hours4"])
    minutes = int(match["minutes"] or match["minutes4"] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if sign == "-" else delta)


def _printed_zone(text: str, start: int, end: int) -> ZoneInfo | None:
    """Zone named by WIB/WITA/WIT near a span. Example: ``"13:28 wib wib"`` → Asia/Jakarta."""
    match = _ZONE.search(text, start, end + 16)
    return _zone(vocab.ZONES[match.group()]) if match else None


def _base(now: datetime | None, zone: tzinfo) -> datetime:
    """The moment relative phrases count back from, in `zone`; naive `now` is wall time there.

    Example: ``(2025-01-21 20:00+00:00, Asia/Jakarta)`` → ``2025-01-22 03:00+07:00``.
    """
    if now is None:
        return datetime.now(zone)
    return now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)


def _relative(text: str, base: datetime) -> datetime | None:
    """Resolve "N unit lalu", "baru saja", "kemarin 14:00" against `base`.

    Raises ValueError or OverflowError when the answer falls off the calendar.
    Example: ``("2 jam lalu", 2025-01-22 12:00+07:00)`` → ``2025-01-22 10:00+07:00``.
    """
    if ago := _AGO.search(text):
        seconds = months = 0
        for amount in _AMOUNT.finditer(ago["amounts"]):
            count = int(amount["n"]) if amount["n"].isdigit() else 1
            unit_seconds, unit_months = vocab.RELATIVE_UNITS[amount["unit"]]
            seconds, months = seconds + count * unit_seconds, months + count * unit_months
        return _months_before(base, months) - timedelta(seconds=seconds)
    if _JUST_NOW.search(text):
        return base
    if day_word := _DAY_WORD.search(text):
        clock = _time_near(text, day_word.start(), day_word.end())
        day = base - timedelta(days=vocab.DAY_WORDS[day_word["word"]])
        return day.replace(hour=clock.hour, minute=clock.minute, second=clock.second, microsecond=0)
    return None


def _months_before(moment: datetime, months: int) -> datetime:
    """Step back whole calendar months, clamping the day.

    Example: ``(2025-03-31, 1)`` → ``2025-02-28``.
    """
    years, month_index = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + years, month_index + 1
    return moment.replace(year=year, month=month, day=min(moment.day, monthrange(year, month)[1]))


def _fallback(text: str, zone: ZoneInfo, base: datetime) -> datetime | None:
    """Ask dateparser about what the patterns above missed, and keep only checked answers.

    Example: ``"05/11/15 10.00"`` → ``2015-11-05 10:00:00+07:00``.
    """
    if not _FALLBACK_GATE.search(text):
        return None
    # Zones are stripped and passed as TIMEZONE: dateparser does not know WIT (+09:00).
    plain = normalize_space(_DAY_NAME.sub(" ", _ZONE.sub(" ", text)))[:200]
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_LOCALE_DATE_ORDER": False,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["absolute-time"],  # relative phrases are ours; bare numbers are not dates
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": str(zone),
        "RELATIVE_BASE": base.replace(tzinfo=None),
    }
    try:
        found = dateparser.parse(plain, languages=["id", "en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; that means "no date"
        return None
    if not isinstance(found, datetime) or found.tzinfo is None or not _printed(found, text):
        return None
    return found.astimezone(_offset_anywhere(text) or zone)


def _printed(found: datetime, text: str) -> bool:
    """Check dateparser did not invent a part: its year and day must be printed, its month too.

    Example: ``(2015-11-05, "the 5th of november 2015")`` → ``True``.
    """
    numbers = {int(token) for token in _INTEGER.findall(text) if len(token) <= 4}
    year_printed = found.year in numbers or found.year % 100 in numbers
    month_printed = bool(_MONTH_WORD.search(text) or _NUMERIC_DATE.search(text))
    return found.year in _YEARS and year_printed and found.day in numbers and month_printed


def _offset_anywhere(text: str) -> tzinfo | None:
    """An explicit offset anywhere in the text. Example: ``"… 10:00 utc+8"`` → ``UTC+08:00``."""
    match = _TIME.search(text)
    return _offset(text, match.end()) if match else None
