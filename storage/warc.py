"""WARC 1.1 captures: what a portal sent, written as it arrives, one gzip member per record.

Files are named ``<start>-<host>-<pid>-<n>.warc.gz`` so that two processes never write the
same one, and a new file starts past ``rotate_bytes``. A response whose payload digest the
archive already holds for that URL is written as a ``revisit`` record (the
identical-payload-digest profile): its headers only, a few hundred bytes, pointing at the
record that holds the payload.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, Final, Protocol
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

GIB: Final = 1 << 30
# Set again from the body: decoded by the crawler, so the sent length and coding no longer hold.
_DROPPED_HEADERS: Final = frozenset({"content-length", "content-encoding", "transfer-encoding"})


class Exchange(Protocol):
    """One request and its response, as the crawler fetched them (body already decoded)."""

    @property
    def url(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def headers(self) -> Sequence[tuple[str, str]]: ...
    @property
    def body(self) -> bytes: ...
    @property
    def request_headers(self) -> Sequence[tuple[str, str]]: ...
    @property
    def fetched_at(self) -> datetime: ...


@dataclass(frozen=True)
class PlainExchange:
    """An Exchange as plain values, for what writes records outside a crawl (benchmarks, tests)."""

    url: str
    body: bytes
    fetched_at: datetime
    status: int = 200
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)
    request_headers: tuple[tuple[str, str], ...] = (("User-Agent", "Warta/0.1"),)


@dataclass(frozen=True)
class Original:
    """The record that holds a payload, which a revisit of the same URL and digest points at."""

    record_id: str
    fetched_at: datetime


@dataclass(frozen=True)
class CaptureRef:
    """Where one record was written and what it holds: a row of the ``captures`` index."""

    url: str
    warc_file: str  # relative to the captures folder
    offset: int
    length: int
    record_type: str  # response | revisit
    record_id: str
    status: int
    content_type: str | None
    fetched_at: datetime
    payload_digest: str
    refers_to: str | None  # the record id a revisit points at


def payload_digest(body: bytes) -> str:
    """``sha1:BASE32``, as WARC-Payload-Digest is written."""
    digester = Digester("sha1")
    digester.update(body)
    return str(digester)


class WarcFiles:
    """Appends records to this process's current WARC file in ``folder``.

    ``find_original(url, digest)`` asks the archive for a record already holding a payload;
    what this writer wrote since its last :meth:`sync` (records the index does not hold yet)
    it remembers itself, so a page fetched twice in one batch is stored once too, and a long
    crawl's memory does not grow with its pages.
    """

    @staticmethod
    def host_label(hostname: str) -> str:
        """The host as it appears in file names: letters, digits and ``_`` only."""
        return "".join(c if c.isalnum() else "_" for c in hostname) or "host"

    def __init__(
        self,
        folder: Path,
        *,
        started: datetime,
        rotate_bytes: int = GIB,
        find_original: Callable[[str, str], Original | None] | None = None,
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.rotate_bytes = rotate_bytes
        self.find_original = find_original
        self.known: dict[tuple[str, str], Original] = {}
        self._stem = f"{started:%Y%m%d%H%M%S}-{self.host_label(socket.gethostname())}-{os.getpid()}"
        self._sequence = 0
        self._file: BinaryIO | None = None
        self._name = ""
        self._writer: WARCWriter | None = None

    def write(self, exchange: Exchange) -> CaptureRef:
        """Write the response (or a revisit) and its request; returns the indexed record."""
        digest = payload_digest(exchange.body)
        original = self.known.get((exchange.url, digest))
        if original is None and self.find_original is not None:
            original = self.find_original(exchange.url, digest)
        out, writer = self._open()
        offset = out.tell()
        warc_date = _warc_date(exchange.fetched_at)
        http_headers = _response_headers(exchange)
        if original is None:
            record = writer.create_warc_record(
                exchange.url,
                "response",
                payload=BytesIO(exchange.body),
                length=len(exchange.body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
        else:
            record = writer.create_revisit_record(
                exchange.url,
                digest,
                exchange.url,
                _warc_date(original.fetched_at),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            record.rec_headers.add_header("WARC-Refers-To", original.record_id)
        request = writer.create_warc_record(
            exchange.url,
            "request",
            http_headers=_request_headers(exchange),
            warc_headers_dict={"WARC-Date": warc_date},
        )
        writer.write_record(record)
        length = out.tell() - offset
        request.rec_headers.add_header(
            "WARC-Concurrent-To", record.rec_headers.get_header("WARC-Record-ID")
        )
        writer.write_record(request)
        out.flush()
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        if original is None:
            self.known[(exchange.url, digest)] = Original(record_id, exchange.fetched_at)
        return CaptureRef(
            url=exchange.url,
            warc_file=self._name,
            offset=offset,
            length=length,
            record_type="response" if original is None else "revisit",
            record_id=record_id,
            status=exchange.status,
            content_type=http_headers.get_header("Content-Type"),
            fetched_at=exchange.fetched_at,
            payload_digest=digest,
            refers_to=None if original is None else original.record_id,
        )

    def sync(self) -> None:
        """On disk before the index rows that point at it are committed (power loss too)."""
        if self._file is not None:
            self._file.flush()
            os.fsync(self._file.fileno())
        self.known.clear()

    def close(self) -> None:
        if self._file is not None:
            self.sync()
            self._file.close()
            self._file = self._writer = None

    def _open(self) -> tuple[BinaryIO, WARCWriter]:
        if self._file is not None and self._writer is not None:
            if self._file.tell() < self.rotate_bytes:
                return self._file, self._writer
            self.close()
        while True:  # another writer of this process may have started in the same second
            self._sequence += 1
            self._name = f"{self._stem}-{self._sequence:05d}.warc.gz"
            try:
                self._file = (self.folder / self._name).open("xb")
            except FileExistsError:
                continue
            break
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        return self._file, self._writer


def _response_headers(exchange: Exchange) -> StatusAndHeaders:
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in _DROPPED_HEADERS]
    headers.append(("Content-Length", str(len(exchange.body))))
    return StatusAndHeaders(_status_line(exchange.status), headers, protocol="HTTP/1.1")


def _request_headers(exchange: Exchange) -> StatusAndHeaders:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = [(k, v) for k, v in exchange.request_headers if k.lower() != "host"]
    headers = [("Host", parts.netloc), *sent]
    line = f"{exchange.method} {target} HTTP/1.1"
    return StatusAndHeaders(line, headers, is_http_request=True)


def _warc_date(instant: datetime) -> str:
    """``2025-01-22T11:26:00.500000Z``: warcio wants the UTC clock reading, without a zone."""
    return str(datetime_to_iso_date(instant.astimezone(UTC).replace(tzinfo=None), use_micros=True))


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"{status} Unknown"
