"""WARC read back with warcio: the stored records byte for byte, requests, revisits and their
originals, a metadata record per article, and a CDXJ index that points at them."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from storage import Archive
from tests.export.conftest import PASAR_BY_HAND, Stored, expected_articles, export, exported

WARC = "warta-export.warc.gz"


def records(path: Path) -> list[dict[str, Any]]:
    found = []
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            headers = record.rec_headers
            found.append(
                {
                    "type": record.rec_type,
                    "id": headers.get_header("WARC-Record-ID"),
                    "uri": headers.get_header("WARC-Target-URI"),
                    "refers_to": headers.get_header("WARC-Refers-To"),
                    "concurrent_to": headers.get_header("WARC-Concurrent-To"),
                    "content": record.content_stream().read(),
                    "offset": iterator.get_record_offset(),
                }
            )
    return found


def stored_members(stored: Stored) -> list[tuple[str, bytes]]:
    """Every indexed record's bytes as the crawl wrote them, with its record id."""
    with closing(sqlite3.connect(stored.db_path)) as conn:
        rows = conn.execute("SELECT warc_file, offset, length, record_id FROM captures").fetchall()
    found = []
    for warc_file, offset, length, record_id in rows:
        with (stored.captures / warc_file).open("rb") as handle:
            handle.seek(offset)
            found.append((record_id, handle.read(length)))
    return found


def test_records_in_order_with_requests_revisits_and_metadata(
    stored: Stored, archive: Archive, tmp_path: Path
) -> None:
    out = exported(stored, tmp_path / "out", "--format", "warc")
    found = records(out / WARC)
    pasar = PASAR_BY_HAND["url"]
    alias = PASAR_BY_HAND["aliases"][0]
    assert [(r["type"], r["uri"]) for r in found[:10]] == [
        ("warcinfo", None),
        ("response", pasar),  # first visit
        ("request", pasar),
        ("response", pasar),  # the edit
        ("request", pasar),
        ("revisit", pasar),  # unchanged third visit
        ("request", pasar),
        ("response", alias),  # the same page under another URL
        ("request", alias),
        ("metadata", f"urn:warta:article:{pasar}"),
    ]
    ids = {r["id"]: r for r in found}
    assert len(ids) == len(found) == 21
    for record in found:
        if record["type"] == "request":
            assert ids[record["concurrent_to"]]["type"] in ("response", "revisit")
        if record["type"] == "revisit":
            assert ids[record["refers_to"]]["type"] == "response"  # its payload is in the file
    metadata = [r for r in found if r["type"] == "metadata"]
    expected = expected_articles(archive, stored.ids)
    assert len(metadata) == 4  # the article with no capture has none
    for record in metadata:
        article = json.loads(record["content"])
        assert article == {k: expected[article["id"]][k] for k in article}
        source = ids[record["refers_to"]]
        assert source["type"] == "response"
        assert source["uri"] in (article["url"], *article["aliases"])
    # pasar's record was read from its second capture (the edit), not the first
    assert metadata[0]["refers_to"] == found[3]["id"]
    info = found[0]["content"].decode()
    assert "software: Warta " in info
    assert '"one_per_cluster": false' in info


def test_stored_records_are_copied_byte_for_byte(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "warc")
    written = (out / WARC).read_bytes()
    members = stored_members(stored)
    assert len(members) == 8  # six article visits, the page under its alias, the 404 page
    for record_id, raw in members:
        assert raw in written, record_id


def test_the_cdxj_index_points_at_the_records(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "warc")
    lines = (out / "warta-export.cdxj").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == 8 + 4  # responses and revisits, and the metadata records
    by_offset = {r["offset"]: r for r in records(out / WARC)}
    for line in lines:
        _key, timestamp, fields = line.split(" ", 2)
        entry = json.loads(fields)
        assert entry["filename"] == WARC
        assert by_offset[int(entry["offset"])]["uri"] == entry["url"]
        assert len(timestamp) == 14
    assert any(
        line.startswith("id,go,kota_tangerang)/berita/1/pasar 20250123120000 ") for line in lines
    )


def test_an_archive_without_captures_is_a_clear_error(stored: Stored, tmp_path: Path) -> None:
    result = export(
        stored, tmp_path / "out", "--format", "warc", "--site", "kota_makassar", "--query", "tanpa"
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: none of the 1 selected articles has a stored capture (crawled with "
        "--no-captures, or before captures were kept): export jsonl, csv or parquet instead"
    )
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.iterdir()) == []
    nowhere = export(
        stored, tmp_path / "out", "--format", "wacz", "--captures", str(tmp_path / "x")
    )
    assert nowhere.exit_code == 1
    assert f"no captures folder at {tmp_path / 'x'}" in nowhere.output


def test_a_damaged_capture_stops_the_export_and_names_it(stored: Stored, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(stored.db_path.parent, copy)
    damaged = Stored(copy / "archive.db", copy / "archive-captures", stored.ids, stored.run_id)
    with closing(sqlite3.connect(damaged.db_path)) as conn:
        [(warc_file, offset, length, url)] = conn.execute(
            "SELECT warc_file, offset, length, url FROM captures WHERE url LIKE '%rilis-a'"
        ).fetchall()
    path = damaged.captures / warc_file
    raw = bytearray(path.read_bytes())
    raw[offset + length // 2] ^= 0xFF  # one flipped byte inside the compressed record
    path.write_bytes(bytes(raw))
    result = export(damaged, tmp_path / "out", "--format", "warc")
    assert result.exit_code == 1
    assert f"of {url}: {warc_file}@{offset}: " in result.output
    assert not (tmp_path / "out").exists()


def test_a_revisit_brings_its_original_when_no_article_holds_it(tmp_path: Path) -> None:
    """A page first captured but not stored (past --limit, say), then stored on a later visit
    that found the same payload: the export needs the first record for the revisit's body."""
    from datetime import timedelta

    from storage import open_archive
    from storage.warc import WarcFiles
    from tests.export.conftest import FIRST, Page, data, html

    db_path, captures = tmp_path / "archive.db", tmp_path / "archive-captures"
    archive = open_archive(f"sqlite:///{db_path}")
    url = "https://kota_tangerang.go.id/berita/9/dibatasi"
    page = html("Dibatasi", "Halaman ini dilewati lalu disimpan.")
    first = WarcFiles(captures, started=FIRST, find_original=archive.find_original)
    dropped = first.write(Page(url, page, FIRST))
    first.close()
    archive.index_captures([dropped], run_id=None)
    later = FIRST + timedelta(days=7)
    second = WarcFiles(captures, started=later, find_original=archive.find_original)
    revisit = second.write(Page(url, page, later))
    second.close()
    assert (revisit.record_type, revisit.refers_to) == ("revisit", dropped.record_id)
    body = "Halaman ini dilewati lalu disimpan."
    archive.save_articles(
        [data(url, "kota_tangerang", "Dibatasi", body, later)], captures=[revisit]
    )
    archive.close()
    alone = Stored(db_path, captures, {}, 0)
    found = records(exported(alone, tmp_path / "out", "--format", "warc") / WARC)
    assert [(r["type"], r["id"]) for r in found[1:5]] == [
        ("response", dropped.record_id),  # the original, though no article holds it
        ("request", found[2]["id"]),
        ("revisit", revisit.record_id),
        ("request", found[4]["id"]),
    ]
    assert found[5]["type"] == "metadata"
    assert found[5]["refers_to"] == revisit.record_id  # the capture its record was read from
