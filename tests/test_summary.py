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


def test_headline_says_what_changed_and_what_went_wrong() -> None:
    assert headline(STATS) == (
        "100 new and 3 updated articles stored. 3 pages failed (HTTP errors, timeouts)."
    )
    quiet = {"warta/articles/unchanged": 58, "warta/articles/alias": 2}
    assert headline(quiet) == (
        "Nothing new: all 60 articles seen were already in the archive"
        " (no article rows added; view counts recorded)."
    )


def test_headline_never_says_nothing_new_about_nothing() -> None:
    """A crawl that stored nothing must not read as "the archive already had all 0"."""
    assert headline({}) == "No articles stored."
    refused = {"warta/storage/failed/IntegrityError": 2, "warta/storage/refused/url_too_long": 1}
    assert (
        headline(refused)
        == "No articles stored. 3 articles could not be stored (the log says why)."
    )


def test_storage_failures_are_their_own_line_not_http_errors() -> None:
    stats = {**STATS, "warta/storage/failed/DataError": 1, "warta/storage/refused/invalid": 1}
    counts = counts_from_stats(stats)
    assert counts["errors"] == 3  # unchanged: HTTP and timeouts only
    assert counts["not_stored"] == 2
    console = Console(width=120, record=True)
    console.print(summary_table(stats, elapsed_s=1.0))
    line = next(x for x in console.export_text().splitlines() if "not stored" in x)
    assert line.split("│")[2].strip() == "2"


def test_over_limit_drops_are_not_counted_as_not_articles() -> None:
    stats = {**STATS, "item_dropped_reasons_count/OverLimit": 7}
    assert counts_from_stats(stats)["dropped"] == 4


def test_summary_table_shows_rate() -> None:
    console = Console(width=120, record=True)
    console.print(summary_table(STATS, elapsed_s=4.0))
    text = console.export_text()
    assert "34.0 pages/s over 4.0 s" in text
    assert "dates unreadable (kept raw)" in text


def test_captures_and_removals_have_their_lines() -> None:
    stats = {
        **STATS,
        "warta/captures/response": 100,
        "warta/captures/revisit": 16,
        "warta/removals/removed": 2,
        "warta/removals/returned": 1,
    }
    console = Console(width=120, record=True)
    console.print(summary_table(stats, elapsed_s=1.0))
    lines = {
        cells[1].strip(): cells[2].strip()
        for line in console.export_text().splitlines()
        if len(cells := line.split("│")) > 3
    }
    assert lines["WARC captures (revisits)"] == "100 (16)"
    assert lines["removed from the portal (returned)"] == "2 (1)"


def test_an_incremental_run_whose_revisits_were_all_unchanged_says_so() -> None:
    stats = {
        "response_received_count": 14,
        "warta/incremental/revisits": 12,
        "warta/incremental/not_modified": 12,
    }
    assert headline(stats) == (
        "Nothing new: all 12 articles seen were already in the archive "
        "(12 answered 304 Not Modified)."
    )
    console = Console(width=120, record=True)
    console.print(summary_table(stats, elapsed_s=1.0))
    assert "recent articles fetched again (304) │ 12 (12)" in console.export_text().replace(
        "  ", ""
    )
