"""``warta demo``: the sample portal in a child process, crawled end to end into SQLite."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import click
from rich.console import Console
from rich.table import Table

from crawler.profiles import load_profile
from storage import display_url, open_archive
from storage.export_selection import ExportFilters
from storage.search import SearchFilters
from warta.crawl import new_log_file, run_crawl
from warta.export.run import ExportRequest, run_export
from warta.search_command import run
from warta.summary import headline, summary_table

# The sample portal is ours and on this machine: no need to wait between requests.
LOCAL_SPEED = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
}
PORTAL_START_TIMEOUT_S = 30
WIB = ZoneInfo("Asia/Jakarta")
DEMO_QUERY = "bantu"  # finds bantuan, membantu, dibantu: the stemmer at work


def demo_port(theme: str) -> int:
    """The port the theme's bundled profile names when it is free, so a second demo sees the
    same URLs as the first; else any free port (0)."""
    port = urlsplit(load_profile(f"sample_{theme}").base_url).port or 0
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return 0
    return port


@contextmanager
def sample_portal_process(
    *, articles: int, theme: str, seed: int = 1, port: int = 0, edition: int = 1
) -> Iterator[str]:
    """Run ``warta sample-portal`` on ``port`` (0: a free one); yields its base URL."""
    command = [
        sys.executable,
        "-m",
        "warta",
        "sample-portal",
        "--port",
        str(port),
        "--articles",
        str(articles),
        "--theme",
        theme,
        "--seed",
        str(seed),
        "--edition",
        str(edition),
    ]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        base_url = child.stdout.readline().strip()
        if not base_url.startswith("http://"):
            raise RuntimeError(f"the sample portal did not start (it printed {base_url!r})")
        yield base_url
    finally:
        child.terminate()
        child.wait(timeout=PORTAL_START_TIMEOUT_S)


def newest_articles(database_url: str, site_id: str) -> Table:
    """The five newest articles as the archive holds them, times shown in WIB."""
    archive = open_archive(database_url)
    latest = archive.latest_articles(5, site_id=site_id)
    archive.close()
    table = Table(title="Newest articles in the archive", title_justify="left")
    for column in ("published (WIB)", "views", "title"):
        table.add_column(column, justify="right" if column == "views" else "left")
    for article in latest:
        published = article["published_at"]
        shown = published.astimezone(WIB).strftime("%Y-%m-%d %H:%M") if published else "?"
        table.add_row(shown, str(article["view_count"]), article["title"])
    return table


def search_lines(database_url: str, site_id: str) -> list[str]:
    """What `warta search` prints for the demo's query on the portal just crawled, when the
    archive has a search index (SQLite)."""
    archive = open_archive(database_url)
    try:
        found = run(archive, DEMO_QUERY, SearchFilters(site_ids=(site_id,)), limit=3)
    except click.ClickException:  # an archive on PostgreSQL has no full-text index
        return []
    finally:
        archive.close()
    return [f"\n$ warta search {DEMO_QUERY!r} --site {site_id} --limit 3", *found]


def export_lines(database_url: str, site_id: str) -> list[str]:
    """The portal's articles exported as CSV with its datapackage.json, beside the archive
    file (replaced each time: the folder is the demo's own)."""
    if not database_url.startswith("sqlite:///"):
        return []
    out = Path(database_url.removeprefix("sqlite:///")).with_suffix("")
    out = out.with_name(f"{out.name}-export-csv")
    archive = open_archive(database_url)
    try:
        request = ExportRequest("csv", out, ExportFilters(site_ids=(site_id,)), force=True)
        done = run_export(archive, request)
    finally:
        archive.close()
    [table] = [r for r in done.resources if r.path == "articles.csv"]
    return [
        f"\n$ warta export --format csv --out {out} --site {site_id} --force",
        f"{done.articles} articles in {out / table.path}, described (SHA-256, field types,"
        f" filters, crawl runs) in {out / 'datapackage.json'}",
    ]


def run_demo(*, articles: int, theme: str, database_url: str, captures: dict[str, str]) -> str:
    """Crawl the sample portal into the archive; returns the run's status."""
    out = Console()
    site_id = f"sample_{theme}"
    port = demo_port(theme)
    with sample_portal_process(articles=articles, theme=theme, port=port) as base_url:
        out.print(f"Sample portal ({theme} theme, {articles} articles) at {base_url}")
        out.print(
            "Politeness relaxed for this local portal: "
            + ", ".join(f"{k}={v}" for k, v in LOCAL_SPEED.items())
        )
        result = run_crawl(
            site_id,
            database_url=database_url,
            base_url=base_url,
            overrides=LOCAL_SPEED | captures,
            log_file=new_log_file(database_url, datetime.now()),
            progress=sys.stderr.isatty(),
        )
    where = display_url(database_url)
    out.print(summary_table(result.stats, elapsed_s=result.elapsed_s))
    out.print(headline(result.stats), soft_wrap=True)
    out.print(f"Archive: {where}", soft_wrap=True)
    out.print(f"Scrapy's log: {result.log_file}", soft_wrap=True)
    out.print(newest_articles(database_url, site_id))
    for line in search_lines(database_url, site_id):
        click.echo(line)  # bold matches on a terminal, plain text elsewhere
    for line in export_lines(database_url, site_id):
        out.print(line, soft_wrap=True, highlight=False)
    out.print("\nLook at the archive:")
    on_file = database_url.startswith("sqlite:///")
    db_option = f" --db {where}" if on_file else ""
    hints = [f"  warta runs{db_option}   # again after a second `warta demo`: incremental"]
    if on_file:
        hints.insert(
            0,
            f'  sqlite3 {where} "SELECT published_local, view_count, title FROM articles_local '
            'ORDER BY published_at DESC LIMIT 5"',
        )
    hints.append(f"  warta history 1{db_option}   # revisions, views, captures, copies")
    hints.append(f'  warta search "bantuan OR banjir"{db_option} --count-by month')
    hints.append(
        f"  warta schedule add {site_id} --every 6h{db_option}   # then: warta schedule run"
    )
    if folder := captures.get("WARTA_CAPTURES_DIR"):
        hints.append(f"  warta captures verify{db_option}   # the WARC files in {folder}")
    if on_file:
        hints.append(f"  warta verify {where.removesuffix('.db')}-export-csv   # the export, again")
    hints.append(f"  warta serve{db_option}   # search and history in a browser")
    for hint in hints:
        out.print(hint, soft_wrap=True)
    return result.status
