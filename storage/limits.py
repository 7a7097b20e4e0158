"""What the archive will store, checked before a write so one bad value cannot sink a batch.

PostgreSQL refuses a NUL character in text, a btree index entry over about 2,700 bytes (the
unique indexes on article URLs and tag names) and an INTEGER over 2**31 - 1; SQLite refuses
an integer over 2**63 - 1. A value the archive can keep in a lesser form is kept that way
(an implausible view count becomes NULL with its printed text kept, NULs are removed); a
value it cannot keep refuses the article with a reason, which the caller counts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final

from storage.records import ArticleData

# No page on any government portal has been read two billion times; past this a "count" is a
# phone number, a date or an id printed next to the label. It also fits PostgreSQL's INTEGER.
MAX_PLAUSIBLE_VIEWS: Final = 2_000_000_000
MAX_URL_BYTES: Final = 2_000  # what browsers and sitemaps accept; fits a btree index entry
MAX_TAG_CHARS: Final = 200  # a tag is a few words; longer is a paragraph caught by a selector
MAX_VALIDATOR_CHARS: Final = (
    200  # an ETag or an HTTP date; a longer header is not worth sending back
)


class Unstorable(ValueError):
    """The article cannot be stored at all; ``reason`` is a stat key such as ``url_too_long``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Fitted:
    data: ArticleData
    changes: tuple[str, ...]  # stat keys for what was kept in a lesser form, e.g. ``view_count``


def fit_for_storage(data: ArticleData) -> Fitted:
    """``data`` as the archive can keep it, or :class:`Unstorable` when it cannot."""
    url_bytes = len(data.url.encode("utf-8", "surrogatepass"))
    if url_bytes > MAX_URL_BYTES:
        raise Unstorable(
            "url_too_long", f"URL of {url_bytes} bytes (at most {MAX_URL_BYTES}): {data.url[:80]}…"
        )
    changes: list[str] = []
    fields: dict[str, Any] = {
        name: _clean(value)
        for name in ("title", "body_text", "published_raw", "author", "image_url", "view_count_raw")
        if (value := getattr(data, name)) is not None
    }
    if any(fields[name] != getattr(data, name) for name in fields):
        changes.append("text_cleaned")
    views = data.view_count
    if views is not None and views > MAX_PLAUSIBLE_VIEWS:
        changes.append("view_count_implausible")
        fields["view_count_raw"] = fields.get("view_count_raw") or str(views)
        fields["view_count"] = None
    tags = tuple(_clean(tag) for tag in data.tags)
    kept_tags = tuple(tag for tag in tags if len(tag) <= MAX_TAG_CHARS)
    if len(kept_tags) < len(tags):
        changes.append("tag_too_long")
    if kept_tags != data.tags:
        fields["tags"] = kept_tags
    for name in ("etag", "last_modified"):
        value = getattr(data, name)
        if value is not None and (len(value) > MAX_VALIDATOR_CHARS or value != _clean(value)):
            fields[name] = None
            changes.append(f"{name}_dropped")
    return Fitted(replace(data, **fields) if fields else data, tuple(changes))


def _clean(text: str) -> str:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (no UTF-8 encoder takes one)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text
