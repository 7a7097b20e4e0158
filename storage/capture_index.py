"""The ``captures`` index: every WARC record the crawl wrote, found by URL, digest or file."""

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from storage.models import Capture
from storage.warc import CaptureRef, Original
from storage.warc_check import IndexedRecord
from storage.writing import Writer, table

_INDEXED = (
    Capture.warc_file,
    Capture.offset,
    Capture.length,
    Capture.url,
    Capture.record_type,
    Capture.record_id,
    Capture.payload_digest,
)
_INSERT_CAPTURE = table(Capture).insert()
_RECORD_BY_ID = select(Capture.id).where(Capture.record_id == bindparam("record_id"))
# Built once: it runs for every fetched page, before its record is written.
_ORIGINAL = (
    select(Capture.record_id, Capture.fetched_at)
    .where(
        Capture.url == bindparam("url"),
        Capture.payload_digest == bindparam("digest"),
        Capture.record_type == "response",
    )
    .order_by(Capture.id)
    .limit(1)
)


def insert_captures(
    conn: Connection, refs: Sequence[tuple[CaptureRef, int | None]], run_id: int | None
) -> None:
    """Index records (each with the article it produced, if any) in the caller's transaction.

    A revisit's original may be in this very batch, so each row is inserted in order.
    """
    for ref, article_id in refs:
        row: dict[str, Any] = {
            name: getattr(ref, name)
            for name in (
                "url",
                "warc_file",
                "offset",
                "length",
                "record_type",
                "record_id",
                "status",
                "content_type",
                "fetched_at",
                "payload_digest",
            )
        }
        if ref.refers_to is not None:
            row["refers_to_id"] = conn.execute(_RECORD_BY_ID, {"record_id": ref.refers_to}).scalar()
        conn.execute(_INSERT_CAPTURE, row | {"run_id": run_id, "article_id": article_id})


class CaptureIndex(Writer):
    """The capture half of :class:`storage.Archive`."""

    def find_original(self, url: str, digest: str) -> Original | None:
        """The response record that already holds this payload for this URL, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(_ORIGINAL, {"url": url, "digest": digest}).first()
        return Original(row.record_id, row.fetched_at) if row else None

    def index_captures(self, refs: Sequence[CaptureRef], *, run_id: int | None) -> None:
        """Index records that produced no article (``--capture all``) in one transaction."""
        with self._writing() as (conn, _):
            insert_captures(conn, [(ref, None) for ref in refs], run_id)

    def indexed_records(self) -> Iterator[IndexedRecord]:
        """Every indexed record, file by file in order, for ``warta captures verify``."""
        query = select(*_INDEXED).order_by(Capture.warc_file, Capture.offset)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield IndexedRecord(**row._mapping)

    def last_indexed_offsets(self) -> dict[str, int]:
        """Per WARC file, where its last indexed record starts: a torn tail lies after it."""
        query = select(Capture.warc_file, func.max(Capture.offset)).group_by(Capture.warc_file)
        with self.engine.connect() as conn:
            return {name: int(offset) for name, offset in conn.execute(query)}
