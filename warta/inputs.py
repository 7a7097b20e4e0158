"""Pages for ``warta extract``: saved files, folders of them, or URLs fetched once."""

from __future__ import annotations

import gzip
import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crawler.extraction.decode import decode_html
from crawler.settings import USER_AGENT

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
FETCH_TIMEOUT_S = 30


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


def _meta(path: Path) -> dict[str, str]:
    """A fixture's ``meta.json`` beside the page (url, fetched_at, encoding), if present."""
    meta_file = path.parent / "meta.json"
    if not meta_file.is_file():
        return {}
    data = json.loads(meta_file.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, str)}


def read_file(path: Path, url: str | None) -> Page:
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    meta = _meta(path)
    fetched = meta.get("fetched_at")
    return Page(
        html=decode_html(raw, encoding=meta.get("encoding")),
        url=url or meta.get("url") or path.resolve().as_uri(),
        fetched_at=datetime.fromisoformat(fetched) if fetched else datetime.now(UTC),
    )


def fetch(url: str) -> Page:
    """One polite GET with Warta's User-Agent; for crawling many pages use ``warta crawl``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
        body = response.read()
        content_type = response.headers.get("Content-Type")
        final_url = response.geturl()
    return Page(decode_html(body, content_type=content_type), final_url, datetime.now(UTC))


def load(item: str, url: str | None) -> Page:
    if item.startswith(("http://", "https://")):
        return fetch(item)
    return read_file(Path(item), url)
