"""The shape of a news topic: templates an article's headline and body are filled from.

Slots filled by ``corpus``: {kec} {kel} {n} {n2} {pct} {pct_low} {rp} {hari} {tahun}
{pejabat} (the official in full at first mention, by surname afterwards) {short} {camat}.
Every lead names the event day ({hari}); quotes use straight quotes (corpus curls some).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    roles: tuple[str, ...]  # keys of vocabulary.OFFICIALS who speak on it
    tags: tuple[str, ...]
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    quotes: tuple[str, ...]
