"""Incremental crawls: a second run, one edition later, costs what changed, not the archive.

For a sample portal of 1,000 and one of 10,000 articles: a full first crawl of edition 1, then
a second crawl of edition 2 (50 new articles on top, views grown, a few edits and removals)
on the same address into the same archive. The baseline is the first crawl; what is compared
is the second crawl's requests at both sizes, which should stay within 2x of each other, and
the new articles the second crawl stored, against those the generator published.

    python benchmarks/bench_incremental.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_portal import Edition
from sample_portal.pemkot_layout import article_path
from warta.demo import sample_portal_process

UNTHROTTLED = (
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=False",
    "CONCURRENT_REQUESTS=16",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def crawl(base_url: str, db: Path) -> dict[str, Any]:
    """One `warta crawl` of the sample profile; the run's stats as the archive recorded them."""
    settings = [arg for value in UNTHROTTLED for arg in ("-s", value)]
    command = [sys.executable, "-m", "warta", "crawl", "sample_pemkot", "--db", str(db)]
    command += ["--base-url", base_url, "--no-progress", *settings]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):  # 3: partial, the portal's deliberate faults
        sys.exit(f"crawl failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    with sqlite3.connect(db) as conn:
        (stats,) = conn.execute("SELECT stats_json FROM crawl_runs ORDER BY id DESC").fetchone()
    found: dict[str, Any] = json.loads(stats)
    return found


def stored_new(db: Path, base_url: str, edition: Edition) -> tuple[int, int]:
    """(new live articles edition 2 published, how many of them the archive holds)."""
    published = {
        base_url.rstrip("/") + article_path(edition.summary(i))
        for i in edition.new_ids
        if edition.is_live(i)
    }
    with sqlite3.connect(db) as conn:
        held = {url for (url,) in conn.execute("SELECT url FROM articles")}
    return len(published), len(published & held)


def measure(size: int, folder: Path) -> dict[str, Any]:
    port, db = free_port(), folder / f"arsip-{size}.db"
    with sample_portal_process(articles=size, theme="pemkot", port=port) as base_url:
        first = crawl(base_url, db)
    with sample_portal_process(articles=size, theme="pemkot", port=port, edition=2) as base_url:
        second = crawl(base_url, db)
        published, stored = stored_new(db, base_url, Edition(seed=1, articles=size, edition=2))
    return {"first": first, "second": second, "published": published, "stored": stored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = {size: measure(size, Path(tmp)) for size in args.sizes}
    print("incremental crawl of the sample portal: edition 1 in full, then edition 2")
    head = ("articles", "1st requests", "2nd requests", "listing pages", "revisits", "new stored")
    print("".join(f"{h:>15}" for h in head))
    for size, row in rows.items():
        second = row["second"]
        cells = (
            f"{size:,}",
            f"{row['first'].get('downloader/request_count', 0):,}",
            f"{second.get('downloader/request_count', 0):,}",
            f"{second.get('warta/pages/listing', 0):,}",
            f"{second.get('warta/incremental/revisits', 0):,}",
            f"{row['stored']} of {row['published']}",
        )
        print("".join(f"{cell:>15}" for cell in cells))
    small, large = (rows[size]["second"].get("downloader/request_count", 0) for size in args.sizes)
    ratio = large / small if small else float("inf")
    sizes = f"{args.sizes[1]:,} / at {args.sizes[0]:,}"
    print(f"second-run requests at {sizes}: {ratio:.2f} (must be <= 2)")


if __name__ == "__main__":
    main()
