"""Evidence for the headline: profile, the visible heading that repeats a declared title, the
declared titles (JSON-LD, og:title, …, ``<title>``) with the site's name cut off, an ``h1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from crawler.extraction.evidence import Candidate
from crawler.extraction.headline import corroborates
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import element_text, first_text
from crawler.extraction.sitename import title_core
from crawler.extraction.text import normalize_space

FIELD: Final = "title"
# The visible heading wins when it repeats a declared title: the page shows it to readers.
CONFIDENCE: Final = {
    "profile": 1.0,
    "headline": 0.95,
    "json-ld": 0.9,
    "og:title": 0.85,
    "twitter:title": 0.8,
    "meta title": 0.75,
    "<title>": 0.7,
    "h1": 0.65,
}


def title_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Every title the page offers, strongest first."""
    raw = first_text(ctx.sel, ctx.fields.title)
    if raw:
        yield Candidate(FIELD, normalize_space(raw), raw, "profile", CONFIDENCE["profile"])
    if ctx.headline is not None:
        text = element_text(ctx.headline)
        repeats = any(corroborates(text, core) for core in ctx.title_cores)
        source = "headline" if repeats else "h1"
        if text:
            yield Candidate(FIELD, text, text, source, CONFIDENCE[source])
    for source, declared in ctx.meta_titles:
        core = title_core(declared, ctx.site_names)
        yield Candidate(FIELD, core, declared, source, CONFIDENCE[source])
