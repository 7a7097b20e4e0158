"""Writes each article to the archive, under the crawl run the run record started.

One article the database refuses must not cost its neighbours: values are fitted to what the
archive can hold before writing (storage/limits.py), and a batch that fails anyway is written
again one article at a time, so only the bad one is dropped, logged with its URL and counted.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Final, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from crawler.extensions.run_record import RunRecord
from crawler.extraction.record import Article
from crawler.items import ArticleGone, NotModified, PageCapture, Unlisted
from crawler.listing_walk import WalkProgress
from pipelines.captures import CaptureKeeper
from pipelines.drops import OverLimit
from pipelines.health import FIELD_STATS, FIELDS
from pipelines.removals import RemovalLog
from storage import (
    Archive,
    ArticleData,
    SaveOutcome,
    StorageError,
    resolve_database_url,
)
from storage.limits import Unstorable, fit_for_storage
from storage.warc import CaptureRef

logger = logging.getLogger(__name__)
_COUNTED: Final = (SaveOutcome.NEW, SaveOutcome.UPDATED)


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
        etag=item.etag,
        last_modified=item.last_modified,
    )


def fields_present(data: ArticleData) -> list[str]:
    """The fields the run's health watches that ``data`` has, as stored (a view count fitted
    away is missing): ``["title", "published_at", "tags"]`` for an article with no count."""
    having = {
        "title": bool(data.title.strip()),
        "published_at": data.published_at is not None,
        "view_count": data.view_count is not None,
        "tags": bool(data.tags),
    }
    return [field for field in FIELDS if having[field]]


class StorePipeline:
    """Saves articles, a batch at a time, to the archive the run record opened (the one
    ``WARTA_DATABASE_URL`` names), under its run; it needs ``RunRecord`` in EXTENSIONS.

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
        self.pending: list[tuple[Article, CaptureRef | None]] = []
        self.captures: CaptureKeeper | None = None
        self.removals: RemovalLog | None = None
        self.walk_progress: list[WalkProgress] = []  # pulled at the last flush, written next
        self.timer = task.LoopingCall(self.flush)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        database_url = crawler.settings.get("WARTA_DATABASE_URL") or resolve_database_url(None)
        batch_size = crawler.settings.getint("WARTA_STORE_BATCH", 50)
        limit = crawler.settings.getint("WARTA_LIMIT", 0)
        pipeline = cls(crawler, database_url, batch_size, limit)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self) -> None:
        self.archive, self.run_id = RunRecord.of(self.crawler).start()
        profile = getattr(self.crawler.spider, "profile", None)
        self.language = profile.language if profile else None
        for field in FIELDS:  # zeros too, so the run's health can tell "none" from "not counted"
            self._count(FIELD_STATS + field, 0)
        self.captures = CaptureKeeper.open(self.archive, self.crawler.settings, self._count)
        self.removals = RemovalLog(self.archive, self.captures, self.run_id, self._count)
        self.timer.start(self.flush_interval_s, now=False)

    def process_item(self, item: object) -> object:
        if isinstance(item, PageCapture):
            if self.captures is not None:
                self.captures.keep_alone(item.fetched)
            return item
        if isinstance(item, ArticleGone | Unlisted):
            if self.removals is not None:
                self.removals.removed(item)
            return item
        if isinstance(item, NotModified):
            self._seen_unchanged(item.url)
            return item
        assert isinstance(item, Article), f"no pipeline stores {type(item).__name__}"
        if self.limit and self.accepted >= self.limit:
            raise OverLimit(f"--limit {self.limit} reached; not storing {item.url}")
        self.accepted += 1
        ref = None
        if item.fetched is not None and self.captures is not None:
            ref = self.captures.write(item.fetched)
        self.pending.append((item, ref))
        if len(self.pending) >= self.batch_size:
            self.flush()
        if self.limit and self.accepted == self.limit:
            self.flush()
            closing = self.crawler.engine.close_spider_async(reason="closespider_itemcount")
            deferred_from_coro(closing)
        return item

    def _seen_unchanged(self, url: str) -> None:
        """A 304 for a revisit: the article is still there, as it was."""
        if self.archive is None:
            return
        try:
            self.archive.seen_unchanged([url], datetime.now(UTC))
        except StorageError as exc:
            self._count("warta/storage/failed/not_modified")
            logger.error("could not record %s as seen: %s", url, exc)

    def item_dropped(self, item: object) -> None:
        """An article page dropped on the way (no body, a repeat, past --limit) is still kept
        as a capture: a better extractor may read it later (``warta reparse``)."""
        if isinstance(item, Article) and item.fetched is not None and self.captures is not None:
            self.captures.keep_alone(item.fetched)

    def flush(self) -> None:
        """Write what is pending; never raises, so the periodic timer outlives any error."""
        batch, self.pending = self.pending, []
        if self.archive is None:
            return
        try:
            if self.captures is not None:
                self.captures.files.sync()  # on disk before any index row points at it
            if batch:
                self._write(batch)
            if self.captures is not None:
                self.captures.index_unlinked(self.run_id)
        except Exception:  # a bug here must not stop the timer or lose the crawl
            self._count("warta/storage/failed/unexpected", len(batch))
            logger.exception("could not store %d articles", len(batch))
        self._write_walk_progress(closing=False)

    def _write_walk_progress(self, *, closing: bool) -> None:
        """A backfill's listing progress, one flush late: a page is marked done only once the
        articles it named, handed to this pipeline before it was done, are written."""
        spider = self.crawler.spider
        pulled = getattr(spider, "listing_progress", lambda: None)()
        due, self.walk_progress = self.walk_progress, [pulled] if pulled else []
        if closing:
            due, self.walk_progress = due + self.walk_progress, []
        if not due or self.archive is None or spider is None:
            return
        try:
            self.archive.record_listing_progress(
                getattr(spider, "site_id", ""),
                pending=[url for progress in due for url in progress.asked],
                walked=[url for progress in due for url in progress.done],
                finished=due[-1].finished,
            )
        except StorageError as exc:
            self._count("warta/storage/failed/listing_progress")
            logger.error("could not record the listing walk's progress: %s", exc)

    def _write(self, batch: list[tuple[Article, CaptureRef | None]]) -> None:
        assert self.archive is not None
        ready: list[tuple[Article, ArticleData, CaptureRef | None]] = []
        for item, ref in batch:
            try:
                fitted = fit_for_storage(to_article_data(item, language=self.language))
            except Unstorable as exc:
                self._not_stored(item, ref, f"refused/{exc.reason}", exc)
                continue
            except ValueError as exc:
                self._not_stored(item, ref, "refused/invalid", exc)
                continue
            for change in fitted.changes:
                self._count(f"warta/storage/fitted/{change}")
                logger.warning("stored %s with %s", item.url, change.replace("_", " "))
            ready.append((item, fitted.data, ref))
        if not ready:
            return
        datas, refs = [data for _, data, _ in ready], [ref for _, _, ref in ready]
        try:
            outcomes = self.archive.save_articles(datas, run_id=self.run_id, captures=refs)
        except Exception as exc:
            if len(ready) == 1:
                self._not_stored(ready[0][0], ready[0][2], f"failed/{type(exc).__name__}", exc)
                return
            logger.warning("a batch of %d failed (%s); storing one by one", len(ready), exc)
            for item, data, ref in ready:
                self._write_one(item, data, ref)
            return
        for (item, data, _), outcome in zip(ready, outcomes, strict=True):
            self._stored(item, data, outcome)
        if self.removals is not None:
            self.removals.seen([item.url for item, _, _ in ready])

    def _write_one(self, item: Article, data: ArticleData, ref: CaptureRef | None) -> None:
        assert self.archive is not None
        try:
            outcome = self.archive.save_article(data, run_id=self.run_id, capture=ref)
        except Exception as exc:
            self._not_stored(item, ref, f"failed/{type(exc).__name__}", exc)
            return
        self._stored(item, data, outcome)
        if self.removals is not None:
            self.removals.seen([item.url])

    def _stored(self, item: Article, data: ArticleData, outcome: SaveOutcome) -> None:
        self._count(f"warta/articles/{outcome.value}")
        if outcome in _COUNTED:
            for field in fields_present(data):
                self._count(FIELD_STATS + field)
        if outcome is SaveOutcome.UPDATED:
            logger.info("changed since last crawl, new revision: %s", item.url)

    def _not_stored(
        self, item: Article, ref: CaptureRef | None, reason: str, exc: Exception
    ) -> None:
        """Counted and logged; what the portal sent is still indexed, for a later reparse."""
        if ref is not None and self.captures is not None:
            self.captures.unlinked.append(ref)
        self._count(f"warta/storage/{reason}")
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        logger.error("not stored %s: %s", item.url, first_line[:300])

    def close_spider(self) -> None:
        """Everything pending is written before the run record finishes the run (on
        ``spider_closed``, which Scrapy sends after the pipelines closed) and closes the
        archive."""
        if self.timer.running:
            self.timer.stop()
        self.flush()
        self._write_walk_progress(closing=True)
        if self.captures is not None:
            self.captures.close()

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)
