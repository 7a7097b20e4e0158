"""``explain_article`` and ``warta extract --explain``: per field, the winning evidence first,
then everything else the page offered, each with its source, raw text, value and confidence.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crawler.extraction import decode_html, explain_article, extract_article
from crawler.profiles import load_profile, parse_profile
from warta.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures"
GENERIC = sorted(p for p in (FIXTURES / "generic").iterdir() if p.is_dir())
LOKOMEDIA = FIXTURES / "generic" / "article-2025-02-03-lokomedia-pasar-murah"
WORDPRESS = FIXTURES / "generic" / "article-2025-03-14-wordpress-yoast-perda-sampah"
FALSE_UTC = FIXTURES / "generic" / "article-2025-01-22-false-utc-pubdate-pppk"
RELATIVE = FIXTURES / "generic" / "article-2025-03-10-time-attribute-relative-rob"
PEMKOT = FIXTURES / "sites" / "sample_pemkot" / "article-2025-01-22-pemkot-raih-opini-ombudsman"
CANDIDATE_KEYS = {"source", "confidence", "raw", "value", "won"}


def load(case: Path) -> tuple[str, str, datetime]:
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    html = decode_html(
        gzip.decompress((case / "page.html.gz").read_bytes()), encoding=meta["encoding"]
    )
    return html, meta["url"], datetime.fromisoformat(meta["fetched_at"])


def explain(case: Path) -> dict[str, list[dict[str, Any]]]:
    html, url, fetched_at = load(case)
    return explain_article(html, url, fetched_at=fetched_at)


def test_every_field_lists_candidates_with_source_raw_value_and_confidence() -> None:
    fields = explain(WORDPRESS)
    assert {
        "title",
        "published_at",
        "view_count",
        "tags",
        "author",
        "image_url",
        "body_text",
    } <= set(fields)
    for candidates in fields.values():
        for candidate in candidates:
            assert set(candidate) >= CANDIDATE_KEYS
            assert 0 < candidate["confidence"] <= 1


@pytest.mark.parametrize("case", GENERIC, ids=lambda p: p.name)
def test_the_first_candidate_is_what_extract_article_keeps(case: Path) -> None:
    html, url, fetched_at = load(case)
    record = extract_article(html, url, fetched_at=fetched_at).to_json_dict()
    for field, candidates in explain_article(html, url, fetched_at=fetched_at).items():
        if not candidates:
            continue
        assert candidates[0]["won"], field
        assert not any(c["won"] for c in candidates[1:]), field
        if field != "body_text":  # bodies are shortened in explanations
            assert candidates[0]["value"] == record[field], field


def test_a_utc_instant_on_an_indonesian_page_is_shown_in_wib_and_says_so() -> None:
    winner, *others = explain(WORDPRESS)["published_at"]
    assert winner["source"] == "json-ld datePublished"
    assert winner["raw"] == "2025-03-14T03:20:11+00:00"
    assert winner["value"] == "2025-03-14T10:20:11+07:00"
    assert "Asia/Jakarta" in winner["note"]
    seen = {c["source"] for c in others}
    assert {"meta article:published_time", "<time> by the headline"} <= seen


def test_a_false_z_is_explained_by_the_visible_time_it_equals() -> None:
    winner, *others = explain(FALSE_UTC)["published_at"]
    assert winner["value"] == "2025-01-22T18:26:41+07:00"
    assert "Z is false" in winner["note"]
    visible = [c for c in others if c["source"] == "visible near the headline"]
    assert visible[0]["raw"] == "Rabu, 22 Jan 2025 18:26 WIB"


def test_a_relative_date_is_seen_but_loses_to_the_time_attribute() -> None:
    winner, *others = explain(RELATIVE)["published_at"]
    assert winner["source"] == "<time> by the headline"
    relative = [c for c in others if "2 jam lalu" in (c["raw"] or "")]
    assert relative, "the visible '2 jam lalu' is shown as evidence"
    # read against the fetch time 10:20 WIB, not against today
    assert relative[0]["value"] == "2025-03-10T08:20:00+07:00"


def test_sidebar_counts_are_never_candidates() -> None:
    counts = {c["value"] for c in explain(LOKOMEDIA)["view_count"]}
    assert counts == {1284}  # not 5.713, 4.208 or 3.977 from "Berita Terpopuler"


def test_a_profile_selector_wins_and_the_generic_evidence_is_still_shown() -> None:
    html, url, fetched_at = load(PEMKOT)
    fields = explain_article(html, url, load_profile("sample_pemkot"), fetched_at=fetched_at)
    winner, *others = fields["published_at"]
    assert (winner["source"], winner["confidence"]) == ("profile", 1.0)
    assert winner["raw"] == "Rabu, 22 Januari 2025 18:26 WIB"
    assert any(c["source"] != "profile" for c in others)


def test_cli_explain_prints_the_fields_of_one_page() -> None:
    result = CliRunner().invoke(main, ["extract", "--explain", str(WORDPRESS / "page.html.gz")])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"input", "url", "fields"}
    assert out["fields"]["title"][0]["value"] == (
        "DPRD Sahkan Perda Pengelolaan Sampah, Bank Sampah Wajib di Tiap Kelurahan"
    )


def test_cli_explain_gives_one_json_object_per_line_for_several_inputs() -> None:
    pages = [str(case / "page.html.gz") for case in (LOKOMEDIA, WORDPRESS)]
    result = CliRunner().invoke(main, ["extract", "--explain", *pages])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["input"] for line in lines] == pages
    assert lines[0]["fields"]["view_count"][0]["value"] == 1284


def test_without_a_fetch_time_a_relative_date_is_not_evidence() -> None:
    html, url, _ = load(RELATIVE)
    raws = [c["raw"] or "" for c in explain_article(html, url)["published_at"]]
    assert raws, "the <time> attribute is still there"
    assert not any("2 jam lalu" in raw for raw in raws)


def test_an_unreadable_profile_date_is_kept_raw_and_not_replaced_by_other_evidence() -> None:
    profile = parse_profile(
        "uji",
        {"name": "Uji", "base_url": "https://uji.go.id/", "fields": {"published": ["span.tgl"]}},
    )
    html = (
        "<html lang='id'><body><h1>Pasar Murah Digelar di Tiga Belas Kecamatan</h1>"
        "<span class='tgl'>Tanggal: segera diumumkan</span>"
        "<time datetime='2025-01-06T09:00:00+07:00'>Senin</time></body></html>"
    )
    record = extract_article(html, "https://uji.go.id/berita/1", profile)
    assert record.published_at is None
    assert record.published_raw == "Tanggal: segera diumumkan"
    seen = explain_article(html, "https://uji.go.id/berita/1", profile)["published_at"]
    sources = [c["source"] for c in seen]
    assert sources == ["<time> by the headline", "htmldate", "<time> on the page"]
    assert not any(c["won"] for c in seen)
