"""Editions: the same portal K-1 steps later, so an archive's history has known answers.

Edition K is a pure function of (seed, articles, K); edition 1 is the portal as it always
was, byte for byte. Each step (edition s-1 to s) does, deterministically (``plan``):

- publishes ``new_per_step(articles)`` = max(2, articles // 20), at most 50, new articles on
  top of the listings (ids go on after the previous edition's highest; article i is still generated
  article i). Edition 2 also publishes the portal's syndicated press releases and its two
  near misses (``syndication``), spread among its new ids;
- grows every live article's view count, the newest fastest, never down;
- edits ``EDITS_PER_STEP`` articles once each (a figure corrected in the title or in one
  paragraph, or an "updated on ..." sentence appended to the last paragraph), and, from
  edition 3, fixes the title typo one new article of the previous step was published with;
- removes ``REMOVALS_PER_STEP`` articles for good (404; gone from listings, sitemaps, feeds
  and the REST API). Edition 2 also takes one down that is back unchanged from edition 3.
  Picks are among the newest 30% with probability 0.8, else among all.

Never edited or removed: curated articles 1-3, the fault articles of ``faults``, syndicated
articles and near misses. Slugs never change (CMSs keep a permalink when a title is edited);
an edit sets the article's modified time. 'Baca juga' links typed into bodies keep their
text and may point to removed articles, as on real portals. The API (``sample_portal.Edition``),
for tests and the server alike::

    ed = Edition(seed=1, articles=200, edition=3)
    ed.top, ed.new_ids, ed.live_count, ed.live_ids(), ed.is_live(i), ed.listing(page, n)
    ed.edited          # {id: Edit} first served at this edition; ed.edits: all in force
    ed.removed         # ids removed as of this edition; ed.newly_removed: at this one
    ed.restored_id     # removed at edition 2, live again from 3; ed.returned: back at this one
    ed.view_count(i), ed.summary(i), ed.article(i), ed.lead(i), ed.original(i)
    ed.syndicated      # {id: pool release key}; ed.near_misses: {id: key it resembles}

``Edit`` says which article, ``field`` ('title' or 'paragraph'), ``paragraph`` (index into
``Article.paragraphs``), ``kind`` ('typo', 'number', 'update'), ``before``/``after``, ``when``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from . import corpus, syndication
from .plan import (
    EDITS_PER_STEP,
    REMOVALS_PER_STEP,
    Edit,
    Step,
    born,
    new_per_step,
    specials,
    step,
    takedown,
    top_of,
)
from .timeline import MAX_ARTICLES, mix

MAX_EDITIONS = 100
# No edition publishes an id above this (far below faults.DELETED_ARTICLE_ID, which must 404)
MAX_ID = MAX_ARTICLES + MAX_EDITIONS * new_per_step(MAX_ARTICLES) + 64
_SALT_VIEWS = 1500

__all__ = [
    "EDITS_PER_STEP",
    "MAX_EDITIONS",
    "MAX_ID",
    "REMOVALS_PER_STEP",
    "Edit",
    "Edition",
    "new_per_step",
]


@dataclass(frozen=True)
class Edition:
    """The portal of ``articles`` articles at edition 1, with ``seed``, at ``edition``."""

    seed: int
    articles: int
    edition: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.articles <= MAX_ARTICLES:
            raise ValueError(f"articles must be between 1 and {MAX_ARTICLES:,}")
        if not 1 <= self.edition <= MAX_EDITIONS:
            raise ValueError(f"edition must be between 1 and {MAX_EDITIONS}")

    @property
    def plan(self) -> Step:
        """This edition's step plan (``plan.Step``): what it changed and what is in force."""
        return step(self.seed, self.articles, self.edition)

    # which ids exist
    @property
    def top(self) -> int:
        """The highest id published so far (some below it may be removed)."""
        return top_of(self.seed, self.articles, self.edition)

    @property
    def new_ids(self) -> range:
        """Ids first published at this edition (all of them at edition 1)."""
        return range(top_of(self.seed, self.articles, self.edition - 1) + 1, self.top + 1)

    @property
    def removed(self) -> frozenset[int]:
        """Ids removed as of this edition (404 and absent from every list)."""
        return self.plan.removed

    @property
    def newly_removed(self) -> frozenset[int]:
        return self.plan.newly_removed

    @property
    def restored_id(self) -> int | None:
        """The article taken down at edition 2 and back, identical, from edition 3 on."""
        return takedown(self.seed, self.articles)

    @property
    def returned(self) -> frozenset[int]:
        """Ids live again at this edition after a takedown (the restored id at edition 3)."""
        return self.plan.returned

    @property
    def live_count(self) -> int:
        return self.top - len(self.plan.removed)

    def is_live(self, article_id: int) -> bool:
        return 1 <= article_id <= self.top and article_id not in self.plan.removed

    def live_ids(self) -> list[int]:
        """Every live id, newest first (O(top): for tests, not for serving)."""
        return [i for i in range(self.top, 0, -1) if i not in self.plan.removed]

    def listing(self, page: int, per_page: int = 10) -> Sequence[int]:
        """Live ids on listing page ``page`` (1-based), newest first; O(per_page + removed)."""
        removed = self.plan.removed_sorted
        if not removed:
            top = self.top - (page - 1) * per_page
            return range(top, max(0, top - per_page), -1)
        skip = (page - 1) * per_page
        if not 0 <= skip < self.live_count:
            return []
        x = self.top - skip  # lower x until exactly ``skip`` live ids are above it
        while True:
            live_from_x = self.top - x + 1 - (len(removed) - bisect_left(removed, x))
            if live_from_x > skip:
                break
            x -= skip + 1 - live_from_x
        ids: list[int] = []
        while len(ids) < per_page and x >= 1:
            if x not in self.plan.removed:
                ids.append(x)
            x -= 1
        return ids

    def previous_live(self, article_id: int) -> int | None:
        """The newest live id below ``article_id`` (WordPress's 'previous post' link)."""
        i = article_id - 1
        while i >= 1 and i in self.plan.removed:
            i -= 1
        return i if i >= 1 else None

    # what changed
    @property
    def edited(self) -> Mapping[int, Edit]:
        """Edits first served at this edition, by article id."""
        return self.plan.edited

    @property
    def edits(self) -> Mapping[int, Edit]:
        """Every edit in force at this edition (at most one per article)."""
        return self.plan.edits

    @property
    def syndicated(self) -> dict[int, str]:
        """Syndicated articles: id -> key of the pool release (``syndication.RELEASES``)."""
        return {i: k for i, k in self._specials().items() if k in syndication.RELEASES}

    @property
    def near_misses(self) -> dict[int, str]:
        """Near misses: id -> key of the pool release they resemble but do not copy."""
        return {
            i: syndication.NEAR[k].resembles
            for i, k in self._specials().items()
            if k in syndication.NEAR
        }

    def _specials(self) -> dict[int, str]:
        return specials(self.seed, self.articles) if self.edition > 1 else {}

    # content
    def view_count(self, article_id: int) -> int:
        """Views at edition 1 (or when published) plus each later step's growth."""
        if self.edition == 1:
            return corpus.summary(self.seed, article_id).view_count
        return _view_count(self, article_id)

    def original(self, article_id: int) -> corpus.Summary:
        """The summary as first written, at any edition (what 'Baca juga' links print)."""
        key = specials(self.seed, self.articles).get(article_id)
        if key is not None:
            return syndication.article(self.seed, article_id, key).summary
        return corpus.summary(self.seed, article_id)

    def summary(self, article_id: int) -> corpus.Summary:
        """Title, dates, views and tags as served at this edition."""
        if self.edition == 1:
            return corpus.summary(self.seed, article_id)
        return _summary(self, article_id)

    def article(self, article_id: int) -> corpus.Article:
        """The whole article as served at this edition."""
        if self.edition == 1:
            return corpus.article(self.seed, article_id)
        return _article(self, article_id)

    def lead(self, article_id: int) -> str:
        """The first paragraph (listing excerpts), without building the article if it can."""
        edit = self.plan.edits.get(article_id)
        if article_id in self._specials() or (edit is not None and edit.paragraph == 0):
            return self.article(article_id).paragraphs[0]
        return corpus.lead(self.seed, article_id)

    def wp_slugs(self, day: date) -> tuple[tuple[int, str], ...]:
        """(id, slug) of this edition's syndicated and near-miss articles published on ``day``."""
        return tuple(
            (i, s.slug) for i in self._specials() if (s := self.original(i)).published.date() == day
        )


def _require_live(edition: Edition, article_id: int) -> None:
    if not edition.is_live(article_id):
        raise LookupError(f"article {article_id} is not live at edition {edition.edition}")


@lru_cache(maxsize=8192)
def _summary(edition: Edition, article_id: int) -> corpus.Summary:
    _require_live(edition, article_id)
    s = edition.original(article_id)
    title, modified = edition.plan.typos.get(article_id, s.title), s.modified
    edit = edition.plan.edits.get(article_id)
    if edit is not None:
        modified = edit.when
        if edit.paragraph is None:
            title = edit.after
    return replace(s, title=title, modified=modified, view_count=_view_count(edition, article_id))


@lru_cache(maxsize=256)
def _article(edition: Edition, article_id: int) -> corpus.Article:
    key = specials(edition.seed, edition.articles).get(article_id)
    if key is not None:
        a = syndication.article(edition.seed, article_id, key)
    else:
        a = corpus.article(edition.seed, article_id)
    paragraphs = a.paragraphs
    edit = edition.plan.edits.get(article_id)
    if edit is not None and edit.paragraph is not None:
        k = edit.paragraph
        paragraphs = (*paragraphs[:k], edit.after, *paragraphs[k + 1 :])
    return replace(a, summary=_summary(edition, article_id), paragraphs=paragraphs)


@lru_cache(maxsize=8192)
def _view_count(edition: Edition, article_id: int) -> int:
    """Growth at each step the article was live after its first: the newest grow fastest."""
    seed, articles = edition.seed, edition.articles
    views = corpus.summary(seed, article_id).view_count
    per = new_per_step(articles)
    for s in range(born(seed, articles, article_id) + 1, edition.edition + 1):
        if article_id in step(seed, articles, s).removed:
            continue
        age = top_of(seed, articles, s - 1) - article_id  # in articles published since
        rate = 4 + 1200 * per // (per + 2 * age)  # ~1,200 a step when new, ~30 when old
        views += rate * (mix(seed, article_id, _SALT_VIEWS + s) % 1000) // 667
    return views
