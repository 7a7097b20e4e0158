"""Small helpers for writing rows: the id just inserted, now in UTC, JSON for text columns."""

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import CursorResult

from storage.errors import StorageError


def new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:
        raise StorageError("the database did not report the id of the row just inserted")
    return int(key[0])


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_default)


def _json_default(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime | date) else str(value)
