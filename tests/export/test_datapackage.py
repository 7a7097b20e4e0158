"""Every export's datapackage.json validates with Frictionless and says what it holds."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from tests.export.conftest import Stored, exported

EXTRA = ("--with-revisions", "--with-views")
CASES = {
    "jsonl": EXTRA,
    "csv": EXTRA,
    "parquet": EXTRA,
    "parquet-partitioned": (*EXTRA, "--partitioned"),
    "warc": (),
    "wacz": (),
}


# Frictionless leaves file handles for the garbage collector; pytest would fail on that.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("case", list(CASES))
def test_frictionless_validates_it(stored: Stored, tmp_path: Path, case: str) -> None:
    fmt = case.split("-")[0]
    out = exported(stored, tmp_path / "out", "--format", fmt, *CASES[case])
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])


def test_the_frictionless_command_says_valid(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "csv", "--with-revisions")
    done = subprocess.run(
        [Path(sys.executable).with_name("frictionless"), "validate", "datapackage.json"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# Frictionless leaves file handles for the garbage collector; pytest would fail on that.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_changed_file_fails_frictionless_too(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "jsonl")
    with (out / "articles.jsonl").open("a", encoding="utf-8") as found:
        found.write(json.dumps({"id": 99}) + "\n")
    report = frictionless.validate(str(out / "datapackage.json"))
    kinds = {error[0] for error in report.flatten(["type"])}
    assert {"hash-count", "byte-count", "row-count"} <= kinds


def test_what_it_records(stored: Stored, tmp_path: Path) -> None:
    out = exported(
        stored,
        tmp_path / "out",
        *("--format", "jsonl", "--with-views", "--site", "kota_tangerang"),
        *("--since", "2025-01-01", "--query", "pasar OR bansos"),
    )
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    [articles, views] = package["resources"]
    raw = (out / "articles.jsonl").read_bytes()
    assert articles["path"] == "articles.jsonl"
    assert articles["rows"] == 2  # pasar and rilis-a: dated, on kota_tangerang, matching
    assert articles["bytes"] == len(raw)
    assert articles["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    fields = {field["name"]: field for field in articles["schema"]["fields"]}
    assert fields["published_at"]["type"] == "datetime"
    assert fields["published_at"]["description"].endswith("(UTC)")
    assert fields["tags"]["type"] == "array"
    assert fields["view_count"]["type"] == "integer"
    assert all(field["description"] for field in fields.values())
    assert articles["schema"]["primaryKey"] == ["id"]
    assert views["rows"] == 2
    warta = package["warta"]
    assert warta["version"] == "0.1.0"
    assert warta["filters"] == {
        "site_ids": ["kota_tangerang"],
        "since": "2025-01-01",
        "until": None,
        "tag": None,
        "query": "pasar OR bansos",
        "one_per_cluster": False,
    }
    assert warta["command"] == (
        "warta export --format jsonl --out DIR --site kota_tangerang --since 2025-01-01 "
        "--query 'pasar OR bansos' --with-views"
    )
    assert warta["coverage"]["articles"] == 2
    assert warta["coverage"]["published_first"] == "2025-01-22T11:26:00+00:00"
    assert warta["coverage"]["published_last"] == "2025-01-23T01:00:00+00:00"
    assert warta["coverage"]["undated"] == 0
    assert [run["id"] for run in warta["crawl_runs"]] == [stored.run_id]
    assert warta["crawl_runs"][0]["status"] == "finished"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Warta export (jsonl): 2 articles from 1 portal\n")
    assert hashlib.sha256(raw).hexdigest() in readme
    assert "| `published_local` | datetime |" in readme


def test_files_are_counted_as_their_format_counts(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "warc")
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    counts = {r["path"]: (r["type"], r["warta:records"]) for r in package["resources"]}
    assert counts == {"warta-export.warc.gz": ("file", 21), "warta-export.cdxj": ("file", 12)}
    assert "1 selected article has no capture" in package["resources"][0]["description"]
    assert set(package["warta"]["software"]) == {"warta", "warcio", "cdxj-indexer", "zlib"}
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Fields of the metadata records' JSON (one article each)" in readme
