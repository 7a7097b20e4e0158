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
from crawler.extraction.selectors import texts
from crawler.extraction.view_counts import parse_view_count

FIELD: Final = "view_count"
VIEW_LABEL: Final = re.compile(r"(?i)dibaca|dilihat|views?\b|hits\b|pembaca|kali\b|\N{EYE}")
NEAR_CONFIDENCE: Final = 0.7
NEAR_CONFIDENCE_STEP: Final = 0.002


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
