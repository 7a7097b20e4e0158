"""``-s NAME=VALUE`` checked before a crawl starts, so a typo is one line, not a traceback.

Scrapy reads a setting's value only when a component asks for it, deep inside the crawl:
``CONCURRENT_REQUESTS=abc`` raises from the engine and ``LOG_LEVEL=FOO`` from logging, and a
misspelt name is silently ignored. Each value is checked here against the type of the
setting's default (Scrapy's, or Warta's in crawler/settings.py).
"""

from __future__ import annotations

import difflib
import json
import logging
import math
from collections.abc import Mapping
from datetime import date
from types import ModuleType
from typing import Any, Final

from scrapy.settings import default_settings

from crawler import settings as warta_settings

BOOLEANS: Final = frozenset({"0", "1", "true", "false"})
# Zero would stall the crawl: nothing could ever be in flight or stored.
AT_LEAST_ONE: Final = frozenset(
    {
        "CONCURRENT_REQUESTS",
        "CONCURRENT_REQUESTS_PER_DOMAIN",
        "CONCURRENT_ITEMS",
        "WARTA_STORE_BATCH",
        "WARTA_GENERIC_MAX_PAGES",
    }
)

# Read with getfloat although their default is a whole number.
READ_AS_FLOAT: Final = frozenset(
    {"DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_TIMEOUT_NO_ITEM"}
)


class SettingValueError(ValueError):
    """A ``-s`` value Scrapy would choke on later; the message is one line."""


def _defaults(module: ModuleType) -> dict[str, Any]:
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


DEFAULTS: Final = {**_defaults(default_settings), **_defaults(warta_settings)}


def check_overrides(overrides: Mapping[str, str]) -> dict[str, str]:
    """The overrides as Scrapy can use them (``LOG_LEVEL`` upper-cased), or
    :class:`SettingValueError` for the first unknown name or unusable value."""
    for name, value in overrides.items():
        if name not in DEFAULTS:
            close = difflib.get_close_matches(name, DEFAULTS, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise SettingValueError(f"-s {name}: no such Scrapy or Warta setting{hint}")
        _check(name, value, DEFAULTS[name])
    level = overrides.get("LOG_LEVEL")
    return {**overrides, "LOG_LEVEL": level.upper()} if level else dict(overrides)


def _check(name: str, value: str, default: Any) -> None:
    given = f"-s {name}={value!r}"
    if name == "LOG_LEVEL":
        if not isinstance(logging.getLevelName(value.upper()), int):
            raise SettingValueError(f"{given}: use DEBUG, INFO, WARNING, ERROR or CRITICAL")
    elif name == "WARTA_SINCE":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise SettingValueError(f"{given}: give a day as YYYY-MM-DD") from None
    elif isinstance(default, bool):
        if value.strip().lower() not in BOOLEANS:
            raise SettingValueError(f"{given}: use True or False")
    elif isinstance(default, int | float):
        _check_number(given, name, value, default)
    elif isinstance(default, dict):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise SettingValueError(f'{given}: give a JSON object, e.g. {{"name": 1}}')


def _check_number(given: str, name: str, value: str, default: float) -> None:
    whole = isinstance(default, int) and name not in READ_AS_FLOAT
    kind = "whole number" if whole else "number"
    try:
        number = int(value) if whole else float(value)
    except ValueError:
        raise SettingValueError(f"{given}: not a {kind}") from None
    if not math.isfinite(number):
        raise SettingValueError(f"{given}: not a finite {kind}")
    if name in AT_LEAST_ONE and number < 1:
        raise SettingValueError(f"{given}: must be at least 1")
    if number < 0 <= default:
        raise SettingValueError(f"{given}: must not be negative")
