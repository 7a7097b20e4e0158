"""Fixtures are the spec: every profile × fixture page × field against a hand-checked value.

A fixture is ``tests/fixtures/sites/<site_id>/<kind>-<date>-<slug>/`` with the raw page
(``page.html.gz``, never cleaned), ``meta.json`` (url, fetched_at, encoding) and
``expected.json`` (every record key, sorted, plus ``body_contains`` / ``body_excludes``).
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
from crawler.profiles import known_site_ids, load_profile

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sites"
SNIPPET_KEYS = ("body_contains", "body_excludes")
CASES = sorted(p for p in FIXTURES.glob("*/*") if p.is_dir())


def case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


@cache
def extracted(case: Path) -> Article:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    html = decode_html(
        gzip.decompress((case / "page.html.gz").read_bytes()), encoding=meta["encoding"]
    )
    profile = load_profile(case.parent.name)
    profile = profile.with_base_url(meta["url"].split("/", 3)[0] + "//" + meta["url"].split("/")[2])
    return extract_article(
        html, meta["url"], profile, fetched_at=datetime.fromisoformat(meta["fetched_at"])
    )


def expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return data


def test_every_profile_has_a_fixture_and_every_fixture_a_profile() -> None:
    with_fixtures = {case.parent.name for case in CASES}
    assert with_fixtures == set(known_site_ids())


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_expected_json_is_complete_and_sorted(case: Path) -> None:
    """An incomplete expectation would let a field regress unnoticed."""
    text = (case / "expected.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert sorted(data) == list(data), "keys must be sorted"
    assert set(data) == {*RECORD_KEYS, *SNIPPET_KEYS}, "every record key, and the snippets"
    assert data["body_contains"], "at least one body_contains snippet"
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    assert {"url", "fetched_at", "encoding"} <= set(meta)


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
