"""Evidence for the body: profile paragraphs, a known CMS article container, the densest
prose block or trafilatura's main text, JSON-LD ``articleBody``; each then goes through
Warta's Indonesian cleanup (``Baca juga``, credits, the repeated headline and date line).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

import trafilatura

from crawler.extraction.blocks import paragraphs
from crawler.extraction.densest import densest_block
from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.scan import CONTAINERS
from crawler.extraction.text import clean_body, normalize_space

FIELD: Final = "body_text"
CONFIDENCE: Final = {
    "profile": 1.0,
    "container": 0.85,
    "trafilatura": 0.7,
    "json-ld articleBody": 0.6,
}
# The densest prose block beats trafilatura on Indonesian pages, whose CMSs write the body
# as <br>-separated text in layout tables (trafilatura then returns whole pages): on the 18
# Indonesian evaluation pages without a known container, F1 0.93 against 0.79. On the mostly
# English article-extraction benchmark trafilatura stays ahead (0.958 against 0.946).
BLOCK_CONFIDENCE: Final = {True: 0.8, False: 0.65}
# A main text whose lines are mostly this short is a dump of menus and link lists.
SHORT_LINE_WORDS: Final = 5
MAX_SHORT_SHARE: Final = 0.5
DOUBTED_CONFIDENCE: Final = 0.5
# A container with less text than this is a teaser or an empty shell filled by JavaScript.
MIN_CONTAINER_CHARS: Final = 200
# A line that repeats the headline or the date line with at most this many characters more
# (a view count, a byline) is that line again, not text.
HEADER_SLACK: Final = 40


def from_paragraphs(
    lines: list[str], header: tuple[str | None, ...], source: str
) -> Candidate | None:
    """Paragraphs a profile's selectors found, cleaned like every other candidate."""
    found = _clean(lines, header)
    return _candidate(found, source) if found else None


def needs_main_text(found: list[Candidate]) -> bool:
    """Whether the page's main text must be searched for: no container held the article."""
    return not any(c.source.startswith("container") for c in found)


def block_candidate(ctx: PageContext, header: tuple[str | None, ...]) -> Candidate | None:
    """The densest prose block, read block by block (see :mod:`densest`)."""
    block = densest_block(ctx.sel.root)
    found = _clean(paragraphs(block), header) if block is not None else []
    if sum(map(len, found)) < MIN_CONTAINER_CHARS:
        return None
    text = "\n\n".join(found)
    confidence = BLOCK_CONFIDENCE[ctx.zone is not None]
    return Candidate(FIELD, text, None, "densest prose block", confidence)


def container_candidate(ctx: PageContext, header: tuple[str | None, ...]) -> Candidate | None:
    """The highest-ranked CMS container (see scan.CONTAINERS) holding a real amount of text,
    read block by block.
    """
    for rank, element in sorted(ctx.scan.containers, key=lambda found: found[0]):
        found = _clean(paragraphs(element), header)
        if sum(map(len, found)) >= MIN_CONTAINER_CHARS:
            attribute, value = CONTAINERS[rank]
            return _candidate(found, f"container [{attribute}~={value}]", "container")
    return None


def trafilatura_candidate(ctx: PageContext, header: tuple[str | None, ...]) -> Candidate | None:
    """trafilatura's main text of the untouched page (it copies the tree; comments left out);
    doubted when it is mostly short lines, the menus of a page it could not read.
    """
    text = trafilatura.extract(ctx.sel.root, include_comments=False, fast=True)
    found = _clean(text.split("\n"), header) if text else []
    if not found:
        return None
    candidate = _candidate(found, "trafilatura")
    short = sum(len(line) for line in found if len(line.split()) < SHORT_LINE_WORDS)
    if short > MAX_SHORT_SHARE * sum(map(len, found)):
        note = "mostly short lines: menus, not an article"
        return replace(candidate, confidence=DOUBTED_CONFIDENCE, note=note)
    return candidate


def decisive(candidate: Candidate) -> bool:
    """Whether a main-text candidate settles the body, or the other method must be asked."""
    return candidate.confidence > DOUBTED_CONFIDENCE


def json_ld_candidate(ctx: PageContext, header: tuple[str | None, ...]) -> Candidate | None:
    body = ctx.ld.article_body
    found = _clean(body.split("\n"), header) if body else []
    return _candidate(found, "json-ld articleBody") if found else None


def _candidate(found: list[str], source: str, kind: str | None = None) -> Candidate:
    text = "\n\n".join(found)
    return Candidate(FIELD, text, None, source, CONFIDENCE[kind or source])


def _clean(lines: list[str], header: tuple[str | None, ...]) -> list[str]:
    """Warta's cleanup: boilerplate lines out, and the headline and date line not repeated,
    alone or with a few words beside them (``… 13:40 WIB 1.204``: the date and the views)."""
    repeated = [normalize_space(h).casefold() for h in header if h]
    return [p for p in clean_body(lines) if not _repeats(p.casefold(), repeated)]


def _repeats(line: str, header: list[str]) -> bool:
    return any(part in line and len(line) <= len(part) + HEADER_SLACK for part in header)
