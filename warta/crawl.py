"""Runs one crawl in this process: settings, logging to a file, progress, and the stats."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.portal import PortalSpider


@dataclass(frozen=True)
class CrawlResult:
    stats: dict[str, Any]
    elapsed_s: float
    log_file: Path | None


def build_settings(
    *, database_url: str, overrides: dict[str, str], log_file: Path | None, progress: bool
) -> Settings:
    """Warta's defaults, then the caller's ``-s NAME=VALUE`` overrides on top."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("WARTA_DATABASE_URL", database_url, priority="cmdline")
    settings.set("WARTA_PROGRESS", progress, priority="cmdline")
    settings.set("EXTENSIONS", {"warta.progress.ProgressLine": 900}, priority="project")
    if log_file is not None:
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
        settings.set("LOG_FILE_APPEND", False, priority="cmdline")
    settings.setdict(overrides, priority="cmdline")
    return settings


def log_path(database_url: str, now: datetime) -> Path:
    """``logs/crawl-20250122-182600.log`` beside an SQLite archive, else under ``./logs``."""
    base = Path()
    if database_url.startswith("sqlite:///"):
        base = Path(database_url.removeprefix("sqlite:///")).parent
    return base / "logs" / f"crawl-{now:%Y%m%d-%H%M%S}.log"


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
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
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
