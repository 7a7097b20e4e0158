"""Fixtures are the spec: every fixture page × field against a hand-checked value.

A fixture is a folder with the raw page as the portal served it (``page.html.gz``, never
cleaned, in its declared encoding), ``meta.json`` (url, fetched_at, encoding) and
``expected.json`` (every record key, sorted, plus ``body_contains`` / ``body_excludes``).
``fixtures/sites/<site_id>/<kind>-<date>-<slug>/`` is read with that site's profile;
``fixtures/generic/<kind>-<date>-<slug>/`` with none: pages written for Warta after real
Indonesian CMSs (a Lokomedia-style *.go.id portal, WordPress with a Yoast ``@graph``,
Blogger, a windows-1252 DPRD site, a page whose only absolute date is a ``<time>``
attribute, a WITA regency portal, a portal whose pubdate carries a false "Z"), and hand-made
pages for the classes of issue 12, each saying so in its ``meta.json`` ``note``: machine
dates with a wrong sign, a UTC clock labelled local, a malformed or day-only value beside
the visible WIB/WITA line; generic ``<title>``s and ``Headline » Site`` titles; tag boxes
beside SEO keywords, category links and trending bars; counts after an eye or fire icon;
WordPress themes, Joomla K2 and Cassiopeia, Drupal, Blogger, OpenSID, a Lokomedia-like CMS,
a custom ``*.go.id`` portal and a news site with a "Terkini" ticker.
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

FIXTURES = Path(__file__).parent / "fixtures"
SNIPPET_KEYS = ("body_contains", "body_excludes")
SITE_CASES = sorted(p for p in (FIXTURES / "sites").glob("*/*") if p.is_dir())
GENERIC_CASES = sorted(p for p in (FIXTURES / "generic").iterdir() if p.is_dir())
CASES = [*SITE_CASES, *GENERIC_CASES]


def case_id(case: Path) -> str:
    return f"{case.parent.name}/{case.name}"


def read_json(case: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((case / name).read_text(encoding="utf-8"))
    return data


def raw_page(case: Path) -> bytes:
    return gzip.decompress((case / "page.html.gz").read_bytes())


@cache
def extracted(case: Path) -> Article:
    meta = read_json(case, "meta.json")
    html = decode_html(raw_page(case), encoding=meta["encoding"])
    profile = load_profile(case.parent.name) if case in SITE_CASES else None
    fetched_at = datetime.fromisoformat(meta["fetched_at"])
    return extract_article(html, meta["url"], profile, fetched_at=fetched_at)


def test_every_profile_has_a_fixture_and_every_fixture_a_profile() -> None:
    assert {case.parent.name for case in SITE_CASES} == set(known_site_ids())


def test_there_are_enough_generic_fixtures() -> None:
    assert len(GENERIC_CASES) >= 18


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_expected_json_is_complete_and_sorted(case: Path) -> None:
    """An incomplete expectation would let a field regress unnoticed."""
    data = read_json(case, "expected.json")
    assert sorted(data) == list(data), "keys must be sorted"
    assert set(data) == {*RECORD_KEYS, *SNIPPET_KEYS}, "every record key, and the snippets"
    assert data["body_contains"], "at least one body_contains snippet"
    assert data["body_excludes"], "at least one body_excludes snippet"
    assert {"url", "fetched_at", "encoding"} <= set(read_json(case, "meta.json"))


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_is_stored_in_its_declared_encoding(case: Path) -> None:
    """The raw bytes decode with the encoding meta.json names (the page is never re-encoded)."""
    raw = raw_page(case)
    encoding = read_json(case, "meta.json")["encoding"]
    raw.decode(encoding)
    if encoding.lower() != "utf-8":  # a windows-1252 page really is not UTF-8
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")


@pytest.mark.parametrize("field", RECORD_KEYS)
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_field(case: Path, field: str) -> None:
    value = extracted(case).to_json_dict()[field]
    assert value == read_json(case, "expected.json")[field]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_body_snippets(case: Path) -> None:
    body = extracted(case).body_text
    expectation = read_json(case, "expected.json")
    for snippet in expectation["body_contains"]:
        assert snippet in body
    for snippet in expectation["body_excludes"]:
        assert snippet not in body
