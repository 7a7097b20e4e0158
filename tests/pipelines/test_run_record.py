"""The run record and the store pipeline together: one run, started once, beaten, finished
after the last article is written, the archive closed once; fields counted per run."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler
from twisted.internet import task

from crawler.extensions.run_record import RunRecord
from crawler.spiders.portal import PortalSpider
from pipelines.store import StorePipeline
from tests.pipelines.test_store import article

RUN_RECORD = "crawler.extensions.run_record.RunRecord"


@dataclass
class Crawl:
    crawler: Crawler
    record: RunRecord
    store: StorePipeline
    db: Path
    heart: task.Clock

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(self.db)) as conn:
            return conn.execute(sql).fetchall()

    def stat(self, key: str) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats.get_value(key)

    def close(self, reason: str = "finished") -> None:
        """What Scrapy does at the end: pipelines close, then spider_closed is sent."""
        self.store.close_spider()
        self.crawler.signals.send_catch_log(
            signal=signals.spider_closed, spider=self.crawler.spider, reason=reason
        )


def crawler_with(tmp_path: Path, extensions: dict[str, int]) -> Crawler:
    settings = {
        "EXTENSIONS": extensions,
        "WARTA_DATABASE_URL": f"sqlite:///{tmp_path / 'arsip.db'}",
        "WARTA_HEARTBEAT_S": 30.0,
        "WARTA_CAPTURE": "none",
    }
    crawler = get_crawler(PortalSpider, settings)
    crawler.spider = PortalSpider.from_crawler(crawler, site="sample_pemkot")
    return crawler


@pytest.fixture
def crawl(tmp_path: Path) -> Iterator[Crawl]:
    crawler = crawler_with(tmp_path, {RUN_RECORD: 100})
    record = crawler.get_extension(RunRecord)
    assert record is not None
    record.heart.clock = heart = task.Clock()
    store = StorePipeline.from_crawler(crawler)
    store.timer.clock = task.Clock()
    yield Crawl(crawler, record, store, tmp_path / "arsip.db", heart)
    if record.archive is not None:
        record.archive.close()


def test_the_pipeline_stores_under_the_one_run_the_record_started(crawl: Crawl) -> None:
    crawl.store.open_spider()
    crawl.record.opened()  # spider_opened comes after the pipelines opened: no second run
    assert crawl.store.archive is crawl.record.archive
    assert crawl.store.run_id == crawl.record.run_id is not None
    [(run_id, status, site_id, args_json)] = crawl.rows(
        "SELECT id, status, site_id, args_json FROM crawl_runs"
    )
    assert (run_id, status, site_id) == (crawl.record.run_id, "running", "sample_pemkot")
    assert json.loads(args_json)["heartbeat_s"] == 30.0
    assert crawl.stat("warta/run_id") == run_id

    crawl.store.process_item(article(1))
    crawl.close()

    assert crawl.rows("SELECT run_id FROM revisions") == [(run_id,)]
    [(status, health_json, stats_json)] = crawl.rows(
        "SELECT status, health_json, stats_json FROM crawl_runs"
    )
    assert (status, health_json) == ("finished", "[]")
    assert json.loads(stats_json)["warta/articles/new"] == 1  # written before the run ended
    assert crawl.stat("warta/run_status") == "finished"
    assert crawl.record.archive is None  # closed, once


def test_the_heart_beats_while_the_crawl_runs_and_stops_at_the_end(crawl: Crawl) -> None:
    crawl.store.open_spider()
    assert crawl.rows("SELECT heartbeat_at FROM crawl_runs") == [(None,)]
    crawl.heart.advance(30)
    [(first,)] = crawl.rows("SELECT heartbeat_at FROM crawl_runs")
    assert first is not None
    crawl.heart.advance(30)
    [(second,)] = crawl.rows("SELECT heartbeat_at FROM crawl_runs")
    assert second > first
    crawl.close(reason="shutdown")
    assert not crawl.record.heart.running
    assert crawl.rows("SELECT status FROM crawl_runs") == [("interrupted",)]


def test_fields_are_counted_for_new_and_updated_articles_only(crawl: Crawl) -> None:
    crawl.store.open_spider()
    for field in ("title", "published_at", "view_count", "tags"):
        assert crawl.stat(f"warta/fields/{field}") == 0
    bare = {"published_at": None, "published_raw": None, "tags": ()}
    crawl.store.process_item(article(1))
    crawl.store.process_item(article(2, view_count=None, view_count_raw=None, **bare))
    crawl.store.flush()
    crawl.store.process_item(article(1))  # unchanged: not counted again
    crawl.store.process_item(article(2, title="Kabar nomor 2, judul diperbaiki"))  # updated
    crawl.store.flush()
    assert crawl.stat("warta/articles/new") == 2
    assert crawl.stat("warta/articles/updated") == 1
    assert crawl.stat("warta/articles/unchanged") == 1
    assert crawl.stat("warta/fields/title") == 3
    assert crawl.stat("warta/fields/published_at") == 2
    assert crawl.stat("warta/fields/view_count") == 2
    assert crawl.stat("warta/fields/tags") == 2
    crawl.close()


def test_without_the_run_record_the_pipeline_refuses_to_start(tmp_path: Path) -> None:
    store = StorePipeline.from_crawler(crawler_with(tmp_path, {}))
    with pytest.raises(RuntimeError, match=f"{RUN_RECORD} is not in EXTENSIONS"):
        store.open_spider()
    assert not (tmp_path / "arsip.db").exists()
