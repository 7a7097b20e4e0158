"""Refuses items that are not articles, and counts the ones whose date could not be read."""

from __future__ import annotations

import logging
from typing import Self

from scrapy.crawler import Crawler

from crawler.extraction.record import Article
from pipelines.drops import MissingBody, MissingTitle, NotAnArticle

logger = logging.getLogger(__name__)

# Shorter than this is a caption, a stub or an error message, not an article.
MIN_BODY_CHARS = 80


class ValidatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: object) -> object:
        if not isinstance(item, Article):  # captures and removals pass through
            return item
        has_body = len(item.body_text) >= MIN_BODY_CHARS
        if not item.title and not has_body:
            raise NotAnArticle(f"no headline and no article text at {item.url}")
        if not item.title:
            raise MissingTitle(f"no headline at {item.url}")
        if not has_body:
            raise MissingBody(f"{len(item.body_text)} characters of text at {item.url}")
        if item.published_at is None:
            reason = "unparsed" if item.published_raw else "missing"
            self._count(f"warta/published/{reason}")
            logger.warning("publication date %s at %s: %r", reason, item.url, item.published_raw)
        return item

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)
