"""Evidence for the article's own tags: profile, the tag box in the article, declared tags.

A sidebar tag cloud or a "trending" bar lists the site's tags, not the article's: links in
such blocks never count, nor do tag links inside a paragraph (words of the body). Keywords
meta (``berita harian, berita terkini``) is an SEO list, never tags: a page with only that
has none. The tag box readers see beats declared lists, which themes fill with SEO phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

from crawler.extraction.evidence import Candidate
from crawler.extraction.page import PageContext
from crawler.extraction.selectors import Element, element_text
from crawler.extraction.text import normalize_space

FIELD: Final = "tags"
# Declared per-article tags; ``keywords``/``news_keywords`` meta are SEO lists, never read.
ARTICLE_TAG: Final = "meta[property='article:tag']::attr(content)"
ARTICLE_TAG_CONFIDENCE: Final = 0.9
JSON_LD_CONFIDENCE: Final = 0.88
LINK_SOURCES: Final = {True: ("rel=tag link", 0.92), False: ("tag link", 0.91)}
# Blocks listing the site's tags rather than the article's, and prose (inline tag links).
SITE_TAGS_TAGS: Final = frozenset({"aside", "nav", "header", "p"})
# ("widget" is not among them: Blogger wraps its main posts in div.widget.Blog.)
SITE_TAGS_CLASSES: Final = (
    "sidebar",
    "widget_tag_cloud",  # WordPress's site-wide cloud; a "tagcloud" box in the article counts
    "tagcloudblock",  # K2's module
    "cloud-label",  # Blogger's label widget
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
# A box that labels its links as tags: "Tag : dermaga, nelayan", "Topik:", "Label:".
TAG_BOX_SOURCE: Final = ("tag box", 0.93)
_TAG_LABEL: Final = re.compile(r"(?i)^\s*(?:tags?|topik|label|kata kunci)\s*:?\s*$")
_LABEL_TEXTS: Final = etree.XPath(
    "//body//text()[string-length(normalize-space(.)) > 2"
    " and string-length(normalize-space(.)) < 14]"
)
MAX_BOX_LINKS: Final = 20


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
    if found := _tag_box(ctx):
        source, confidence = TAG_BOX_SOURCE
        yield Candidate(FIELD, found, ", ".join(found), source, confidence)
    for rel_tag in (True, False):
        links = [
            a
            for is_rel, a in ctx.scan.tag_links
            if is_rel == rel_tag and _in_article(a) and "category" not in (a.get("rel") or "")
        ]
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


def _tag_box(ctx: PageContext) -> tuple[str, ...]:
    """Links of the first box the article labels as its tags, a label being its own text:
    ``<div>Tag : <a>dermaga</a>, <a>nelayan</a></div>`` → ``("dermaga", "nelayan")``.
    """
    for text in _LABEL_TEXTS(ctx.sel.root):
        if not _TAG_LABEL.match(str(text)):
            continue
        holder = text.getparent()
        if holder is None:
            continue
        # "<span>Tags</span><ul><li><a>…": the label's own element holds no links, its parent does.
        box = holder if text.is_text and holder.xpath(".//a") else holder.getparent()
        if box is None or not _in_article(box) or box.tag in SITE_TAGS_TAGS:
            continue
        links = box.xpath(".//a")
        texts = (_LEADING_MARK.sub("", element_text(a)) for a in links)
        if 0 < len(links) <= MAX_BOX_LINKS and (
            found := tuple(dict.fromkeys(t for t in texts if t))
        ):
            return found
    return ()
