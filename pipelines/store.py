"""Writes each article to the archive and records the crawl run with its final stats."""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from twisted.internet import task

from crawler.extraction.record import Article
from storage import (
    Archive,
    ArticleData,
    SaveOutcome,
    StorageError,
    open_archive,
    resolve_database_url,
)

logger = logging.getLogger(__name__)


def to_article_data(item: Article, *, language: str | None = None) -> ArticleData:
    """The extracted record in the archive's terms; storage knows nothing of extraction."""
    return ArticleData(
        url=item.url,
        site_id=item.site_id,
        title=item.title or "",
        body_text=item.body_text,
        fetched_at=item.fetched_at,
        published_at=item.published_at,
        published_raw=item.published_raw,
        view_count=item.view_count,
        tags=item.tags,
        author=item.author,
        image_url=item.image_url,
        language=language,
    )


class StorePipeline:
    """Saves articles to the archive named by ``WARTA_DATABASE_URL``, a batch at a time.

    A batch is one transaction: written when it is full, every couple of seconds, and when
    the crawl ends, so a killed crawl loses at most that much and the archive stays whole.
    """

    flush_interval_s = 2.0

    def __init__(self, crawler: Crawler, database_url: str, batch_size: int) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.pending: list[Article] = []
        self.timer = task.LoopingCall(self.flush)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        database_url = crawler.settings.get("WARTA_DATABASE_URL") or resolve_database_url(None)
        batch_size = crawler.settings.getint("WARTA_STORE_BATCH", 50)
        pipeline = cls(crawler, database_url, batch_size)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        assert spider is not None, "the crawler has its spider when pipelines open"
        self.archive = open_archive(self.database_url)
        profile = getattr(spider, "profile", None)
        site_id = getattr(spider, "site_id", None)
        if site_id:
            self.archive.ensure_site(
                site_id,
                name=profile.name if profile else None,
                base_url=profile.base_url if profile else getattr(spider, "target", None),
                timezone=profile.timezone if profile else "Asia/Jakarta",
            )
        self.run_id = self.archive.start_run(
            getattr(spider, "target", spider.name), site_id=site_id, args=self._args(spider)
        )
        self.language = profile.language if profile else None
        self.timer.start(self.flush_interval_s, now=False)

    def process_item(self, item: Article) -> Article:
        self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write what is pending in one transaction and count each outcome."""
        if not self.pending or self.archive is None:
            return
        batch, self.pending = self.pending, []
        datas = [to_article_data(item, language=self.language) for item in batch]
        try:
            outcomes = self.archive.save_articles(datas, run_id=self.run_id)
        except StorageError as exc:
            self._count("warta/errors/storage", len(batch))
            logger.error("could not store %d articles: %s", len(batch), exc)
            return
        for item, outcome in zip(batch, outcomes, strict=True):
            self._count(f"warta/articles/{outcome.value}")
            if outcome is SaveOutcome.UPDATED:
                logger.info("changed since last crawl, new revision: %s", item.url)

    def close_spider(self) -> None:
        if self.timer.running:
            self.timer.stop()
        self.flush()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.archive is None or self.run_id is None:
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        status = "interrupted" if reason == "shutdown" else "failed"
        if reason == "finished" or reason.startswith("closespider_"):
            status = "finished"
        self.archive.finish_run(self.run_id, status=status, stats=_jsonable(stats))
        self.archive.close()

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)

    def _args(self, spider: Spider) -> dict[str, Any]:
        profile = getattr(spider, "profile", None)
        return {
            "target": getattr(spider, "target", None),
            "base_url": profile.base_url if profile else None,
            "user_agent": self.crawler.settings.get("USER_AGENT"),
        }


def _jsonable(stats: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v if isinstance(v, int | float | str | bool) or v is None else str(v)
        for k, v in stats.items()
    }
