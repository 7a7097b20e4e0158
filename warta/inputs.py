"""Pages for ``warta extract``: saved files, folders of them, or URLs fetched once.

Within a crawl's limits; bad input (a gzip bomb, a broken .gz, an endless or dripping response)
raises OSError/ValueError with a one-line message, which ``extract`` records and moves on.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPConnection, HTTPException, HTTPMessage, HTTPResponse, HTTPSConnection
from pathlib import Path
from typing import IO, Any

from crawler.extraction.decode import decode_html
from crawler.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, REDIRECT_MAX_TIMES, USER_AGENT

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
FETCH_TIMEOUT_S: float = DOWNLOAD_TIMEOUT  # for the whole response, not per read
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Page:
    html: str
    url: str
    fetched_at: datetime


def expand(inputs: list[str]) -> Iterator[str]:
    """Folders become the saved pages under them, sorted; files and URLs pass through."""
    for item in inputs:
        path = Path(item)
        if not item.startswith(("http://", "https://")) and path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*") if p.name.endswith(PAGE_SUFFIXES))
        else:
            yield item


def _over_cap(what: str) -> ValueError:
    cap = DOWNLOAD_MAXSIZE
    size = f"{cap // 2**20} MiB" if cap % 2**20 == 0 else f"{cap / 1024:g} KiB"
    return ValueError(f"{what} more than {size} (the crawl's DOWNLOAD_MAXSIZE); refused")


def _read_capped(read: Callable[[int], bytes], what: str) -> bytes:
    """Chunk by chunk, so no more than the cap is ever held: not a bomb's 200 MB, not forever."""
    chunks: list[bytes] = []
    size = 0
    while chunk := read(CHUNK):
        size += len(chunk)
        if size > DOWNLOAD_MAXSIZE:
            raise _over_cap(what)
        chunks.append(chunk)
    return b"".join(chunks)


def _gunzip(fileobj: IO[bytes], name: str) -> bytes:
    """Truncated (EOFError) or corrupt (zlib.error, BadGzipFile) data is bad input, not a crash."""
    try:
        with gzip.GzipFile(fileobj=fileobj) as gz:
            return _read_capped(gz.read, f"{name}: decompresses to")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ValueError(f"{name}: truncated or corrupt gzip ({exc})") from exc


def _meta(path: Path) -> dict[str, str]:
    """A fixture's ``meta.json`` beside the page (url, fetched_at, encoding), if present."""
    meta_file = path.parent / "meta.json"
    if not meta_file.is_file():
        return {}
    data = json.loads(meta_file.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str)}


def read_file(path: Path, url: str | None) -> Page:
    with path.open("rb") as file:
        if path.name.endswith(".gz"):
            raw = _gunzip(file, path.name)
        elif (size := path.stat().st_size) > DOWNLOAD_MAXSIZE:  # before reading a byte
            raise _over_cap(f"{path.name}: {size} bytes,")
        else:
            raw = _read_capped(file.read, f"{path.name}: grew to")
    meta = _meta(path)
    fetched = meta.get("fetched_at")
    return Page(
        html=decode_html(raw, encoding=meta.get("encoding")),
        url=url or meta.get("url") or path.resolve().as_uri(),
        fetched_at=datetime.fromisoformat(fetched) if fetched else datetime.now(UTC),
    )


class _Deadline:
    """One fetch's time limit as a whole. Socket timeouts count per read, so a server dripping
    a byte a second never trips them; at the deadline a timer shuts the socket down instead,
    which ends any read still blocked (in the headers or the body)."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True
        self._timer.start()

    def passed(self) -> bool:
        return time.monotonic() >= self.end

    def watch(self, sock: socket.socket) -> None:
        self._sock = sock
        if self.passed():  # connected just as the timer fired, with no socket to cut
            self._cut()

    def _cut(self) -> None:
        with self._lock, contextlib.suppress(OSError):  # OSError: already closed
            if self._sock is not None:
                self._sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sock = None


class _Watched(HTTPConnection):
    """A connection that hands its socket to the fetch's deadline once connected."""

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


class _Handler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """urllib's HTTP and HTTPS handling (proxies included), on watched connections."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> HTTPResponse:
        https = isinstance(http_class, type) and issubclass(http_class, HTTPSConnection)
        watched = functools.partial(_WatchedHTTPS if https else _Watched, deadline=self.deadline)
        return super().do_open(watched, req, **kwargs)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """The crawl's redirect limit, and HTTP(S) only: urllib would follow one to ftp://."""

    max_redirections = REDIRECT_MAX_TIMES
    inf_msg = f"more than {REDIRECT_MAX_TIMES} redirects, the last: "

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            reason = f"{msg}, a redirect to {newurl} (not HTTP(S)); refused"
            raise urllib.error.HTTPError(newurl, code, reason, headers, fp)
        fp.close()  # else urllib reads the redirect's body whole, however long it runs
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> Page:
    """One polite GET with Warta's User-Agent; for crawling many pages use ``warta crawl``."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    request = urllib.request.Request(url, headers=headers)
    deadline = _Deadline(FETCH_TIMEOUT_S)
    late = TimeoutError(f"{url}: no complete response within {FETCH_TIMEOUT_S:g} s")
    opener = urllib.request.build_opener(_Handler(deadline), _Redirects)

    try:
        with opener.open(request, timeout=FETCH_TIMEOUT_S) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > DOWNLOAD_MAXSIZE:
                raise _over_cap(f"{url}: Content-Length {length} is")
            body = _read_capped(response.read1, f"{url}: response body is")
            if deadline.passed():  # the timer's shutdown (see _Deadline) reads as end of body
                raise late
            content_type = response.headers.get("Content-Type")
            encoding = response.headers.get("Content-Encoding", "identity").lower()
            final_url: str = response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        raise OSError(" ".join(f"{url}: HTTP {exc.code} {exc.reason}".split())) from None
    except (OSError, HTTPException) as exc:
        if deadline.passed():
            raise late from None
        reason = str(exc.reason if isinstance(exc, urllib.error.URLError) else exc)
        raise OSError(" ".join(f"{url}: {reason or type(exc).__name__}".split())) from exc
    finally:
        deadline.stop()
    if length.isdigit() and len(body) < int(length):
        raise OSError(f"{url}: connection closed after {len(body)} of {length} bytes")
    if encoding in ("gzip", "x-gzip"):  # asked for identity, got gzip anyway
        body = _gunzip(io.BytesIO(body), url)
    elif encoding != "identity":
        raise ValueError(f"{url}: Content-Encoding {encoding} not supported")
    return Page(decode_html(body, content_type=content_type), final_url, datetime.now(UTC))


def load(item: str, url: str | None) -> Page:
    if item.startswith(("http://", "https://")):
        return fetch(item)
    return read_file(Path(item), url)
