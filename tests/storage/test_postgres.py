"""The save/dedup scenario on PostgreSQL, in a throwaway schema; skipped when no server is up."""

import secrets
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from storage import Archive, SaveOutcome, StorageError, clusters, open_archive
from storage.limits import fit_for_storage
from storage.models import Base
from tests.storage.conftest import FETCHED_AT, make_data

pytestmark = pytest.mark.postgres

SERVER = "postgres@127.0.0.1:5432/test"

try:
    import psycopg
except ImportError:
    pytest.skip(
        "psycopg is not installed (pip install -e '.[dev]'); skipping PostgreSQL tests",
        allow_module_level=True,
    )


@pytest.fixture
def pg_archive() -> Iterator[Archive]:
    try:
        admin = psycopg.connect(f"postgresql://{SERVER}", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {SERVER}: {exc}".splitlines()[0])
    schema = f"warta_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        opened = open_archive(f"postgresql+psycopg://{SERVER}?options=-csearch_path%3D{schema}")
        try:
            yield opened
        finally:
            opened.close()
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_migrated_schema_matches_models(pg_archive: Archive) -> None:
    with pg_archive.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert conn.execute(text("SELECT current_schema()")).scalar().startswith("warta_test_")


def test_save_and_dedupe_scenario(pg_archive: Archive) -> None:
    later = FETCHED_AT + timedelta(days=1)
    first = make_data(published_at=datetime(2024, 3, 5, 18, 26, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert pg_archive.save_article(first) is SaveOutcome.NEW
    assert pg_archive.save_article(replace(first, fetched_at=later)) is SaveOutcome.UNCHANGED
    edited = replace(first, body_text="Diperbarui.", view_count=75, fetched_at=later)
    assert pg_archive.save_article(edited) is SaveOutcome.UPDATED
    alias = replace(edited, url="https://sample.go.id/?p=1")
    assert pg_archive.save_article(alias) is SaveOutcome.ALIAS
    assert pg_archive.save_article(alias) is SaveOutcome.ALIAS

    assert pg_archive.counts() == {
        "sites": 1,
        "articles": 1,
        "revisions": 2,
        "view_counts": 2,
        "tags": 2,
        "article_tags": 2,
        "article_aliases": 1,
        "crawl_runs": 0,
        "captures": 0,
        "article_events": 0,
        "article_signatures": 0,  # "Diperbarui." is too short to compare with anything
        "article_bands": 0,
        "article_bands_recent": 0,
        "schedules": 0,
        "listing_pages": 0,
    }
    with pg_archive.engine.connect() as conn:
        local = conn.execute(text("SELECT published_local FROM articles_local")).scalar()
    assert local == "2024-03-05 18:26 WIB"
    article = pg_archive.get_article(alias.url)
    assert article is not None
    assert article["url"] == first.url
    assert article["body_text"] == "Diperbarui."
    assert article["published_at"] == datetime(2024, 3, 5, 11, 26, tzinfo=UTC)
    assert article["published_at"].utcoffset() == timedelta(0)
    assert article["tags"] == ["Pemkot", "Pasar"]


def test_concurrent_insert_of_the_same_url_is_retried(pg_archive: Archive) -> None:
    """Another process commits the same URL between our lookup and our insert."""
    other = open_archive(pg_archive.engine.url.render_as_string(hide_password=False))
    pg_archive.ensure_site("sample_pemkot")
    other.ensure_site("sample_pemkot")
    fired: list[bool] = []

    def competitor_wins(conn: object, cursor: object, statement: str, *_: object) -> None:
        if statement.startswith("INSERT INTO articles") and not fired:
            fired.append(True)
            assert other.save_article(make_data()) is SaveOutcome.NEW

    event.listen(pg_archive.engine, "before_cursor_execute", competitor_wins)
    try:
        assert pg_archive.save_article(make_data()) is SaveOutcome.UNCHANGED
    finally:
        event.remove(pg_archive.engine, "before_cursor_execute", competitor_wins)
        other.close()
    assert fired == [True]
    assert pg_archive.counts()["articles"] == 1


def test_postgres_refuses_what_fit_for_storage_keeps_it_from_seeing(pg_archive: Archive) -> None:
    """A count past INTEGER and a tag past a btree index row are refused by the server, and
    would sink their whole batch; fitted first, the article is stored without them."""
    huge_views = make_data(
        url="https://sample.go.id/berita/2/hits", title="Hits", view_count=3_000_000_000
    )
    essay_tag = secrets.token_urlsafe(6000)  # ~8,000 characters that do not compress
    long_tag = make_data(
        url="https://sample.go.id/berita/3/tag", title="Lain", tags=("Pemkot", essay_tag)
    )
    for data in (huge_views, long_tag):
        with pytest.raises((DBAPIError, StorageError)) as refused:
            pg_archive.save_articles([make_data(), data])
        assert any(words in str(refused.value) for words in ("out of range", "index row"))
    assert pg_archive.counts()["articles"] == 0  # the good neighbour went down with it

    fitted = [fit_for_storage(d).data for d in (make_data(), huge_views, long_tag)]
    assert pg_archive.save_articles(fitted) == [SaveOutcome.NEW] * 3
    stored = pg_archive.get_article(huge_views.url)
    assert stored is not None
    assert (stored["view_count"], stored["view_count_raw"]) == (None, "3000000000")
    tagged = pg_archive.get_article(long_tag.url)
    assert tagged is not None
    assert tagged["tags"] == ["Pemkot"]


def test_recent_bands_move_in_one_statement_and_copies_still_cluster(
    pg_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clusters, "RECENT_BANDS", 25)  # moved after every article
    release = " ".join(f"kalimat ke-{n} dari siaran pers pemerintah kota" for n in range(40))
    reprint = release + " Ditulis ulang oleh humas kabupaten."
    first = make_data(body_text=release)
    pg_archive.save_articles([first, replace(first, url=first.url + "-salinan", body_text=reprint)])
    with pg_archive.engine.connect() as conn:
        clustered = conn.execute(text("SELECT cluster_id FROM articles ORDER BY id")).scalars()
        assert len(set(clustered)) == 1
        large = conn.execute(text("SELECT count(*) FROM article_bands")).scalar()
        recent = conn.execute(text("SELECT count(*) FROM article_bands_recent")).scalar()
    assert (large, recent) == (50, 0)
