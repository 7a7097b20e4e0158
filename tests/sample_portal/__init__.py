"""Tests of the sample portal; helpers shared by its test modules live here."""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

PROFILES = Path(__file__).resolve().parents[2] / "crawler" / "sites"


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def text(self) -> str:
        match = re.search(r"charset=([\w-]+)", self.headers.get("content-type", ""))
        return self.body.decode(match.group(1) if match else "utf-8")


def fetch(base_url: str, path: str, headers: dict[str, str] | None = None) -> Fetched:
    """One GET without following redirects (so 301/302 can be checked)."""
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return Fetched(response.status, headers, response.read())
    finally:
        conn.close()
