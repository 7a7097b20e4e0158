"""The store pipeline: one article the database refuses costs only itself, never its batch."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler
from twisted.internet import task

from crawler.extraction.record import Article
from crawler.spiders.portal import PortalSpider
from pipelines.drops import OverLimit
from pipelines.store import StorePipeline
from storage import open_archive

FETCHED = datetime(2025, 1, 22, 11, 26, tzinfo=UTC)


def article(n: int, **changes: object) -> Article:
    fields: dict[str, object] = {
        "url": f"https://contoh.go.id/berita/{n}/kabar-{n}",
        "site_id": "contoh",
        "title": f"Kabar nomor {n} dari Balai Kota",
        "published_at": FETCHED,
        "published_raw": "Rabu, 22 Januari 2025 18:26 WIB",
        "view_count": 100 + n,
        "view_count_raw": f"Dibaca : {100 + n}",
        "tags": ("Pemkot",),
        "author": None,
        "body_text": f"Isi kabar nomor {n}. " * 10,
        "image_url": None,
        "fetched_at": FETCHED,
    }
    return Article(**(fields | changes))  # type: ignore[arg-type]


@pytest.fixture
def crawler() -> Crawler:
    return get_crawler(PortalSpider, {"WARTA_STORE_BATCH": 50})


@pytest.fixture
def pipeline(crawler: Crawler, tmp_path: Path) -> Iterator[StorePipeline]:
    db = tmp_path / "arsip.db"
    store = StorePipeline(crawler, f"sqlite:///{db}", batch_size=50, limit=0)
    store.archive = open_archive(store.database_url)
    store.run_id = store.archive.start_run("contoh", site_id=None, args={})
    yield store
    store.archive.close()


def stored_urls(store: StorePipeline) -> list[str]:
    path = store.database_url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT url FROM articles ORDER BY id")]


def refuse_in_database(store: StorePipeline, url_part: str) -> None:
    """A real refusal by the database, as PostgreSQL gives for values SQLite would take."""
    path = store.database_url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "CREATE TRIGGER tolak BEFORE INSERT ON articles "
            f"WHEN NEW.url LIKE '%{url_part}%' BEGIN SELECT RAISE(ABORT, 'ditolak'); END"
        )


def stat(crawler: Crawler, key: str) -> int:
    assert crawler.stats is not None
    return int(crawler.stats.get_value(key, 0))


def test_one_refused_article_costs_only_itself(
    pipeline: StorePipeline, crawler: Crawler, caplog: pytest.LogCaptureFixture
) -> None:
    refuse_in_database(pipeline, "/berita/3/")
    for n in range(1, 6):
        pipeline.process_item(article(n))
    with caplog.at_level(logging.ERROR):
        pipeline.flush()
    assert stored_urls(pipeline) == [article(n).url for n in (1, 2, 4, 5)]
    assert stat(crawler, "warta/articles/new") == 4
    assert stat(crawler, "warta/storage/failed/IntegrityError") == 1
    [line] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert line.startswith(f"not stored {article(3).url}: ")
    assert "ditolak" in line


def test_values_the_archive_cannot_hold_are_fitted_or_refused_with_a_reason(
    pipeline: StorePipeline, crawler: Crawler
) -> None:
    long_url = "https://contoh.go.id/berita/9/" + "judul-" * 400
    printed = "Dibaca : 88.888.888.888.888"
    pipeline.process_item(article(1, view_count=88_888_888_888_888, view_count_raw=printed))
    pipeline.process_item(article(2, url=long_url))
    pipeline.process_item(article(3, tags=("Pemkot", "x" * 500)))
    pipeline.flush()
    assert stored_urls(pipeline) == [article(1).url, article(3).url]
    assert stat(crawler, "warta/storage/refused/url_too_long") == 1
    assert stat(crawler, "warta/storage/fitted/view_count_implausible") == 1
    assert stat(crawler, "warta/storage/fitted/tag_too_long") == 1
    assert pipeline.archive is not None
    first = pipeline.archive.get_article(article(1).url)
    assert first is not None
    assert (first["view_count"], first["view_count_raw"]) == (None, printed)


def test_the_flush_timer_survives_any_error(pipeline: StorePipeline, crawler: Crawler) -> None:
    clock = task.Clock()
    pipeline.timer.clock = clock
    pipeline.timer.start(pipeline.flush_interval_s, now=False)
    assert pipeline.archive is not None
    real_save = pipeline.archive.save_articles
    broken = RuntimeError("disk on fire")

    def explode(*args: object, **kwargs: object) -> object:
        raise broken

    pipeline.archive.save_articles = explode  # type: ignore[method-assign]
    pipeline.archive.save_article = explode  # type: ignore[method-assign]
    pipeline.process_item(article(1))
    pipeline.process_item(article(2))
    clock.advance(2.0)
    assert pipeline.timer.running
    assert stat(crawler, "warta/storage/failed/RuntimeError") == 2

    pipeline.archive.save_articles = real_save  # type: ignore[method-assign]
    pipeline.process_item(article(3))
    clock.advance(2.0)
    assert stored_urls(pipeline) == [article(3).url]
    pipeline.timer.stop()


class ClosingEngine:
    def __init__(self) -> None:
        self.reasons: list[str] = []

    async def close_spider_async(self, *, reason: str) -> None:
        self.reasons.append(reason)


def test_limit_hands_the_archive_exactly_that_many_then_closes(
    pipeline: StorePipeline, crawler: Crawler
) -> None:
    engine = ClosingEngine()
    crawler.engine = engine  # type: ignore[assignment]
    pipeline.limit = 2
    pipeline.process_item(article(1))
    assert engine.reasons == []
    pipeline.process_item(article(2))
    assert engine.reasons == ["closespider_itemcount"]
    with pytest.raises(OverLimit):  # already in flight when the crawl was told to close
        pipeline.process_item(article(3))
    assert stored_urls(pipeline) == [article(1).url, article(2).url]
