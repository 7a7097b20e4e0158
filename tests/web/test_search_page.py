"""The search page: results, highlights, zones, filters, pages, the month chart, errors.

Expected articles come from tests/web/sample_archive.py's list, worked out by hand.
"""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.web import html_of


def hit_ids(text: str) -> list[int]:
    links = html_of(text).xpath('//li[@class="hit"]/h2/a/@href')
    return [int(link.rsplit("/", 1)[1]) for link in links]


def test_a_query_finds_the_flood_articles_on_both_portals(client: TestClient) -> None:
    found = client.get("/", params={"q": "banjir"})
    assert found.status_code == 200
    assert sorted(hit_ids(found.text)) == [1, 5]  # #6 copies #1's body, which never says banjir
    summary = html_of(found.text).xpath('//p[@class="summary"]')[0].text_content()
    assert summary.startswith("2 articles match banjir")


def test_matched_words_are_marked_in_titles_and_snippets(client: TestClient) -> None:
    page = html_of(client.get("/", params={"q": "mengungsi"}).text)
    titles = {h2.xpath("a/@href")[0]: h2.xpath(".//mark/text()") for h2 in page.xpath("//li/h2")}
    assert titles == {"/articles/1": ["Mengungsi"], "/articles/6": ["Mengungsi"]}
    snippets = [p.xpath("mark/text()") for p in page.xpath('//p[@class="snippet"]')]
    assert snippets == [["mengungsi"], ["mengungsi"]]  # "Warga mengungsi ke masjid"


def test_an_edited_article_says_so_in_the_results(client: TestClient) -> None:
    page = html_of(client.get("/", params={"q": "banjir", "sort": "date"}).text)
    marks = [li.xpath('.//span[@class="edited"]/text()') for li in page.xpath("//li[@class='hit']")]
    assert marks == [[], ["edited: 2 versions"]]  # #5 never changed; #1's body did once


def test_a_removed_article_is_still_found_and_marked(client: TestClient) -> None:
    text = client.get("/", params={"q": "pasar"}).text
    assert hit_ids(text) == [2]  # "Wali Kota Resmikan Pasar Baru", taken down on 1 March
    page = html_of(text)
    assert page.xpath('//span[@class="removed"]/text()') == ["removed by the portal"]
    assert page.xpath('//span[@class="edited"]') == []


def test_dates_are_shown_in_each_portals_zone(client: TestClient) -> None:
    page = html_of(client.get("/", params={"q": "banjir", "sort": "date"}).text)
    times = page.xpath('//li[@class="hit"]//time/text()')
    # #5 on the WITA portal first (newer), then #1 on the WIB portal
    assert times == ["2025-02-03 09:30 WITA", "2025-01-10 08:00 WIB"]
    assert page.xpath('//li[@class="hit"]//time/@datetime') == [
        "2025-02-03T01:30:00+00:00",
        "2025-01-10T01:00:00+00:00",
    ]


def test_results_come_twenty_to_a_page_with_links_to_the_others(client: TestClient) -> None:
    first = client.get("/", params={"q": "rapat", "sort": "date"})
    second = client.get("/", params={"q": "rapat", "sort": "date", "page": "2"})
    # 25 meetings, #7 the oldest ... #31 the newest
    assert hit_ids(first.text) == list(range(31, 11, -1))
    assert hit_ids(second.text) == [11, 10, 9, 8, 7]
    assert html_of(second.text).xpath("//ol/@start") == ["21"]
    nav = html_of(first.text).xpath('//nav[@class="pages"]')[0]
    assert nav.xpath('span[@class="current"]/text()') == ["1"]
    assert nav.xpath('a[@rel="next"]/@href') == ["/?q=rapat&sort=date&page=2"]
    beyond = client.get("/", params={"q": "rapat", "page": "3"})
    assert beyond.status_code == 200
    assert hit_ids(beyond.text) == []


def test_filters_narrow_the_results(client: TestClient) -> None:
    def ids(**params: str) -> list[int]:
        return sorted(hit_ids(client.get("/", params={"q": "banjir", **params}).text))

    assert ids(site="kab_b") == [5]
    assert ids(since="2025-02-01") == [5]
    assert ids(until="2025-01-31") == [1]
    assert ids(tag="BENCANA") == [1]  # case ignored
    assert ids(author="humas") == [1]
    assert ids(site="kota_c") == []


def test_a_word_finds_its_forms_unless_exact(client: TestClient) -> None:
    # "ungsi" is the root of "mengungsi" (#1 and #6); as written it is in no article
    assert sorted(hit_ids(client.get("/", params={"q": "ungsi"}).text)) == [1, 6]
    assert hit_ids(client.get("/", params={"q": "ungsi", "exact": "1"}).text) == []


def test_the_form_shows_the_search_it_ran(client: TestClient) -> None:
    params = {"q": "banjir", "site": "kab_b", "since": "2025-02-01", "sort": "date"}
    page = html_of(client.get("/", params=params).text)
    assert page.xpath('//input[@name="q"]/@value') == ["banjir"]
    assert page.xpath('//select[@name="site"]/option[@selected]/@value') == ["kab_b"]
    assert page.xpath('//input[@name="since"]/@value') == ["2025-02-01"]
    assert page.xpath('//select[@name="sort"]/option[@selected]/@value') == ["date"]


def test_a_chart_counts_the_matches_per_month(client: TestClient) -> None:
    page = html_of(client.get("/", params={"q": "rapat", "page": "2"}).text)
    # The page asks for the counts after showing the results, for the whole search.
    assert page.xpath("//canvas/@data-counts-url") == ["/api/search/counts?q=rapat"]
    counts = client.get("/api/search/counts", params={"q": "rapat"}).json()
    assert counts["months"]["labels"] == ["2024-10", "2024-11", "2024-12"]
    assert counts["months"]["values"] == [11, 10, 4]
    assert counts["total"] == 25
    assert counts["undated"] == 0


def test_matches_per_portal_link_to_the_portal_filter(client: TestClient) -> None:
    counts = client.get("/api/search/counts", params={"q": "banjir", "site": "kab_b"}).json()
    assert counts["per_site"] == [
        {"site_id": "kab_b", "name": "Pemkab B", "articles": 1, "href": "/?q=banjir&site=kab_b"},
        {
            "site_id": "kota_a",
            "name": "Pemkot Kota A",
            "articles": 1,
            "href": "/?q=banjir&site=kota_a",
        },
    ]
    assert counts["total"] == 1  # the chart counts the portal asked for; the links all of them
    assert counts["months"]["labels"] == ["2025-02"]


def test_counts_refuse_what_search_refuses(client: TestClient) -> None:
    assert client.get("/api/search/counts", params={"q": '"unclosed'}).status_code == 400
    assert client.get("/api/search/counts").json() == {"error": "give a query: q=…"}


def test_a_malformed_query_is_one_line_and_status_400(client: TestClient) -> None:
    answer = client.get("/", params={"q": '"unclosed'})
    assert answer.status_code == 400
    errors = html_of(answer.text).xpath('//p[@class="error"]/text()')
    assert errors == [
        'cannot read the query: a quote " is not closed: close the phrase with another "'
    ]
    assert "Traceback" not in answer.text


def test_unreadable_parameters_are_400_too(client: TestClient) -> None:
    for params, line in [
        (
            {"q": "banjir", "since": "10/01/2025"},
            "since is a day written 2025-01-31, not '10/01/2025'",
        ),
        ({"q": "banjir", "page": "0"}, "page is a number from 1 to 1000, not '0'"),
        ({"q": "banjir", "sort": "views"}, "sort is one of relevance, date, not 'views'"),
        ({"q": "banjir", "since": "2025-03-01", "until": "2025-02-01"}, "until is before since"),
    ]:
        answer = client.get("/", params=params)
        assert answer.status_code == 400, params
        assert html_of(answer.text).xpath('//p[@class="error"]/text()') == [line]


def test_with_no_query_the_page_introduces_the_archive(client: TestClient) -> None:
    page = html_of(client.get("/").text)
    counts = [" ".join(li.text_content().split()) for li in page.xpath('//ul[@class="counts"]/li')]
    # 31 articles, #1 revised once: 32 revisions; one capture; runs #1 and #2; #2 removed
    assert counts == [
        "31 articles",
        "3 portals",
        "32 revisions",
        "1 capture",
        "2 crawl runs",
        "1 removed by their portal",
    ]
    rows = page.xpath('//table[@class="portals"]/tbody/tr')
    cells = [[" ".join(td.text_content().split()) for td in row.xpath("td")] for row in rows]
    assert cells == [
        ["Pemkab B kab_b", "WITA", "2", "2025-02-03 09:30 WITA"],
        ["Pemkot Kota A kota_a", "WIB", "4", "2025-02-15 10:00 WIB"],
        ["Pemkot C kota_c", "WIT", "25", "2024-12-12 09:00 WIT"],
    ]
