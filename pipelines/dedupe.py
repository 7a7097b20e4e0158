"""Drops a second copy of an article within one run; across runs the archive decides."""

from __future__ import annotations

from crawler.extraction.record import Article
from pipelines.drops import DuplicateInRun


class DedupePipeline:
    def __init__(self) -> None:
        self._seen: set[str] = set()

    def process_item(self, item: object) -> object:
        if not isinstance(item, Article):  # captures and removals pass through
            return item
        if item.url in self._seen:
            raise DuplicateInRun(f"{item.url} already stored in this run")
        self._seen.add(item.url)
        return item
