"""Evidence for the author and the lead image: profile, JSON-LD, then meta and link tags,
then the byline printed by the headline ("Penulis: Andi", "Oleh Redaksi") for portals with
no metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final
from urllib.parse import urljoin

from crawler.extraction.evidence import Candidate
from crawler.extraction.page import TEXT_DISTANCE, PageContext
from crawler.extraction.selectors import Element, element_text, find, first_text

META_AUTHOR: Final = ("meta author", "meta[name='author']::attr(content)", 0.8)
MARKUP_AUTHOR_CONFIDENCE: Final = 0.75
AUTHOR_LINKS: Final = "//body//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
AUTHOR_ITEMPROP: Final = "//body//*[@itemprop='author']"
# A byline by the headline: its label, or a class naming it, then a short name.
BYLINE_LABEL: Final = re.compile(
    r"(?i)^(?:penulis|reporter|pewarta|ditulis oleh|diposting oleh|dikirim oleh|oleh|by)"
    r"(?:\s*:\s*|\s+)(?P<name>\S.*)$"
)
BYLINE_CLASSES: Final = ("penulis", "author", "reporter", "pewarta", "byline")
MAX_BYLINE_CHARS: Final = 60
MAX_NAME_WORDS: Final = 5
BYLINE_CONFIDENCE: Final = 0.7
BYLINE_CONFIDENCE_STEP: Final = 0.002
_NAME_END: Final = re.compile(r"\s*(?:[|·•,;–—-]|\bpada\b|\bon\b).*$", re.IGNORECASE)
IMAGE_QUERIES: Final = (
    ("og:image", "meta[property='og:image']::attr(content)", 0.85),
    ("twitter:image", "meta[name='twitter:image']::attr(content)", 0.8),
    ("image_src", "link[rel='image_src']::attr(href)", 0.75),
)


def author_candidates(ctx: PageContext) -> Iterator[Candidate]:
    if found := first_text(ctx.sel, ctx.fields.author):
        yield Candidate("author", found, found, "profile", 1.0)
    if ctx.ld.author:
        yield Candidate("author", ctx.ld.author, ctx.ld.author, "json-ld", 0.9)
    source, query, confidence = META_AUTHOR
    if found := ctx.meta(query):
        yield Candidate("author", found, found, source, confidence)
    # Direct queries, not the page scan: on a profile's page nothing else needs that pass.
    for link in find(ctx.sel.root, AUTHOR_LINKS)[:1]:
        if found := element_text(link):
            yield Candidate("author", found, found, "rel=author", MARKUP_AUTHOR_CONFIDENCE)
    for element in find(ctx.sel.root, AUTHOR_ITEMPROP)[:1]:
        names = find(element, ".//*[@itemprop='name']")
        if found := element_text(names[0] if names else element):
            yield Candidate("author", found, found, "itemprop author", MARKUP_AUTHOR_CONFIDENCE)
    # By the headline, else by the article's text (a Drupal node's "Dikirim oleh X pada …").
    blocks = [*ctx.own_near, *((TEXT_DISTANCE + d, e, t) for d, e, t in ctx.text_near)]
    for distance, element, _ in blocks:
        if byline := _byline(element):
            name, raw = byline
            confidence = BYLINE_CONFIDENCE - BYLINE_CONFIDENCE_STEP * distance
            yield Candidate("author", name, raw, "byline near the headline", confidence)
            break


def _byline(block: Element) -> tuple[str, str] | None:
    """(name, raw) of the shortest labelled or byline-classed short text in a block.

    ``<span class="by">Penulis: Andi Mappasessu</span>`` → ``("Andi Mappasessu", …)``.
    """
    found = []
    for element in block.iter():
        if not isinstance(element.tag, str):
            continue
        text = element_text(element)
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        classes = f"{element.get('class') or ''}".lower()
        if match := BYLINE_LABEL.match(text):
            name = match["name"]
        elif any(word in classes for word in BYLINE_CLASSES):
            name = text
        else:
            continue
        name = _NAME_END.sub("", name).strip()
        if name and len(name.split()) <= MAX_NAME_WORDS and not any(c.isdigit() for c in name):
            found.append((name, text))
    return min(found, key=lambda f: len(f[1])) if found else None


def image_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Image URLs made absolute against the page's URL."""
    if found := first_text(ctx.sel, ctx.fields.image):
        yield Candidate("image_url", urljoin(ctx.url, found), found, "profile", 1.0)
    if ctx.ld.image:
        yield Candidate("image_url", urljoin(ctx.url, ctx.ld.image), ctx.ld.image, "json-ld", 0.9)
    for source, query, confidence in IMAGE_QUERIES:
        if found := first_text(ctx.sel, (query,)):
            yield Candidate("image_url", urljoin(ctx.url, found), found, source, confidence)
