"""The shape of a syndicated press release and of a near miss (data in ``releases_*``).

A release is text one issuer sends to every newsroom; portals print it with small local
edits (``syndication``). A near miss is a portal's own story on a release's topic: same
subject, genuinely different text, so near-duplicate detection must keep them apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    key: str  # the pool id, e.g. 'banten-pangan-murah'
    issuer: str  # who sent it, as a credit line names it
    dateline: str  # the city of the original: 'SERANG', 'JAKARTA'
    title: str
    paragraphs: tuple[str, ...]  # the lead first, without its dateline
    tags: tuple[str, ...]
    caption: str


@dataclass(frozen=True)
class NearMiss:
    key: str
    resembles: str  # the key of the pool release on the same topic
    title: str
    paragraphs: tuple[str, ...]  # printed as is (the lead carries its dateline)
    tags: tuple[str, ...]
    caption: str
    credit: str
