"""Words as search sees them: one tokenizer and one stemmer for indexing, querying and snippets.

The same functions run when an article is indexed and when a query is read, so ``bangun``,
``membangun`` and ``pembangunan`` all meet at the stem ``bangun`` (Sastrawi, Nazief-Adriani).
Sastrawi takes ~0.1 ms a word; a news archive repeats its words, so each is stemmed once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, Final

# What SQLite's unicode61 tokenizer calls a token: letters and digits; everything else parts.
TOKEN: Final = re.compile(r"[^\W_]+")
_STEMMABLE: Final = re.compile(r"[a-z]{1,40}")  # "mempertanggungjawabkannya" is 25
STEM_CACHE_SIZE: Final = 500_000
# Sastrawi reads these as pe-/-an forms of ``perintah`` (an order). In government news
# ``pemerintah`` is everywhere, so without them a search for ``perintah`` finds every article.
STEM_OVERRIDES: Final = {
    "pemerintah": "pemerintah",
    "pemerintahan": "pemerintah",
    "pemerintahnya": "pemerintah",
    "pemerintahannya": "pemerintah",
}

_stemmer: Any = None


def fold(token: str) -> str:
    """Lower case without diacritics, as unicode61 (remove_diacritics 2) indexes it:
    ``Pérémpuan`` -> ``perempuan``."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def token_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded token) for each word of text, for snippets that keep the original."""
    for found in TOKEN.finditer(text):
        yield found.start(), found.end(), fold(found.group())


def tokens(text: str) -> list[str]:
    """``Pembangunan Jalan (Tahap-2)`` -> ``['pembangunan', 'jalan', 'tahap', '2']``"""
    return [fold(found) for found in TOKEN.findall(text)]


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(token: str) -> str:
    """The stem of one folded token: ``pembangunan`` -> ``bangun``; numbers and words in other
    scripts stay as they are, and so does anything Sastrawi would reduce to nothing."""
    if token in STEM_OVERRIDES:
        return STEM_OVERRIDES[token]
    if not _STEMMABLE.fullmatch(token):
        return token
    found: str = _sastrawi().stem_word(token)
    # One token in, one token out: the stem columns keep the word positions of the text.
    return found if found and TOKEN.fullmatch(found) and found.isascii() else token


def stems(words: Iterable[str]) -> list[str]:
    return [stem(word) for word in words]


def stem_text(text: str) -> str:
    """The text as the stem columns index it: ``Jalan dibangun`` -> ``jalan bangun``."""
    return " ".join(stem(fold(found)) for found in TOKEN.findall(text))


def _sastrawi() -> Any:
    """Sastrawi's stemmer, loaded on first use (its dictionary takes a moment)."""
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # The plain stemmer: stem() above is the cache, Sastrawi's own would be a second one.
        _stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    return _stemmer
