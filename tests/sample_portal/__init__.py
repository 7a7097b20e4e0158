"""Tests of the sample portal; helpers shared by its test modules live here."""

from __future__ import annotations

import http.client
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import parsel

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


def fetch(base_url: str, path: str) -> Fetched:
    """One GET without following redirects (so 301/302 can be checked)."""
    parts = urlsplit(base_url)
    assert parts.hostname == "127.0.0.1"
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return Fetched(response.status, headers, response.read())
    finally:
        conn.close()


def profile(name: str) -> dict[str, list[str]]:
    """The ``[fields]`` table of ``crawler/sites/<name>.toml``."""
    with (PROFILES / f"{name}.toml").open("rb") as f:
        fields: dict[str, list[str]] = tomllib.load(f)["fields"]
    return fields


def _select(sel: parsel.Selector, query: str) -> parsel.SelectorList[parsel.Selector]:
    return sel.xpath(query) if query.startswith(("/", "(")) else sel.css(query)


def extract(html: str, fields: dict[str, list[str]]) -> dict[str, list[str]]:
    """A minimal reading of a profile: drop ``exclude``, first non-empty selector per field.

    Elements (``body``) give their normalized text; ``::text``/``::attr`` give stripped strings.
    """
    sel = parsel.Selector(text=html)
    for query in fields["exclude"]:
        for element in _select(sel, query):
            element.drop()
    out: dict[str, list[str]] = {}
    for name, queries in fields.items():
        if name == "exclude":
            continue
        for query in queries:
            found = _select(sel, query)
            if "::" in query:
                values = [v.strip() for v in found.getall()]
            else:
                values = [" ".join(e.xpath("string()").get("").split()) for e in found]
            values = [v for v in values if v]
            if values:
                out[name] = values
                break
    return out
