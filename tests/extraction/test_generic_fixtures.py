"""Pages of portals Warta has no profile for: every fixture × field, extracted with no profile.

A fixture is ``tests/fixtures/generic/<kind>-<date>-<slug>/``: the raw page as a portal would
serve it (``page.html.gz``, in its declared encoding), ``meta.json`` (url, fetched_at,
encoding) and ``expected.json`` (every record key, sorted, hand-checked against the page,
plus ``body_contains`` / ``body_excludes``). The pages were written for Warta after real
Indonesian CMSs: a Lokomedia-style *.go.id portal, WordPress with a Yoast ``@graph``,
Blogger, a windows-1252 DPRD site, a page whose only absolute date is a ``<time>``
attribute, a WITA regency portal and a portal whose pubdate carries a false "Z".
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from crawler.extraction import RECORD_KEYS, Article, decode_html, extract_article

FIXTURES = Path(__file__).parents[1] / "fixtures" / "generic"
SNIPPET_KEYS = ("body_contains", "body_excludes")
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir())


def case_id(case: Path) -> str:
    return case.name


def meta(case: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    return data


@cache
def extracted(case: Path) -> Article:
    info = meta(case)
    raw = gzip.decompress((case / "page.html.gz").read_bytes())
    html = decode_html(raw, encoding=info["encoding"])
    fetched_at = datetime.fromisoformat(info["fetched_at"])
    return extract_article(html, info["url"], None, fetched_at=fetched_at)


def expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return data


def test_there_are_enough_generic_fixtures() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_expected_json_is_complete_and_sorted(case: Path) -> None:
    """An incomplete expectation would let a field regress unnoticed."""
    data = expected(case)
    assert sorted(data) == list(data), "keys must be sorted"
    assert set(data) == {*RECORD_KEYS, *SNIPPET_KEYS}, "every record key, and the snippets"
    assert data["body_contains"], "at least one body_contains snippet"
    assert data["body_excludes"], "at least one body_excludes snippet"
    assert {"url", "fetched_at", "encoding"} <= set(meta(case))


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_is_stored_in_its_declared_encoding(case: Path) -> None:
    """The raw bytes decode with the encoding meta.json names (the page is never re-encoded)."""
    raw = gzip.decompress((case / "page.html.gz").read_bytes())
    encoding = meta(case)["encoding"]
    raw.decode(encoding)
    if encoding.lower() != "utf-8":  # a windows-1252 page really is not UTF-8
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


@pytest.mark.parametrize("field", RECORD_KEYS)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_field(case: Path, field: str) -> None:
    value = extracted(case).to_json_dict()[field]
    assert value == expected(case)[field]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_body_snippets(case: Path) -> None:
    body = extracted(case).body_text
    for snippet in expected(case)["body_contains"]:
        assert snippet in body
    for snippet in expected(case)["body_excludes"]:
        assert snippet not in body
