"""The page over a PostgreSQL archive: everything but search, which is SQLite's FTS5 and says
so in one line. Skipped when no server answers on 127.0.0.1:5432."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.exc import InternalError
from starlette.testclient import TestClient

from storage import Archive
from tests.web import html_of
from tests.web.sample_archive import fill_archive
from warta.web.app import create_app
from warta.web.readonly import open_readonly

pytestmark = pytest.mark.postgres

SERVER = "postgres@127.0.0.1:5432/test"
psycopg = pytest.importorskip(
    "psycopg", reason="psycopg is not installed (pip install -e '.[dev]')"
)


@pytest.fixture(scope="module")
def pg_archive() -> Iterator[Archive]:
    try:
        admin = psycopg.connect(f"postgresql://{SERVER}", connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at {SERVER}: {exc}".splitlines()[0])
    schema = f"warta_web_{uuid.uuid4().hex[:12]}"
    url = f"postgresql+psycopg://{SERVER}?options=-csearch_path%3D{schema}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            fill_archive(url)
            archive = open_readonly(url)
            try:
                yield archive
            finally:
                archive.close()
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="module")
def pg_client(pg_archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(pg_archive)) as client:
        yield client


def test_search_says_it_needs_sqlite(pg_client: TestClient) -> None:
    page = pg_client.get("/", params={"q": "banjir"})
    assert page.status_code == 503
    assert html_of(page.text).xpath('//p[@class="error"]/text()') == [
        "search needs an SQLite archive (this one is not)"
    ]
    api = pg_client.get("/api/search", params={"q": "banjir"})
    assert (api.status_code, api.json()) == (
        503,
        {"error": "search needs an SQLite archive (this one is not)"},
    )


def test_the_other_pages_work(pg_client: TestClient) -> None:
    home = html_of(pg_client.get("/").text)
    assert home.xpath('//ul[@class="counts"]/li[1]')[0].text_content() == "31 articles"
    article = pg_client.get("/api/articles/1").json()
    assert article["article"]["title"] == "Banjir Rendam Ciledug, Warga Mengungsi"
    assert [v["view_count"] for v in article["views"]] == [120, 300]
    assert pg_client.get("/articles/3").status_code == 200
    site = html_of(pg_client.get("/sites/kota_c").text)
    data = json.loads(site.xpath('//script[@id="months-data"]/text()')[0])
    # months on the WIT clock, counted by PostgreSQL this time
    assert (data["labels"], data["values"]) == (["2024-10", "2024-11", "2024-12"], [11, 10, 4])


def test_sessions_are_read_only(pg_archive: Archive) -> None:
    with (
        pg_archive.engine.connect() as conn,
        pytest.raises(InternalError, match="read-only transaction"),
    ):
        conn.exec_driver_sql("DELETE FROM tags")
