"""The archive at scale: what storing an article with its WARC capture costs when the archive
holds 10,000 articles and when it holds 100,000, and what a re-crawl of unchanged pages costs.

One archive is filled with ``--window`` articles of a sample portal and copied; the original
grows on to ``--articles``. Then ``--window`` articles of a second sample portal (another seed:
some releases are syndicated to both) are stored into both, a chunk into one and the same chunk
into the other in turn, so both see the same pages and the same machine. The baseline is the
small archive: the ratio of the two costs per article (dedup lookups, the LSH query and index
update for clusters, the capture index, the moves of recent bands, commits) should stay near
1. The pages are the sample portals' own article pages (pemkot theme), rendered in this
process, so no HTTP is measured; their fault pages are skipped.

    python benchmarks/bench_archive.py [--articles 100000] [--window 10000] [--recrawl 10000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import storage.saving as saving
from crawler.extraction import extract_article
from crawler.profiles import load_profile
from pipelines.store import to_article_data
from sample_portal.app import Portal
from sample_portal.corpus import summary
from sample_portal.pemkot_layout import article_path
from storage import ArticleData, open_archive
from storage.clusters import assign_cluster
from storage.warc import WarcFiles

BASE = "http://127.0.0.1:8321"
OTHER = "http://127.0.0.1:8322"  # a second sample portal: the measured articles
BATCH = 50


@dataclass(frozen=True)
class Exchange:
    url: str
    method: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    request_headers: tuple[tuple[str, str], ...]
    fetched_at: datetime


class Store:
    """One archive being filled, with its captures and the seconds spent storing."""

    def __init__(self, path: Path, started: datetime) -> None:
        self.path = path
        self.archive = open_archive(f"sqlite:///{path}")
        self.started = started
        self.files = self.captures(started)
        self.stored = self.seconds = self.clustering = 0.0
        self.records = 0  # since it was opened, not reset by restart

    def captures(self, started: datetime) -> WarcFiles:
        folder = self.path.with_suffix(".captures")
        return WarcFiles(folder, started=started, find_original=self.archive.find_original)

    def restart(self, started: datetime) -> None:
        """A new crawl: new WARC files, and the clock set to zero."""
        self.files.close()
        self.files = self.captures(started)
        self.stored = self.seconds = self.clustering = 0.0

    def store(self, chunk: list[tuple[Exchange, ArticleData]]) -> None:
        """What the store pipeline does with each batch: capture, sync, save with the index."""
        saving.assign_cluster = self.timed_cluster
        try:
            for offset in range(0, len(chunk), BATCH):
                batch = chunk[offset : offset + BATCH]
                started = time.perf_counter()
                refs = [self.files.write(exchange) for exchange, _ in batch]
                self.files.sync()
                self.archive.save_articles([data for _, data in batch], captures=refs)
                self.seconds += time.perf_counter() - started
                self.stored += len(batch)
                self.records += len(batch)
        finally:
            saving.assign_cluster = assign_cluster

    def timed_cluster(self, *args: Any, **kwargs: Any) -> int:
        started = time.perf_counter()
        try:
            return assign_cluster(*args, **kwargs)
        finally:
            self.clustering += time.perf_counter() - started

    def copy_to(self, path: Path) -> Store:
        """A copy of the archive as it is now (its WAL folded into the file first)."""
        with self.archive.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        self.archive.engine.dispose()
        shutil.copyfile(self.path, path)
        return Store(path, self.started)

    def row(self) -> dict[str, float]:
        return {"stored": self.stored, "seconds": self.seconds, "clusters": self.clustering}

    def close(self) -> None:
        self.files.close()
        self.archive.close()

    def folder_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.with_suffix(".captures").iterdir())


def pages(portal: Portal, ids: range, fetched_at: datetime) -> list[tuple[Exchange, ArticleData]]:
    """The article pages as the crawler would have fetched them, and what it extracted."""
    base = portal.site.base_url.rstrip("/")
    profile = load_profile("sample_pemkot")
    found = []
    for article_id in ids:
        path = article_path(summary(portal.edition.seed, article_id))
        response = portal.handle(path)
        if response.status != 200:  # the deliberate faults
            continue
        headers = (("Content-Type", "text/html; charset=utf-8"),)
        exchange = Exchange(base + path, "GET", 200, headers, response.body, (), fetched_at)
        html = response.body.decode("utf-8", "replace")
        article = extract_article(html, exchange.url, profile, fetched_at=fetched_at)
        found.append((exchange, to_article_data(article, language="id")))
    return found


def fill(stores: list[Store], portal: Portal, ids: range, when: datetime) -> None:
    """Store ``ids`` into each store, a chunk at a time into one after the other."""
    for start in range(ids.start, ids.stop, 1000):
        chunk = pages(portal, range(start, min(start + 1000, ids.stop)), when)
        for store in stores:
            store.store(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=10_000)
    parser.add_argument("--recrawl", type=int, default=10_000)
    args = parser.parse_args()
    size, window = args.articles, args.window
    first_crawl = datetime(2025, 2, 1, 3, 0, tzinfo=UTC)
    portal = Portal(theme="pemkot", articles=size, seed=1, base_url=BASE + "/")
    other = Portal(theme="pemkot", articles=window, seed=2, base_url=OTHER + "/")
    with tempfile.TemporaryDirectory() as tmp:
        large = Store(Path(tmp) / "large.db", first_crawl)
        fill([large], portal, range(1, window + 1), first_crawl)
        small = large.copy_to(Path(tmp) / "small.db")
        fill([large], portal, range(window + 1, size + 1), first_crawl)
        for store in (small, large):
            store.restart(first_crawl)
        fill([small, large], other, range(1, window + 1), first_crawl)
        measured = {"small": small.row(), "large": large.row()}
        first_bytes, first_records = large.folder_bytes(), large.records
        large.restart(first_crawl + timedelta(days=1))
        fill([large], portal, range(1, args.recrawl + 1), first_crawl + timedelta(days=1))
        large.files.close()
        again = large.row()
        revisit_bytes = large.folder_bytes() - first_bytes
        small.close()
        large.close()
    small_row, big_row = measured["small"], measured["large"]
    print("storing articles with WARC captures into an SQLite archive (sample portal pages)")
    print(f"{'':<48}{'articles':>10}{'per s':>8}{'ms/article':>12}{'clusters ms':>13}")
    for name, row in (
        (f"{window:,} of another portal into {window:,}", small_row),
        (f"the same {window:,} into {size:,}", big_row),
        (f"re-crawl of {args.recrawl:,} (revisits, unchanged)", again),
    ):
        per = 1000 * row["seconds"] / row["stored"]
        print(
            f"{name:<48}{int(row['stored']):>10,}{row['stored'] / row['seconds']:>8.0f}"
            f"{per:>12.2f}{1000 * row['clusters'] / row['stored']:>13.2f}"
        )
    ratio = (big_row["seconds"] / big_row["stored"]) / (small_row["seconds"] / small_row["stored"])
    print(f"cost per article at {size:,} / at {window:,}: {ratio:.2f} (flat is 1.0)")
    print(
        f"bytes per article page: {first_bytes / first_records:,.0f} as a response record "
        f"pair, {revisit_bytes / again['stored']:,.0f} as a revisit pair"
    )


if __name__ == "__main__":
    main()
