"""Revisions side by side for the article page: what changed, as pieces a template marks up.

``warta history`` writes its word diff as ``[-old-] {+new+}`` text; a page wants the same
stretches as pieces, so it can show them with ``<del>`` and ``<ins>``, escaped as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Final, Literal

from storage.history import History
from warta.history import DIFFED, revision_changes

CONTEXT_WORDS: Final = 8

PieceKind = Literal["same", "del", "ins"]


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


@dataclass(frozen=True)
class RevisionView:
    revision: dict[str, Any]
    changed: list[str]  # fields changed from the revision before; [] for the first
    diffs: dict[str, list[list[Piece]]]  # field -> stretches of changed words with context


def word_pieces(old: str, new: str, context: int = CONTEXT_WORDS) -> list[list[Piece]]:
    """Each changed stretch with a few words around it: ("a b c", "a x c", 1) ->
    [[same "a", del "b", ins "x", same "c"]]."""
    before, after = old.split(), new.split()
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    stretches = []
    for group in matcher.get_grouped_opcodes(context):
        pieces = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                pieces.append(Piece("same", " ".join(before[i1:i2])))
                continue
            if i2 > i1:
                pieces.append(Piece("del", " ".join(before[i1:i2])))
            if j2 > j1:
                pieces.append(Piece("ins", " ".join(after[j1:j2])))
        stretches.append(pieces)
    return stretches


def revision_views(history: History) -> list[RevisionView]:
    """Every revision, oldest first, with what changed from the one before."""
    views, previous = [], None
    for revision, change in zip(history.revisions, revision_changes(history), strict=True):
        diffs: dict[str, list[list[Piece]]] = {}
        if previous is not None:
            diffs = {
                name: word_pieces(previous[name], revision[name])
                for name in DIFFED
                if revision[name] != previous[name]
            }
        views.append(RevisionView(revision, change["changed"], diffs))
        previous = revision
    return views
