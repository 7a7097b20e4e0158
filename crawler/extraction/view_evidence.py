"""Evidence for the view count: profile selectors, else a labelled count by the headline.

Sidebars ("Berita Terpopuler") print other articles' counts, so only the headline's
neighbourhood is read, and only a count with its label ("Dibaca : 61", "1.229 Views").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import Element, element_text, texts
from crawler.extraction.view_counts import parse_view_count

FIELD: Final = "view_count"
VIEW_LABEL: Final = re.compile(r"(?i)dibaca|dilihat|views?\b|hits\b|pembaca|kali\b|\N{EYE}")
NEAR_CONFIDENCE: Final = 0.7
NEAR_CONFIDENCE_STEP: Final = 0.002
# A bare number after an eye or fire icon (``<i class="fa fa-eye"></i> 1.204``) is a count.
ICON_CLASS: Final = re.compile(r"(?i)\b(?:fa-|bi-|icon-|ion-)?(?:eye|fire|view)")
BARE_COUNT: Final = re.compile(r"(?i)^\s*\d[\d.,]*\s*(?:rb|ribu|k|jt|juta)?\s*$")


def view_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Counts the profile points at (its date line too), then labelled ones by the headline."""
    for query in (*ctx.fields.view_count, *ctx.fields.published):
        for text in texts(ctx.sel, query)[:1]:
            count = parse_view_count(text)
            if count is not None:
                yield Candidate(FIELD, count, text, "profile", 1.0)
    for distance, text in ctx.near:
        if VIEW_LABEL.search(text) and (count := parse_view_count(text)) is not None:
            confidence = NEAR_CONFIDENCE - NEAR_CONFIDENCE_STEP * distance
            yield Candidate(FIELD, count, text, "labelled near the headline", confidence)
    for distance, element, _ in ctx.own_near:
        if (raw := _icon_count(element)) and (
            count := parse_view_count(f"\N{EYE} {raw}")
        ) is not None:
            confidence = NEAR_CONFIDENCE - NEAR_CONFIDENCE_STEP * (distance + 1)
            yield Candidate(FIELD, count, raw, "number by an eye icon", confidence)


def _icon_count(element: Element) -> str | None:
    """The bare number printed right after an eye/fire icon inside a block by the headline."""
    for icon in element.iter("i", "span", "svg", "img"):
        if not ICON_CLASS.search(f"{icon.get('class') or ''} {icon.get('src') or ''}"):
            continue
        text = (icon.tail or "").strip() or element_text(icon)
        if BARE_COUNT.match(text):
            return text.strip()
    return None
