"""The search language, read into a small tree and written out as an FTS5 MATCH expression.

Words are ANDed; ``"exact phrase"``; ``a OR b``; ``-word`` excludes; ``bangun*`` is a prefix.
Every term reaches FTS5 inside double quotes, so no user text is ever FTS5 syntax. A plain
word matches its stem (``bangun`` finds ``pembangunan``) or itself; a phrase, a prefix, or
any word with ``stemmed=False``, matches the words as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from storage.search_text import stems, tokens

MAX_QUERY_CHARS: Final = 500
MAX_TERMS: Final = 24
MIN_PREFIX_CHARS: Final = 2
EXACT_COLUMNS: Final = "{title body tags}"
STEM_COLUMNS: Final = "{title_stem body_stem tags_stem}"


class SearchQueryError(ValueError):
    """A query that cannot be read; the message is one line meant for the person who typed it."""


@dataclass(frozen=True)
class Term:
    """One thing to look for: folded tokens, in order (``covid-19`` is two)."""

    tokens: tuple[str, ...]
    exact: bool = False  # a "quoted phrase": the words as written, never their stems
    prefix: bool = False  # bangun*: the last token is a prefix (also as written)

    @property
    def stemmed(self) -> bool:
        return not (self.exact or self.prefix)


@dataclass(frozen=True)
class Query:
    """All of ``required`` (each a choice of terms joined by OR), and none of ``excluded``."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    def terms(self) -> tuple[Term, ...]:
        """The terms a matching article holds (what a snippet highlights)."""
        return tuple(term for choice in self.required for term in choice)


@dataclass(frozen=True)
class _Chunk:
    text: str
    quoted: bool
    negated: bool
    prefix: bool


def parse(text: str) -> Query:
    """``banjir -jakarta "kali angke" OR ciliwung`` -> required banjir, (kali angke | ciliwung),
    excluded jakarta. Raises SearchQueryError for a query that cannot be read."""
    if len(text) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"the query is too long (at most {MAX_QUERY_CHARS} characters)")
    required: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    for chunk in _chunks(text):
        if chunk.text == "OR" and not (chunk.quoted or chunk.negated or chunk.prefix):
            if not required or pending_or:
                raise SearchQueryError("OR needs a word on each side, e.g. banjir OR longsor")
            pending_or = True
            continue
        term = _term(chunk)
        if term is None:
            continue
        if chunk.negated:
            if pending_or:
                raise SearchQueryError(f"-{chunk.text} cannot be one side of an OR")
            excluded.append(term)
        elif pending_or:
            required[-1].append(term)
            pending_or = False
        else:
            required.append([term])
    if pending_or:
        raise SearchQueryError("OR needs a word on each side, e.g. banjir OR longsor")
    if not required:
        if excluded:
            raise SearchQueryError("a query needs a word to look for; -word only excludes")
        raise SearchQueryError("nothing to search for: give a word or a quoted phrase")
    if sum(map(len, required)) + len(excluded) > MAX_TERMS:
        raise SearchQueryError(f"too many terms (at most {MAX_TERMS})")
    return Query(tuple(map(tuple, required)), tuple(excluded))


def to_match(query: Query, *, stemmed: bool = True) -> str:
    """The FTS5 MATCH expression: ``banjir -jakarta`` ->
    ``({title_stem body_stem tags_stem} : "banjir" OR {title body tags} : "banjir")
    NOT ({title_stem body_stem tags_stem} : "jakarta" OR {title body tags} : "jakarta")``"""
    required = " AND ".join(_choice(choice, stemmed) for choice in query.required)
    if not query.excluded:
        return required
    excluded = " OR ".join(_term_match(term, stemmed) for term in query.excluded)
    return f"({required}) NOT ({excluded})"


def _chunks(text: str) -> list[_Chunk]:
    """Split on spaces and double quotes: ``-"a b"* c`` -> [a b (negated, prefix), c]."""
    found: list[_Chunk] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        negated = char == "-" and i + 1 < end and text[i + 1] == '"'
        if char == '"' or negated:
            start = i + 1 + negated
            close = text.find('"', start)
            if close < 0:
                raise SearchQueryError('a quote " is not closed: close the phrase with another "')
            prefix = close + 1 < end and text[close + 1] == "*"
            found.append(_Chunk(text[start:close], True, negated, prefix))
            i = close + 1 + prefix
            continue
        start = i
        while i < end and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        stripped = word.lstrip("-")
        bare = stripped.rstrip("*")
        negated = stripped != word and bool(bare)
        found.append(_Chunk(bare, False, negated, bare != stripped))
    return found


def _term(chunk: _Chunk) -> Term | None:
    """The chunk's tokens as a Term; None for bare punctuation (``-``, ``&``)."""
    words = tuple(tokens(chunk.text))
    if not words:
        if chunk.quoted and chunk.text.strip():
            raise SearchQueryError(f'"{chunk.text}" holds no word to look for')
        return None
    if chunk.prefix and len(words[-1]) < MIN_PREFIX_CHARS:
        raise SearchQueryError(
            f"a prefix needs at least {MIN_PREFIX_CHARS} letters before the *: {chunk.text}*"
        )
    return Term(words, exact=chunk.quoted, prefix=chunk.prefix)


def _choice(choice: tuple[Term, ...], stemmed: bool) -> str:
    if len(choice) == 1:
        return _term_match(choice[0], stemmed)
    return "(" + " OR ".join(_term_match(term, stemmed) for term in choice) + ")"


def _term_match(term: Term, stemmed: bool) -> str:
    exact = f"{EXACT_COLUMNS} : {_phrase(term.tokens)}" + (" *" if term.prefix else "")
    if not (stemmed and term.stemmed):
        return exact
    return f"({STEM_COLUMNS} : {_phrase(tuple(stems(term.tokens)))} OR {exact})"


def _phrase(words: tuple[str, ...]) -> str:
    """A quoted FTS5 string; a quote inside is doubled, the one escape FTS5 knows."""
    return '"' + " ".join(words).replace('"', '""') + '"'
