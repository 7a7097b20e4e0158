"""Revisions side by side for the article page: what changed, as pieces a template marks up.

``warta history`` writes its word diff as ``[-old-] {+new+}`` text; a page wants the same
stretches as pieces, so it can show them with ``<del>`` and ``<ins>``, escaped as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from storage.history import History
from warta.history import DIFFED, Piece, revision_changes, word_pieces

CONTEXT_WORDS: Final = 8  # a page has room for more words around a change than a terminal


@dataclass(frozen=True)
class RevisionView:
    revision: dict[str, Any]
    changed: list[str]  # fields changed from the revision before; [] for the first
    diffs: dict[str, list[list[Piece]]]  # field -> stretches of changed words with context


def revision_views(history: History) -> list[RevisionView]:
    """Every revision, oldest first, with what changed from the one before."""
    views, previous = [], None
    for revision, change in zip(history.revisions, revision_changes(history), strict=True):
        diffs: dict[str, list[list[Piece]]] = {}
        if previous is not None:
            diffs = {
                name: word_pieces(previous[name], revision[name], CONTEXT_WORDS)
                for name in DIFFED
                if revision[name] != previous[name]
            }
        views.append(RevisionView(revision, change["changed"], diffs))
        previous = revision
    return views
