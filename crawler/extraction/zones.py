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


# Indonesian function words: prose where they make this share of the words is Indonesian, so a
# zone-less time on the page is WIB even with no lang, og:locale or .id host to say so.
INDONESIAN_FUNCTION_WORDS: Final = frozenset(
    # A word list reads best as one string; a list literal would take 24 lines.
    (  # noqa: SIM905
        "yang dan di dengan untuk ini itu dari pada akan tidak dalam ke juga adalah oleh bahwa"
        " karena atau telah sudah kepada para serta"
    ).split()
)
MIN_PROSE_WORDS: Final = 30
MIN_FUNCTION_SHARE: Final = 0.08
_WORD: Final = re.compile(r"[^\W\d_]+")


def indonesian_prose(text: str) -> bool:
    """Whether a page's paragraphs read as Indonesian (Malay too: near enough for a zone).

    ``"Pemerintah menyalurkan bantuan kepada warga yang terdampak banjir di desa …"`` → True.
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < MIN_PROSE_WORDS:
        return False
    hits = sum(1 for w in words if w in INDONESIAN_FUNCTION_WORDS)
    return hits >= MIN_FUNCTION_SHARE * len(words)


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
