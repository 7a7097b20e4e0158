"""The one object every page handler gets: which edition of the portal, and where it runs.

Kept apart from ``common`` (which re-exports it) so that module stays about markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import corpus
from .editions import Edition


@dataclass(frozen=True, slots=True)
class Site:
    """One running portal: its edition (seed, size, step) and the base URL links use.

    Pages ask the site, never ``corpus``, for articles: at edition 1 it answers exactly
    what ``corpus`` does, later with the edition's new articles, edits, removals and views.
    """

    edition: Edition
    base_url: str  # 'http://127.0.0.1:8123/'

    @property
    def seed(self) -> int:
        return self.edition.seed

    @property
    def articles(self) -> int:  # the size at edition 1
        return self.edition.articles

    @property
    def top(self) -> int:  # the highest id published; sitemap chunks run up to it
        return self.edition.top

    def url(self, path: str) -> str:
        """'/berita/5/x' -> 'http://127.0.0.1:8123/berita/5/x'."""
        return self.base_url + path.lstrip("/")

    def exists(self, article_id: int) -> bool:
        return self.edition.is_live(article_id)

    def summary(self, article_id: int) -> corpus.Summary:
        return self.edition.summary(article_id)

    def article(self, article_id: int) -> corpus.Article:
        return self.edition.article(article_id)

    def original(self, article_id: int) -> corpus.Summary:
        """As first written: what a 'Baca juga' link typed into another body prints."""
        return self.edition.original(article_id)
