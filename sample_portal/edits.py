"""Edits a newsroom makes to a published article, as pure text transformations.

Each is one real kind of correction on Indonesian portals: a title typo fixed after
publication (``typo`` makes the spoilt title a new article first appears with), a figure
corrected (``corrected_number``), and an appended note (``update_note``: "Berita ini telah
diperbarui ..."). Choices come from a hash, so an edition's edits are reproducible.
"""

from __future__ import annotations

import re
from datetime import datetime

from . import formats

# A figure as articles print it: 1.234 / 57 / 78,5 -- not part of a date (22/1/2025), a time
# (14.30), a year (2025), a phone number (1500533) or an emergency line ('call center 112').
_NUMBER = re.compile(r"(?<![\w/.,:])(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d+)?)(?![\w/]|[.,:]\d)")
_NOT_FIGURES = ("center", "darurat", "pukul")
_WORD = re.compile(r"[A-Za-z]{5,}")

UPDATE_NOTES = (
    "Berita ini telah diperbarui pada {hari} pukul {jam} WIB dengan tambahan keterangan dari "
    "pihak kelurahan.",
    "Berita ini telah diperbarui pada {hari} pukul {jam} WIB untuk melengkapi data yang "
    "disampaikan narasumber.",
    "Hingga berita ini diperbarui pada {hari} pukul {jam} WIB, petugas masih melakukan "
    "pendataan di lapangan.",
    "Catatan redaksi: berita ini telah diperbarui pada {hari} pukul {jam} WIB setelah ada "
    "koreksi dari narasumber.",
)


def figures(text: str) -> list[re.Match[str]]:
    """The correctable figures in ``text``, in order: counts and amounts (1.234, 78,5,
    150) when there are any, else small numbers too."""
    found = []
    for match in _NUMBER.finditer(text):
        before = text[max(0, match.start() - 10) : match.start()].lower()
        if not any(word in before for word in _NOT_FIGURES):
            found.append(match)
    large = [m for m in found if len(m.group()) >= 3]
    return large or found


def corrected_number(text: str, h: int) -> str | None:
    """``text`` with one figure corrected in its last digits ('1.234' -> '1.284'), or None."""
    found = figures(text)
    if not found:
        return None
    match = found[h % len(found)]
    figure = match.group()
    digits = [k for k, c in enumerate(figure) if c.isdigit()]
    last = digits[1:][-2:] or digits  # never the leading digit of 1.234 or 57
    k = last[(h >> 8) % len(last)]
    old = int(figure[k])
    choices = [d for d in range(10) if d != old and (d or len(digits) > 1)]  # no '0 orang'
    new = choices[(h >> 16) % len(choices)]
    fixed = figure[:k] + str(new) + figure[k + 1 :]
    return text[: match.start()] + fixed + text[match.end() :]


def typo(title: str, h: int) -> str:
    """``title`` with one slip in a word of 5+ letters: two letters swapped, one dropped or
    doubled ('Pelatihan' -> 'Pelathian', 'Pelatihn', 'Pelatihhan')."""
    words = list(_WORD.finditer(title)) or list(re.finditer(r"[A-Za-z]{2,}", title))
    if not words:
        return title + "."
    word = words[h % len(words)]
    text, start = word.group(), word.start()
    kind = (h >> 8) % 3
    k = 1 + (h >> 16) % (len(text) - 1)  # never the first letter
    if kind == 0 and k < len(text) - 1 and text[k] != text[k + 1]:
        spoilt = text[:k] + text[k + 1] + text[k] + text[k + 2 :]
    elif kind == 1:
        spoilt = text[:k] + text[k + 1 :]
    else:
        spoilt = text[: k + 1] + text[k] + text[k + 1 :]
    return title[:start] + spoilt + title[word.end() :]


def update_note(paragraph: str, when: datetime, h: int) -> str:
    """``paragraph`` with an 'updated on ...' sentence appended."""
    note = UPDATE_NOTES[h % len(UPDATE_NOTES)]
    return f"{paragraph} " + note.format(hari=formats.body_mention(when), jam=f"{when:%H.%M}")
