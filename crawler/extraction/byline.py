"""Evidence for the author and the lead image: profile, JSON-LD, then meta and link tags."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final
from urllib.parse import urljoin

from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import element_text, find, first_text

META_AUTHOR: Final = ("meta author", "meta[name='author']::attr(content)", 0.8)
MARKUP_AUTHOR_CONFIDENCE: Final = 0.75
AUTHOR_LINKS: Final = "//body//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
AUTHOR_ITEMPROP: Final = "//body//*[@itemprop='author']"
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


def image_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Image URLs made absolute against the page's URL."""
    if found := first_text(ctx.sel, ctx.fields.image):
        yield Candidate("image_url", urljoin(ctx.url, found), found, "profile", 1.0)
    if ctx.ld.image:
        yield Candidate("image_url", urljoin(ctx.url, ctx.ld.image), ctx.ld.image, "json-ld", 0.9)
    for source, query, confidence in IMAGE_QUERIES:
        if found := first_text(ctx.sel, (query,)):
            yield Candidate("image_url", urljoin(ctx.url, found), found, source, confidence)
