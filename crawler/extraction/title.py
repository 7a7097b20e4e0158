"""Evidence for the headline: profile, the visible heading that repeats a declared title, the
declared titles (JSON-LD, og:title, …, ``<title>``) with the site's name cut off, an ``h1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from crawler.extraction.evidence import Candidate
from crawler.extraction.headline import corroborates, date_line_distance
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import Element, element_text, first_text
from crawler.extraction.sitename import title_core
from crawler.extraction.text import normalize_space

FIELD: Final = "title"
# The visible heading wins when it repeats a declared title: the page shows it to readers.
# One that does not, but has the date line by it, is the headline of a page whose <title>
# is generic; below og:title and meta titles, which name the article.
CONFIDENCE: Final = {
    "profile": 1.0,
    "headline": 0.95,
    "json-ld": 0.9,
    "og:title": 0.85,
    "twitter:title": 0.8,
    "meta title": 0.75,
    "dated heading": 0.72,
    "<title>": 0.7,
    "h1": 0.65,
}


# A kicker is a few words; a longer lead is part of the headline.
MAX_KICKER_WORDS: Final = 5
MIN_CORE_CHARS: Final = 10
KICKER_MARKS: Final = " :|-–—·"


def title_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Every title the page offers, strongest first."""
    raw = first_text(ctx.sel, ctx.fields.title)
    if raw:
        yield Candidate(FIELD, normalize_space(raw), raw, "profile", CONFIDENCE["profile"])
    if ctx.headline is not None:
        text = element_text(ctx.headline)
        repeats = any(corroborates(text, core) for core in ctx.title_cores)
        # A heading with the article's date line by it beats a generic <title> ("Berita - …").
        # Only <title> ranks below a dated heading: with any other declared title, skip the
        # date search (it parses the headline's neighbourhood).
        only_title = all(source == "<title>" for source, _ in ctx.meta_titles)
        dated = not repeats and only_title and date_line_distance(ctx.headline) is not None
        source = "headline" if repeats else "dated heading" if dated else "h1"
        if repeats and (core := _without_kicker(ctx.headline, text, ctx.title_cores)):
            note = "the heading's kicker before the declared title dropped"
            yield Candidate(FIELD, core, text, source, CONFIDENCE[source], note)
        elif text:
            yield Candidate(FIELD, text, text, source, CONFIDENCE[source])
    for source, declared in ctx.meta_titles:
        core = title_core(declared, ctx.site_names)
        yield Candidate(FIELD, core, declared, source, CONFIDENCE[source])


def _without_kicker(heading: Element, text: str, cores: tuple[str, ...]) -> str | None:
    """The declared title a heading ends with, when a kicker (Dachzeile) in an element of its
    own precedes it; a kicker in the headline's own words ("In Picture: KPK …") stays.

    ``<h1><span>Kultur</span> Ehrengast der Buchmesse</h1>`` with the declared title
    ``"Ehrengast der Buchmesse"`` → ``"Ehrengast der Buchmesse"``.
    """
    for core in cores:
        if len(core) < MIN_CORE_CHARS or text == core or not text.endswith(core):
            continue
        kicker = text[: -len(core)].strip(KICKER_MARKS)
        if not kicker or len(kicker.split()) > MAX_KICKER_WORDS:
            continue
        if any(element_text(n).strip(KICKER_MARKS) == kicker for n in heading.iterdescendants()):
            return core
    return None
