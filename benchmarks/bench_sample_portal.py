"""Requests per second the sample portal serves: article pages over keep-alive connections.

Starts ``python -m sample_portal --port 0`` in a subprocess and drives it from client
processes on 127.0.0.1 only; every run is bounded by --requests.

    .venv/bin/python benchmarks/bench_sample_portal.py --articles 100000 --requests 4000
"""

from __future__ import annotations

import argparse
import http.client
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit


def _client(base_url: str, paths: list[str]) -> int:
    """GET each path on one keep-alive connection; returns the count of 200 answers."""
    parts = urlsplit(base_url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("the benchmark only talks to a local portal")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    ok = 0
    for path in paths:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        ok += response.status == 200
    conn.close()
    return ok


def _article_paths(theme: str, articles: int, count: int, order: str) -> list[str]:
    """Article URLs newest first (a crawl's order) or spread over all ids (worst case)."""
    sys.path.insert(0, ".")
    from sample_portal import corpus, pemkot_layout, wordpress_layout

    step = max(1, articles // count) if order == "spread" else 1
    # skip fail-once ids so every request is a plain 200
    ids = [i for i in range(articles, 0, -step) if i % 97 != 50][:count]
    summaries = [corpus.summary(1, i) for i in ids]
    if theme == "wordpress":
        return [wordpress_layout.article_path(1, s) for s in summaries]
    return [pemkot_layout.article_path(s) for s in summaries]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--theme", choices=("pemkot", "wordpress"), default="pemkot")
    parser.add_argument("--requests", type=int, default=4000, help="total, across clients")
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--order", choices=("newest", "spread"), default="newest")
    args = parser.parse_args()

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sample_portal",
            "--port",
            "0",
            "--articles",
            str(args.articles),
            "--theme",
            args.theme,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        paths = _article_paths(args.theme, args.articles, args.requests, args.order)
        size = -(-len(paths) // args.clients)  # each client walks its own newest-first run
        chunks = [paths[i * size : (i + 1) * size] for i in range(args.clients)]
        _client(base_url, paths[:20])  # warm up (imports, first-request work)
        with ProcessPoolExecutor(args.clients) as pool:
            start = time.perf_counter()
            ok = sum(pool.map(_client, [base_url] * args.clients, chunks))
            elapsed = time.perf_counter() - start
        print(
            f"{args.theme}, {args.articles:,} articles, {args.order}: {len(paths)} article pages "
            f"({ok} x 200) in {elapsed:.2f} s over {args.clients} keep-alive clients "
            f"= {len(paths) / elapsed:,.0f} requests/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
