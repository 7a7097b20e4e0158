"""Crawl throughput: Warta's full pipeline into SQLite against a bare Scrapy spider that
fetches the same URLs, both against the sample portal in the same run; plus peak memory.

    python benchmarks/bench_crawl.py [--articles 2000] [--memory-articles 10000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warta.demo import sample_portal_process

HERE = Path(__file__).parent
# Politeness off: the portal is ours, on this machine, and speed is what is measured.
UNTHROTTLED = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "ROBOTSTXT_OBEY": True,
}


# Runs `warta` in a child that reports its own peak RSS (in KB on Linux) as its last line.
PEAK_WRAPPER = (
    "import resource, runpy, sys\n"
    "sys.argv = ['warta', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('warta', run_name='__main__')\n"
    "except SystemExit as exit:\n    assert exit.code in (None, 0, 3), exit.code  # 3: partial\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def run_child(command: list[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{command[:4]} failed:\n{done.stderr[-2000:]}")
    return done


def warta_crawl(base_url: str, db: Path) -> tuple[dict[str, float], int]:
    settings = [arg for k, v in UNTHROTTLED.items() for arg in ("-s", f"{k}={v}")]
    command = [
        sys.executable,
        "-c",
        PEAK_WRAPPER,
        "crawl",
        "sample_pemkot",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--no-progress",
        *settings,
    ]
    peak_mb = int(run_child(command).stderr.strip().splitlines()[-1]) // 1024
    connection = sqlite3.connect(db)
    (stats_json,) = connection.execute(
        "SELECT stats_json FROM crawl_runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    connection.close()
    return json.loads(stats_json), peak_mb


def bare_crawl(base_url: str) -> dict[str, float]:
    done = run_child(
        [sys.executable, str(HERE / "bare_spider.py"), base_url, json.dumps(UNTHROTTLED)]
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def rate(stats: dict[str, float]) -> float:
    return stats["response_received_count"] / stats["elapsed_time_seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory-articles", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with sample_portal_process(articles=args.articles, theme="pemkot") as base_url:
            bare = bare_crawl(base_url)
            warta, _ = warta_crawl(base_url, Path(tmp) / "speed.db")
        with sample_portal_process(articles=args.memory_articles, theme="pemkot") as base_url:
            big, peak_mb = warta_crawl(base_url, Path(tmp) / "memory.db")
    print(f"crawl of the sample portal, {args.articles} articles, politeness off")
    print(f"{'spider':<28}{'pages':>8}{'seconds':>10}{'pages/s':>10}")
    for name, stats in (("bare Scrapy (fetch only)", bare), ("Warta (full pipeline)", warta)):
        print(
            f"{name:<28}{int(stats['response_received_count']):>8}"
            f"{stats['elapsed_time_seconds']:>10.1f}{rate(stats):>10.1f}"
        )
    print(f"ratio Warta / bare: {rate(warta) / rate(bare):.2f}  (target >= 0.70)")
    print(f"articles stored: {int(warta.get('warta/articles/new', 0))} of {args.articles}")
    print(
        f"peak memory, {args.memory_articles} articles: {peak_mb} MB  (target < 300 MB); "
        f"{int(big.get('warta/articles/new', 0))} stored at {rate(big):.1f} pages/s"
    )


if __name__ == "__main__":
    main()
