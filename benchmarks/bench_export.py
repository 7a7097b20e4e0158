"""Exporting at scale: rows/s and peak memory of ``warta export`` per format, at 10,000 and
100,000 articles; memory must not grow with the row count.

Each archive is the sample portal's generated news (title, body, tags, author, a revision and
a view count each) over four portals, written straight into the tables, with a WARC capture
per article (its page written with ``storage.warc.WarcFiles``, as a crawl writes it, into
64 MiB files) indexed in ``captures``. Each export runs in its own child process, through
``warta.export.run.run_export`` (the command's code path, without the progress bar); its
peak resident memory is the child's ``ru_maxrss`` from ``os.wait4``. A child that imports
everything and opens the archive but exports nothing gives the floor every run starts from.

    python benchmarks/bench_export.py [--sizes 10000 100000] [--formats jsonl csv ...]
    WARTA_BENCH_QUICK=1 python benchmarks/bench_export.py     # 1,000 and 5,000 articles
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if TYPE_CHECKING:
    from sqlalchemy import Connection

    from storage.warc import CaptureRef, WarcFiles

# The parent imports little and builds each archive in a child: a child's ru_maxrss starts
# from its parent's resident memory (Linux keeps it across fork and exec), so the parent must
# stay smaller than any child it measures.

FORMATS = ("jsonl", "csv", "parquet", "warc", "wacz")
SITES: tuple[tuple[str, str], ...] = (
    ("kota_a", "Asia/Jakarta"),
    ("kota_b", "Asia/Jakarta"),
    ("kab_c", "Asia/Makassar"),
    ("prov_d", "Asia/Jakarta"),
)
FETCHED_AT = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
ROTATE_BYTES = 64 << 20
BATCH = 2_000


def _instant(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00") if value else None


def build(folder: Path, size: int) -> Path:
    """An archive of ``size`` articles with a capture each; returns its database file."""
    from storage import open_archive
    from storage.warc import WarcFiles

    db = folder / "warta.db"
    archive = open_archive(f"sqlite:///{db}")
    for site_id, zone in SITES:
        archive.ensure_site(site_id, timezone=zone)
    files = WarcFiles(folder / "warta-captures", started=FETCHED_AT, rotate_bytes=ROTATE_BYTES)
    tag_ids: dict[str, int] = {}
    with archive.engine.begin() as conn:
        for start in range(1, size + 1, BATCH):
            numbers = range(start, min(start + BATCH, size + 1))
            _write_batch(conn, files, numbers, tag_ids)
    files.close()
    archive.close()
    return db


def _write_batch(
    conn: Connection, files: WarcFiles, numbers: range, tag_ids: dict[str, int]
) -> None:
    from sqlalchemy import text

    from sample_portal import corpus
    from storage.warc import PlainExchange as Page

    articles, links, revisions, views, captures = [], [], [], [], []
    for n in numbers:
        page = corpus.article(1, n)
        head = page.summary
        site_id = SITES[n % len(SITES)][0]
        url = f"https://{site_id}.go.id/berita/{n}/{head.slug}"
        body = "\n\n".join(page.paragraphs)
        at = FETCHED_AT + timedelta(seconds=n)
        row = {"id": n, "url": url, "site_id": site_id, "title": head.title, "body": body}
        row |= {"published": _instant(head.published), "views": head.view_count}
        row |= {"author": head.author, "at": _instant(at), "hash": f"{n:064x}"}
        articles.append(row)
        revisions.append({"article": n, "title": head.title, "body": body, "at": _instant(at)})
        views.append({"article": n, "views": head.view_count, "at": _instant(at)})
        for position, name in enumerate(dict.fromkeys(head.tags)):
            if name not in tag_ids:
                conn.execute(text("INSERT INTO tags (name) VALUES (:name)"), {"name": name})
                tag_ids[name] = len(tag_ids) + 1
            links.append({"article": n, "tag": tag_ids[name], "position": position})
        html = f"<html><head><title>{head.title}</title></head><body><h1>{head.title}</h1>"
        html += "".join(f"<p>{p}</p>" for p in page.paragraphs) + "</body></html>"
        captures.append((files.write(Page(url, html.encode(), at)), n))
    conn.execute(
        text(
            "INSERT INTO articles (id, url, site_id, title, body_text, published_at, view_count,"
            " author, content_hash, first_seen_at, last_seen_at, fetched_at, revision_count,"
            " cluster_id) VALUES (:id, :url, :site_id, :title, :body, :published, :views,"
            " :author, :hash, :at, :at, :at, 1, :id)"
        ),
        articles,
    )
    conn.execute(text("INSERT INTO article_tags VALUES (:article, :tag, :position)"), links)
    conn.execute(
        text(
            "INSERT INTO revisions (article_id, revision_no, content_hash, title, body_text,"
            " fetched_at, source) VALUES (:article, 1, '', :title, :body, :at, 'crawl')"
        ),
        revisions,
    )
    conn.execute(
        text(
            "INSERT INTO view_counts (article_id, observed_at, view_count)"
            " VALUES (:article, :at, :views)"
        ),
        views,
    )
    conn.execute(
        text(
            "INSERT INTO captures (url, warc_file, offset, length, record_type, record_id,"
            " status, content_type, fetched_at, payload_digest, article_id) VALUES (:url,"
            " :warc_file, :offset, :length, :record_type, :record_id, :status, :content_type,"
            " :fetched_at, :payload_digest, :article_id)"
        ),
        [_capture_row(ref, article_id) for ref, article_id in captures],
    )


def _capture_row(ref: CaptureRef, article_id: int) -> dict[str, Any]:
    row = {k: v for k, v in vars(ref).items() if k != "refers_to"}
    return row | {"fetched_at": _instant(ref.fetched_at), "article_id": article_id}


def child(db: str, fmt: str, out: str) -> None:
    """One export in this process; prints what it did, and its memory before it began."""
    from storage import open_archive
    from storage.export_rows import count_articles
    from storage.export_selection import ExportFilters, select_articles
    from warta.export.registry import exporter
    from warta.export.run import ExportRequest, run_export

    archive = open_archive(f"sqlite:///{db}")
    exporter(fmt)  # its libraries imported (pyarrow, py-wacz): the floor the export starts on
    with archive.engine.connect() as conn:
        count_articles(conn, select_articles(conn, ExportFilters()))
    start_mib = _rss_mib()
    began = time.perf_counter()
    captures = Path(db).with_name("warta-captures")
    done = run_export(archive, ExportRequest(fmt, Path(out), captures=captures))
    seconds = time.perf_counter() - began
    archive.close()
    size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    found = {"rows": done.articles, "seconds": seconds, "bytes": size, "start_mib": start_mib}
    print(json.dumps(found))


def _rss_mib() -> float:
    """This process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(db: Path, fmt: str, out: Path) -> dict[str, Any]:
    """Run one export in a child; its own peak RSS comes from wait4, not from this process."""
    args = [sys.executable, __file__, "--child", str(db), fmt, str(out)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    said = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"export {fmt} failed with {process.returncode}")
    found: dict[str, Any] = json.loads(said.strip().splitlines()[-1])
    found["peak_mib"] = usage.ru_maxrss / 1024  # Linux reports KiB
    shutil.rmtree(out, ignore_errors=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    quick = bool(os.environ.get("WARTA_BENCH_QUICK"))
    parser.add_argument(
        "--sizes", type=int, nargs=2, default=[1_000, 5_000] if quick else [10_000, 100_000]
    )
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--child", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, metavar=("DIR", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.build:
        build(Path(args.build[0]), int(args.build[1]))
        return
    results: dict[tuple[str, int], dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            began = time.perf_counter()
            db = folder / "warta.db"
            subprocess.run(
                [sys.executable, __file__, "--build", str(folder), str(size)], check=True
            )
            captured = sum(p.stat().st_size for p in (folder / "warta-captures").iterdir())
            print(
                f"{size:,} articles generated with their captures in "
                f"{time.perf_counter() - began:.0f} s ({captured / 2**20:,.0f} MiB of WARC)",
                flush=True,
            )
            for fmt in args.formats:
                done = results[(fmt, size)] = measure(db, fmt, folder / "out")
                print(
                    f"  {fmt:<8}{done['seconds']:7.1f} s, peak {done['peak_mib']:.0f} MiB "
                    f"({done['start_mib']:.0f} before it began)",
                    flush=True,
                )
            shutil.rmtree(folder)
    report(args.sizes, args.formats, results)


def report(
    sizes: list[int], formats: list[str], results: dict[tuple[str, int], dict[str, Any]]
) -> None:
    small, large = sizes
    print(f"\nwarta export of {small:,} and {large:,} articles, a child process per run")
    print(f"{'':<9}{'rows/s':>18}{'peak MiB':>18}{'growth MiB':>18}{'':>7}{'out':>8}")
    print(
        f"{'format':<9}{small:>9,}{large:>9,}{small:>9,}{large:>9,}{small:>9,}{large:>9,}"
        f"{'ratio':>7}{'MiB':>8}"
    )
    for fmt in formats:
        runs = results[(fmt, small)], results[(fmt, large)]
        rates = [f"{run['rows'] / run['seconds']:>9,.0f}" for run in runs]
        peaks = [f"{run['peak_mib']:>9.0f}" for run in runs]
        growth = [f"{run['peak_mib'] - run['start_mib']:>9.0f}" for run in runs]
        ratio = runs[1]["peak_mib"] / runs[0]["peak_mib"]
        out_mib = runs[1]["bytes"] / 2**20
        print(f"{fmt:<9}{''.join(rates + peaks + growth)}{ratio:>7.2f}{out_mib:>8.0f}")
    print(
        "peak: the child's ru_maxrss; growth: peak minus its memory just before the export "
        "(archive open,\nlibraries imported); ratio: peak at the larger size / at the smaller "
        "(flat memory is ~1.0)"
    )


if __name__ == "__main__":
    main()
