"""Removals seen during a crawl: a 404 where an article was, an article the listings dropped,
and the return of one marked removed. The archive keeps the article; this records the event."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from crawler.items import ArticleGone, Unlisted
from pipelines.captures import CaptureKeeper
from storage import Archive

logger = logging.getLogger(__name__)


class RemovalLog:
    def __init__(
        self,
        archive: Archive,
        captures: CaptureKeeper | None,
        run_id: int | None,
        count: Callable[[str, int], None],
    ) -> None:
        self.archive = archive
        self.captures = captures
        self.run_id = run_id
        self.count = count
        self.unlisted: set[str] = set()  # found off the listings in this crawl: no "return"

    def removed(self, item: ArticleGone | Unlisted) -> None:
        """Mark the article removed, with the evidence; an unknown URL is no removal (a
        listing's dead link), but its error page is still kept."""
        ref = None
        if isinstance(item, Unlisted):
            self.unlisted.add(item.url)
            pages = f"{item.listing_pages} listing page" + ("s" * (item.listing_pages != 1))
            evidence = f"no longer listed: on none of the {pages} walked"
        else:
            if item.fetched is not None and self.captures is not None:
                ref = self.captures.write(item.fetched)
            evidence = f"HTTP {item.status} where the article was"
        try:
            marked = self.archive.mark_removed(
                item.url, at=datetime.now(UTC), evidence=evidence, run_id=self.run_id, capture=ref
            )
        except Exception as exc:
            self.count("warta/removals/failed", 1)
            logger.error("could not record the removal of %s: %s", item.url, exc)
            marked = False
        if marked:
            self.count("warta/removals/removed", 1)
            logger.warning("removed from the portal: %s (%s)", item.url, evidence)
        elif ref is not None and self.captures is not None:
            self.captures.unlinked.append(ref)

    def seen(self, urls: list[str]) -> None:
        """Articles just stored: any marked removed that the portal shows again came back."""
        back = self.archive.note_returns(
            [url for url in urls if url not in self.unlisted],
            at=datetime.now(UTC),
            run_id=self.run_id,
            evidence="on the portal again",
        )
        if back:
            self.count("warta/removals/returned", back)
