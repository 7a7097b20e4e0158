"""The crawl's run in the archive: started, kept alive by a heartbeat, and finished with its
status, stats and health flags.

An extension, so a run's lifecycle has one home and each pipeline keeps one job: the store
pipeline borrows the archive and the run id from :meth:`RunRecord.start`. The archive opens
with the run and closes once, after the run is finished.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

from crawler.extraction.date_vocabulary import DEFAULT_ZONE
from pipelines.health import Flag, judge
from pipelines.outcome import HEALTH, run_status
from storage import Archive, open_archive, resolve_database_url

logger = logging.getLogger(__name__)


class RunRecord:
    """Scrapy extension. ``WARTA_HEARTBEAT_S``: seconds between beats (0: none);
    ``WARTA_SCHEDULE_ID``: the schedule that started the crawl (0: started by hand)."""

    def __init__(self, crawler: Crawler, database_url: str, heartbeat_s: float) -> None:
        self.crawler = crawler
        self.database_url = database_url
        self.heartbeat_s = heartbeat_s
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.heart = task.LoopingCall(self.beat)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        database_url = crawler.settings.get("WARTA_DATABASE_URL") or resolve_database_url(None)
        heartbeat_s = crawler.settings.getfloat("WARTA_HEARTBEAT_S", 60.0)
        record = cls(crawler, database_url, heartbeat_s)
        crawler.signals.connect(record.opened, signal=signals.spider_opened)
        return record

    @classmethod
    def of(cls, crawler: Crawler) -> RunRecord:
        """The crawl's run record, for a pipeline that stores under its run."""
        record = crawler.get_extension(cls)
        if record is None:
            name = f"{cls.__module__}.{cls.__name__}"
            raise RuntimeError(f"{name} is not in EXTENSIONS, so nothing records the crawl run")
        return record

    def opened(self) -> None:
        self.start()

    def start(self) -> tuple[Archive, int]:
        """Open the archive and start the run, once. The store pipeline calls this from its
        ``open_spider``, which Scrapy runs before any ``spider_opened`` handler."""
        if self.archive is not None and self.run_id is not None:
            return self.archive, self.run_id
        spider = self.crawler.spider
        assert spider is not None, "the crawler has its spider when the run starts"
        archive = open_archive(self.database_url)
        try:
            run_id = self._start_run(archive, spider)
        except BaseException:
            archive.close()
            raise
        self.archive, self.run_id = archive, run_id
        self._stats().set_value("warta/run_id", run_id)
        # Connected only now, after the spider and the pipelines connected theirs, so the run
        # is finished with the stats they leave when the crawl closes.
        self.crawler.signals.connect(self.closed, signal=signals.spider_closed)
        if self.heartbeat_s > 0:
            self.heart.start(self.heartbeat_s, now=False)
        return archive, run_id

    def beat(self) -> None:
        """Never raises: a beat that fails must not stop the heart for the rest of the crawl."""
        if self.archive is None or self.run_id is None:
            return
        try:
            self.archive.beat(self.run_id)
        except Exception:
            logger.warning("could not write the heartbeat of crawl run %s", self.run_id)

    def closed(self, spider: Spider, reason: str) -> None:
        if self.heart.running:
            self.heart.stop()
        if self.archive is None or self.run_id is None:
            return
        stats = self._stats()
        try:
            values = stats.get_stats()
            status = run_status(values, reason)
            stats.set_value("warta/run_status", status)
            snapshot = _jsonable(values)
            flags = self._health(spider, values)
            for flag in flags or ():
                stats.set_value(HEALTH + flag.flag, flag.reason)
                logger.warning("crawl run %s flagged %s: %s", self.run_id, flag.flag, flag.reason)
            health = None if flags is None else [flag.as_json() for flag in flags]
            self.archive.finish_run(self.run_id, status=status, stats=snapshot, health=health)
        except Exception:
            logger.exception("could not record the end of crawl run %s", self.run_id)
        finally:
            self.archive.close()
            self.archive = None

    def _health(self, spider: Spider, stats: dict[str, Any]) -> list[Flag] | None:
        """The run's flags, or None when they could not be judged (logged; the run still ends)."""
        assert self.archive is not None
        site_id = getattr(spider, "site_id", None)
        try:
            history = self.archive.site_history(site_id) if site_id else None
            return judge(stats, history, datetime.now(UTC))
        except Exception:
            logger.exception("could not judge the health of crawl run %s", self.run_id)
            return None

    def _start_run(self, archive: Archive, spider: Spider) -> int:
        profile = getattr(spider, "profile", None)
        site_id = getattr(spider, "site_id", None)
        if site_id:
            archive.ensure_site(
                site_id,
                name=profile.name if profile else None,
                base_url=profile.base_url if profile else getattr(spider, "target", None),
                timezone=profile.timezone if profile else DEFAULT_ZONE,
            )
        args = {
            "target": getattr(spider, "target", None),
            "base_url": profile.base_url if profile else None,
            "user_agent": self.crawler.settings.get("USER_AGENT"),
            "heartbeat_s": self.heartbeat_s,
        }
        return archive.start_run(
            getattr(spider, "target", spider.name),
            site_id=site_id,
            args=args,
            schedule_id=self.crawler.settings.getint("WARTA_SCHEDULE_ID") or None,
        )

    def _stats(self) -> StatsCollector:
        assert self.crawler.stats is not None, "Scrapy makes the stats before any extension"
        return self.crawler.stats


def _jsonable(stats: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v if isinstance(v, int | float | str | bool) or v is None else str(v)
        for k, v in stats.items()
    }
