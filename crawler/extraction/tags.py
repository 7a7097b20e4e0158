"""Evidence for the article's own tags: profile, declared keywords, tag links in the article.

A sidebar tag cloud or a "trending" bar lists the site's tags, not the article's: links in
such blocks never count, nor do tag links inside a paragraph (words of the body).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import Element, element_text
from crawler.extraction.text import normalize_space

FIELD: Final = "tags"
# Declared per-article keywords first; a meta ``keywords`` list is often the site's own.
ARTICLE_TAG: Final = "meta[property='article:tag']::attr(content)"
ARTICLE_TAG_CONFIDENCE: Final = 0.9
KEYWORDS: Final = (
    ("meta news_keywords", "meta[name='news_keywords']::attr(content)", 0.86),
    ("meta keywords", "meta[name='keywords']::attr(content)", 0.7),
)
JSON_LD_CONFIDENCE: Final = 0.88
LINK_SOURCES: Final = {True: ("rel=tag link", 0.84), False: ("tag link", 0.8)}
# Blocks listing the site's tags rather than the article's, and prose (inline tag links).
SITE_TAGS_TAGS: Final = frozenset({"aside", "nav", "header", "p"})
# ("widget" is not among them: Blogger wraps its main posts in div.widget.Blog.)
SITE_TAGS_CLASSES: Final = (
    "sidebar",
    "cloud",
    "menu",
    "trending",
    "populer",
    "popular",
    "related",
    "terkait",
    "comment",
    "komentar",
    "breadcrumb",
)
# A keywords list this long, or of function words, is the site's SEO list, not the article's.
MAX_KEYWORDS: Final = 15
FUNCTION_WORDS: Final = frozenset({"of", "the", "and", "a", "to", "in", "dan", "di", "yang", "ke"})
_LEADING_MARK: Final = re.compile(r"^[#\s]+")


def _split(value: str) -> tuple[str, ...]:
    """``"banjir, Kota Tangerang,"`` → ``("banjir", "Kota Tangerang")``."""
    return tuple(dict.fromkeys(t for t in (normalize_space(p) for p in value.split(",")) if t))


def _plausible(tags: tuple[str, ...]) -> bool:
    lowered = {t.casefold() for t in tags}
    return 0 < len(tags) <= MAX_KEYWORDS and not lowered & FUNCTION_WORDS


def tag_candidates(ctx: PageContext) -> Iterator[Candidate]:
    """Every tag list the page itself declares or links, strongest first (a profile's
    selectors run in :mod:`article`, on a copy with the profile's exclusions dropped).
    """
    declared = tuple(dict.fromkeys(normalize_space(t) for t in ctx.sel.css(ARTICLE_TAG).getall()))
    if declared := tuple(t for t in declared if t):
        listed = ", ".join(declared)
        yield Candidate(FIELD, declared, listed, "meta article:tag", ARTICLE_TAG_CONFIDENCE)
    if ctx.ld.keywords and _plausible(ctx.ld.keywords):
        listed = ", ".join(ctx.ld.keywords)
        yield Candidate(FIELD, ctx.ld.keywords, listed, "json-ld keywords", JSON_LD_CONFIDENCE)
    for source, query, confidence in KEYWORDS:
        raw = ctx.meta(query)
        if raw and _plausible(tags := _split(raw)):
            yield Candidate(FIELD, tags, raw, source, confidence)
    for rel_tag in (True, False):
        links = [a for is_rel, a in ctx.scan.tag_links if is_rel == rel_tag and _in_article(a)]
        texts = (_LEADING_MARK.sub("", element_text(a)) for a in links)
        if found := tuple(dict.fromkeys(t for t in texts if t)):
            source, confidence = LINK_SOURCES[rel_tag]
            yield Candidate(FIELD, found, ", ".join(found), source, confidence)


def _in_article(link: Element) -> bool:
    """Not in a sidebar, menu, tag cloud or paragraph."""
    for node in link.iterancestors():
        classes = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if node.tag in SITE_TAGS_TAGS or any(word in classes for word in SITE_TAGS_CLASSES):
            return False
    return True
