"""The stored WARC records an export hands over: found in the index, read back byte for byte.

Each record is copied as the gzip member it was written as, so its digests, ids and dates
stay those of the crawl. A response or revisit is checked against the index first (with
``warc_check.check_record``: type, URL, id, payload digest); the request written right
after it (``WARC-Concurrent-To`` its id) goes with it. A revisit whose original belongs to
no selected article brings the original along, so a replay tool finds the payload.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Final

from sqlalchemy import Connection, func, or_, select
from sqlalchemy.orm import aliased

from storage.errors import StorageError
from storage.export_selection import Selection
from storage.models import Capture
from storage.warc_check import IndexedRecord, check_record

OPEN_FILES: Final = 8
MAX_REQUEST_BYTES: Final = 1 << 20  # a request record is headers only: a few hundred bytes
_READ: Final = 1 << 12  # a request record is a few hundred bytes compressed
_CAPTURE_COLUMNS = (
    Capture.id,
    Capture.url,
    Capture.warc_file,
    Capture.offset,
    Capture.length,
    Capture.record_type,
    Capture.record_id,
    Capture.status,
    Capture.fetched_at,
    Capture.payload_digest,
)


class CaptureReadError(StorageError):
    """A stored record is not where, or not what, the index says: the export stops."""


@dataclass(frozen=True)
class StoredCapture:
    id: int
    url: str
    warc_file: str
    offset: int
    length: int
    record_type: str  # response | revisit
    record_id: str
    status: int
    fetched_at: datetime
    payload_digest: str

    def indexed(self) -> IndexedRecord:
        return IndexedRecord(
            self.warc_file,
            self.offset,
            self.length,
            self.url,
            self.record_type,
            self.record_id,
            self.payload_digest,
        )


@dataclass(frozen=True)
class CaptureSummary:
    records: int  # response and revisit records of the selected articles
    articles: int  # selected articles with at least one
    latest: datetime | None  # the newest of them


def capture_summary(conn: Connection, selection: Selection) -> CaptureSummary:
    mine = Capture.article_id.in_(selection.ids())
    found = conn.execute(
        select(
            func.count(),
            func.count(func.distinct(Capture.article_id)),
            func.max(Capture.fetched_at),
        ).where(mine)
    ).one()
    return CaptureSummary(int(found[0]), int(found[1]), found[2])


def captures_of(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[StoredCapture]]:
    """Per article, its records oldest first, with the originals its revisits point at."""
    original = aliased(Capture)
    own = select(Capture.article_id.label("owner"), *_CAPTURE_COLUMNS).where(
        Capture.article_id.in_(article_ids)
    )
    borrowed = (
        select(
            Capture.article_id.label("owner"), *(getattr(original, c.key) for c in _CAPTURE_COLUMNS)
        )
        .join(original, original.id == Capture.refers_to_id)
        .where(
            Capture.article_id.in_(article_ids),
            or_(original.article_id.is_(None), original.article_id != Capture.article_id),
        )
    )
    found: dict[int, dict[int, StoredCapture]] = defaultdict(dict)
    for query in (own, borrowed):
        for row in conn.execute(query):
            fields = dict(row._mapping)
            owner = fields.pop("owner")
            found[owner][fields["id"]] = StoredCapture(**fields)
    return {
        owner: sorted(records.values(), key=lambda c: (c.fetched_at, c.id))
        for owner, records in found.items()
    }


class StoredRecords:
    """Reads records from the captures folder; a few files stay open between calls."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._open: dict[str, BinaryIO] = {}

    def record(self, capture: StoredCapture) -> bytes:
        """The response or revisit as stored, once checked against the index."""
        problem = check_record(self.folder, capture.indexed())
        if problem is not None:
            raise CaptureReadError(f"capture {capture.id} of {capture.url}: {problem}")
        handle = self._handle(capture.warc_file)
        handle.seek(capture.offset)
        return handle.read(capture.length)

    def request(self, capture: StoredCapture) -> bytes | None:
        """The request record written right after ``capture``, if it is there."""
        handle = self._handle(capture.warc_file)
        handle.seek(capture.offset + capture.length)
        raw, head = bytearray(), bytearray()
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        while not member.eof:
            chunk = handle.read(_READ)
            if not chunk or len(raw) > MAX_REQUEST_BYTES:
                return None  # the file ends, or what follows is no request
            try:
                head += member.decompress(chunk)
            except zlib.error:
                return None
            raw += chunk
        del raw[len(raw) - len(member.unused_data) :]
        headers = bytes(head).split(b"\r\n\r\n", 1)[0].split(b"\r\n")
        wanted = (b"WARC-Type: request", b"WARC-Concurrent-To: " + capture.record_id.encode())
        return bytes(raw) if all(line in headers for line in wanted) else None

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()
        self._open.clear()

    def _handle(self, warc_file: str) -> BinaryIO:
        handle = self._open.pop(warc_file, None)
        if handle is None:
            if len(self._open) >= OPEN_FILES:
                oldest = next(iter(self._open))
                self._open.pop(oldest).close()
            try:
                handle = (self.folder / warc_file).open("rb")
            except OSError as exc:
                raise CaptureReadError(f"{warc_file}: cannot read ({exc.strerror or exc})") from exc
        self._open[warc_file] = handle  # the most recently used last
        return handle
