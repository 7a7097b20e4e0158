"""Writes each article to the archive and records the crawl run with its final stats.

One article the database refuses must not cost its neighbours: values are fitted to what the
archive can hold before writing (storage/limits.py), and a batch that fails anyway is written
again one article at a time, so only the bad one is dropped, logged with its URL and counted.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from crawler.extraction.record import Article
from pipelines.drops import OverLimit
from pipelines.outcome import run_status
from storage import (
    Archive,
    ArticleData,
    SaveOutcome,
    open_archive,
    resolve_database_url,
)
from storage.limits import Unstorable, fit_for_storage

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
        view_count_raw=item.view_count_raw,
        tags=item.tags,
        author=item.author,
        image_url=item.image_url,
        language=language,
    )


class StorePipeline:
    """Saves articles to the archive named by ``WARTA_DATABASE_URL``, a batch at a time.

    A batch is one transaction: written when it is full, every couple of seconds, and when
    the crawl ends, so a killed crawl loses at most that much and the archive stays whole.
    ``WARTA_LIMIT`` stops the crawl once that many articles have been handed to the archive.
    """

    flush_interval_s = 2.0

    def __init__(self, crawler: Crawler, database_url: str, batch_size: int, limit: int) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.batch_size = batch_size
        self.limit = limit
        self.accepted = 0
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.language: str | None = None
        self.pending: list[Article] = []
        self.timer = task.LoopingCall(self.flush)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        database_url = crawler.settings.get("WARTA_DATABASE_URL") or resolve_database_url(None)
        batch_size = crawler.settings.getint("WARTA_STORE_BATCH", 50)
        limit = crawler.settings.getint("WARTA_LIMIT", 0)
        pipeline = cls(crawler, database_url, batch_size, limit)
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
        if self.limit and self.accepted >= self.limit:
            raise OverLimit(f"--limit {self.limit} reached; not storing {item.url}")
        self.accepted += 1
        self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()
        if self.limit and self.accepted == self.limit and self.crawler.engine is not None:
            self.flush()
            deferred_from_coro(
                self.crawler.engine.close_spider_async(reason="closespider_itemcount")
            )
        return item

    def flush(self) -> None:
        """Write what is pending; never raises, so the periodic timer outlives any error."""
        batch, self.pending = self.pending, []
        if not batch or self.archive is None:
            return
        try:
            self._write(batch)
        except Exception:  # a bug here must not stop the timer or lose the crawl
            self._count("warta/storage/failed/unexpected", len(batch))
            logger.exception("could not store %d articles", len(batch))

    def _write(self, batch: list[Article]) -> None:
        assert self.archive is not None
        ready: list[tuple[Article, ArticleData]] = []
        for item in batch:
            try:
                fitted = fit_for_storage(to_article_data(item, language=self.language))
            except Unstorable as exc:
                self._not_stored(item, f"refused/{exc.reason}", exc)
                continue
            except ValueError as exc:
                self._not_stored(item, "refused/invalid", exc)
                continue
            for change in fitted.changes:
                self._count(f"warta/storage/fitted/{change}")
                logger.warning("stored %s with %s", item.url, change.replace("_", " "))
            ready.append((item, fitted.data))
        if not ready:
            return
        try:
            outcomes = self.archive.save_articles([data for _, data in ready], run_id=self.run_id)
        except Exception as exc:
            if len(ready) == 1:
                self._not_stored(ready[0][0], f"failed/{type(exc).__name__}", exc)
                return
            logger.warning("a batch of %d failed (%s); storing one by one", len(ready), exc)
            for item, data in ready:
                self._write_one(item, data)
            return
        for (item, _), outcome in zip(ready, outcomes, strict=True):
            self._stored(item, outcome)

    def _write_one(self, item: Article, data: ArticleData) -> None:
        assert self.archive is not None
        try:
            outcome = self.archive.save_article(data, run_id=self.run_id)
        except Exception as exc:
            self._not_stored(item, f"failed/{type(exc).__name__}", exc)
            return
        self._stored(item, outcome)

    def _stored(self, item: Article, outcome: SaveOutcome) -> None:
        self._count(f"warta/articles/{outcome.value}")
        if outcome is SaveOutcome.UPDATED:
            logger.info("changed since last crawl, new revision: %s", item.url)

    def _not_stored(self, item: Article, reason: str, exc: Exception) -> None:
        self._count(f"warta/storage/{reason}")
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        logger.error("not stored %s: %s", item.url, first_line[:300])

    def close_spider(self) -> None:
        if self.timer.running:
            self.timer.stop()
        self.flush()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.archive is None or self.run_id is None:
            return
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        status = run_status(stats, reason)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("warta/run_status", status)
        try:
            self.archive.finish_run(self.run_id, status=status, stats=_jsonable(stats))
        except Exception:
            logger.exception("could not record the end of crawl run %s", self.run_id)
        finally:
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
