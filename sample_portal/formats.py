"""Indonesian date and number strings as regional portals print them.

Each style is one seen on a real page (see shared/research/indonesian-formats.md), e.g.
style 0 prints ``Rabu, 22 Januari 2025 18:26 WIB`` beside ``Dibaca : 61``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime

from .vocabulary import DAYS, MONTHS, MONTHS_SHORT


def thousands(n: int) -> str:
    """1234567 -> '1.234.567' (dot thousands separator)."""
    return f"{n:,}".replace(",", ".")


def day_name(dt: datetime, *, apostrophe: bool = False, ahad: bool = False) -> str:
    """'Jumat', or "Jum'at" / 'Ahad' as some portals spell Friday and Sunday."""
    name = DAYS[dt.weekday()]
    if apostrophe and name == "Jumat":
        return "Jum'at"
    if ahad and name == "Minggu":
        return "Ahad"
    return name


def long_date(dt: datetime) -> str:
    """'22 Januari 2025'."""
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"


def short_date(dt: datetime) -> str:
    """'22 Jan 2025' (listings)."""
    return f"{dt.day:02d} {MONTHS_SHORT[dt.month - 1]} {dt.year}"


def us_order_date(dt: datetime) -> str:
    """'Januari 22, 2025': WordPress 'F j, Y' with Indonesian month names."""
    return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}"


def body_mention(dt: datetime) -> str:
    """'Rabu (22/1/2025)': how a news lead names the day of the event."""
    return f"{DAYS[dt.weekday()]} ({dt.day}/{dt.month}/{dt.year})"


def rfc822(dt: datetime) -> str:
    """'Wed, 22 Jan 2025 18:26:00 +0700' for RSS."""
    return format_datetime(dt)


def utc_iso(dt: datetime) -> str:
    """'2025-01-22T11:26:00+00:00' (WordPress/Yoast OpenGraph times are UTC)."""
    return dt.astimezone(UTC).isoformat()


def _style0(dt: datetime) -> str:
    return f"{day_name(dt)}, {long_date(dt)} {dt:%H:%M} WIB"


def _style1(dt: datetime) -> str:
    return f"{day_name(dt)}, {short_date(dt)} - {dt:%H:%M} wib"


def _style2(dt: datetime) -> str:
    return f"{dt:%d/%m/%Y %H.%M} WIB"


def _style3(dt: datetime) -> str:
    return f"{day_name(dt, apostrophe=True)}, {long_date(dt)} | {dt:%H:%M} WIB"


def _style4(dt: datetime) -> str:
    return f"{day_name(dt)}, {dt:%d/%m/%Y %H:%M} WIB"


def _style5(dt: datetime) -> str:
    return f"{day_name(dt, ahad=True)}, {long_date(dt)}, {dt:%H:%M} WIB"


# (date text, view-count text) per pemkot meta style; the index is Summary.date_style
DATE_STYLES: tuple[Callable[[datetime], str], ...] = (
    _style0,
    _style1,
    _style2,
    _style3,
    _style4,
    _style5,
)
VIEW_STYLES: tuple[str, ...] = (
    "Dibaca : {}",
    "Dilihat {} kali",
    "\U0001f441 {}",
    "Dibaca {} kali",
    "{} Views",
    "{} kali dibaca",
)
DATE_STYLE_WEIGHTS = (5, 2, 1, 2, 1, 1)


def meta_date(style: int, dt: datetime) -> str:
    return DATE_STYLES[style](dt)


def meta_views(style: int, view_count: int) -> str:
    return VIEW_STYLES[style].format(thousands(view_count))
