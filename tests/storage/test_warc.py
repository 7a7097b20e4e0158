"""WARC captures on disk: records standard tools read, revisits, rotation, torn tails, checks."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from storage import Archive
from storage.warc import CaptureRef, WarcFiles, payload_digest
from storage.warc_check import IndexedRecord, check_record, cut_torn_tail
from tests.storage.conftest import make_data

FETCHED = datetime(2025, 1, 22, 11, 26, 0, 500_000, tzinfo=UTC)
PAGE = (
    b'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Pasar Murah</title>'
    b"</head><body><h1>Pasar Murah Digelar di 13 Kecamatan</h1><p>Dibaca : 120</p></body></html>"
)


def long_page(paragraphs: int) -> bytes:
    """A page that compresses no better than real article text does."""
    lines = (hashlib.sha256(str(n).encode()).hexdigest() for n in range(paragraphs))
    return PAGE.replace(b"</body>", b"".join(b"<p>%s</p>" % line.encode() for line in lines))


@dataclass(frozen=True)
class Page:
    url: str = "https://kota.go.id/berita/1/pasar-murah?hal=2"
    method: str = "GET"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = (
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Encoding", "gzip"),  # undone by the crawler: must not be written
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
    )
    body: bytes = PAGE
    request_headers: tuple[tuple[str, str], ...] = (("User-Agent", "Warta/0.1"),)
    fetched_at: datetime = FETCHED


def warcio_index(path: Path) -> list[dict[str, str]]:
    """What warcio's own command-line indexer reads from the file."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "warcio.cli",
            "index",
            "-f",
            "warc-type,warc-target-uri,offset",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def indexed(ref: CaptureRef) -> IndexedRecord:
    return IndexedRecord(
        ref.warc_file,
        ref.offset,
        ref.length,
        ref.url,
        ref.record_type,
        ref.record_id,
        ref.payload_digest,
    )


def test_a_response_and_its_request_as_warcio_reads_them(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED)
    ref = files.write(Page())
    files.close()
    [path] = tmp_path.iterdir()
    assert ref.warc_file == path.name
    assert path.name.startswith("20250122112600-")
    assert path.name.endswith("-00001.warc.gz")
    assert [(r["warc-type"], r["offset"]) for r in warcio_index(path)] == [
        ("response", "0"),
        ("request", str(ref.length)),
    ]
    text = gzip.decompress(path.read_bytes()).decode("latin-1")
    assert "WARC/1.1\r\n" in text
    assert "WARC-Date: 2025-01-22T11:26:00.500000Z\r\n" in text
    assert f"WARC-Payload-Digest: {payload_digest(PAGE)}\r\n" in text
    assert "HTTP/1.1 200 OK\r\n" in text
    assert f"Content-Length: {len(PAGE)}\r\n" in text
    assert "Content-Encoding" not in text
    assert text.count("Set-Cookie: ") == 2
    assert "GET /berita/1/pasar-murah?hal=2 HTTP/1.1\r\nHost: kota.go.id\r\n" in text
    assert ref.record_type == "response"
    assert ref.refers_to is None
    assert ref.content_type == "text/html; charset=utf-8"
    assert check_record(tmp_path, indexed(ref)) is None


def test_the_same_payload_again_is_a_short_revisit(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED)
    page = Page(body=long_page(50))  # a few kilobytes, as an article page is
    first = files.write(page)
    again = files.write(replace(page, fetched_at=FETCHED.replace(day=23)))
    other = files.write(replace(page, url="https://kota.go.id/berita/2/lain"))  # other URL
    files.close()
    assert (again.record_type, again.refers_to) == ("revisit", first.record_id)
    assert again.payload_digest == first.payload_digest
    assert again.length < 600 < first.length  # headers only
    assert other.record_type == "response"
    [path] = tmp_path.iterdir()
    text = gzip.decompress(path.read_bytes()).decode("latin-1")
    assert "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest" in text
    assert f"WARC-Refers-To: {first.record_id}" in text
    assert "WARC-Refers-To-Date: 2025-01-22T11:26:00.500000Z" in text
    types = [r["warc-type"] for r in warcio_index(path)]
    assert types == ["response", "request", "revisit", "request", "response", "request"]


def test_a_payload_the_archive_already_holds_is_a_revisit_in_a_new_crawl(
    archive: Archive, tmp_path: Path
) -> None:
    first_crawl = WarcFiles(tmp_path, started=FETCHED, find_original=archive.find_original)
    first = first_crawl.write(Page())
    first_crawl.close()
    archive.save_articles([make_data(url=Page.url)], captures=[first])
    second_crawl = WarcFiles(
        tmp_path, started=FETCHED.replace(day=23), find_original=archive.find_original
    )
    again = second_crawl.write(replace(Page(), fetched_at=FETCHED.replace(day=23)))
    second_crawl.close()
    assert (again.record_type, again.refers_to) == ("revisit", first.record_id)
    assert again.warc_file != first.warc_file


def test_files_rotate_past_their_size(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED, rotate_bytes=1000)
    refs = [
        files.write(Page(url=f"https://kota.go.id/berita/{n}/x", body=long_page(60)))
        for n in range(3)
    ]
    files.close()
    assert [ref.warc_file.rsplit("-", 1)[1] for ref in refs] == [
        "00001.warc.gz",
        "00002.warc.gz",
        "00003.warc.gz",
    ]
    assert all(ref.offset == 0 for ref in refs)


def test_a_torn_tail_is_cut_and_whole_records_kept(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED)
    files.write(Page())
    last = files.write(Page(url="https://kota.go.id/berita/2/lain", body=long_page(20)))
    files.close()
    [path] = tmp_path.iterdir()
    whole = path.read_bytes()
    half_a_record = whole[last.offset : last.offset + last.length // 2]  # killed mid-write
    path.write_bytes(whole + half_a_record)
    assert cut_torn_tail(path, start=last.offset) == len(half_a_record)
    assert path.read_bytes() == whole
    assert cut_torn_tail(path) == 0
    assert len(warcio_index(path)) == 4


def test_check_record_says_what_is_wrong(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED)
    ref = files.write(Page())
    files.close()
    good = indexed(ref)
    assert check_record(tmp_path, good) is None
    where = f"{ref.warc_file}@0"
    assert check_record(tmp_path, replace(good, url="https://kota.go.id/lain")) == (
        f"{where}: URL is '{ref.url}', the index says 'https://kota.go.id/lain'"
    )
    shifted = check_record(tmp_path, replace(good, offset=7))
    assert shifted is not None
    assert shifted.startswith(f"{ref.warc_file}@7: not a readable")
    size = (tmp_path / ref.warc_file).stat().st_size
    assert check_record(tmp_path, replace(good, length=good.length + 10_000)) == (
        f"{where}: file ends {good.length + 10_000 - size} bytes short of the record"
    )
    assert check_record(tmp_path, replace(good, length=size)) == (
        f"{where}: the indexed length covers more than one record"
    )
    missing = check_record(tmp_path, replace(good, warc_file="hilang.warc.gz"))
    assert missing is not None
    assert missing.startswith("hilang.warc.gz@0: cannot read")


def test_a_changed_byte_on_disk_is_found(tmp_path: Path) -> None:
    files = WarcFiles(tmp_path, started=FETCHED)
    ref = files.write(Page())
    files.close()
    path = tmp_path / ref.warc_file
    data = bytearray(path.read_bytes())
    data[ref.length // 2] ^= 0xFF  # inside the compressed response record
    path.write_bytes(bytes(data))
    problem = check_record(tmp_path, indexed(ref))
    assert problem is not None
    assert problem.startswith(f"{ref.warc_file}@0: ")


def test_two_writers_started_in_the_same_second_never_share_a_file(tmp_path: Path) -> None:
    first, second = (WarcFiles(tmp_path, started=FETCHED) for _ in range(2))
    a = first.write(Page())
    b = second.write(Page(url="https://kota.go.id/berita/2/lain"))
    first.close()
    second.close()
    assert a.warc_file != b.warc_file
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([a.warc_file, b.warc_file])
