"""The numbers the progress line and the end-of-crawl summary show, from Scrapy's stats."""

from __future__ import annotations

from rich.console import Console

from warta.summary import counts_from_stats, headline, summary_table

STATS = {
    "response_received_count": 136,
    "item_scraped_count": 118,
    "warta/articles/new": 100,
    "warta/articles/updated": 3,
    "warta/articles/unchanged": 13,
    "warta/articles/alias": 2,
    "item_dropped_reasons_count/MissingBody": 4,
    "item_dropped_reasons_count/DuplicateInRun": 1,
    "warta/errors/http_404": 1,
    "warta/errors/DownloadTimeoutError": 2,
    "warta/published/unparsed": 5,
    "robotstxt/forbidden": 1,
    "finish_reason": "finished",
}


def test_counts_group_what_a_person_watches() -> None:
    counts = counts_from_stats(STATS)
    assert counts["pages"] == 136
    assert counts["scraped"] == 118
    assert counts["duplicate"] == 3  # two aliases and one in-run duplicate
    assert counts["dropped"] == 4  # the in-run duplicate is not counted as dropped
    assert counts["errors"] == 3
    assert counts["date_unparsed"] == 5


def test_headline_says_when_nothing_changed() -> None:
    assert headline(STATS) == "100 new and 3 updated articles stored."
    quiet = {"warta/articles/unchanged": 60}
    assert headline(quiet) == (
        "Nothing new: the archive already had all 60 articles seen (no article rows added)."
    )


def test_summary_table_shows_rate_and_archive() -> None:
    console = Console(width=120, record=True)
    console.print(summary_table(STATS, elapsed_s=4.0, where="sqlite:///tmp/a.db"))
    text = console.export_text()
    assert "34.0 pages/s over 4.0 s" in text
    assert "sqlite:///tmp/a.db" in text
    assert "dates unreadable (kept raw)" in text
