"""WARC captures of a real crawl: indexed, read by warcio, revisited, verified, crash-safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sample_portal import running_portal
from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.test_crawl_interrupted import start_crawl, wait_for_articles

ARTICLES = 40


def crawl(run_warta: RunWarta, base_url: str, db: Path, *args: str) -> None:
    done = run_warta(
        "crawl",
        "sample_pemkot",
        "--base-url",
        base_url,
        "--db",
        str(db),
        "--no-progress",
        *FAST,
        *args,
    )
    # partial: listing page 1 links a deleted article (404) on purpose
    assert done.returncode == 3, done.stdout + done.stderr


def warcio_records(folder: Path) -> list[dict[str, str]]:
    files = sorted(str(p) for p in folder.glob("*.warc.gz"))
    done = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "index", "-f", "warc-type,warc-target-uri", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_crawl_and_a_recrawl_keep_what_the_portal_sent(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "arsip.db"
    folder = tmp_path / "arsip-captures"
    with running_portal(articles=ARTICLES) as portal:
        crawl(run_warta, portal.base_url, db)
        crawl(run_warta, portal.base_url, db, "--full")  # every page again, unconditionally
        deleted = f"{portal.base_url}berita/999999/"

    captures = rows(db, "SELECT * FROM captures ORDER BY id")
    first, second = captures[: ARTICLES + 1], captures[ARTICLES + 1 :]
    # Every article page once per crawl, and the deleted article's 404 page as evidence.
    assert len(captures) == 2 * (ARTICLES + 1)
    assert {c["record_type"] for c in first} == {"response"}
    assert {c["record_type"] for c in second} == {"revisit"}  # the portal sent the same bytes
    assert sorted(c["status"] for c in first) == [200] * ARTICLES + [404]
    [gone] = [c for c in first if c["status"] == 404]
    assert gone["url"].startswith(deleted)
    assert gone["article_id"] is None
    linked = rows(db, "SELECT article_id, count(*) AS n FROM captures GROUP BY article_id")
    assert {r["n"] for r in linked if r["article_id"] is not None} == {2}
    assert len([r for r in linked if r["article_id"] is not None]) == ARTICLES
    by_id = {c["id"]: c for c in captures}
    for revisit in second:
        original = by_id[revisit["refers_to_id"]]
        assert (original["url"], original["payload_digest"]) == (
            revisit["url"],
            revisit["payload_digest"],
        )
        assert revisit["length"] < 1000 < original["length"]
    assert {c["warc_file"] for c in captures} == {p.name for p in folder.iterdir()}

    read = warcio_records(folder)
    assert [r["warc-type"] for r in read].count("response") == ARTICLES + 1
    assert [r["warc-type"] for r in read].count("revisit") == ARTICLES + 1
    assert [r["warc-type"] for r in read].count("request") == 2 * (ARTICLES + 1)

    verified = run_warta("captures", "verify", "--db", str(db))
    assert verified.returncode == 0, verified.stdout
    assert verified.stdout.endswith(
        f"{2 * (ARTICLES + 1)} records checked in {folder}: 0 problems\n"
    )


def test_verify_finds_a_changed_file(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    with running_portal(articles=5) as portal:
        crawl(run_warta, portal.base_url, db)
    [path] = (tmp_path / "arsip-captures").iterdir()
    last = rows(db, "SELECT offset, length FROM captures ORDER BY offset DESC LIMIT 1")[0]
    data = bytearray(path.read_bytes())
    data[last["offset"] + last["length"] // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    verified = run_warta("captures", "verify", "--db", str(db))
    assert verified.returncode == 1
    lines = verified.stdout.splitlines()
    assert lines[0].startswith(f"{path.name}@{last['offset']}: ")
    assert lines[-1] == f"6 records checked in {tmp_path / 'arsip-captures'}: 1 problems"


def test_capture_all_keeps_listings_too_and_no_captures_keeps_nothing(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    everything, nothing = tmp_path / "semua.db", tmp_path / "kosong.db"
    with running_portal(articles=12) as portal:
        crawl(run_warta, portal.base_url, everything, "--capture", "all")
        crawl(run_warta, portal.base_url, nothing, "--no-captures")
    captures = rows(everything, "SELECT url, article_id FROM captures")
    assert len([c for c in captures if c["article_id"] is not None]) == 12
    listings = [
        c["url"] for c in captures if "/berita?page=" in c["url"] or c["url"].endswith("/berita")
    ]
    assert listings  # the news listing and its pages were kept too
    assert rows(nothing, "SELECT count(*) AS n FROM captures")[0]["n"] == 0
    assert not (tmp_path / "kosong-captures").exists()


def test_a_database_server_archive_must_name_its_captures_folder(run_warta: RunWarta) -> None:
    done = run_warta("crawl", "sample_pemkot", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert done.returncode == 2
    assert "--captures DIR or $WARTA_CAPTURES_DIR (or --no-captures)" in done.stderr


def test_a_killed_crawl_leaves_no_row_pointing_at_a_torn_record(tmp_path: Path) -> None:
    db = tmp_path / "warta.db"
    folder = tmp_path / "warta-captures"
    with running_portal(articles=300) as portal:
        crawl_process = start_crawl(portal.base_url, db)
        wait_for_articles(db, 50)
        os.kill(crawl_process.pid, signal.SIGKILL)
        crawl_process.communicate(timeout=60)
        verify = [sys.executable, "-m", "warta", "captures", "verify", "--db", str(db)]
        right_after = subprocess.run(verify, capture_output=True, text=True, check=False)
        assert right_after.returncode == 0, right_after.stdout  # every row: a whole record

        # As if the kill had landed in the middle of a write: half a record at the end.
        [path] = folder.iterdir()
        whole = path.read_bytes()
        path.write_bytes(whole + whole[: len(whole) // 3][-700:])
        time.sleep(1)  # the next crawl's file gets another name (its start second)
        again = start_crawl(portal.base_url, db)
        again.communicate(timeout=240)
    assert again.returncode == 3  # partial: the deleted article (404)
    # The tail is cut (and with it whatever the kill itself tore), every indexed record kept.
    mended = path.read_bytes()
    assert whole.startswith(mended)
    last = rows(
        db, "SELECT max(offset + length) AS end FROM captures WHERE warc_file = ?", path.name
    )
    assert len(mended) >= last[0]["end"]
    [run] = rows(db, "SELECT stats_json FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert json.loads(run["stats_json"])["warta/captures/torn_tails_cut"] == 1
    finally_ok = subprocess.run(verify, capture_output=True, text=True, check=False)
    assert finally_ok.returncode == 0, finally_ok.stdout
    assert len(warcio_records(folder)) > 0
    stored = rows(
        db, "SELECT count(DISTINCT article_id) AS n FROM captures WHERE article_id IS NOT NULL"
    )
    assert stored[0]["n"] == 300
