"""The ``warta`` command's surface: help everywhere, and errors as one readable line."""

from __future__ import annotations

import gzip
import json
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from crawler.extraction import RECORD_KEYS
from storage import open_archive
from warta.cli import main, parse_overrides
from warta.crawl import new_log_file
from warta.demo import demo_port
from warta.setting_values import check_overrides


def all_commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


@pytest.mark.parametrize(("name", "command"), all_commands())
def test_every_command_has_help_text(name: str, command: click.Command) -> None:
    assert command.help, f"`warta {name}` lacks help text"
    assert len(command.help.strip()) > 20, f"`warta {name}` has a stub for help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage: main " + name in result.output or f"Usage: warta {name}" in result.output


def test_the_main_commands_exist() -> None:
    names = {name for name, _ in all_commands()}
    assert {"crawl", "extract", "sites", "runs", "demo", "sample-portal"} <= names


def test_unknown_site_is_one_line_listing_known_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "kota_antah", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: unknown site id 'kota_antah' (known: ")
    assert "sample_pemkot" in lines[0]


def test_unwritable_db_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("a file where a folder should be")
    result = CliRunner().invoke(main, ["crawl", "sample_pemkot", "--db", str(blocker / "x.db")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert str(blocker) in lines[0]
    assert "Traceback" not in result.output


def test_sites_lists_bundled_profiles() -> None:
    result = CliRunner().invoke(main, ["sites"])
    assert result.exit_code == 0
    ids = [line.split("\t")[0] for line in result.output.splitlines()]
    assert "sample_pemkot" in ids
    assert "sample_wordpress" in ids


def test_settings_overrides_parse_and_reject_garbage() -> None:
    assert parse_overrides(("DOWNLOAD_DELAY=0", "USER_AGENT=a=b")) == {
        "DOWNLOAD_DELAY": "0",
        "USER_AGENT": "a=b",
    }
    with pytest.raises(click.BadParameter):
        parse_overrides(("DOWNLOAD_DELAY",))


FIXTURES = Path(__file__).parent / "fixtures" / "sites"
SEED_TITLE = (
    "Pemkot Tangerang Raih Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik"
)


def test_extract_one_saved_page_prints_the_record() -> None:
    page = (
        FIXTURES
        / "sample_pemkot"
        / "article-2025-01-22-pemkot-raih-opini-ombudsman"
        / "page.html.gz"
    )
    result = CliRunner().invoke(main, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert list(record) == list(RECORD_KEYS)
    assert record["site_id"] == "sample_pemkot"  # picked by the URL in meta.json
    assert record["title"] == SEED_TITLE
    assert record["published_at"] == "2025-01-22T18:26:00+07:00"
    assert record["view_count"] == 61


def test_extract_folder_and_failures_give_one_line_each_in_order(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.html"
    broken = tmp_path / "rusak.html.gz"
    broken.write_bytes(b"not gzip at all")
    result = CliRunner().invoke(
        main, ["extract", str(FIXTURES / "sample_wordpress"), str(missing), str(broken)]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 4
    assert [line.get("site_id") for line in lines[:2]] == ["sample_wordpress", "sample_wordpress"]
    assert lines[0]["published_at"] == "2025-01-22T18:26:00+07:00"  # sorted: 22 January first
    assert lines[1]["author"] == "Dini Aryani"
    assert lines[2]["input"] == str(missing)
    assert lines[2]["error"].startswith("FileNotFoundError")
    assert lines[3]["input"] == str(broken)
    assert "error" in lines[3]


def test_extract_with_site_and_url_on_a_plain_html_file(tmp_path: Path) -> None:
    page = FIXTURES / "sample_pemkot" / "article-2025-01-23-posyandu-stunting" / "page.html.gz"
    plain = tmp_path / "halaman.html"
    plain.write_bytes(gzip.decompress(page.read_bytes()))
    url = "https://contoh.go.id/berita/3/posyandu?utm_source=whatsapp#komentar"
    result = CliRunner().invoke(
        main, ["extract", str(plain), "--site", "sample_pemkot", "--url", url]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["site_id"] == "sample_pemkot"
    assert record["view_count"] == 2150
    # the page's rel=canonical names another host, so the given URL, cleaned, is kept
    assert record["url"] == "https://contoh.go.id/berita/3/posyandu"


def test_runs_lists_newest_first_with_counts(tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    archive = open_archive(f"sqlite:///{db}")
    first = archive.start_run("sample_pemkot", site_id=None, args={})
    archive.finish_run(first, status="finished", stats={"warta/articles/new": 60})
    second = archive.start_run("sample_pemkot", site_id=None, args={})
    archive.finish_run(second, status="interrupted", stats={"warta/articles/unchanged": 12})
    archive.close()
    result = CliRunner().invoke(main, ["runs", "--db", str(db)])
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.split()[:2] == ["run", "status"]
    assert len(lines) == 2
    # ... pages, new, updated, unchanged, dropped, errors, health (not judged: "?")
    assert lines[0].split()[:2] == [f"#{second}", "interrupted"]
    assert lines[0].split()[-7:] == ["0", "0", "0", "12", "0", "-", "?"]
    assert lines[1].split()[:2] == [f"#{first}", "finished"]
    assert lines[1].split()[-7:] == ["0", "60", "0", "0", "0", "-", "?"]


def test_runs_on_a_missing_archive_says_so_and_creates_nothing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["runs", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no archive at {tmp_path / 'typo.db'}: ")
    assert list(tmp_path.iterdir()) == []


def test_runs_shows_a_killed_crawl_as_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    archive = open_archive(f"sqlite:///{db}")
    run_id = archive.start_run("sample_pemkot", site_id=None, args={})
    archive.close()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with closing(sqlite3.connect(db)) as conn, conn:  # as if that process had crawled, then died
        conn.execute("UPDATE crawl_runs SET pid = ?", (gone.pid,))
    result = CliRunner().invoke(main, ["runs", "--db", str(db)])
    assert result.output.splitlines()[1].split()[:2] == [f"#{run_id}", "interrupted"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("CONCURRENT_REQUESTS=abc", "-s CONCURRENT_REQUESTS='abc': not a whole number"),
        ("LOG_LEVEL=FOO", "-s LOG_LEVEL='FOO': use DEBUG, INFO, WARNING, ERROR or CRITICAL"),
        ("DOWNLOAD_DELAY=-1", "-s DOWNLOAD_DELAY='-1': must not be negative"),
        ("CONCURRENT_REQUESTS_PER_DOMAIN=0", "must be at least 1"),
        ("AUTOTHROTTLE_ENABLED=ya", "-s AUTOTHROTTLE_ENABLED='ya': use True or False"),
        ("DOWNLOAD_DELAYS=2", "no such Scrapy or Warta setting (did you mean DOWNLOAD_DELAY?)"),
        ("DOWNLOAD_TIMEOUT=nan", "not a finite number"),
        ("FEEDS=[1]", "give a JSON object"),
    ],
)
def test_a_bad_setting_is_a_usage_error_before_anything_starts(
    tmp_path: Path, setting: str, message: str
) -> None:
    db = tmp_path / "arsip.db"
    result = CliRunner().invoke(main, ["crawl", "sample_pemkot", "--db", str(db), "-s", setting])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not db.exists()  # nothing started, not even the archive


def test_good_settings_pass_and_log_level_is_made_upper_case() -> None:
    given = {"LOG_LEVEL": "debug", "DOWNLOAD_TIMEOUT": "7.5", "RETRY_TIMES": "0"}
    assert check_overrides(given) == {**given, "LOG_LEVEL": "DEBUG"}
    assert check_overrides({"RETRY_PRIORITY_ADJUST": "-3"})  # its default is negative


@pytest.mark.parametrize("limit", ["0", "-3", "tiga"])
def test_limit_must_be_a_positive_number(tmp_path: Path, limit: str) -> None:
    db = tmp_path / "arsip.db"
    result = CliRunner().invoke(main, ["crawl", "sample_pemkot", "--db", str(db), "--limit", limit])
    assert result.exit_code == 2
    assert "--limit" in result.output
    assert not db.exists()


def test_two_crawls_in_the_same_second_get_their_own_log(tmp_path: Path) -> None:
    now = datetime(2025, 1, 22, 18, 26, 0)
    url = f"sqlite:///{tmp_path}/warta.db"
    first, second, third = (new_log_file(url, now) for _ in range(3))
    assert first == tmp_path / "logs" / "crawl-20250122-182600.log"
    assert second == tmp_path / "logs" / "crawl-20250122-182600-2.log"
    assert third == tmp_path / "logs" / "crawl-20250122-182600-3.log"
    assert all(path.is_file() for path in (first, second, third))


def test_demo_takes_the_profile_port_when_free_else_any(tmp_path: Path) -> None:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", 8321))
        except OSError:
            pytest.skip("port 8321 is in use on this machine; the free case cannot be shown")
    assert demo_port("pemkot") == 8321  # what sample_pemkot.toml names
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 8321))
        taken.listen()
        assert demo_port("pemkot") == 0
