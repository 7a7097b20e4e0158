"""Search at scale: building the index over an archive of 100,000 articles, the cost it adds to
saving one, and the latency of common queries through the code ``warta search`` runs and
over HTTP from ``warta serve``: the JSON API, the search page, and the counts per month and
portal that the page's chart asks for once the results are shown.

The articles are the sample portal's generated news (title, body, tags, author), spread over
four portals, written straight into the tables. The baselines: the same rows written without
the index (for the build), and saving without the index (for the cost per article). The
queries go through ``warta.search_command.run`` on an open archive, as the command does after
opening it; each is asked ``--rounds`` times and every answer timed.

    python benchmarks/bench_search.py [--articles 100000] [--rounds 5]
    WARTA_BENCH_QUICK=1 python benchmarks/bench_search.py     # 5,000 articles, a quick check
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Connection, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_portal import corpus
from storage import ArticleData, open_archive, search_index
from storage.search import SearchFilters
from storage.search_sql import FILTER_INDEX
from storage.search_text import stem
from warta.search_command import run

SITES = (("kota_a", "Asia/Jakarta"), ("kota_b", "Asia/Jakarta"), ("kab_c", "Asia/Makassar"))
SITES += (("prov_d", "Asia/Jakarta"),)
FETCHED_AT = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
FILTER_COLUMNS = "(id, published_at, site_id, author)"
SAVED = 1000  # articles saved through the save path, with and without the index
# Common searches on a municipal news archive: (query, filters, sort, count by).
NONE = SearchFilters()
QUERIES: list[tuple[str, SearchFilters, str, str | None]] = [
    ("banjir", NONE, "relevance", None),
    ("bangun jalan", NONE, "relevance", None),
    ("pembangunan", NONE, "relevance", None),
    ("kesehatan", NONE, "relevance", None),
    ('"bantuan sosial"', NONE, "relevance", None),
    ("stunting balita", NONE, "relevance", None),
    ("pasar murah OR sembako", NONE, "relevance", None),
    ("posyandu imunisasi", NONE, "relevance", None),
    ("sampah -bank", NONE, "relevance", None),
    ("pelantikan pejabat", NONE, "relevance", None),
    ("vaksin*", NONE, "relevance", None),
    ("demam berdarah fogging", NONE, "relevance", None),
    ("wali kota", NONE, "relevance", None),
    ("kecamatan", NONE, "relevance", None),
    ("pajak daerah", NONE, "date", None),
    ("inflasi", SearchFilters(site_ids=("kota_a",)), "relevance", None),
    ("umkm", SearchFilters(since=date(2025, 6, 1), until=date(2025, 12, 31)), "relevance", None),
    ("kebersihan", SearchFilters(tag="lingkungan hidup"), "date", None),
    ("pelayanan", SearchFilters(author="yoga"), "relevance", None),
    ("banjir", NONE, "relevance", "month"),
    ("kesehatan", NONE, "relevance", "site"),
]


def article(number: int) -> ArticleData:
    page = corpus.article(1, number)
    head = page.summary
    site_id = SITES[number % len(SITES)][0]
    return ArticleData(
        url=f"https://{site_id}.go.id/berita/{number}/{head.slug}",
        site_id=site_id,
        title=head.title,
        body_text="\n\n".join(page.paragraphs),
        fetched_at=FETCHED_AT,
        published_at=head.published,
        view_count=head.view_count,
        tags=head.tags,
        author=head.author,
    )


def write_rows(conn: Connection, datas: list[ArticleData]) -> None:
    """The baseline: the articles and their tags as plain rows, no index."""
    names = sorted({tag for data in datas for tag in data.tags})
    conn.execute(text("INSERT INTO tags (name) VALUES (:name)"), [{"name": n} for n in names])
    tag_ids: dict[str, int] = dict(conn.execute(text("SELECT name, id FROM tags")).all())
    rows = [
        {"id": i, "url": d.url, "site_id": d.site_id, "title": d.title, "body": d.body_text}
        | {"published": _instant(d.published_at), "views": d.view_count, "author": d.author}
        for i, d in enumerate(datas, start=1)
    ]
    conn.execute(
        text(
            "INSERT INTO articles (id, url, site_id, title, body_text, published_at, view_count,"
            " author, content_hash, first_seen_at, last_seen_at, fetched_at, revision_count)"
            " VALUES (:id, :url, :site_id, :title, :body, :published, :views, :author, '', :at,"
            " :at, :at, 1)"
        ),
        [row | {"at": _instant(FETCHED_AT)} for row in rows],
    )
    links = [
        {"article": i, "tag": tag_ids[name], "position": position}
        for i, data in enumerate(datas, start=1)
        for position, name in enumerate(dict.fromkeys(data.tags))
    ]
    conn.execute(
        text("INSERT INTO article_tags VALUES (:article, :tag, :position)"),
        links,
    )


def _instant(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00") if value else None


def file_bytes(path: Path, conn: Connection) -> int:
    conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return path.stat().st_size


def save_cost(archive: Any, first: int) -> tuple[float, float]:
    """ms per article saved (batches of 50, clusters and all) with and without the index,
    alternating chunks so both see the same archive and machine."""
    spent = {True: 0.0, False: 0.0}
    indexed = search_index.add
    try:
        for start in range(first, first + SAVED, 100):
            for with_index, offset in ((True, 0), (False, 50)):
                search_index.add = indexed if with_index else (lambda *_: None)  # type: ignore[assignment]
                batch = [article(n) for n in range(start + offset, start + offset + 50)]
                began = time.perf_counter()
                archive.save_articles(batch)
                spent[with_index] += time.perf_counter() - began
    finally:
        search_index.add = indexed  # type: ignore[assignment]
    half = SAVED / 2
    return 1000 * spent[True] / half, 1000 * spent[False] / half


def latencies(archive: Any, rounds: int) -> dict[str, list[float]]:
    timed: dict[str, list[float]] = {}
    for _ in range(rounds):
        for query, filters, sort, by in QUERIES:
            began = time.perf_counter()
            run(archive, query, filters, sort=sort, by=by)  # type: ignore[arg-type]
            timed.setdefault(_label(query, filters, sort, by), []).append(
                1000 * (time.perf_counter() - began)
            )
    return timed


@contextmanager
def served(path: Path) -> Iterator[str]:
    """``warta serve`` on the archive, in its own process, as a journalist would start it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "warta", "serve", "--db", str(path), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/search?q=kota", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("warta serve did not answer within 30 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def http_latencies(base: str, route: str, rounds: int) -> list[float]:
    """ms per answer of ``route`` for each query, every round."""
    timed: list[float] = []
    for _ in range(rounds):
        for query, filters, sort, _by in QUERIES:
            params: dict[str, str] = {"q": query, "sort": sort}
            params |= {"site": filters.site_ids[0]} if filters.site_ids else {}
            params |= {
                k: str(v) for k in ("since", "until", "tag", "author") if (v := getattr(filters, k))
            }
            began = time.perf_counter()
            with urllib.request.urlopen(f"{base}{route}?{urlencode(params)}", timeout=30) as r:
                r.read()
            timed.append(1000 * (time.perf_counter() - began))
    return timed


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _label(query: str, filters: SearchFilters, sort: str, by: str | None) -> str:
    extra = [f"{k}={v}" for k, v in vars(filters).items() if v not in ((), None)]
    extra += [f"sort={sort}"] if sort != "relevance" else []
    extra += [f"count-by={by}"] if by else []
    return " ".join([query, *extra])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    quick = bool(os.environ.get("WARTA_BENCH_QUICK"))
    parser.add_argument("--articles", type=int, default=5_000 if quick else 100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    size = args.articles
    began = time.perf_counter()
    datas = [article(n) for n in range(1, size + 1)]
    generated_s = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        archive = open_archive(f"sqlite:///{path}")
        for site_id, zone in SITES:
            archive.ensure_site(site_id, timezone=zone)
        with archive.engine.begin() as conn:
            conn.execute(text(f"DROP INDEX {FILTER_INDEX}"))  # search's too: built below
            began = time.perf_counter()
            write_rows(conn, datas)
        rows_s = time.perf_counter() - began
        with archive.engine.connect() as conn:
            rows_bytes = file_bytes(path, conn)
        with archive.engine.begin() as conn:
            began = time.perf_counter()
            conn.execute(text(f"CREATE INDEX {FILTER_INDEX} ON articles {FILTER_COLUMNS}"))
            search_index.rebuild(conn)
        index_s = time.perf_counter() - began
        with archive.engine.connect() as conn:
            index_bytes = file_bytes(path, conn)
        words = stem.cache_info().currsize
        chars = statistics.mean(len(d.title) + len(d.body_text) for d in datas)
        timed = latencies(archive, args.rounds)
        with served(path) as base:
            over_http = {
                route: http_latencies(base, route, args.rounds)
                for route in ("/api/search", "/", "/api/search/counts")
            }
        with_index, without = save_cost(archive, size + 1)
        archive.close()
    print(f"{size:,} generated articles (sample portal news, {chars:,.0f} characters each on")
    print(f"average, {words:,} different words), made in {generated_s:.1f} s")
    print(f"{'writing the rows, no index (baseline)':<44}{rows_s:>8.1f} s")
    print(f"{'building the search index over them':<44}{index_s:>8.1f} s")
    print(f"index build / writing the rows: {index_s / rows_s:.2f}")
    print(
        f"archive file: {rows_bytes / 2**20:,.0f} MiB without the index, "
        f"{index_bytes / 2**20:,.0f} MiB with it ({(index_bytes - rows_bytes) / size:,.0f} "
        "bytes per article)"
    )
    print(
        f"saving {SAVED:,} more (batches of 50, clusters and all): {with_index:.2f} ms per "
        f"article with the index, {without:.2f} without (ratio {with_index / without:.2f})"
    )
    samples = [ms for values in timed.values() for ms in values]
    print(f"\n{len(QUERIES)} queries x {args.rounds} rounds through `warta search`'s code path")
    for name, values in timed.items():
        print(f"  {name:<58}{statistics.median(values):>8.1f} ms")
    print("\nlatency (target p95 < 100 ms)                   median      p95")
    rows = [("warta search (CLI code path)", samples)]
    rows += [(f"HTTP GET {route} (warta serve)", ms) for route, ms in over_http.items()]
    for name, ms in rows:
        print(f"  {name:<44}{statistics.median(ms):>8.1f} ms{p95(ms):>8.1f} ms")


if __name__ == "__main__":
    main()
