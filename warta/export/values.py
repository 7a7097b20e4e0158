"""Archive values as the text formats write them: ISO 8601 instants, JSON lists, one-line JSON.

``2025-01-22T11:26:00+00:00`` is an instant in UTC with its offset written out; the same
instant on a WIB portal's clock is ``2025-01-22T18:26:00+07:00``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from warta.export.fields import Field

# JSON allows these raw inside strings, but many line readers (str.splitlines, some JSONL
# tools) break lines at them: written escaped, each JSONL record stays one line anywhere.
_LINE_BREAKS: Final = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def add_local_time(row: dict[str, Any]) -> dict[str, Any]:
    """``published_local``: the publication instant on the portal's own clock."""
    published = row["published_at"]
    row["published_local"] = (
        published.astimezone(ZoneInfo(row["timezone"])) if published is not None else None
    )
    return row


def plain(fields: Sequence[Field], row: Mapping[str, Any]) -> dict[str, Any]:
    """The row's fields in schema order as JSON values: instants as ISO 8601 text."""
    return {field.name: _plain(field, row[field.name]) for field in fields}


def json_line(fields: Sequence[Field], row: Mapping[str, Any]) -> str:
    """One record as one line of JSON (UTF-8 text, not \\u escapes), newline included."""
    text = json.dumps(plain(fields, row), ensure_ascii=False, separators=(",", ":"))
    if _LINE_BREAKS.search(text):  # rare: escaping only then keeps the common path fast
        text = _LINE_BREAKS.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
    return text + "\n"


def csv_cell(field: Field, value: Any) -> str:
    """A CSV cell: empty for no value, a JSON array for a list (tags may hold commas)."""
    found = _plain(field, value)
    if found is None:
        return ""
    if isinstance(found, list):
        return json.dumps(found, ensure_ascii=False)
    return str(found)


def _plain(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if field.kind == "datetime":
        return _instant(value).astimezone(UTC).isoformat()
    if field.kind == "local_datetime":
        return _instant(value).isoformat()
    if field.kind == "list":
        return list(value)
    return value


def _instant(value: Any) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise TypeError(f"expected an aware datetime, got {value!r}")
    return value
