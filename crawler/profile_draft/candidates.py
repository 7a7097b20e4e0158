"""Candidate CSS selectors for one element, simplest first.

From the element itself (tag, id, stable classes, a telling attribute such as ``rel`` or
``property``) and from its ancestors up to the nearest one with an id: ``h1.judul``,
``article.detail-berita h1.judul``, ``#konten h1``.
"""

from __future__ import annotations

import re
from itertools import combinations

from crawler.extraction.selectors import Element

# Classes a CMS numbers or toggles per page are no anchor across pages: post-123, active.
_UNSTABLE_CLASS = re.compile(r"\d|^(?:active|current|selected|odd|even|first|last|show|open)$")
_SAFE_NAME = re.compile(r"^-?[_a-zA-Z][_a-zA-Z0-9-]*$")
_KEY_ATTRIBUTES = ("rel", "property", "itemprop", "name")
_MAX_ANCESTORS = 8
_MAX_CLASSES = 2
_MAX_ATTRIBUTE_CHARS = 40
_BARE_TAGS_PENALTY = 3


def stable_classes(element: Element) -> list[str]:
    """``class="entry-title post-12 active"`` → ``["entry-title"]``."""
    names = str(element.get("class") or "").split()
    return [
        n for n in dict.fromkeys(names) if _SAFE_NAME.match(n) and not _UNSTABLE_CLASS.search(n)
    ]


def element_id(element: Element) -> str | None:
    value = str(element.get("id") or "")
    return value if _SAFE_NAME.match(value) and not re.search(r"\d{2,}", value) else None


def tokens(element: Element) -> list[str]:
    """Ways to name one element, simplest first: ``h1``, ``h1.judul``, ``#judul``."""
    tag = str(element.tag)
    found = [tag]
    if ident := element_id(element):
        found.append(f"#{ident}")
    classes = stable_classes(element)
    found += [f"{tag}.{c}" for c in classes]
    found += [f"{tag}.{'.'.join(pair)}" for pair in combinations(classes[:4], _MAX_CLASSES)]
    for name in _KEY_ATTRIBUTES:
        value = element.get(name)
        if not value or "'" in value or len(value) >= _MAX_ATTRIBUTE_CHARS:
            continue
        if name == "rel":  # rel="tag noopener": one word of it is enough
            found.append(f"{tag}[rel~='{value.split()[0]}']")
        else:
            found.append(f"{tag}[{name}='{value}']")
    return found


def _anchors(element: Element) -> list[str]:
    """Ancestor tokens worth scoping by, nearest first, up to the nearest ancestor with an id."""
    found: list[str] = []
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth >= _MAX_ANCESTORS or not isinstance(ancestor.tag, str):
            break
        if ident := element_id(ancestor):
            found.append(f"#{ident}")
            break
        found += [f"{ancestor.tag}.{c}" for c in stable_classes(ancestor)]
        if ancestor.tag in ("article", "main"):
            found.append(str(ancestor.tag))
    return found


def complexity(selector: str) -> int:
    """Parts, classes and attributes, counted: ``article.post h1.entry-title`` → 4.

    Tags alone (``b``, ``div > p``) count 3 more: on a few samples they hold by chance and
    break on the next page.
    """
    anchors = selector.count(".") + selector.count("[") + selector.count("#")
    return selector.count(" ") + 1 + anchors + (0 if anchors else _BARE_TAGS_PENALTY)


def selectors_for(element: Element, *, child: str = "") -> list[str]:
    """Every candidate for ``element`` (``child`` appended, e.g. ``> p``), simplest first."""
    own = tokens(element)
    anchors = _anchors(element)
    found = list(own)
    for anchor in anchors:
        found += [f"{anchor} {token}" for token in own]
    for inner, outer in combinations(anchors, 2):  # anchors run nearest first
        found += [f"{outer} {inner} {token}" for token in own[:3]]
    if child:
        found = [f"{s} {child}" for s in found]
    unique = list(dict.fromkeys(found))
    unique.sort(key=complexity)
    return unique
