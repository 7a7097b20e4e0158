"""Reading captures back: a torn tail cut after a crash, and an indexed record checked.

A crawl killed mid-write leaves half a gzip member at the end of its WARC file. Its index
rows are written only after the record is on disk, so no row points there; the next crawl
cuts the tail so that every tool reads the file to its end.
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from storage.warc import payload_digest


@dataclass(frozen=True)
class IndexedRecord:
    """What the ``captures`` index says lies at ``offset`` in ``warc_file``."""

    warc_file: str
    offset: int
    length: int
    url: str
    record_type: str
    record_id: str
    payload_digest: str


def complete_end(path: Path, start: int = 0) -> int:
    """The offset just past the last whole gzip member at or after ``start``.

    Every record is its own member, and a member is whole only if it ends with its CRC:
    a reader that stops at end of file without complaint (warcio does) cannot tell.
    """
    end = position = start
    member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    with path.open("rb") as handle:
        handle.seek(start)
        while chunk := handle.read(1 << 16):
            while chunk:
                try:
                    member.decompress(chunk)
                except zlib.error:  # not gzip, or damaged: whole members end before it
                    return end
                if not member.eof:
                    position += len(chunk)
                    break
                position += len(chunk) - len(member.unused_data)
                end, chunk = position, member.unused_data
                member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return end


def cut_torn_tail(path: Path, start: int = 0) -> int:
    """Truncate ``path`` after its last whole record; returns the bytes cut (0 when whole)."""
    size = path.stat().st_size
    end = complete_end(path, start)
    if end < size:
        with path.open("r+b") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    return size - end


def check_record(folder: Path, indexed: IndexedRecord) -> str | None:
    """None when the record is where the index says and holds what it says; else why not."""
    path = folder / indexed.warc_file
    where = f"{indexed.warc_file}@{indexed.offset}"
    try:
        with path.open("rb") as handle:
            handle.seek(indexed.offset)
            chunk = handle.read(indexed.length)
    except OSError as exc:
        return f"{where}: cannot read ({exc.strerror or exc})"
    if len(chunk) < indexed.length:
        return f"{where}: file ends {indexed.length - len(chunk)} bytes short of the record"
    try:
        records = ArchiveIterator(BytesIO(chunk))
        record = next(iter(records))
        payload = record.raw_stream.read()
        headers = record.rec_headers
        rest = next(iter(records), None)
    except Exception as exc:  # warcio raises assorted errors on damaged input
        return f"{where}: not a readable WARC record ({type(exc).__name__})"
    if record.format != "warc":  # warcio falls back to reading stray bytes as an ARC record
        return f"{where}: not a readable WARC record (read as {record.format})"
    found = {
        "record type": (record.rec_type, indexed.record_type),
        "URL": (headers.get_header("WARC-Target-URI"), indexed.url),
        "record id": (headers.get_header("WARC-Record-ID"), indexed.record_id),
        "payload digest": (headers.get_header("WARC-Payload-Digest"), indexed.payload_digest),
    }
    if rest is not None:
        return f"{where}: the indexed length covers more than one record"
    for what, (seen, expected) in found.items():
        if seen != expected:
            return f"{where}: {what} is {seen!r}, the index says {expected!r}"
    if record.rec_type == "response" and payload_digest(payload) != indexed.payload_digest:
        return f"{where}: the payload does not match its digest (changed on disk)"
    return None


@dataclass(frozen=True)
class Payload:
    """A response record's HTTP headers and body, as stored."""

    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


def read_payload(folder: Path, warc_file: str, offset: int, length: int) -> Payload:
    """The response at ``offset``; OSError or ValueError when it cannot be read."""
    with (folder / warc_file).open("rb") as handle:
        handle.seek(offset)
        chunk = handle.read(length)
    try:
        record = next(iter(ArchiveIterator(BytesIO(chunk))))
        body = record.raw_stream.read()
    except Exception as exc:  # warcio raises assorted errors on damaged input
        raise ValueError(f"{warc_file}@{offset}: not a readable WARC record ({exc})") from exc
    if record.rec_type != "response" or record.http_headers is None:
        raise ValueError(f"{warc_file}@{offset}: a {record.rec_type} record holds no page")
    return Payload(tuple(record.http_headers.headers), body)
