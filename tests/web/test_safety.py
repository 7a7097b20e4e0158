"""What keeps the page safe: headers on every response, only GET and HEAD, links only to
http(s), and an archive that the server never writes, even while a crawl holds it."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from starlette.testclient import TestClient

from tests.web import html_of
from tests.web.sample_archive import build_archive
from warta.web.app import create_app
from warta.web.readonly import open_readonly
from warta.web.templating import web_href

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PATHS = (
    "/",
    "/?q=banjir",
    '/?q="unclosed',
    "/articles/1",
    "/articles/999",
    "/sites/kota_a",
    "/api/search?q=banjir",
    "/api/articles/1",
    "/api/sites/kab_b",
    "/static/style.css",
    "/static/charts.js",
    "/static/vendor/chart.umd.min.js",
    "/nowhere",
)
TABLES = ("sites", "articles", "revisions", "view_counts", "tags", "captures", "crawl_runs")


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.headers["content-security-policy"] == CSP
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"


def test_only_get_and_head_are_answered(client: TestClient) -> None:
    assert client.head("/articles/1").status_code == 200
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        answer = client.request(method, "/articles/1")
        assert answer.status_code == 405, method
        assert answer.headers["allow"] == "GET, HEAD"
        assert answer.headers["content-security-policy"] == CSP


def test_no_inline_style_or_script_that_the_policy_would_block(client: TestClient) -> None:
    for path in ("/", "/?q=banjir", "/articles/1", "/articles/3", "/sites/kota_a"):
        page = html_of(client.get(path).text)
        assert page.xpath("//style | //*[@style]") == [], path
        handlers = [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")]
        assert handlers == [], path
        for script in page.xpath("//script"):
            assert script.get("src", "").startswith("/static/") or (
                script.get("type") == "application/json"
            ), path


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://kota.go.id/berita/1", "https://kota.go.id/berita/1"),
        ("HTTP://kota.go.id/", "HTTP://kota.go.id/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("https:///no-host", None),
        ("/berita/1", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_and_https_urls_become_links(url: str | None, href: str | None) -> None:
    assert web_href(url) == href


def _fingerprint(path: Path) -> tuple[str, int, int, dict[str, int]]:
    with closing(sqlite3.connect(path)) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_size, counts


def test_requests_leave_the_archive_file_untouched(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "arsip.db")
    before = _fingerprint(db)
    assert before[3]["articles"] == 31
    archive = open_readonly(f"sqlite:///{db}")
    with TestClient(create_app(archive)) as client:
        for path in PATHS:
            client.get(path)
        for method in ("POST", "DELETE"):
            client.request(method, "/")
    archive.close()
    assert _fingerprint(db) == before


def test_the_engine_refuses_to_write(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "arsip.db")
    archive = open_readonly(f"sqlite:///{db}")
    try:
        with (
            archive.engine.connect() as conn,
            pytest.raises(OperationalError, match="attempt to write a readonly database"),
        ):
            conn.exec_driver_sql("DELETE FROM articles")
    finally:
        archive.close()


def test_pages_answer_while_a_crawl_holds_a_write_transaction(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "arsip.db")
    archive = open_readonly(f"sqlite:///{db}")
    writer = sqlite3.connect(db, isolation_level=None, timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE articles SET title = 'Sedang ditulis' WHERE id = 1")
        with TestClient(create_app(archive)) as client:
            for path in ("/", "/?q=banjir", "/articles/1", "/sites/kota_a", "/api/articles/1"):
                assert client.get(path).status_code == 200, path
            # the page reads the last committed state, not the open transaction
            assert client.get("/api/articles/1").json()["article"]["title"] == (
                "Banjir Rendam Ciledug, Warga Mengungsi"
            )
            writer.execute("COMMIT")
            assert client.get("/api/articles/1").json()["article"]["title"] == "Sedang ditulis"
    finally:
        writer.close()
        archive.close()
