"""WACZ checked by py-wacz's own validator and read back: the WARC, the pages, the index,
and the dates Warta pins so that the same archive gives the same bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from tests.export.conftest import PASAR_BY_HAND, Stored, exported

WACZ = "warta-export.wacz"


def test_the_wacz_validator_passes(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "wacz")
    done = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(out / WACZ)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation succeeded, the passed WACZ is valid" in done.stdout


def test_it_holds_the_warc_export_a_page_per_article_and_an_index(
    stored: Stored, tmp_path: Path
) -> None:
    out = exported(stored, tmp_path / "wacz", "--format", "wacz")
    warc = exported(stored, tmp_path / "warc", "--format", "warc")
    with zipfile.ZipFile(out / WACZ) as package:
        names = package.namelist()
        inner = package.read("archive/warta-export.warc.gz")
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").splitlines()]
        index = gzip.decompress(package.read("indexes/index.cdx.gz")).decode()
    assert sorted(names) == [
        "archive/warta-export.warc.gz",
        "datapackage-digest.json",
        "datapackage.json",
        "indexes/index.cdx.gz",
        "indexes/index.idx",
        "pages/pages.jsonl",
    ]
    assert inner == (warc / "warta-export.warc.gz").read_bytes()  # the same WARC, unchanged
    assert pages[0] == {"format": "json-pages-1.0", "id": "pages", "title": "Articles"}
    assert len(pages) == 1 + 4  # a page per captured article
    assert pages[1] == {
        "id": f"article-{stored.ids['pasar']}",
        "url": PASAR_BY_HAND["url"],
        "ts": "2025-01-23T12:00:00Z",  # the capture its record was read from: the edit
        "title": "Pasar Anyar Dibuka",
    }
    dates = {
        (
            record.rec_headers.get_header("WARC-Target-URI"),
            record.rec_headers.get_header("WARC-Date"),
        )
        for record in ArchiveIterator(BytesIO(inner))
        if record.rec_type == "response"
    }
    assert all((page["url"], page["ts"]) in dates for page in pages[1:])
    assert "id,go,kota_tangerang)/berita/1/pasar 20250123120000 " in index


def test_dates_pinned_to_the_newest_capture(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "wacz")
    with zipfile.ZipFile(out / WACZ) as package:
        entries = package.infolist()
        described = package.read("datapackage.json")
        digest = json.loads(package.read("datapackage-digest.json"))
    # The 404 page, 2025-01-25 12:00 UTC, is the newest capture in the archive.
    assert {entry.date_time for entry in entries} == {(2025, 1, 25, 12, 0, 0)}
    assert {entry.external_attr >> 16 for entry in entries} == {0o644}
    assert json.loads(described)["created"] == "2025-01-25T12:00:00Z"
    assert digest == {
        "path": "datapackage.json",
        "hash": "sha256:" + hashlib.sha256(described).hexdigest(),
    }
