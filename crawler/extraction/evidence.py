"""Evidence for a field: every value a page offers for it, where it came from and how sure.

``extract_article`` keeps the winner of each field; ``warta extract --explain`` shows them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Long values (a body, a JSON-LD blob) are cut in explanations: the point is where they came from.
_SHOWN_CHARS = 300


@dataclass(frozen=True)
class Candidate:
    """One value a page offers for a field: ``raw`` as printed, ``value`` as parsed.

    ``confidence`` (0…1) orders the candidates of a field; the highest wins, the earliest
    gathered among equals. ``note`` says why a rule moved it (``"zone from the visible date"``).
    """

    field: str
    value: Any
    raw: str | None
    source: str
    confidence: float
    note: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        """JSON-ready, long strings cut: ``value`` 2025-01-22 18:26+07:00 → its ISO string."""
        out: dict[str, Any] = {
            "source": self.source,
            "confidence": round(self.confidence, 3),
            "raw": _shown(self.raw),
            "value": _shown(self.value),
        }
        if self.note:
            out["note"] = self.note
        return out


def _shown(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_shown(v) for v in value]
    if isinstance(value, str) and len(value) > _SHOWN_CHARS:
        return f"{value[:_SHOWN_CHARS]}… ({len(value)} chars)"
    return value


def best(candidates: Iterable[Candidate]) -> Candidate | None:
    """The most confident candidate; among equals the one gathered first (sources are ordered)."""
    winner = None
    for candidate in candidates:
        if winner is None or candidate.confidence > winner.confidence:
            winner = candidate
    return winner


def ranked(candidates: Iterable[Candidate], winner: Candidate | None) -> list[Candidate]:
    """The winner first, then the rest by confidence (stable), for explanations."""
    rest = [c for c in candidates if c is not winner]
    rest.sort(key=lambda c: -c.confidence)
    return [winner, *rest] if winner is not None else rest
