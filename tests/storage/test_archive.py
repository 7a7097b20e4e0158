"""The dedup rules of design.md as save_article applies them, checked against raw table rows."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from storage import Archive, SaveOutcome
from tests.storage.conftest import FETCHED_AT, make_data, query

Counts = Callable[[], dict[str, int]]
LATER = FETCHED_AT + timedelta(days=1)
EVEN_LATER = FETCHED_AT + timedelta(days=2)


def tags_of(archive: Archive) -> list[str]:
    article = archive.get_article(make_data().url)
    assert article is not None
    tags: list[str] = article["tags"]
    return tags


def test_new_then_unchanged_adds_no_rows(archive: Archive, counts_of: Counts) -> None:
    assert archive.save_article(make_data()) is SaveOutcome.NEW
    after_new = counts_of()
    assert after_new == {
        "sites": 1,
        "articles": 1,
        "revisions": 1,
        "view_counts": 1,
        "tags": 2,
        "article_tags": 2,
        "article_aliases": 0,
        "crawl_runs": 0,
        "captures": 0,
        "article_events": 0,
        "article_signatures": 1,
        "article_bands": 0,
        "article_bands_recent": 25,  # the LSH bands datasketch picks for 128 permutations at 0.5
        "schedules": 0,
        "listing_pages": 0,
    }

    assert archive.save_article(make_data(fetched_at=LATER)) is SaveOutcome.UNCHANGED
    assert counts_of() == after_new


def test_unchanged_moves_last_seen_but_keeps_fetched_at(archive: Archive) -> None:
    archive.save_article(make_data())
    archive.save_article(make_data(fetched_at=LATER, title="  wali kota  RESMIKAN pasar baru "))

    article = archive.get_article(make_data().url)
    assert article is not None
    assert article["title"] == "Wali Kota Resmikan Pasar Baru"
    assert article["first_seen_at"] == FETCHED_AT
    assert article["fetched_at"] == FETCHED_AT
    assert article["last_seen_at"] == LATER


def test_updated_keeps_old_text_in_revisions(
    archive: Archive, db_path: Path, counts_of: Counts
) -> None:
    archive.save_article(make_data())
    archive.save_article(make_data(fetched_at=LATER))
    changed = make_data(fetched_at=EVEN_LATER, body_text="Pasar baru diresmikan, ralat: Senin.")
    assert archive.save_article(changed) is SaveOutcome.UPDATED

    assert counts_of()["articles"] == 1
    assert query(db_path, "SELECT revision_no, body_text FROM revisions ORDER BY revision_no") == [
        (1, "Pasar baru di Kecamatan Ciledug diresmikan hari ini."),
        (2, "Pasar baru diresmikan, ralat: Senin."),
    ]
    article = archive.get_article(changed.url)
    assert article is not None
    assert article["body_text"] == "Pasar baru diresmikan, ralat: Senin."
    assert article["revision_count"] == 2
    assert article["fetched_at"] == EVEN_LATER
    assert article["first_seen_at"] == FETCHED_AT


def test_view_count_history_is_run_length(archive: Archive, db_path: Path) -> None:
    for day, views in enumerate((61, 61, 75, None, 75)):
        archive.save_article(
            make_data(view_count=views, fetched_at=FETCHED_AT + timedelta(days=day))
        )

    assert query(db_path, "SELECT view_count FROM view_counts ORDER BY id") == [(61,), (75,)]
    article = archive.get_article(make_data().url)
    assert article is not None
    assert article["view_count"] == 75


def test_same_site_same_content_other_url_is_an_alias(
    archive: Archive, db_path: Path, counts_of: Counts
) -> None:
    original = make_data()
    alias = make_data(url="https://sample.go.id/?p=1", view_count=80, fetched_at=LATER)
    archive.save_article(original)

    assert archive.save_article(alias) is SaveOutcome.ALIAS
    after_alias = counts_of()
    assert after_alias["articles"] == 1
    assert after_alias["article_aliases"] == 1
    assert query(db_path, "SELECT url, article_id FROM article_aliases") == [(alias.url, 1)]
    assert query(db_path, "SELECT view_count FROM view_counts ORDER BY id") == [(61,), (80,)]

    assert archive.save_article(replace(alias, fetched_at=EVEN_LATER)) is SaveOutcome.ALIAS
    assert counts_of() == after_alias
    resolved = archive.get_article(alias.url)
    assert resolved is not None
    assert resolved["url"] == original.url
    assert resolved["aliases"] == [alias.url]
    assert resolved["last_seen_at"] == EVEN_LATER
    memory = archive.crawl_memory("sample_pemkot", revisit_days=14, revisit_max=10)
    assert memory.seen == {original.url: EVEN_LATER, alias.url: EVEN_LATER}


def test_same_content_on_another_site_is_its_own_article(
    archive: Archive, counts_of: Counts
) -> None:
    archive.save_article(make_data())
    other = make_data(url="https://other.go.id/berita/9", site_id="other")
    assert archive.save_article(other) is SaveOutcome.NEW
    assert counts_of()["articles"] == 2
    assert set(archive.crawl_memory("other", revisit_days=14, revisit_max=10).seen) == {other.url}


def test_known_alias_url_with_new_content_updates_its_article(
    archive: Archive, counts_of: Counts
) -> None:
    archive.save_article(make_data())
    alias = make_data(url="https://sample.go.id/?p=1")
    archive.save_article(alias)
    edited = replace(alias, body_text="Isi yang diperbarui.", fetched_at=LATER)

    assert archive.save_article(edited) is SaveOutcome.UPDATED
    assert counts_of()["articles"] == 1
    article = archive.get_article(make_data().url)
    assert article is not None
    assert article["body_text"] == "Isi yang diperbarui."


def test_tags_kept_as_printed_in_order(archive: Archive, db_path: Path) -> None:
    tags = ("Pemkot Tangerang", "  Wali\u00a0Kota ", "pemkot tangerang", "Pemkot Tangerang", " ")
    archive.save_article(make_data(tags=tags))

    article = archive.get_article(make_data().url)
    assert article is not None
    assert article["tags"] == ["Pemkot Tangerang", "Wali Kota", "pemkot tangerang"]
    assert query(db_path, "SELECT name FROM tags ORDER BY id") == [
        ("Pemkot Tangerang",),
        ("Wali Kota",),
        ("pemkot tangerang",),
    ]


def test_tags_replaced_on_update_only(archive: Archive, db_path: Path) -> None:
    archive.save_article(make_data(tags=("A", "B")))
    archive.save_article(make_data(tags=("C",), fetched_at=LATER))
    assert tags_of(archive) == ["A", "B"]

    archive.save_article(make_data(tags=("B", "C"), body_text="Baru.", fetched_at=EVEN_LATER))
    assert tags_of(archive) == ["B", "C"]
    assert query(db_path, "SELECT COUNT(*) FROM tags") == [(3,)]


def test_update_without_tags_keeps_existing_tags(archive: Archive) -> None:
    archive.save_article(make_data(tags=("A", "B")))
    archive.save_article(make_data(tags=(), body_text="Baru.", fetched_at=LATER))
    assert tags_of(archive) == ["A", "B"]


def test_update_keeps_fields_the_new_capture_lacks(archive: Archive, db_path: Path) -> None:
    published = datetime(2024, 3, 5, 11, 26, tzinfo=UTC)
    archive.save_article(make_data(published_at=published, published_raw="Selasa, 5 Maret 2024"))
    archive.save_article(make_data(body_text="Baru.", fetched_at=LATER))

    article = archive.get_article(make_data().url)
    assert article is not None
    assert (article["published_at"], article["published_raw"]) == (
        published,
        "Selasa, 5 Maret 2024",
    )
    assert query(db_path, "SELECT revision_no, published_raw FROM revisions ORDER BY 1") == [
        (1, "Selasa, 5 Maret 2024"),
        (2, None),
    ]


def test_unchanged_fills_missing_fields_without_overwriting(archive: Archive) -> None:
    archive.save_article(make_data(author="Humas"))
    archive.save_article(make_data(author="Someone Else", language="id", fetched_at=LATER))
    article = archive.get_article(make_data().url)
    assert article is not None
    assert (article["author"], article["language"]) == ("Humas", "id")


def test_failed_save_leaves_no_partial_rows(
    archive: Archive, counts_of: Counts, db_path: Path
) -> None:
    with pytest.raises(IntegrityError):
        archive.save_article(make_data(), run_id=4242)
    assert set(counts_of().values()) == {0}

    assert archive.save_article(make_data()) is SaveOutcome.NEW
    assert query(db_path, "SELECT site_id FROM sites") == [("sample_pemkot",)]
    assert query(db_path, "SELECT name FROM tags ORDER BY name") == [("Pasar",), ("Pemkot",)]


def test_failed_batch_leaves_no_partial_rows(archive: Archive, counts_of: Counts) -> None:
    first = make_data()
    second = make_data(url="https://sample.go.id/berita/2", body_text="Lain.", tags=("X",))
    with pytest.raises(IntegrityError):
        archive.save_articles([first, second], run_id=4242)
    assert set(counts_of().values()) == {0}


def test_batch_sees_its_own_rows(archive: Archive, counts_of: Counts) -> None:
    first = make_data()
    outcomes = archive.save_articles(
        [
            first,
            replace(first, body_text="Diperbarui.", fetched_at=LATER),
            replace(first, url="https://sample.go.id/?p=1", body_text="Diperbarui."),
            make_data(url="https://sample.go.id/berita/2", body_text="Lain."),
        ]
    )
    assert outcomes == ["new", "updated", "alias", "new"]
    assert counts_of()["revisions"] == 3


def test_insert_race_on_url_is_retried(archive: Archive, counts_of: Counts) -> None:
    """SQLite's write lock rules the race out, so fake it: the same URL appears just before our
    INSERT (in our own transaction, so the retry starts clean and saves it as new)."""
    competitor_sql = (
        "INSERT INTO articles (url, site_id, title, body_text, content_hash, first_seen_at,"
        " last_seen_at, fetched_at, revision_count) VALUES (?, 'sample_pemkot', 't', 'b', 'h',"
        " '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
    )
    fired: list[str] = []

    def insert_first(conn: object, cursor: Any, statement: str, *_: object) -> None:
        if statement.startswith("INSERT INTO articles") and not fired:
            fired.append(statement)
            cursor.execute(competitor_sql, (make_data().url,))

    event.listen(archive.engine, "before_cursor_execute", insert_first)
    assert archive.save_article(make_data()) is SaveOutcome.NEW
    assert len(fired) == 1
    assert counts_of()["articles"] == 1
