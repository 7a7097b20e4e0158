"""A profile drafted from a few pages of each sample portal theme extracts what the
hand-written theme profile does, field by field, and loads with ``crawler.profiles``."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import pytest

from crawler.extraction import RECORD_KEYS, decode_html, extract_article
from crawler.profile_draft import Draft, draft_profile, write_draft
from crawler.profiles import SiteProfile, load_profile, load_profile_file
from tests.profile_draft.pages import BASES, LISTINGS, article_paths, page, theme_pages

THEMES = ("pemkot", "wordpress")
COMPARED = ("title", "published_at", "view_count", "tags", "body_text")


@cache
def drafted(theme: str) -> Draft:
    return draft_profile(f"draft_{theme}", list(theme_pages(theme)))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[SiteProfile, Path]]:
    """Each theme's draft written to disk and loaded back with the profile loader."""
    out = tmp_path_factory.mktemp("sites")
    loaded = {}
    for theme in THEMES:
        path = write_draft(drafted(theme), out, out / "fixtures")
        loaded[theme] = (load_profile_file(path), out / "fixtures" / f"draft_{theme}")
    return loaded


def hand_written(theme: str) -> SiteProfile:
    return load_profile(f"sample_{theme}").with_base_url(BASES[theme])


@pytest.mark.parametrize("field", COMPARED)
@pytest.mark.parametrize("theme", THEMES)
def test_drafted_profile_extracts_what_the_hand_written_one_does(
    written: dict[str, tuple[SiteProfile, Path]], theme: str, field: str
) -> None:
    profile, _ = written[theme]
    for sample in drafted(theme).articles:
        ours = extract_article(sample.html, sample.url, profile, fetched_at=sample.fetched_at)
        theirs = extract_article(
            sample.html, sample.url, hand_written(theme), fetched_at=sample.fetched_at
        )
        assert ours.to_json_dict()[field] == theirs.to_json_dict()[field], sample.url


@pytest.mark.parametrize("theme", THEMES)
def test_drafted_profile_holds_on_articles_it_never_saw(
    written: dict[str, tuple[SiteProfile, Path]], theme: str
) -> None:
    """Pages 3 of the listing: the selectors generalize beyond the samples."""
    profile, _ = written[theme]
    third = LISTINGS[theme][1].replace("2", "3")
    for path in article_paths(theme, third)[:4]:
        sample = page(theme, path)
        ours = extract_article(sample.html, sample.url, profile, fetched_at=sample.fetched_at)
        theirs = extract_article(
            sample.html, sample.url, hand_written(theme), fetched_at=sample.fetched_at
        )
        for field in COMPARED:
            assert ours.to_json_dict()[field] == theirs.to_json_dict()[field], (path, field)
        assert profile.is_article_url(sample.url)


@pytest.mark.parametrize("theme", THEMES)
def test_the_main_fields_get_a_selector(theme: str) -> None:
    found = {r.field: r.selector for r in drafted(theme).results}
    for field in ("title", "published", "view_count", "body", "tags"):
        assert found[field], (
            f"{field}: {next(r.reason for r in drafted(theme).results if r.field == field)}"
        )


@pytest.mark.parametrize("theme", THEMES)
def test_url_patterns_tell_articles_from_listings(
    written: dict[str, tuple[SiteProfile, Path]], theme: str
) -> None:
    profile, _ = written[theme]
    draft = drafted(theme)
    assert len(draft.articles) == 4
    assert len(draft.listings) == 2
    for sample in draft.articles:
        assert profile.is_article_url(sample.url)
        assert not profile.is_listing_url(sample.url)
    for sample in draft.listings:
        assert profile.is_listing_url(sample.url)
        assert not profile.is_article_url(sample.url)
    assert profile.discovery.start_urls == (LISTINGS[theme][0],)
    assert profile.discovery.next_page


@pytest.mark.parametrize("theme", THEMES)
def test_fixture_folders_follow_the_convention(
    written: dict[str, tuple[SiteProfile, Path]], theme: str
) -> None:
    """As tests/test_fixtures.py reads them: raw page, meta.json, sorted complete expected.json."""
    profile, folder = written[theme]
    cases = sorted(p for p in folder.iterdir() if p.is_dir())
    assert len(cases) == 4
    raws = {s.raw for s in drafted(theme).articles}
    for case in cases:
        assert case.name.startswith("article-2025-")
        raw = gzip.decompress((case / "page.html.gz").read_bytes())
        assert raw in raws
        meta = json.loads((case / "meta.json").read_text("utf-8"))
        expected = json.loads((case / "expected.json").read_text("utf-8"))
        assert sorted(expected) == list(expected)
        assert set(expected) == {*RECORD_KEYS, "body_contains", "body_excludes"}
        assert expected["body_contains"]
        assert expected["body_excludes"]
        html = decode_html(raw, encoding=meta["encoding"])
        fetched_at = expected["fetched_at"]
        record = extract_article(html, meta["url"], profile).to_json_dict()
        record["fetched_at"] = fetched_at
        assert record == {k: v for k, v in expected.items() if k in RECORD_KEYS}
