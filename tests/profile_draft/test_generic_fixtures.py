"""Drafting from pages of tests/fixtures/generic. No portal there has more than one page, so
each draft is from a single page: the drafted profile must extract that page as generic
extraction does, with its own selectors for the fields named here."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.extraction import extract_article
from crawler.profile_draft import draft_profile, load_inputs, write_draft
from crawler.profiles import load_profile_file

GENERIC = Path(__file__).parents[1] / "fixtures" / "generic"
COMPARED = ("title", "published_at", "view_count", "tags", "body_text", "author")
CASES = {
    "article-2025-03-04-govid-generic-title-adminduk": ("title", "published", "body"),
    "article-2025-05-12-joomla-k2-malformed-date-paripurna": ("title", "body", "tags"),
    "article-2025-06-23-newspaper-theme-day-only-jsonld-kejari": ("title", "view_count", "body"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_single_page_draft_reproduces_generic_extraction(tmp_path: Path, name: str) -> None:
    case = GENERIC / name
    if not case.is_dir():
        pytest.skip(f"{name} is gone from tests/fixtures/generic")
    pages = load_inputs([str(case)])
    draft = draft_profile("one_page", pages)
    profile = load_profile_file(write_draft(draft, tmp_path, tmp_path / "fixtures"))
    for field in CASES[name]:
        assert getattr(profile.fields, field), field
    page = pages[0]
    ours = extract_article(page.html, page.url, profile, fetched_at=page.fetched_at)
    generic = extract_article(page.html, page.url, fetched_at=page.fetched_at)
    for field in COMPARED:
        assert ours.to_json_dict()[field] == generic.to_json_dict()[field], field
