"""The block holding most of a page's prose, for pages no CMS container names.

Regional government CMSs lay pages out with tables and write the body as text and ``<br>``
straight into a ``<div>``; trafilatura then reads the layout table as a data table and
returns the whole page. Crediting each run of prose to the block it sits in finds the body.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

from crawler.extraction.selectors import Element

# Text inside these flows with its block: their text counts for the enclosing block.
INLINE_TAGS: Final = frozenset(
    {"b", "strong", "i", "em", "u", "span", "font", "small", "big", "sup", "sub", "abbr"}
    | {"mark", "q", "cite", "time", "code", "s", "strike"}
)
# A paragraph's prose counts for the block around it: the container of the paragraphs.
PARAGRAPH_TAGS: Final = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "li"}
)
# Text in these is never prose: code, links (menus, related lists), forms.
NOT_PROSE: Final = frozenset(
    {"script", "style", "noscript", "template", "a", "button", "option", "label", "textarea"}
)
# Blocks that are never the article whatever their amount of text: by tag, by an exact class
# or id name ("l-sidebar-fixed" may well hold the article), by a part of one (banners).
OTHER_TAGS: Final = frozenset({"aside", "nav", "footer"})
OTHER_NAMES: Final = frozenset(
    {"sidebar", "widget", "footer", "related", "populer", "popular", "terpopuler", "comments"}
    | {"comment", "komentar", "menu", "navigation", "breadcrumb"}
)
OTHER_PARTS: Final = ("cookie", "consent", "gdpr", "komentar", "comment-")
# Shorter runs of text are labels, dates and menu items, not prose.
MIN_RUN: Final = 25
_RUNS: Final = etree.XPath(f"//body//text()[string-length(normalize-space()) >= {MIN_RUN}]")


def _block(owner: Element) -> Element | None:
    """The block a text run belongs to, or None when it is a link, a script or the like."""
    node = owner
    while node is not None and node.tag in INLINE_TAGS:
        node = node.getparent()
    if node is None or not isinstance(node.tag, str):
        return None
    if any(ancestor.tag in NOT_PROSE for ancestor in (owner, *owner.iterancestors())):
        return None
    if node.tag in PARAGRAPH_TAGS:
        parent = node.getparent()
        if node.tag == "li" and parent is not None:  # a list's items count for the list's block
            parent = parent.getparent()
        return parent
    return node


def _other(element: Element) -> bool:
    """In a sidebar, footer, comment list or cookie banner."""
    for node in (element, *element.iterancestors()):
        if node.tag in OTHER_TAGS:
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(name in OTHER_NAMES for name in names.split()):
            return True
        if any(part in names for part in OTHER_PARTS):
            return True
    return False


def densest_block(root: Element) -> Element | None:
    """The element whose own prose (its text and its paragraphs') is the longest.

    ``<td><div class="menu">…</div><div class="isi">Long text<br>More text</div></td>``
    → the ``div.isi``.
    """
    scores: dict[Element, int] = defaultdict(int)
    for run in _RUNS(root):
        owner = run.getparent()
        if owner is None:
            continue
        if run.is_tail:
            owner = owner.getparent()
        block = _block(owner) if owner is not None else None
        if block is not None:
            scores[block] += len(run.strip())
    for block in sorted(scores, key=scores.__getitem__, reverse=True)[:5]:
        if not _other(block):
            return block
    return None
