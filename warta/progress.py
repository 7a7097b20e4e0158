"""A live one-line progress display for crawls, fed from Scrapy's stats twice a second."""

from __future__ import annotations

import time
from typing import Any, Self

from rich.console import Console
from rich.live import Live
from rich.text import Text
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from warta.summary import counts_from_stats


class ProgressLine:
    """Scrapy extension; on when the ``WARTA_PROGRESS`` setting is true (the CLI sets it)."""

    interval_s = 0.5

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started = time.monotonic()
        self.live = Live(console=Console(stderr=True), auto_refresh=False, transient=True)
        self.loop = task.LoopingCall(self.refresh)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("WARTA_PROGRESS"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self) -> None:
        self.live.start()
        self.loop.start(self.interval_s, now=True)

    def closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
        self.live.stop()

    def refresh(self) -> None:
        stats: dict[str, Any] = self.crawler.stats.get_stats() if self.crawler.stats else {}
        c = counts_from_stats(stats)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        line = (
            f"pages {c['pages']} · articles {c['scraped']} (stored new {c['new']}, "
            f"updated {c['updated']}, unchanged {c['unchanged']}) · duplicate {c['duplicate']}"
            f" · dropped {c['dropped']} · errors {c['errors']} · {c['pages'] / elapsed:.1f}/s"
        )
        self.live.update(Text(line, style="cyan"), refresh=True)
