"""Articles that leave the portal are marked, never deleted; a return is recorded too."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from storage import Archive
from storage.warc import WarcFiles
from tests.storage.conftest import FETCHED_AT, make_data, query
from tests.storage.test_warc import Page

GONE_AT = FETCHED_AT + timedelta(days=3)
URL = "https://sample.go.id/berita/1/wali-kota-resmikan-pasar"


def test_a_removed_article_keeps_everything_and_says_why(archive: Archive, db_path: Path) -> None:
    archive.save_article(make_data())
    assert archive.mark_removed(
        URL, at=GONE_AT, evidence="HTTP 404 where the article was", run_id=None
    )
    assert not archive.mark_removed(URL, at=GONE_AT, evidence="again", run_id=None)  # once
    article = archive.get_article(URL)
    assert article is not None
    assert article["removed_at"] == GONE_AT
    assert article["title"] == "Wali Kota Resmikan Pasar Baru"
    assert query(db_path, "SELECT count(*) FROM revisions") == [(1,)]
    assert query(db_path, "SELECT kind, evidence, capture_id FROM article_events") == [
        ("removed", "HTTP 404 where the article was", None)
    ]
    assert archive.present_articles("sample_pemkot") == []


def test_an_unknown_url_is_no_removal(archive: Archive, db_path: Path) -> None:
    assert not archive.mark_removed(
        "https://sample.go.id/berita/999999/", at=GONE_AT, evidence="HTTP 404", run_id=None
    )
    assert query(db_path, "SELECT count(*) FROM article_events") == [(0,)]


def test_removal_by_an_alias_url_with_the_404_page_as_evidence(
    archive: Archive, db_path: Path, tmp_path: Path
) -> None:
    archive.save_article(make_data())
    alias = URL + "?page=berita&id=1"
    archive.save_article(make_data(url=alias))  # same content: an alias
    files = WarcFiles(tmp_path / "captures", started=GONE_AT)
    page = files.write(Page(url=alias, status=404, body=b"<h1>Halaman tidak ditemukan</h1>"))
    files.close()
    assert archive.mark_removed(
        alias, at=GONE_AT, evidence="HTTP 404 where the article was", run_id=None, capture=page
    )
    [(capture_id, article_id, status)] = query(
        db_path, "SELECT id, article_id, status FROM captures"
    )
    assert status == 404
    assert query(db_path, "SELECT article_id, capture_id FROM article_events") == [
        (article_id, capture_id)
    ]


def test_a_return_clears_removed_at_and_is_an_event(archive: Archive, db_path: Path) -> None:
    archive.save_article(make_data())
    other = make_data(url="https://sample.go.id/berita/2/lain", title="Lain")
    archive.save_article(other)
    archive.mark_removed(URL, at=GONE_AT, evidence="not listed", run_id=None)
    back_at = GONE_AT + timedelta(days=1)
    assert archive.note_returns([URL, other.url], at=back_at, run_id=None, evidence="listed") == 1
    assert query(db_path, "SELECT removed_at FROM articles") == [(None,), (None,)]
    assert query(db_path, "SELECT kind, evidence FROM article_events ORDER BY id") == [
        ("removed", "not listed"),
        ("returned", "listed"),
    ]
    assert archive.note_returns([URL], at=back_at, run_id=None, evidence="listed") == 0


def test_present_articles_lists_every_url_an_article_had(archive: Archive) -> None:
    archive.save_article(make_data())
    archive.save_article(replace(make_data(), url=URL + "/"))  # an alias variant
    [present] = archive.present_articles("sample_pemkot")
    assert sorted(present.urls) == [URL, URL + "/"]
