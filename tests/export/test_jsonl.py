"""JSONL read back with the json module, line by line, and compared with the archive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storage import Archive
from tests.export.conftest import (
    BODY_1,
    BODY_2,
    PASAR_BY_HAND,
    SECOND,
    Stored,
    expected_articles,
    exported,
)
from warta.export.fields import ARTICLE_FIELDS


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.decode("utf-8").split("\n")[:-1]]


def test_every_field_of_every_article_as_the_archive_holds_it(
    stored: Stored, archive: Archive, tmp_path: Path
) -> None:
    out = exported(stored, tmp_path / "out", "--format", "jsonl")
    rows = read_jsonl(out / "articles.jsonl")
    expected = expected_articles(archive, stored.ids)
    assert [row["id"] for row in rows] == sorted(expected)  # stable order: by id
    for row in rows:
        assert list(row) == [field.name for field in ARTICLE_FIELDS]
        for name, value in row.items():
            assert value == expected[row["id"]][name], (row["id"], name)


def test_the_edited_article_by_hand(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "jsonl")
    [pasar] = [
        row for row in read_jsonl(out / "articles.jsonl") if row["title"].startswith("Pasar")
    ]
    assert {name: pasar[name] for name in PASAR_BY_HAND} == PASAR_BY_HAND
    assert "😀" in pasar["body_text"]  # UTF-8 text, not \\u escapes
    assert "😀".encode() in (out / "articles.jsonl").read_bytes()


def test_removal_cluster_and_undated(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "jsonl")
    rows = {row["url"].rsplit("/", 1)[1]: row for row in read_jsonl(out / "articles.jsonl")}
    gone = rows["pengumuman"]
    assert gone["removed_at"] == "2025-01-25T12:00:00+00:00"
    assert gone["removal_evidence"] == "HTTP 404 where the article was"
    assert gone["published_at"] is None
    assert gone["published_local"] is None
    assert rows["rilis-a"]["cluster_id"] == rows["rilis-b"]["cluster_id"] == rows["rilis-a"]["id"]
    assert rows["rilis-a"]["cluster_size"] == rows["rilis-b"]["cluster_size"] == 2
    assert rows["rilis-b"]["published_local"] == "2025-01-23T10:00:00+08:00"  # WITA
    assert rows["rilis-b"]["published_at"] == "2025-01-23T02:00:00+00:00"


def test_revisions_and_views_as_extra_files(stored: Stored, tmp_path: Path) -> None:
    out = exported(
        stored, tmp_path / "out", "--format", "jsonl", "--with-revisions", "--with-views"
    )
    pasar = stored.ids["pasar"]
    revisions = [r for r in read_jsonl(out / "revisions.jsonl") if r["article_id"] == pasar]
    assert [(r["revision_no"], r["body_text"], r["source"]) for r in revisions] == [
        (1, BODY_1, "crawl"),
        (2, BODY_2, "crawl"),
    ]
    assert revisions[1]["fetched_at"] == SECOND.isoformat() == "2025-01-23T12:00:00+00:00"
    assert len(read_jsonl(out / "revisions.jsonl")) == 6  # pasar twice, four others once
    views = read_jsonl(out / "views.jsonl")
    assert [(v["article_id"], v["observed_at"], v["view_count"]) for v in views] == [
        (pasar, "2025-01-22T12:00:00+00:00", 1234),
        (pasar, "2025-01-23T12:00:00+00:00", 1500),
    ]
    assert views[0]["run_id"] == stored.run_id


def test_a_line_separator_in_text_stays_inside_its_line() -> None:
    from warta.export.values import json_line

    row = {field.name: None for field in ARTICLE_FIELDS} | {"title": "a\u2028b\x85c", "tags": []}
    line = json_line(ARTICLE_FIELDS, row)
    assert line.count("\n") == 1
    assert len(line.splitlines()) == 1  # str.splitlines breaks at U+2028 and U+0085
    assert json.loads(line)["title"] == "a\u2028b\x85c"
