"""One pass over a page's elements collecting what several fields look for: headings, text
equal to a declared title, article containers and tag links.

A dozen XPath scans of ``contains(@class, …)`` over a real page cost more than all the rest
of extraction; one Python pass with set lookups costs about a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from crawler.extraction.selectors import Element
from crawler.extraction.text import normalize_space

HEADING_TAGS: Final = frozenset({"h1", "h2", "h3"})
# Class words of elements that may hold the headline besides h1–h3 (en.tempo's .judul-konten).
HEADLINE_CLASS_WORDS: Final = ("title", "judul", "jdl", "headline", "heading")
MAX_HEADINGS: Final = 300
# Article containers of common CMSs and of Indonesian portals, most specific first, as
# (attribute, value): itemprop and id must equal the value, class must hold it as a word.
CONTAINERS: Final = (
    ("itemprop", "articleBody"),
    ("class", "detail__body-text"),  # detik
    ("class", "text_detail"),  # detik until 2016
    ("class", "read__content"),  # kompas
    ("class", "kcm-read-text"),  # kompas until 2016
    ("class", "kcm-read-content-text"),  # kompas bola until 2016
    ("class", "div-read"),  # kompas otomotif until 2016
    ("id", "content_news"),  # antaranews until 2016
    ("class", "isi-berita"),  # Lokomedia-style *.go.id CMSs
    ("class", "detail-konten"),
    ("class", "detail-text"),
    ("class", "txt-article"),
    ("class", "side-article"),
    ("class", "entry-content"),  # WordPress
    ("class", "post-content"),
    ("class", "post-body"),  # Blogger
    ("class", "article-content"),
    ("class", "article-body"),
    ("class", "article__body"),
    ("class", "content-detail"),
    ("class", "post-entry"),
    ("class", "itemFullText"),  # Joomla K2
    ("class", "field--name-body"),  # Drupal 8+
    ("class", "field-name-body"),  # Drupal 7
)
_CONTAINER_CLASSES: Final = {v: i for i, (a, v) in enumerate(CONTAINERS) if a == "class"}
_CONTAINER_PROPS: Final = {v: i for i, (a, v) in enumerate(CONTAINERS) if a == "itemprop"}
_CONTAINER_IDS: Final = {v: i for i, (a, v) in enumerate(CONTAINERS) if a == "id"}
# Links into a tag or topic listing (WordPress, Blogger, Indonesian CMSs).
TAG_HREFS: Final = ("/tag/", "/tags/", "/topik/", "/topic/", "/label/", "/kata-kunci/", "/keyword/")


# Microdata properties other fields read.
ITEMPROPS: Final = frozenset({"datePublished", "author"})


# Tags worth looking at: text-bearing and structural elements, not script, style or svg parts.
_TAGS: Final = (
    *("h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "header"),
    *("span", "p", "a", "time", "strong", "b", "em", "i", "font", "td", "li", "ul", "figure"),
    *("meta", "small", "center", "blockquote", "footer", "aside", "nav", "dd", "dt", "label"),
)


@dataclass
class PageScan:
    """What one pass found, each list in document order."""

    headings: list[Element] = field(default_factory=list)
    exact: list[Element] = field(default_factory=list)
    containers: list[tuple[int, Element]] = field(default_factory=list)
    tag_links: list[tuple[bool, Element]] = field(default_factory=list)
    times: list[Element] = field(default_factory=list)
    itemprops: dict[str, list[Element]] = field(default_factory=dict)
    author_links: list[Element] = field(default_factory=list)


def _equals_title(text: str | None, cores: frozenset[str], lengths: tuple[int, int]) -> bool:
    """Cheap length test first: most text nodes are far shorter or longer than a title."""
    if text is None or not lengths[0] <= len(text) <= lengths[1]:
        return False
    return normalize_space(text) in cores


def scan_page(body: Element, cores: tuple[str, ...]) -> PageScan:
    """Walk every element under ``body`` once. ``cores`` are the declared titles.

    ``<h1 class="judul">Banjir Surut</h1>`` with cores ``("Banjir Surut",)`` lands in both
    ``headings`` and ``exact``.
    """
    found = PageScan()
    titles = frozenset(cores)
    lengths = (min(map(len, cores), default=0), 3 * max(map(len, cores), default=0) + 40)
    for element in body.iter(*_TAGS):
        tag, get = element.tag, element.get
        classes = get("class")
        if classes is not None or tag in HEADING_TAGS:
            _classified(found, element, tag, classes)
        if titles and _equals_title(element.text, titles, lengths):
            found.exact.append(element)
        if (itemprop := get("itemprop")) is not None:
            _itemprop(found, element, itemprop)
        if (ident := get("id")) in _CONTAINER_IDS:
            found.containers.append((_CONTAINER_IDS[ident], element))
        if tag == "a":
            _link(found, element)
        elif tag == "time":
            found.times.append(element)
    return found


def _classified(found: PageScan, element: Element, tag: str, classes: str | None) -> None:
    """A heading, or an element whose class names a title or an article container."""
    titled = classes is not None and any(word in classes for word in HEADLINE_CLASS_WORDS)
    if len(found.headings) < MAX_HEADINGS and (tag in HEADING_TAGS or titled):
        found.headings.append(element)
    if classes:
        ranks = [_CONTAINER_CLASSES[w] for w in classes.split() if w in _CONTAINER_CLASSES]
        if ranks:
            found.containers.append((min(ranks), element))


def _itemprop(found: PageScan, element: Element, value: str) -> None:
    if value in _CONTAINER_PROPS:
        found.containers.append((_CONTAINER_PROPS[value], element))
    if value in ITEMPROPS:
        found.itemprops.setdefault(value, []).append(element)


def _link(found: PageScan, element: Element) -> None:
    rel = (element.get("rel") or "").split()
    if "author" in rel:
        found.author_links.append(element)
    href = element.get("href") or ""
    if not href.startswith(("/", "http:", "https:")):
        href = f"/{href}"  # "tag/pasar-murah" relative to a CMS's root is still /tag/
    if "tag" in rel or any(part in href for part in TAG_HREFS):
        found.tag_links.append(("tag" in rel, element))
