"""Helpers both themes' news pages use: summaries of id ranges, excerpts, tag scans."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import corpus
from .common import Site, listing_ids

TAG_SCAN = 500  # tag and author archives look among this many newest articles


def summaries(site: Site, ids: Iterable[int]) -> list[corpus.Summary]:
    """Summaries of the ids that exist on this site, in the given order."""
    return [site.summary(i) for i in ids if site.exists(i)]


def excerpt(site: Site, article_id: int) -> str:
    """The lead paragraph, cut at a word near 160 characters."""
    lead = site.edition.lead(article_id)
    return lead if len(lead) <= 160 else lead[:157].rsplit(" ", 1)[0] + " ..."


def latest_popular(site: Site) -> list[corpus.Summary]:
    """The 5 most read of the 50 newest: the sidebar of listing pages."""
    recent = summaries(site, listing_ids(site, 1, 50))
    return sorted(recent, key=lambda s: -s.view_count)[:5]


def scan(
    site: Site, keep: Callable[[corpus.Summary], bool], limit: int = 20
) -> list[corpus.Summary]:
    """Up to ``limit`` newest articles (among the newest TAG_SCAN) that ``keep`` accepts."""
    found: list[corpus.Summary] = []
    for s in summaries(site, listing_ids(site, 1, TAG_SCAN)):
        if keep(s):
            found.append(s)
            if len(found) == limit:
                break
    return found


def tag_name(found: list[corpus.Summary], slug: str) -> str:
    """The printed tag whose slug is ``slug`` (found is non-empty and tagged with it)."""
    return next(t for t in found[0].tags if corpus.slugify(t) == slug)
