"""The portal page: articles per month on the portal's clock, newest articles, run health."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from tests.web import html_of


def test_articles_per_month_on_the_portals_clock(client: TestClient) -> None:
    page = html_of(client.get("/sites/kota_c").text)
    assert page.xpath("//h1/text()") == ["Pemkot C"]
    data = json.loads(page.xpath('//script[@id="months-data"]/text()')[0])
    assert data["labels"] == ["2024-10", "2024-11", "2024-12"]
    assert data["values"] == [11, 10, 4]


def test_empty_months_between_are_drawn_at_zero(client: TestClient) -> None:
    page = html_of(client.get("/sites/kota_a").text)
    data = json.loads(page.xpath('//script[@id="months-data"]/text()')[0])
    # #1 in January 2025; #2, #3 and #4 in February
    assert (data["labels"], data["values"]) == (["2025-01", "2025-02"], [1, 3])


def test_newest_articles_link_to_their_pages(client: TestClient) -> None:
    page = html_of(client.get("/sites/kab_b").text)
    links = page.xpath('//ul[@class="latest"]/li/a')
    assert [(a.get("href"), a.text) for a in links] == [
        ("/articles/5", "Banjir Bandang Terjang Desa Sukamaju"),
        ("/articles/6", "Rilis: Warga Ciledug Mengungsi"),
    ]


def test_run_health_shows_status_and_flags(client: TestClient) -> None:
    flagged = html_of(client.get("/sites/kab_b").text)
    rows = flagged.xpath('//table[@class="runs"]/tbody/tr')
    assert len(rows) == 1
    cells = [" ".join(td.text_content().split()) for td in rows[0].xpath("td")]
    assert cells[:2] == ["#2", "partial"]
    assert cells[5] == "2"  # new articles, from the run's stats
    assert cells[8] == "few_articles 2 new articles, the portal usually has 9"
    healthy = html_of(client.get("/sites/kota_a").text)
    cells = [
        " ".join(td.text_content().split())
        for td in healthy.xpath('//table[@class="runs"]/tbody/tr/td')
    ]
    assert (cells[0], cells[1], cells[5], cells[8]) == ("#1", "finished", "4", "ok")


def test_a_search_box_limited_to_the_portal(client: TestClient) -> None:
    page = html_of(client.get("/sites/kab_b").text)
    assert page.xpath('//form[@action="/"]/input[@name="site"]/@value') == ["kab_b"]


def test_an_unknown_portal_is_404(client: TestClient) -> None:
    answer = client.get("/sites/nowhere")
    assert answer.status_code == 404
    assert html_of(answer.text).xpath('//p[@class="error"]/text()') == [
        "no portal 'nowhere' in this archive"
    ]
