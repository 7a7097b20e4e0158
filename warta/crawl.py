"""Runs one crawl in this process: settings, logging to a file, progress, and the stats."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.portal import PortalSpider
from pipelines.outcome import run_status


@dataclass(frozen=True)
class CrawlResult:
    stats: dict[str, Any]
    elapsed_s: float
    log_file: Path | None

    @property
    def status(self) -> str:
        """The run's status as the archive recorded it (``finished``, ``partial``, …)."""
        recorded = self.stats.get("warta/run_status")
        if isinstance(recorded, str):
            return recorded
        return run_status(self.stats, str(self.stats.get("finish_reason", "")))


def build_settings(
    *, database_url: str, overrides: dict[str, str], log_file: Path | None, progress: bool
) -> Settings:
    """Warta's defaults, then the caller's ``-s NAME=VALUE`` overrides on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("WARTA_DATABASE_URL", database_url, priority="cmdline")
    settings.set("WARTA_PROGRESS", progress, priority="cmdline")
    extensions = settings.getdict("EXTENSIONS") | {"warta.progress.ProgressLine": 900}
    settings.set("EXTENSIONS", extensions, priority="project")
    if log_file is not None:
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
        settings.set("LOG_FILE_APPEND", False, priority="cmdline")
    settings.setdict(overrides, priority="cmdline")
    return settings


def new_log_file(database_url: str, now: datetime) -> Path:
    """A new, empty ``logs/crawl-20250122-182600.log`` beside an SQLite archive (else under
    ``./logs``); ``crawl-20250122-182600-2.log`` and so on when another crawl started in the
    same second. Created exclusively, so two crawls never share one log."""
    base = Path()
    if database_url.startswith("sqlite:///"):
        base = Path(database_url.removeprefix("sqlite:///")).parent
    folder = base / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"crawl-{now:%Y%m%d-%H%M%S}"
    for attempt in itertools.count(1):
        path = folder / (f"{stem}.log" if attempt == 1 else f"{stem}-{attempt}.log")
        try:
            path.open("x").close()
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


def run_crawl(
    target: str,
    *,
    database_url: str,
    base_url: str = "",
    overrides: dict[str, str] | None = None,
    log_file: Path | None = None,
    progress: bool = True,
) -> CrawlResult:
    """Crawl ``target`` (a site id or a URL) into the archive at ``database_url``."""
    settings = build_settings(
        database_url=database_url,
        overrides=overrides or {},
        log_file=log_file,
        progress=progress,
    )
    process = AsyncCrawlerProcess(settings)
    crawler = process.create_crawler(PortalSpider)
    started = time.monotonic()
    process.crawl(crawler, site=target, base_url=base_url)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(stats=stats, elapsed_s=time.monotonic() - started, log_file=log_file)
