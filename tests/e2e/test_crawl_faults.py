"""Bad input during a crawl: each fault gives a counted stat and a consistent archive."""

from __future__ import annotations

import json
import socket
import uuid
from pathlib import Path

import pytest

from pipelines.outcome import EXIT_CODES
from sample_portal import running_portal
from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.hostile_portal import (
    DISALLOW_ALL,
    SHIFT_JIS,
    Handler,
    crawl_profile,
    hit_count,
    hostile_portal,
)


def test_every_fault_is_counted_and_nothing_good_is_lost(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    with hostile_portal() as base_url:
        done = crawl_profile(run_warta, tmp_path, base_url, str(db), "-s", "RETRY_TIMES=1")
        hits = list(Handler.hits)
    # Some pages failed and one article could not be stored: partial, exit code 3.
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "1 article could not be stored (the log says why)." in done.stdout

    stored = {r["url"].removeprefix(base_url): r for r in rows(db, "SELECT * FROM articles")}
    # Good pages, the unreadable date, the windows-1252 page, the malformed page, the absurd
    # count, the essay tag and the mislabelled charset are kept; the slow, broken, missing,
    # PDF, empty and off-portal pages are not, nor the article whose canonical URL no index
    # can hold.
    assert sorted(stored) == [
        "berita/1-pasar-murah",
        "berita/10-html-rusak",
        "berita/12-dibaca-aneh",
        "berita/13-tag-panjang",
        "berita/15-shift-jis",
        "berita/2-tanggal-aneh",
        "berita/9-cp1252",
    ]
    mislabelled = stored["berita/15-shift-jis"]
    assert mislabelled["title"] == "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
    assert (
        "“Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala"
        in (mislabelled["body_text"])
    )
    assert "sembako – beras 5 kg" in mislabelled["body_text"]
    absurd = stored["berita/12-dibaca-aneh"]
    assert (absurd["view_count"], absurd["view_count_raw"]) == (None, "Dibaca : 081234567890123")
    tags = rows(
        db,
        "SELECT t.name FROM tags t JOIN article_tags a ON a.tag_id = t.id "
        "WHERE a.article_id = ? ORDER BY a.position",
        stored["berita/13-tag-panjang"]["id"],
    )
    assert [t["name"] for t in tags] == ["seleksi jabatan"]
    unreadable = stored["berita/2-tanggal-aneh"]
    assert unreadable["published_at"] is None
    assert unreadable["published_raw"] == "Tanggal: segera diumumkan"
    assert "\u201cbukti nyata\u201d" in stored["berita/9-cp1252"]["body_text"]
    assert "Petugas menimbang balita" in stored["berita/10-html-rusak"]["body_text"]
    # The sidebar's count (9.999) and date (6 Januari) belong to another article.
    assert {r["view_count"] for r in stored.values()} == {120, None}

    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    stats = json.loads(run["stats_json"])
    assert run["status"] == "partial"
    assert stats["warta/storage/refused/url_too_long"] == 1
    assert stats["warta/storage/fitted/view_count_implausible"] == 1
    assert stats["warta/storage/fitted/tag_too_long"] == 1
    assert stats["warta/errors/http_500"] == 1
    assert stats["warta/errors/http_404"] == 1
    assert stats["warta/errors/DownloadTimeoutError"] == 1
    assert stats["warta/pages/not_html"] == 1
    assert stats["warta/published/unparsed"] == 1
    assert stats["item_dropped_reasons_count/MissingBody"] == 1
    assert stats["offsite/filtered"] >= 1
    assert stats["robotstxt/forbidden"] == 1
    assert stats["warta/charset/header_overruled"] == 1  # the windows-1252 page is left be
    assert hit_count(hits, "/berita/4-rusak") == 2  # one retry, then given up
    assert hit_count(hits, "/berita/11-ditarik") == 0  # disallowed by robots.txt
    [log] = (tmp_path / "logs").glob("crawl-*.log")
    assert (
        f"{base_url}berita/15-shift-jis: header says {SHIFT_JIS}, page is utf-8 (meta charset)"
    ) in log.read_text(encoding="utf-8")
    assert "lapor.invalid" not in done.stdout


def test_robots_disallow_all_means_nothing_but_robots_txt_is_fetched(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    """With no profile, the crawl asks for the page, the home page, robots.txt and the
    sitemap at once; none but robots.txt may leave before robots.txt is known."""
    with hostile_portal(robots=DISALLOW_ALL) as base_url:
        done = run_warta("crawl", base_url, "--db", str(tmp_path / "a.db"), "--no-progress", *FAST)
        hits = list(Handler.hits)
    assert {hit.path for hit in hits} == {"/robots.txt"}
    assert done.returncode == 1  # nothing could be crawled
    [run] = rows(tmp_path / "a.db", "SELECT status, stats_json FROM crawl_runs")
    assert run["status"] == "failed"
    assert json.loads(run["stats_json"])["robotstxt/forbidden"] == 2  # the home page, /sitemap.xml


def test_a_portal_that_never_answers_is_a_failed_run(run_warta: RunWarta, tmp_path: Path) -> None:
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    db = tmp_path / "a.db"
    done = run_warta("crawl", f"http://127.0.0.1:{port}/", "--db", str(db), "--no-progress", *FAST)
    assert done.returncode == 1, done.stdout
    assert "No articles stored." in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    listed = run_warta("runs", "--db", str(db))
    assert listed.stdout.splitlines()[1].split()[:2] == ["#1", "failed"]


def test_limit_stores_exactly_that_many(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with running_portal(articles=60) as portal:
        done = run_warta(
            "crawl",
            "sample_pemkot",
            "--base-url",
            portal.base_url,
            "--db",
            str(db),
            "--no-progress",
            "--limit",
            "3",
            *FAST,
        )
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 3
    assert "3 new and 0 updated articles stored." in done.stdout
    # Scrapy's remote-control server (it runs code sent to it, and leaves token files in the
    # home directory after a kill) never starts.
    [log] = (tmp_path / "logs").glob("*.log")
    assert "remote_control" not in log.read_text()
    # The deleted article (404) on listing page 1 may or may not be asked for before the
    # crawl closes; the exit code says the same as the run either way.
    [run] = rows(db, "SELECT status FROM crawl_runs")
    assert run["status"] in ("finished", "partial")
    assert done.returncode == EXIT_CODES[run["status"]], done.stdout


def test_the_database_password_is_never_printed(run_warta: RunWarta, tmp_path: Path) -> None:
    """PostgreSQL here trusts local connections, so any password is accepted and must not show."""
    psycopg = pytest.importorskip("psycopg")
    server = "postgres@127.0.0.1:5432/test"
    try:
        admin = psycopg.connect(f"postgresql://{server}", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {server}: {exc}".splitlines()[0])
    schema = f"warta_pw_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    password = "Rahasia-s3cret"
    url = f"postgresql+psycopg://postgres:{password}@127.0.0.1:5432/test"
    try:
        with hostile_portal() as base_url:
            in_schema = f"{url}?options=-csearch_path%3D{schema}"
            done = crawl_profile(
                run_warta,
                tmp_path,
                base_url,
                in_schema,
                "-s",
                "RETRY_TIMES=0",
                "--captures",
                str(tmp_path / "captures"),
            )
        stored = admin.execute(f'SELECT count(*) FROM "{schema}".articles').fetchone()
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()
    assert stored == (7,)  # it did crawl into PostgreSQL, its captures into the folder named
    assert len(list((tmp_path / "captures").glob("*.warc.gz"))) == 1
    assert "Archive: postgresql+psycopg://postgres:***@127.0.0.1:5432/test?options=" in done.stdout
    logs = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log"))
    assert password not in done.stdout + done.stderr + logs
