"""``warta history``: revisions with who changed what, views, captures, removal and return."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from storage import ArticleData, open_archive
from warta.cli import main
from warta.history import word_diff

WIB = ZoneInfo("Asia/Jakarta")
URL = "https://kota.go.id/berita/7/banjir-surut"
FIRST = ArticleData(
    url=URL,
    site_id="kota",
    title="Banjir di Ciledug Mulai Surut",
    body_text="Genangan setinggi 40 sentimeter mulai surut pada Senin pagi. Warga pulang.",
    fetched_at=datetime(2025, 2, 3, 2, 0, tzinfo=UTC),
    published_at=datetime(2025, 2, 3, 8, 15, tzinfo=WIB),
    published_raw="Senin, 3 Februari 2025 08:15 WIB",
    view_count=120,
    tags=("banjir",),
)


def test_word_diff_shows_only_what_changed_with_a_little_context() -> None:
    old = "Genangan setinggi 40 sentimeter mulai surut pada Senin pagi."
    new = "Genangan setinggi 60 sentimeter mulai surut pada Senin pagi."
    assert word_diff(old, new, context=2) == [
        "… Genangan setinggi [-40-] {+60+} sentimeter mulai …"
    ]
    assert word_diff("a b c", "a b c d", context=1) == ["… c {+d+} …"]
    assert word_diff("sama", "sama") == []


def test_history_of_an_edited_reparsed_removed_and_returned_article(tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    archive = open_archive(f"sqlite:///{db}")
    archive.ensure_site("kota", name="Pemkot Contoh", timezone="Asia/Jakarta")
    archive.save_article(FIRST)
    edited = replace(
        FIRST,
        body_text=FIRST.body_text.replace("40 sentimeter", "60 sentimeter"),
        fetched_at=FIRST.fetched_at + timedelta(days=1),
        view_count=310,
    )
    archive.save_article(edited)
    archive.apply_reextraction(
        1, replace(edited, title="Banjir di Ciledug Sudah Surut", fetched_at=edited.fetched_at)
    )
    gone = datetime(2025, 2, 6, 3, 0, tzinfo=UTC)
    archive.mark_removed(URL, at=gone, evidence="HTTP 404 where the article was", run_id=None)
    archive.note_returns(
        [URL], at=gone + timedelta(days=1), run_id=None, evidence="on the portal again"
    )
    archive.close()

    result = CliRunner().invoke(main, ["history", URL, "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:5] == [
        f"Article #1 · kota · {URL}",
        "Title: Banjir di Ciledug Sudah Surut",
        "Published: 2025-02-03 08:15 WIB (printed: 'Senin, 3 Februari 2025 08:15 WIB')",
        "On the portal: yes",
        "Tags: banjir",
    ]
    assert "Revisions (3)" in lines
    assert "  #1  2025-02-03 09:00 WIB  first capture" in lines
    assert "  #2  2025-02-04 09:00 WIB  body_text changed by the portal" in lines
    # six words of context after the change: "sentimeter mulai surut pada Senin pagi."
    diff = "… Genangan setinggi [-40-] {+60+} sentimeter mulai surut pada Senin pagi. …"
    assert f"      body_text: {diff}" in lines
    assert "  #3  2025-02-04 09:00 WIB  title changed by a re-extraction" in lines
    assert "      title: … Banjir di Ciledug [-Mulai-] {+Sudah+} Surut …" in lines
    assert lines[lines.index("Views (a row when the count changed)") + 1 :][:2] == [
        "  2025-02-03 09:00 WIB  120",
        "  2025-02-04 09:00 WIB  310",
    ]
    assert lines[-2:] == [
        "  2025-02-06 10:00 WIB  removed: HTTP 404 where the article was",
        "  2025-02-07 10:00 WIB  returned: on the portal again",
    ]

    as_json = json.loads(
        CliRunner().invoke(main, ["history", "1", "--db", str(db), "--json"]).output
    )
    assert [r["source"] for r in as_json["revisions"]] == ["crawl", "crawl", "reparse"]
    assert as_json["revisions"][1]["changed"] == ["body_text"]
    assert [e["kind"] for e in as_json["events"]] == ["removed", "returned"]
    assert as_json["article"]["published_at"] == "2025-02-03T01:15:00+00:00"


def test_an_unknown_article_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    open_archive(f"sqlite:///{db}").close()
    result = CliRunner().invoke(main, ["history", "https://kota.go.id/tidak-ada", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == "Error: no article at 'https://kota.go.id/tidak-ada' in this archive\n"


def test_history_names_the_copies_on_other_portals(tmp_path: Path) -> None:
    db = tmp_path / "arsip.db"
    archive = open_archive(f"sqlite:///{db}")
    archive.ensure_site("kota", name="Pemkot Contoh", timezone="Asia/Jakarta")
    archive.save_article(FIRST)
    copy_url = "https://prov.go.id/siaran-pers/88/banjir-surut"
    copy = replace(FIRST, url=copy_url, site_id="prov", body_text="SERANG – " + FIRST.body_text)
    archive.save_article(copy)
    archive.close()
    result = CliRunner().invoke(main, ["history", URL, "--db", str(db)])
    lines = result.output.splitlines()
    assert lines[-2:] == [
        "Copies on other pages (1, cluster 1)",
        f"  #2  2025-02-03 08:15 WIB  prov  {copy_url}",
    ]
