"""Read an article's view count ("Dibaca : 1.234", "1,2 rb views") as an integer."""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from crawler.extraction.text import alternation, normalize_space

# Multipliers printed after a number: "1,2 rb" (ribu = thousand), "2,5K", "3 jt" (juta = million).
# No "m": in Indonesian it is "miliar" (billion) as often as English "million".
SCALES: Final = MappingProxyType(
    {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
)
# Words that label a count, before or after the number: "Dibaca : 61", "1.229 Views".
COUNT_WORDS: Final = ("dibaca", "dilihat", "views", "view", "hits", "hit", "pembaca", "viewers")
# Marks that label a count only before the number: "👁 1.024", "Telah dibaca sebanyak 345 kali".
COUNT_MARKS: Final = ("👁\ufe0f", "👁", "👀", "dibaca sebanyak", "dilihat sebanyak")
# Words meaning "times" after the number: "90 kali dibaca", "345x dibaca".
TIMES_WORDS: Final = ("kali", "x")
# Longest digit run read as a count; beyond it a "number" is an id or junk.
_MAX_DIGITS: Final = 15


# A number not glued to a time, date or sign before it ("18:26", "2025-01", "-5").
_NUMBER = r"(?<![0-9.,:/\-])(?P<number>[0-9]+(?:[.,][0-9]+)*)"
_SCALE = rf"(?:\s*(?P<scale>{alternation(SCALES)})(?![a-z]))?"
_LABEL = alternation(COUNT_WORDS)
_MARK = alternation(COUNT_MARKS)

# Tried in order; the first that matches gives the count.
_PATTERNS: Final = (
    # A number followed by "kali"/"x" is a count whatever precedes it:
    # "Dibaca 1.234 kali", "90 kali dibaca", "Telah dibaca sebanyak 345 kali", "dibaca 53,203 kali".
    re.compile(rf"{_NUMBER}{_SCALE}\s*(?:{alternation(TIMES_WORDS)})(?![a-z])"),
    # Label, then the number: "Dibaca : 61", "Hits: 87", "Pembaca: 345", "👁 1.024".
    re.compile(rf"(?:(?<![a-z])(?:{_LABEL})|{_MARK})\s*[:=]?\s*{_NUMBER}{_SCALE}(?![0-9a-z])"),
    # Number, then the label: "1.229 Views", "87 Hits", "2,150 views", "90 dibaca".
    re.compile(rf"{_NUMBER}{_SCALE}\s*(?:{_LABEL})(?![a-z])"),
    # Nothing but a number, as a selector aimed at the counter returns it: "1.234", "1,2 rb".
    re.compile(rf"^[(\[]?{_NUMBER}{_SCALE}[)\]]?$"),
)


def parse_view_count(text: str) -> int | None:
    """Find the view count in `text`, or None when none is printed.

    Dots and commas between groups of three digits are thousands separators; before a
    multiplier they are decimal points. A date on the same line is never read as the count.
    Example: ``"Rabu, 22 Januari 2025 18:26 WIB | Dibaca : 61"`` → ``61``.
    """
    if not isinstance(text, str):
        return None
    flat = normalize_space(text[:10_000]).lower()
    for pattern in _PATTERNS:
        match = pattern.search(flat)
        if match:
            return _to_int(match["number"], match["scale"])
    return None


def _to_int(number: str, scale: str | None) -> int | None:
    """Read a printed number, with an optional multiplier.

    Example: ``("1.234", None)`` → ``1234``; ``("1,2", "rb")`` → ``1200``;
    ``("1,5", None)`` → ``None``.
    """
    groups = re.split(r"[.,]", number)
    if sum(map(len, groups)) > _MAX_DIGITS:
        return None
    if scale is not None:
        # The last separator is the decimal point: "1,2 rb", "2.5k"; earlier ones group thousands.
        value = Decimal(f"{''.join(groups[:-1])}.{groups[-1]}" if len(groups) > 1 else groups[0])
        return int(value * SCALES[scale])
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
        return None  # "1,5" or "12.30" is not a whole count
    if len(set(re.findall(r"[.,]", number))) > 1:
        return None  # "1.234,5": a decimal fraction, not a count
    return int("".join(groups))
