"""Text helpers for extracted articles: whitespace normalization, word lists as regexes, and
body boilerplate removal."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

# Format characters (Unicode category Cf) that render as nothing. They are deleted rather than
# turned into spaces: a zero-width space pasted inside "Jaka\u200brta" must not split the word
# (UAX #29 does not break words at them either), and soft hyphens sit inside words by design.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"))


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (NBSP, tabs, newlines…) to one space and strip the ends.

    Zero-width and soft-hyphen characters are dropped.
    Example: ``"\\u00a0Kamis,\\n 5 Nov\\u200bember  2015 "`` → ``"Kamis, 5 November 2015"``.
    """
    # str.split() with no argument splits on all Unicode whitespace, NBSP and U+3000 included.
    return " ".join(text.translate(_INVISIBLE).split())


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first so "agustus" wins over "agu".

    Example: ``("agu", "yang lalu", "agustus")`` → ``"yang\\ lalu|agustus|agu"``.
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _rule(pattern: str) -> re.Pattern[str]:
    """Compile a boilerplate pattern. Example: ``_rule("iklan").fullmatch("IKLAN")`` matches."""
    return re.compile(pattern, re.IGNORECASE | re.DOTALL)


# Paragraphs that are inline boilerplate rather than article text. Each pattern must match the
# whole (whitespace-normalized) paragraph, case-insensitively, so a real sentence that merely
# starts with the same word ("Sumber air bersih di desa itu …") is kept.
BOILERPLATE: Final = (
    # Related-article links between paragraphs: "Baca juga: …", "BACA JUGA :", "Baca Juga …".
    _rule(r"baca\s+juga\b.*"),
    # The same with other verbs; these need the colon, since "Simak juga pidato…" can be prose.
    _rule(r"(?:simak|lihat|tonton)\s+juga\s*:.*"),
    # Credit lines: "Editor: Rina", "Penulis : A | Editor : B", "Pewarta: …", "Sumber: ANTARA".
    # Short by nature, so a long paragraph that happens to start this way survives.
    _rule(
        r"(?:editor|penulis|pewarta|sumber|reporter|redaktur|penyunting|kontributor|fotografer"
        r"|foto|writer|author|source)\s*:.{0,150}"
    ),
    # Advertorial marker printed as its own paragraph: "(adv)", "(ADV)".
    _rule(r"\(\s*adv\s*\)\.?"),
    # Ad slot labels: "ADVERTISEMENT", "Iklan".
    _rule(r"advertisement|iklan"),
    # detik's scroll prompt, alone or glued to the ad label: "SCROLL TO CONTINUE WITH CONTENT",
    # "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT", "Scroll untuk melanjutkan membaca".
    _rule(
        r"(?:advertisement\s*)?scroll\s+(?:to\s+continue(?:\s+with\s+content|\s+reading)?"
        r"|untuk\s+melanjutkan(?:\s+membaca)?)\W*"
    ),
    # Share bars: "Bagikan:", "Bagikan artikel ini", "Share this:", "Share: Facebook Twitter".
    _rule(
        r"(?:bagikan|share(?:\s+this)?)(?:\s+(?:artikel|berita|halaman)\s+ini)?\s*:?"
        r"(?:[\s,|]*(?:facebook|twitter|whatsapp|telegram|line|email|linkedin|copy\s+link))*"
        r"(?:\s*:.{0,80})?"
    ),
    # Comment-form captcha notice of regional CMSs: "Pastikan Google Captcha Sudah Tercentang !!!".
    _rule(r"pastikan\s+(?:google\s+)?captcha\b.{0,60}"),
)


def is_boilerplate(paragraph: str) -> bool:
    """Tell whether a normalized paragraph is inline boilerplate.

    Example: ``"BACA JUGA: Banjir di Ciledug"`` → ``True``;
    ``"Editor senior itu berkata …"`` → ``False``.
    """
    return any(pattern.fullmatch(paragraph) for pattern in BOILERPLATE)


def clean_body(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate and empty paragraphs and normalize whitespace in the rest, keeping order.

    Example: ``["TANGERANG - Hujan deras…", "Baca juga: …", " ", "Editor: Rina"]``
    → ``["TANGERANG - Hujan deras…"]``.
    """
    cleaned = (normalize_space(paragraph) for paragraph in paragraphs)
    return [paragraph for paragraph in cleaned if paragraph and not is_boilerplate(paragraph)]
