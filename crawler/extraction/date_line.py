"""The date line by the headline when no date could be read from it: kept as ``published_raw``.

A page that prints "Diposting beberapa waktu yang lalu", "Tanggal: segera diumumkan" or
"Diperbarui: -" under its headline has a date line, just not a date: the archive keeps the
text (``published/unparsed``, a format to teach the parser) rather than count the page as
printing no date at all (``published/missing``).

A line near the headline is a date line only by date-line evidence, never for being there (a
byline, a lead sentence, a kicker are there too): a short part of it, or of an element in it,
that starts with a date label ("Diposting", "Tanggal", "Published", "Diperbarui") or holds
one with its colon ("Oleh Admin Diposting: -"), or is a relative time ("3 hari lalu",
"beberapa waktu yang lalu", "kemarin"); or a ``<time>`` element, a ``datePublished``
property, or a date class (``post-date``, ``tgl``, ``meta-date``) in it, the text of that
element then being the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from crawler.extraction import date_vocabulary as vocab
from crawler.extraction.selectors import Element, element_text
from crawler.extraction.text import alternation

# A date line's parts: "Oleh Admin | Diposting 3 hari lalu", "Humas • 2 jam lalu".
_PARTS: Final = re.compile(r"\s*(?:[|•·│]|\s[-–—]\s)\s*")
_LABEL: Final = re.compile(
    rf"(?i)^(?:{alternation(vocab.DATE_LABELS)})(?![a-z])"
    rf"(?!\s*:?\s*(?:{alternation(vocab.NOT_AFTER_LABEL)})(?![a-z]))"
)
# A label with its colon after a byline: "Oleh Admin Diposting: belum ditentukan".
_COLON_LABEL: Final = re.compile(rf"(?i)(?<![a-z])(?:{alternation(vocab.DATE_LABELS)})\s*:")
_RELATIVE: Final = alternation([*vocab.RELATIVE_AGO, *vocab.JUST_NOW, *vocab.DAY_WORDS])
_RELATIVE_END: Final = re.compile(rf"(?i)(?<![a-z])(?:{_RELATIVE})[\s.!)]*$")
# Longest part read as a date line: "Diposting pada hari yang tidak disebutkan" is one, a lead
# sentence that ends "… musim hujan tahun lalu" is not.
MAX_LABELLED_WORDS: Final = 8
MAX_COLON_LABELLED_WORDS: Final = 12
MAX_RELATIVE_WORDS: Final = 6
# Properties of a date, as microdata names them.
DATE_ITEMPROPS: Final = frozenset({"datePublished", "dateCreated", "dateModified"})
# A marked element whose text is a byline is no date line (``<span class="date">Oleh …``).
_BYLINE: Final = re.compile(r"(?i)^(?:oleh|by|penulis|reporter|editor|pewarta|sumber)(?![a-z])")


def reads_as_date_line(text: str) -> bool:
    """Whether a short part of ``text`` starts with a date label, holds one with its colon, or
    is a relative time.

    ``"Diposting beberapa waktu yang lalu"`` → True; ``"Diposting oleh Admin"`` → False;
    ``"Oleh Admin | 3 hari lalu"`` → True; ``"Warga … sejak tahun lalu, kata camat."`` → False.
    """
    for part in _PARTS.split(text):
        words = len(part.split())
        if _LABEL.match(part) and words <= MAX_LABELLED_WORDS:
            return True
        if _COLON_LABEL.search(part) and words <= MAX_COLON_LABELLED_WORDS:
            return True
        if _RELATIVE_END.search(part) and words <= MAX_RELATIVE_WORDS:
            return True
    return False


def _class_words(el: Element) -> set[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return set(names.replace("-", " ").replace("_", " ").split())


def _marked(element: Element) -> Iterator[Element]:
    """``element`` and its descendants that markup calls a date, in document order."""
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        by_tag = el.tag == "time" or el.get("itemprop") in DATE_ITEMPROPS
        if by_tag or not vocab.DATE_CLASS_WORDS.isdisjoint(_class_words(el)):
            yield el


def date_line(element: Element, text: str, elsewhere: Callable[[Element], bool]) -> str | None:
    """The date line's text if ``element`` (its own text ``text``) is one, else None.

    A line is one when it, or an element in it, reads as one (``<span>Admin</span>
    <span>Diposting: -</span>``). ``elsewhere`` tells an element of another block inside it
    (a sidebar's ``<time>``).
    ``<div class="info">Diposting beberapa waktu yang lalu</div>`` → its text;
    ``<div class="meta">Admin <span class="date">-</span></div>`` → ``"-"``;
    ``<div>Oleh Admin</div>`` → None.
    """
    if reads_as_date_line(text) or any(
        reads_as_date_line(element_text(el))
        for el in element.iterdescendants()
        if isinstance(el.tag, str) and not elsewhere(el)
    ):
        return text
    for marked in _marked(element):
        line = text if marked is element else element_text(marked)
        if line and not _BYLINE.match(line) and not elsewhere(marked):
            return line
    return None
