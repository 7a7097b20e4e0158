"""Sample pages for a draft: saved files (``URL=FILE``, a file with ``meta.json`` beside it, or a
folder of them) or http(s) URLs fetched politely: Warta's User-Agent, robots.txt obeyed, at
least a second apart, the crawl's size limit and timeout. The raw bytes are kept for fixtures.
"""

from __future__ import annotations

import gzip
import json
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from protego import Protego

from crawler.extraction.decode import page_encoding
from crawler.settings import DOWNLOAD_MAXSIZE, DOWNLOAD_TIMEOUT, USER_AGENT

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
MIN_DELAY_S = 1.0
_CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class InputError(ValueError):
    """A sample that cannot be read; the message is one line naming it."""


@dataclass(frozen=True)
class SamplePage:
    """One page as the portal sent it: raw bytes, the codec they decode with, and its URL."""

    url: str
    raw: bytes
    encoding: str
    fetched_at: datetime
    source: str  # the file or URL it came from, for messages

    @property
    def html(self) -> str:
        return self.raw.decode(self.encoding, errors="replace")


def _capped(read: Callable[[int], bytes], what: str, deadline: float | None = None) -> bytes:
    """Chunk by chunk, never past the crawl's size limit, nor (for a response) its deadline: a
    socket timeout counts per read, so a portal dripping a byte a second would never trip it."""
    chunks: list[bytes] = []
    size = 0
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > DOWNLOAD_MAXSIZE:
            raise InputError(f"{what}: more than {DOWNLOAD_MAXSIZE // 2**20} MiB; refused")
        if deadline is not None and time.monotonic() > deadline:
            raise InputError(f"{what}: no complete response within the timeout")
        chunks.append(chunk)
    return b"".join(chunks)


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return b"<html" in head or b"<!doctype html" in head or b"<head" in head or b"<body" in head


def _page(
    raw: bytes, url: str, source: str, charset: str | None, fetched_at: datetime
) -> SamplePage:
    if not _looks_like_html(raw):
        raise InputError(f"{source}: not an HTML page")
    codec = page_encoding(raw, charset).codec
    return SamplePage(url, raw, codec, fetched_at, source)


def read_saved(path: Path, url: str | None) -> SamplePage:
    """A saved page; its URL from ``URL=FILE``, else a ``meta.json`` beside it."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    meta: dict[str, str] = {}
    if (meta_file := path.parent / "meta.json").is_file():
        meta = {
            k: v for k, v in json.loads(meta_file.read_text("utf-8")).items() if isinstance(v, str)
        }
    url = url or meta.get("url")
    if not url or urlsplit(url).scheme not in ("http", "https"):
        raise InputError(f"{path}: its URL is unknown; give it as URL={path}")
    with path.open("rb") as file:
        try:
            if path.name.endswith(".gz"):
                with gzip.GzipFile(fileobj=file) as gz:
                    raw = _capped(gz.read, str(path))
            else:
                raw = _capped(file.read, str(path))
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(f"{path}: truncated or corrupt gzip ({exc})") from exc
    fetched = meta.get("fetched_at")
    when = datetime.fromisoformat(fetched) if fetched else datetime.now(UTC)
    return _page(raw, url, str(path), meta.get("encoding"), when)


class PoliteFetcher:
    """GETs with Warta's User-Agent, robots.txt obeyed, ``delay_s`` apart per run."""

    def __init__(self, delay_s: float = MIN_DELAY_S, timeout_s: float = DOWNLOAD_TIMEOUT) -> None:
        self.delay_s = max(delay_s, MIN_DELAY_S)
        self.timeout_s = timeout_s
        self._robots: dict[str, Protego] = {}
        self._last = 0.0

    def _get(self, url: str) -> tuple[bytes, str | None, str]:
        wait = self._last + self.delay_s - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > DOWNLOAD_MAXSIZE:
                    raise InputError(f"{url}: Content-Length {length} is over the size limit")
                body = _capped(response.read1, url, time.monotonic() + self.timeout_s)
                return body, response.headers.get("Content-Type"), response.geturl()
        except urllib.error.HTTPError as exc:
            raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"{url}: {exc}") from None
        finally:
            self._last = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            try:
                body, _, _ = self._get(urljoin(root, "/robots.txt"))
                text = body.decode("utf-8", errors="replace")
            except InputError:  # no robots.txt: nothing is disallowed
                text = ""
            self._robots[root] = Protego.parse(text)
        return bool(self._robots[root].can_fetch(url, USER_AGENT))

    def sitemaps(self) -> tuple[str, ...]:
        """The ``Sitemap:`` lines of the robots.txt files read, as paths."""
        found = (urlsplit(s).path for robots in self._robots.values() for s in robots.sitemaps)
        return tuple(dict.fromkeys(p for p in found if p))

    def fetch(self, url: str) -> SamplePage:
        if not self.allowed(url):
            raise InputError(f"{url}: disallowed by the portal's robots.txt")
        body, content_type, final_url = self._get(url)
        if content_type and content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
            raise InputError(f"{url}: not an HTML page ({content_type})")
        charset = None
        if content_type and "charset=" in content_type.lower():
            charset = content_type.lower().split("charset=")[1].split(";")[0].strip()
        return _page(body, final_url, url, charset, datetime.now(UTC))


def _expand(item: str) -> Iterator[tuple[str, str | None]]:
    """``URL=FILE`` → (FILE, URL); a folder → its saved pages; anything else as given."""
    if item.startswith(("http://", "https://")):
        # A query may hold "=" too: the file is what follows the last one, when it names a file.
        url, eq, file = item.rpartition("=")
        if eq and "://" not in file and (file.endswith(PAGE_SUFFIXES) or Path(file).exists()):
            yield file, url
            return
        yield item, None
        return
    path = Path(item)
    if path.is_dir():
        for page in sorted(p for p in path.rglob("*") if p.name.endswith(PAGE_SUFFIXES)):
            yield str(page), None
    else:
        yield item, None


def load_inputs(items: list[str], fetcher: PoliteFetcher | None = None) -> list[SamplePage]:
    """Every sample, in input order; the first bad one raises :class:`InputError`."""
    fetcher = fetcher or PoliteFetcher()
    pages: list[SamplePage] = []
    for item, url in (pair for raw in items for pair in _expand(raw)):
        if url is None and item.startswith(("http://", "https://")):
            pages.append(fetcher.fetch(item))
        else:
            pages.append(read_saved(Path(item), url))
    return pages
