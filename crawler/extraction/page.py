"""One page under extraction: parsed once, with what the evidence of several fields shares.

The headline, the site's name and the page's zone are each worked out once, on first use.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs
from parsel import Selector

from crawler.extraction.headline import find_headline, near_headline
from crawler.extraction.own_area import OwnArea
from crawler.extraction.scan import PageScan, scan_page
from crawler.extraction.selectors import Element, element_text, texts
from crawler.extraction.sitename import (
    host_labels,
    leftover_names,
    names_beside_heading,
    title_core,
)
from crawler.extraction.structured import MetaIndex, StructuredData, json_ld
from crawler.extraction.zones import indonesian_prose, zone_of
from crawler.profiles import FieldSelectors, SiteProfile

_NO_PROFILE = FieldSelectors()
_TEXT_LENGTH = etree.XPath("string-length(.)")
_HEADINGS = etree.XPath("//h1|//h2|//h3")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MIN_TEXT = 200  # a text container with less is a teaser (body.MIN_CONTAINER_CHARS)
# What a block of text_near counts as, in distance from the headline: after every block by it.
TEXT_DISTANCE = 50
# Titles a page declares in its head, strongest first, with the source name evidence shows.
META_TITLES = (
    ("og:title", "meta[property='og:title']::attr(content)"),
    ("twitter:title", "meta[name='twitter:title']::attr(content)"),
    ("meta title", "meta[name='title']::attr(content)"),
    ("<title>", "title::text"),
)
SITE_NAMES = (
    "meta[property='og:site_name']::attr(content)",
    "meta[name='application-name']::attr(content)",
    "meta[name='apple-mobile-web-app-title']::attr(content)",
)
# Markers of an Indonesian page when no profile says so: html lang, og:locale, the host.
_INDONESIAN_LANGS = ("id", "in")
_INDONESIAN_TLD = ".id"
_PARAGRAPH_TEXT = etree.XPath("//body//p//text()")
_PROSE_SAMPLE = 4000


class PageContext:
    """The parsed page, the profile (if any) and the evidence several fields need."""

    def __init__(
        self, html: str, url: str, profile: SiteProfile | None, fetched_at: datetime | None
    ) -> None:
        self.html = html
        self.sel = Selector(text=html or "<html></html>", type="html", base_url=url)
        self.url = url
        self.profile = profile
        self.fields = profile.fields if profile else _NO_PROFILE
        self.fetched_at = fetched_at
        self.ld: StructuredData = json_ld(self.sel)
        self.metas = MetaIndex(self.sel)

    def meta(self, query: str) -> str | None:
        """The first value a query finds, whitespace-normalized; None when absent or blank."""
        return self.metas.get(query)

    @cached_property
    def meta_titles(self) -> list[tuple[str, str]]:
        """(source, raw title) the page declares: JSON-LD headline, og:title, …, <title>."""
        found = [("json-ld", self.ld.headline)] if self.ld.headline else []
        for source, query in META_TITLES:
            value = self.meta(query)
            if value:
                found.append((source, value))
        return found

    @cached_property
    def site_names(self) -> tuple[str, ...]:
        """Names the site goes by: og:site_name, application-name, JSON-LD, its host's label."""
        names = [n for q in SITE_NAMES if (n := self.meta(q))]
        if self.ld.site_name:
            names.append(self.ld.site_name)
        if self.profile:
            names.append(self.profile.name)
        titles = [raw for _, raw in self.meta_titles]
        names.extend(leftover_names(titles))
        names.extend(names_beside_heading(titles, self._heading_texts))
        return tuple(dict.fromkeys([*names, *host_labels(self.url)]))

    @cached_property
    def _heading_texts(self) -> set[str]:
        """The page's h1–h3 texts, case-folded, to tell a title's headline from the site's name."""
        found = (element_text(h) for h in _HEADINGS(self.sel.root))
        return {text.casefold() for text in found if text}

    @cached_property
    def title_cores(self) -> tuple[str, ...]:
        """The declared titles with the site's name cut off, for finding the visible headline."""
        cores = (title_core(raw, self.site_names) for _, raw in self.meta_titles)
        return tuple(dict.fromkeys(c for c in cores if c))

    @cached_property
    def scan(self) -> PageScan:
        """Headings, title repeats, containers and tag links, from one pass over the page."""
        root = self.sel.root
        body = root.find("body") if hasattr(root, "find") else None
        return scan_page(body if body is not None else root, self.title_cores)

    @cached_property
    def headline(self) -> Element | None:
        """The visible headline element: the heading that repeats a declared title, else an h1."""
        return find_headline(self.scan, self.title_cores)

    @cached_property
    def near_elements(self) -> list[tuple[int, Element, str]]:
        """Short blocks around the headline with their distance: its date line, its counter."""
        return list(near_headline(self.headline)) if self.headline is not None else []

    @cached_property
    def near(self) -> list[tuple[int, str]]:
        """The texts of :attr:`near_elements`, with their distance."""
        return [(distance, text) for distance, _, text in self.near_elements]

    @cached_property
    def own_area(self) -> OwnArea:
        """The headline and the article's text container, which tell the article's own area
        from the blocks of other articles, comments and the portal (:mod:`own_area`).
        """
        containers = sorted(self.scan.containers, key=lambda found: found[0])
        text = next((el for _, el in containers if _TEXT_LENGTH(el) >= _MIN_TEXT), None)
        return OwnArea(self.headline, text)

    @cached_property
    def own_near(self) -> list[tuple[int, Element, str]]:
        """:attr:`near_elements` without the other blocks in them (a top bar's date, a
        sidebar's): the texts where the article's own date line may be.
        """
        found = []
        for distance, element, text in self.near_elements:
            if own := self.own_area.own_text(element, text):
                found.append((distance, element, own))
        return found

    @cached_property
    def text_near(self) -> list[tuple[int, Element, str]]:
        """Short blocks of the article's own area around its text container: a Drupal node's
        "Dikirim oleh … pada 15/09/2025 - 14:20" sits by the body, a block away from the title.
        """
        text = self.own_area.text
        if text is None:
            return []
        found = []
        for distance, element, line in near_headline(text, furniture=True):
            if element.tag in _HEADING_TAGS or self._holds_headline(element):
                continue  # the headline's own words are not its date line
            if own := self.own_area.own_text(element, line):
                found.append((distance, element, own))
        return found

    def _holds_headline(self, element: Element) -> bool:
        headline = self.headline
        return headline is not None and any(n is headline for n in element.iter())

    @cached_property
    def zone(self) -> str | None:
        """The portal's zone: its profile's, else one printed by the headline, else WIB on an
        Indonesian page; None when the page is not known to be Indonesian.
        """
        if self.profile is not None:
            return self.profile.timezone
        return zone_of([text for _, text in self.near], self.indonesian)

    @cached_property
    def indonesian(self) -> bool:
        """A profile, ``lang="id"``, ``og:locale`` id_ID or a ``.id`` host marks the page; with
        no language declared at all, Indonesian paragraphs do."""
        if self.profile is not None:
            return self.profile.language == "id"
        langs = [
            *texts(self.sel, "/html/@lang"),
            self.meta("meta[property='og:locale']::attr(content)"),
        ]
        langs.append(self.meta("meta[http-equiv='content-language']::attr(content)"))
        codes = {lang.lower().replace("_", "-").split("-")[0] for lang in langs if lang}
        host = (urlsplit(self.url).hostname or "").lower()
        if codes & set(_INDONESIAN_LANGS) or host.endswith(_INDONESIAN_TLD):
            return True
        # No marker (a .com portal with no lang): the paragraphs' language tells.
        if codes:
            return False
        prose = " ".join(_PARAGRAPH_TEXT(self.sel.root))[:_PROSE_SAMPLE]
        return indonesian_prose(prose)
