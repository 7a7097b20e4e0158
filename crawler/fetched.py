"""What a portal sent for one request, kept for the archive's WARC captures.

The spider hangs it on the article it produced (``Article.fetched``) or yields it in an item
of its own (crawler/items.py); the store pipeline writes it to WARC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from scrapy.http import Response

CaptureMode = Literal["articles", "all", "none"]


@dataclass(frozen=True)
class Fetched:
    url: str
    method: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # as the crawler read it: content coding undone
    request_headers: tuple[tuple[str, str], ...]
    fetched_at: datetime


def fetched_from(response: Response, fetched_at: datetime) -> Fetched:
    request = response.request
    return Fetched(
        url=response.url,
        method=request.method if request is not None else "GET",
        status=response.status,
        headers=_pairs(response.headers),
        body=response.body,
        request_headers=_pairs(request.headers) if request is not None else (),
        fetched_at=fetched_at,
    )


def _pairs(headers: object) -> tuple[tuple[str, str], ...]:
    """Scrapy's bytes headers, every value of every name, as text pairs."""
    pairs: list[tuple[str, str]] = []
    for name, values in headers.items():  # type: ignore[attr-defined]
        pairs += [(name.decode("latin-1"), value.decode("latin-1")) for value in values]
    return tuple(pairs)
