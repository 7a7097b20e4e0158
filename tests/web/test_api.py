"""The JSON API: the same searches and histories as the pages, and errors as one line."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_search_answers_what_warta_search_json_prints_plus_paging(client: TestClient) -> None:
    answer = client.get("/api/search", params={"q": "banjir", "sort": "date"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert set(body) == {"query", "total", "sort", "limit", "offset", "hits", "page", "pages"}
    assert (body["query"], body["total"], body["sort"]) == ("banjir", 2, "date")
    assert (body["limit"], body["offset"], body["page"], body["pages"]) == (20, 0, 1, 1)
    first = body["hits"][0]
    assert set(first) == {
        *("id", "url", "site_id", "title", "published_at", "published_local"),
        *("view_count", "removed", "revision_count", "score"),
        *("title_marked", "snippet", "snippet_marked"),
    }
    assert first["id"] == 5
    assert first["url"] == "https://kab-b.go.id/berita/5/banjir-bandang"
    assert first["published_at"] == "2025-02-03T01:30:00+00:00"
    assert first["published_local"] == "2025-02-03 09:30 WITA"
    assert first["title_marked"] == [["Banjir", True], [" Bandang Terjang Desa Sukamaju", False]]
    assert first["score"] is None  # sorted by date: no ranking
    assert [hit["id"] for hit in body["hits"]] == [5, 1]
    assert [hit["revision_count"] for hit in body["hits"]] == [1, 2]  # #1 was edited once


def test_search_pages_through_the_api(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "rapat", "sort": "date", "page": "2"}).json()
    assert (body["total"], body["offset"], body["page"], body["pages"]) == (25, 20, 2, 2)
    assert [hit["id"] for hit in body["hits"]] == [11, 10, 9, 8, 7]


def test_search_errors_are_400_with_one_line(client: TestClient) -> None:
    answer = client.get("/api/search", params={"q": '"unclosed'})
    assert answer.status_code == 400
    assert answer.json() == {
        "error": 'cannot read the query: a quote " is not closed: close the phrase with another "'
    }
    empty = client.get("/api/search")
    assert empty.status_code == 400
    assert empty.json() == {
        "error": "cannot read the query: nothing to search for: give a word or a quoted phrase"
    }
    bad_day = client.get("/api/search", params={"q": "banjir", "until": "kemarin"})
    assert bad_day.json() == {"error": "until is a day written 2025-01-31, not 'kemarin'"}


def test_an_article_as_warta_history_json_gives_it(client: TestClient) -> None:
    body = client.get("/api/articles/1").json()
    assert set(body) == {"article", "revisions", "views", "captures", "events", "copies"}
    assert body["article"]["title"] == "Banjir Rendam Ciledug, Warga Mengungsi"
    assert body["article"]["tags"] == ["banjir", "bencana"]
    assert body["article"]["timezone"] == "Asia/Jakarta"
    assert [r["revision_no"] for r in body["revisions"]] == [1, 2]
    assert body["revisions"][1]["changed"] == ["body_text"]
    assert [(v["observed_at"], v["view_count"]) for v in body["views"]] == [
        ("2025-01-10T03:00:00+00:00", 120),
        ("2025-01-11T03:00:00+00:00", 300),
    ]
    assert [(c["warc_file"], c["offset"]) for c in body["captures"]] == [
        ("20250110-kota-a-1.warc.gz", 1234)
    ]
    assert [(c["id"], c["site_id"]) for c in body["copies"]] == [(6, "kab_b")]


def test_an_unknown_article_or_portal_is_404_json(client: TestClient) -> None:
    answer = client.get("/api/articles/999")
    assert answer.status_code == 404
    assert answer.json() == {"error": "no article #999 in this archive"}
    assert client.get("/api/sites/nowhere").json() == {
        "error": "no portal 'nowhere' in this archive"
    }
    unrouted = client.get("/api/nothing")
    assert (unrouted.status_code, unrouted.json()) == (404, {"error": "Not Found"})


def test_a_portal_with_months_and_runs(client: TestClient) -> None:
    body = client.get("/api/sites/kab_b").json()
    assert {key: body[key] for key in ("site_id", "name", "timezone", "articles")} == {
        "site_id": "kab_b",
        "name": "Pemkab B",
        "timezone": "Asia/Makassar",
        "articles": 2,
    }
    assert body["newest_published_at"] == "2025-02-03T01:30:00+00:00"
    # #6 (10 Jan, 09:00 WITA) and #5 (3 Feb)
    assert body["articles_per_month"] == [
        {"month": "2025-01", "articles": 1},
        {"month": "2025-02", "articles": 1},
    ]
    assert [(run["id"], run["status"]) for run in body["runs"]] == [(2, "partial")]
    assert body["runs"][0]["health"] == [
        {"flag": "few_articles", "reason": "2 new articles, the portal usually has 9"}
    ]
