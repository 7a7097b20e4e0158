"""The archive at scale: storing generated articles with their WARC captures, then storing
them all again as a re-crawl, at 10,000 and at 100,000 articles in one archive.

The baseline is the archive itself at 10,000 articles: the cost per stored article at
100,000 (dedup lookups, the LSH query and index update for clusters, the capture index) is
printed as a ratio to it, and should stay near 1. The pages are the sample portal's own
article pages (pemkot theme), rendered in this process, so no HTTP is measured.

    python benchmarks/bench_archive.py [--articles 100000] [--first 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import storage.saving as saving
from crawler.extraction import extract_article
from crawler.profiles import load_profile
from pipelines.store import to_article_data
from sample_portal.app import Portal
from sample_portal.corpus import summary
from sample_portal.pemkot_layout import article_path
from storage import Archive, ArticleData, open_archive
from storage.clusters import assign_cluster
from storage.warc import WarcFiles

BASE = "http://127.0.0.1:8321"
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


class Timed:
    """Seconds spent clustering: wrapped around the function the save path calls."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> int:
        started = time.perf_counter()
        try:
            return assign_cluster(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def pages(portal: Portal, ids: range, fetched_at: datetime) -> list[tuple[Exchange, ArticleData]]:
    """The article pages as the crawler would have fetched them, and what it extracted."""
    profile = load_profile("sample_pemkot")
    found = []
    for article_id in ids:
        path = article_path(summary(1, article_id))
        response = portal.handle(path)
        if response.status != 200:  # the deliberate faults
            continue
        headers = (("Content-Type", "text/html; charset=utf-8"),)
        exchange = Exchange(BASE + path, "GET", 200, headers, response.body, (), fetched_at)
        html = response.body.decode("utf-8", "replace")
        article = extract_article(html, exchange.url, profile, fetched_at=fetched_at)
        found.append((exchange, to_article_data(article, language="id")))
    return found


def store(archive: Archive, files: WarcFiles, batch: list[tuple[Exchange, ArticleData]]) -> None:
    """What the store pipeline does with a batch: capture, sync, save with the index rows."""
    refs = [files.write(exchange) for exchange, _ in batch]
    files.sync()
    archive.save_articles([data for _, data in batch], captures=refs)


def run(
    archive: Archive, folder: Path, portal: Portal, ids: range, when: datetime
) -> dict[str, float]:
    """Store ``ids``; seconds spent storing (rendering and extraction are not timed)."""
    timed = Timed()
    saving.assign_cluster = timed
    files = WarcFiles(folder, started=when, find_original=archive.find_original)
    stored = seconds = 0.0
    try:
        for start in range(ids.start, ids.stop, 1000):
            chunk = pages(portal, range(start, min(start + 1000, ids.stop)), when)
            for offset in range(0, len(chunk), BATCH):
                batch = chunk[offset : offset + BATCH]
                started = time.perf_counter()
                store(archive, files, batch)
                seconds += time.perf_counter() - started
                stored += len(batch)
    finally:
        files.close()
        saving.assign_cluster = assign_cluster
    return {"stored": stored, "seconds": seconds, "clusters": timed.seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--first", type=int, default=10_000)
    args = parser.parse_args()
    first_crawl = datetime(2025, 2, 1, 3, 0, tzinfo=UTC)
    portal = Portal(theme="pemkot", articles=args.articles, seed=1, base_url=BASE + "/")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "captures"
        archive = open_archive(f"sqlite:///{tmp}/arsip.db")
        small = run(archive, folder, portal, range(1, args.first + 1), first_crawl)
        big = run(archive, folder, portal, range(args.first + 1, args.articles + 1), first_crawl)
        first_bytes = sum(p.stat().st_size for p in folder.iterdir())
        again = run(
            archive, folder, portal, range(1, args.articles + 1), first_crawl + timedelta(days=1)
        )
        all_bytes = sum(p.stat().st_size for p in folder.iterdir())
        archive.close()
    stored_first = small["stored"] + big["stored"]
    print(f"archive of {args.articles:,} generated articles with WARC captures (SQLite)")
    print(f"{'':<44}{'articles':>10}{'per s':>10}{'ms/article':>12}{'clusters ms':>13}")
    for name, row in (
        (f"first {args.first:,} (the baseline)", small),
        (f"next {args.articles - args.first:,} (archive growing to {args.articles:,})", big),
        (f"re-crawl of all {args.articles:,} (revisits, unchanged)", again),
    ):
        per = 1000 * row["seconds"] / row["stored"]
        print(
            f"{name:<44}{int(row['stored']):>10,}{row['stored'] / row['seconds']:>10.0f}"
            f"{per:>12.2f}{1000 * row['clusters'] / row['stored']:>13.2f}"
        )
    ratio = (big["seconds"] / big["stored"]) / (small["seconds"] / small["stored"])
    print(f"cost per article at {args.articles:,} / at {args.first:,}: {ratio:.2f} (flat is 1.0)")
    print(
        f"bytes per article page: {first_bytes / stored_first:,.0f} as a response record pair, "
        f"{(all_bytes - first_bytes) / again['stored']:,.0f} as a revisit pair"
    )


if __name__ == "__main__":
    main()
