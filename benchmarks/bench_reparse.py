"""Re-extraction from captures: ``warta reparse`` against plain extraction of the same pages
read straight from the WARC files in memory, both in the same run; plus the bytes a capture
and a revisit record cost.

    python benchmarks/bench_reparse.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warcio.archiveiterator import ArchiveIterator

from crawler.extraction import extract_article
from crawler.extraction.decode import decode_html
from crawler.profiles import load_profile
from storage import open_archive
from warta.demo import sample_portal_process
from warta.reparse import reparse

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
FAST += ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"]


def crawl(base_url: str, db: Path) -> None:
    command = [sys.executable, "-m", "warta", "crawl", "sample_pemkot", "--base-url", base_url]
    done = subprocess.run(
        [*command, "--db", str(db), "--no-progress", *FAST], capture_output=True, text=True
    )
    if done.returncode not in (0, 3):
        sys.exit(f"crawl failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def plain_extraction(folder: Path) -> tuple[int, float]:
    """The baseline: every response record in the files, extracted, nothing else."""
    profile = load_profile("sample_pemkot")
    pages, started = 0, time.perf_counter()
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                    continue
                body = record.content_stream().read()
                html = decode_html(
                    body, content_type=record.http_headers.get_header("Content-Type")
                )
                url = record.rec_headers.get_header("WARC-Target-URI")
                extract_article(html, url, profile)
                pages += 1
    return pages, time.perf_counter() - started


def sizes(db: Path) -> dict[str, float]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT record_type, avg(length) FROM captures WHERE status = 200 GROUP BY record_type"
        ).fetchall()
    return dict(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "arsip.db"
        with sample_portal_process(articles=args.articles, theme="pemkot") as base_url:
            crawl(base_url, db)
            crawl(base_url, db)  # a re-crawl: unchanged pages become revisits
        folder = Path(tmp) / "arsip-captures"
        pages, plain_s = plain_extraction(folder)
        archive = open_archive(f"sqlite:///{db}")
        report = reparse(archive, folder, dry_run=True)
        archive.close()
        per_record = sizes(db)
    print(f"re-extraction of {args.articles} captured articles (latest capture a revisit)")
    print(f"{'':<34}{'pages':>8}{'seconds':>10}{'pages/s':>10}")
    print(f"{'extract from WARC in memory':<34}{pages:>8}{plain_s:>10.2f}{pages / plain_s:>10.1f}")
    print(
        f"{'warta reparse (index, revisit, compare)':<34}{report.read:>8}"
        f"{report.elapsed_s:>10.2f}{report.pages_per_s:>10.1f}"
    )
    print(f"ratio reparse / plain: {report.pages_per_s / (pages / plain_s):.2f}")
    print(
        f"bytes per record: response {per_record.get('response', 0):.0f}, "
        f"revisit {per_record.get('revisit', 0):.0f} (each followed by its request record)"
    )


if __name__ == "__main__":
    main()
