"""What the spider keeps of a response: the article with the page's validators and, when
captures are kept, what the portal sent; a failure as a one-word reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.extraction import Article
from crawler.fetched import CaptureMode, fetched_from
from crawler.items import PageCapture


def article_as_sent(article: Article, response: Response, capture: CaptureMode) -> Article:
    """The article, carrying the page's ETag and Last-Modified (so a revisit can ask "changed
    since?"), and the response itself unless captures are off."""
    etag, modified = (response.headers.get(name) for name in (b"ETag", b"Last-Modified"))
    article = replace(
        article,
        etag=etag.decode("latin-1") if etag else None,
        last_modified=modified.decode("latin-1") if modified else None,
    )
    if capture == "none":
        return article
    return replace(article, fetched=fetched_from(response, article.fetched_at))


def kept_alone(response: Response, capture: CaptureMode) -> list[PageCapture]:
    """With ``--capture all``, a response that is no article is kept as a capture alone."""
    if capture != "all":
        return []
    return [PageCapture(fetched_from(response, datetime.now(UTC)))]


def failure_reason(failure: Failure) -> tuple[str, str]:
    """``("http://p.go.id/x", "http_404")`` or ``(…, "DownloadTimeoutError")``."""
    request = getattr(failure, "request", None)
    response = getattr(failure.value, "response", None)
    reason = f"http_{response.status}" if response is not None else type(failure.value).__name__
    return (request.url if request is not None else "?"), reason
