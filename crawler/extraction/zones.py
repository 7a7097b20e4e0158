"""Which zone a page's times are in: Indonesian portals print WIB, WITA or WIT, or nothing.

A time printed without a zone on an Indonesian portal is the portal's zone (design.md).
"""

from __future__ import annotations

import re
from typing import Final

from crawler.extraction import date_vocabulary as vocab
from crawler.extraction.text import alternation

# Words only an Indonesian date line prints: a page printing "Kamis, 05 November 2015 11:52" is
# Indonesian whatever its lang says.
INDONESIAN_DATE_WORDS: Final = (*vocab.INDONESIAN_DAY_NAMES, *vocab.INDONESIAN_ONLY_MONTHS)
_CLOCK: Final = re.compile(r"\d[:.]\d\d")
_PRINTED_ZONE: Final = re.compile(rf"(?i)(?<![a-z])({alternation(vocab.ZONES)})(?![a-z])")
_INDONESIAN_WORD: Final = re.compile(
    rf"(?i)(?<![a-z])(?:{alternation(INDONESIAN_DATE_WORDS)})(?![a-z])"
)


def printed_zone(text: str) -> str | None:
    """The zone a visible date names. ``"Selasa, 16 Juni 2025 08:05 Wita"`` → Asia/Makassar."""
    match = _PRINTED_ZONE.search(text)
    return vocab.ZONES[match.group(1).lower()] if match else None


def zone_of(texts: list[str], indonesian: bool) -> str | None:
    """The zone printed after a time by the headline, else WIB when the page is Indonesian by
    its markup or its date line, else None.

    ``(["Selasa, 17 Juni 2025 | 09:45 Wita"], False)`` → ``"Asia/Makassar"``.
    """
    for text in texts:
        if _CLOCK.search(text) and (zone := printed_zone(text)):
            return zone
    if indonesian or any(_INDONESIAN_WORD.search(text) for text in texts):
        return vocab.DEFAULT_ZONE
    return None
