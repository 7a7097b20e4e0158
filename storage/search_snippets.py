"""Highlights and snippets for search hits, worked out in Python from the parsed query.

FTS5's own snippet() marks only the words a column matched as written, so ``membangun``
found through its stem would go unmarked; here a word is marked when it matches a term as
written, by its stem, or by a prefix. Text comes back as (text, is_match) segments, so a web
page escapes it as it likes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from storage.search_query import Term
from storage.search_text import stem, token_spans

Segment = tuple[str, bool]
SNIPPET_TOKENS: Final = 28
ELLIPSIS: Final = "…"
_SPACES: Final = re.compile(r"\s+")


def highlight(text: str, terms: Sequence[Term], *, stemmed: bool = True) -> tuple[Segment, ...]:
    """The whole text with the matched words marked: ``Jalan dibangun`` for ``bangun`` ->
    ``(("Jalan ", False), ("dibangun", True))``"""
    spans = list(token_spans(text))
    marked = _marked(spans, terms, stemmed)
    return _segments(text, spans, marked, 0, len(spans))


def snippet(
    text: str, terms: Sequence[Term], *, stemmed: bool = True, size: int = SNIPPET_TOKENS
) -> tuple[Segment, ...]:
    """About ``size`` words around the stretch with the most different terms in it, with
    ``…`` where text was cut. The opening words when no term is in the text (a title match)."""
    spans = list(token_spans(text))
    if not spans:
        return ((text.strip(), False),) if text.strip() else ()
    marked = _marked(spans, terms, stemmed)
    start = _best_window(marked, size)
    end = min(len(spans), start + size)
    segments = list(_segments(text, spans, marked, start, end))
    if start > 0:
        segments.insert(0, (ELLIPSIS + " ", False))
    if end < len(spans):
        segments.append((" " + ELLIPSIS, False))
    return tuple(_merged(segments))


def _marked(
    spans: list[tuple[int, int, str]], terms: Sequence[Term], stemmed: bool
) -> list[int | None]:
    """For each word, the index of the term it belongs to, or None."""
    words = [word for _, _, word in spans]
    word_stems = [stem(word) for word in words] if stemmed else words
    marked: list[int | None] = [None] * len(words)
    # Most terms are one plain word: found by a look-up per word, not a scan per term.
    by_word: dict[str, int] = {}
    by_stem: dict[str, int] = {}
    for number, term in reversed(list(enumerate(terms))):  # the first term wins a word
        if len(term.tokens) == 1 and not term.prefix:
            by_word[term.tokens[0]] = number
            if stemmed and term.stemmed:
                by_stem[stem(term.tokens[0])] = number
    for i, (word, word_stem) in enumerate(zip(words, word_stems, strict=True)):
        found = by_word.get(word, by_stem.get(word_stem))
        if found is not None:
            marked[i] = found
    for number, term in enumerate(terms):
        if len(term.tokens) == 1 and not term.prefix:
            continue
        size = len(term.tokens)
        use_stem = stemmed and term.stemmed
        wanted = [stem(token) for token in term.tokens] if use_stem else list(term.tokens)
        for i in range(len(words) - size + 1):
            if all(
                _matches(words[i + k], word_stems[i + k], wanted[k], use_stem)
                or (term.prefix and k == size - 1 and words[i + k].startswith(wanted[k]))
                for k in range(size)
            ):
                for k in range(size):
                    marked[i + k] = number
    return marked


def _matches(word: str, word_stem: str, wanted: str, by_stem: bool) -> bool:
    return word == wanted or (by_stem and word_stem == wanted)


def _best_window(marked: list[int | None], size: int) -> int:
    """The first word of the window holding the most different terms, then the most words."""
    best, best_score = 0, (0, 0)
    for start, term in enumerate(marked):
        if term is None:
            continue
        begin = max(0, start - 3)  # a few words of lead-in before the first match
        window = [t for t in marked[begin : begin + size] if t is not None]
        score = (len(set(window)), len(window))
        if score > best_score:
            best, best_score = begin, score
    return best


def _segments(
    text: str, spans: list[tuple[int, int, str]], marked: list[int | None], start: int, end: int
) -> tuple[Segment, ...]:
    """Cut text between word ``start`` and word ``end`` into plain and marked segments."""
    if start >= end:
        return ()
    out: list[Segment] = []
    cursor = spans[start][0] if start > 0 else 0
    for i in range(start, end):
        begin, finish, _ = spans[i]
        if begin > cursor:
            out.append((text[cursor:begin], False))
        out.append((text[begin:finish], marked[i] is not None))
        cursor = finish
    stop = len(text) if end == len(spans) else cursor
    if stop > cursor:
        out.append((text[cursor:stop], False))
    return tuple(_merged(_one_line(out)))


def _one_line(segments: list[Segment]) -> list[Segment]:
    """Paragraph breaks and runs of spaces read as one space in a snippet."""
    return [(piece if hit else _SPACES.sub(" ", piece), hit) for piece, hit in segments]


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbours of the same kind joined; marked words with one space between them (a
    phrase) read as one mark."""
    out: list[Segment] = []
    for piece, hit in segments:
        if not piece:
            continue
        if out and out[-1][1] == hit:
            out[-1] = (out[-1][0] + piece, hit)
        else:
            out.append((piece, hit))
    i = 1
    while i < len(out) - 1:
        if out[i] == (" ", False) and out[i - 1][1] and out[i + 1][1]:
            out[i - 1 : i + 2] = [(out[i - 1][0] + " " + out[i + 1][0], True)]
        else:
            i += 1
    return out
