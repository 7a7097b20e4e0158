"""The article page: facts, body, revisions with a diff, views chart, copies, captures, and
crawled text that stays text."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from tests.web import html_of
from tests.web.sample_archive import HOSTILE_TAG, HOSTILE_TITLE


def facts(text: str) -> dict[str, str]:
    page = html_of(text)
    names = [dt.text_content() for dt in page.xpath('//dl[@class="facts"]/dt')]
    values = [" ".join(dd.text_content().split()) for dd in page.xpath('//dl[@class="facts"]/dd')]
    return dict(zip(names, values, strict=True))


def test_the_article_with_its_facts_and_body(client: TestClient) -> None:
    answer = client.get("/articles/1")
    assert answer.status_code == 200
    page = html_of(answer.text)
    assert page.xpath("//h1/text()") == ["Banjir Rendam Ciledug, Warga Mengungsi"]
    assert facts(answer.text) == {
        "Portal": "Pemkot Kota A",
        "Published": "2025-01-10 08:00 WIB (printed: “Jumat, 10 Januari 2025 08:00 WIB”)",
        "Views": "300",
        "Author": "Humas Kota A",
        "Address": "https://kota-a.go.id/berita/1/banjir-ciledug",
        "On the portal": "yes, last seen 2025-01-11 10:00 WIB",
        "Archived": "first 2025-01-10 10:00 WIB, 2 revisions",
        "Tags": "banjirbencana",  # two links, below
    }
    assert page.xpath('//ul[@class="tags"]//a/text()') == ["banjir", "bencana"]
    assert page.xpath('//ul[@class="tags"]//a/@href') == [
        "/?q=banjir&tag=banjir",
        "/?q=bencana&tag=bencana",
    ]
    assert page.xpath('//dl[@class="facts"]//a[@class="url"]/@href') == [
        "https://kota-a.go.id/berita/1/banjir-ciledug"
    ]
    body = page.xpath('//article[@class="body"]/p/text()')
    assert body == [
        "Genangan setinggi 60 sentimeter merendam permukiman warga di Kecamatan Ciledug sejak "
        "Minggu malam. Warga mengungsi ke masjid terdekat dan petugas membagikan makanan."
    ]


def test_revisions_show_what_the_portal_changed(client: TestClient) -> None:
    page = html_of(client.get("/articles/1").text)
    items = page.xpath('//ol[@class="revisions"]/li')
    assert len(items) == 2
    first = " ".join(items[0].xpath("p")[0].text_content().split())
    second = " ".join(items[1].xpath("p")[0].text_content().split())
    assert first == "#1 2025-01-10 10:00 WIB · first capture"
    assert second == "#2 2025-01-11 10:00 WIB · body_text changed by the portal"
    assert items[1].xpath(".//del/text()") == ["40"]
    assert items[1].xpath(".//ins/text()") == ["60"]


def test_the_view_history_is_a_chart_and_a_table(client: TestClient) -> None:
    page = html_of(client.get("/articles/1").text)
    data = json.loads(page.xpath('//script[@id="views-data"]/text()')[0])
    assert [point["y"] for point in data["points"]] == [120, 300]
    assert data["labels"] == ["2025-01-10 10:00 WIB", "2025-01-11 10:00 WIB"]
    # 10:00 WIB on the portal's clock, as epoch ms read as UTC: 2025-01-10T10:00Z
    assert data["points"][0]["x"] == 1736503200000
    rows = page.xpath("//details//tbody/tr")
    assert [[td.text for td in row.xpath("td")] for row in rows] == [
        ["2025-01-10 10:00 WIB", "120"],
        ["2025-01-11 10:00 WIB", "300"],
    ]


def test_copies_on_other_portals_link_to_their_pages(client: TestClient) -> None:
    page = html_of(client.get("/articles/1").text)
    copies = page.xpath('//ul[@class="copies"]/li')
    assert len(copies) == 1
    assert copies[0].xpath("a/@href")[:2] == ["/articles/6", "/sites/kab_b"]
    assert copies[0].xpath("a/text()")[:2] == ["Rilis: Warga Ciledug Mengungsi", "Pemkab B"]
    # the copy's date on its own portal's clock: 08:00 WIB is 09:00 WITA
    assert "2025-01-10 09:00 WITA" in copies[0].text_content()


def test_captures_name_the_warc_file_and_offset(client: TestClient) -> None:
    page = html_of(client.get("/articles/1").text)
    rows = page.xpath('//table[@class="captures"]/tbody/tr')
    assert [[td.text_content() for td in row.xpath("td")] for row in rows] == [
        ["2025-01-10 10:00 WIB", "200", "response", "20250110-kota-a-1.warc.gz@1234", "5.678"]
    ]


def test_a_removed_article_says_so(client: TestClient) -> None:
    answer = client.get("/articles/2")
    assert facts(answer.text)["On the portal"] == "no: removed 2025-03-01 08:00 WIB"
    events = html_of(answer.text).xpath("//section[h2='Removed and returned']//li")
    assert [" ".join(li.text_content().split()) for li in events] == [
        "2025-03-01 08:00 WIB · removed: HTTP 404 where the article was"
    ]


def test_crawled_markup_is_shown_as_text_never_as_markup(client: TestClient) -> None:
    answer = client.get("/articles/3")
    page = html_of(answer.text)
    assert page.xpath("//h1/text()") == [HOSTILE_TITLE]
    assert page.xpath('//ul[@class="tags"]//a/text()') == [HOSTILE_TAG]
    assert page.xpath('//article[@class="body"]/p[2]/text()') == [
        '<script>window.pwned=1</script> "><img src=x onerror=alert(1)>'
    ]
    # the only scripts are the page's own files and its JSON data block
    scripts = [(s.get("src"), s.get("type")) for s in page.xpath("//script")]
    assert scripts == [
        ("/static/vendor/chart.umd.min.js", None),
        ("/static/charts.js", None),
        (None, "application/json"),
    ]
    assert page.xpath("//img") == []
    assert "<script>window.pwned" not in answer.text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in answer.text


def test_the_hostile_title_is_escaped_in_search_results_too(client: TestClient) -> None:
    answer = client.get("/", params={"q": "hoaks"})
    page = html_of(answer.text)
    assert [a.text_content() for a in page.xpath('//li[@class="hit"]/h2/a')] == [HOSTILE_TITLE]
    assert page.xpath('//li[@class="hit"]//mark/text()') == ["Hoaks", "hoaks"]
    assert page.xpath("//img") == []
    assert "<script>alert(1)" not in answer.text


def test_a_javascript_url_is_shown_as_text_not_as_a_link(client: TestClient) -> None:
    answer = client.get("/articles/4")
    page = html_of(answer.text)
    assert facts(answer.text)["Address"] == "javascript:alert(1)"
    assert page.xpath('//span[@class="url inert"]/text()') == ["javascript:alert(1)"]
    hrefs = page.xpath("//a/@href")
    assert not [href for href in hrefs if "javascript" in href.lower()]


def test_an_unknown_article_is_404(client: TestClient) -> None:
    for path in ("/articles/999", "/articles/99999999999999999999999"):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert html_of(answer.text).xpath('//p[@class="error"]/text()') == [
            f"no article #{path.rsplit('/', 1)[1]} in this archive"
        ]
    assert client.get("/articles/abc").status_code == 404
