"""Which known articles the portal's listings stopped showing, judged only after a whole walk.

A profile crawl walks every listing page; a known article none of them links any more was
taken off the portal, even when its page still answers. Only a walk that is complete says so:
no ``--limit``, no listing page that failed, and only for articles no older than the oldest
one the walk reached (a listing that stops at page 100 hides older articles, it did not
remove them). Such articles are fetched once more: a 404 or 410 is the stronger evidence.
"""

from __future__ import annotations

from datetime import datetime

from crawler.urls import dedupe_key
from storage import open_archive


class ListingWatch:
    def __init__(self, *, budget: int) -> None:
        self.budget = budget  # at most this many revisits per crawl
        self.listing_pages = 0
        self.listing_failures = 0
        self.oldest_seen: datetime | None = None
        self.checked = False

    def article_seen(self, published_at: datetime | None) -> None:
        if published_at is not None and (
            self.oldest_seen is None or published_at < self.oldest_seen
        ):
            self.oldest_seen = published_at

    def unlisted(self, database_url: str, site_id: str, seen_keys: set[str]) -> list[str]:
        """Once per crawl: the URLs of known articles this walk's listings no longer showed."""
        if self.checked or not self.listing_pages or self.listing_failures:
            return []
        self.checked = True
        if self.oldest_seen is None or self.budget <= 0:
            return []
        archive = open_archive(database_url)
        try:
            present = archive.present_articles(site_id)
        finally:
            archive.close()
        oldest = self.oldest_seen
        gone = [
            (article.published_at, article.urls[0])
            for article in present
            if article.published_at is not None
            and article.published_at >= oldest
            and not any(dedupe_key(url) in seen_keys for url in article.urls)
        ]
        gone.sort(reverse=True)  # newest first: what a portal takes down is mostly recent
        return [url for _, url in gone[: self.budget]]
