"""A header charset that cannot be right loses to the page's BOM, ``<meta charset>`` or bytes.

The rule (crawler/extraction/decode.py) is checked on small pages with every expected string
typed by hand, then ``warta extract`` (through ``warta.inputs.fetch``) on the hostile portal's
UTF-8 page served as ``charset=shift_jis``; the crawl of that page is in
tests/e2e/test_crawl_faults.py.
"""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawler.extraction import extract_article
from crawler.extraction.decode import PageEncoding, decode_html, page_encoding
from crawler.middlewares.charset import STAT, CharsetEvidence
from tests.e2e.hostile_portal import hostile_portal
from warta.inputs import fetch

SHIFT_JIS = "text/html; charset=shift_jis"


def test_utf8_page_labelled_shift_jis_is_read_as_utf8() -> None:
    body = '<meta charset="utf-8"><p>Harga beras “stabil” – Rp 12.500 per kg</p>'.encode()
    assert page_encoding(body, "shift_jis") == PageEncoding("utf-8", "meta charset")
    assert decode_html(body, content_type=SHIFT_JIS) == (
        '<meta charset="utf-8"><p>Harga beras “stabil” – Rp 12.500 per kg</p>'
    )


def test_utf8_page_that_happens_to_decode_as_shift_jis_is_still_utf8() -> None:
    # b"Kaf\xc3\xa9" is valid shift_jis too ("Kafﾃｩ"); the meta tag and valid UTF-8 decide.
    body = '<meta charset="utf-8"><p>Kafé Sentosa buka di Alun-alun</p>'.encode()
    assert page_encoding(body, "shift_jis") == PageEncoding("utf-8", "meta charset")
    assert decode_html(body, content_type=SHIFT_JIS) == (
        '<meta charset="utf-8"><p>Kafé Sentosa buka di Alun-alun</p>'
    )


def test_utf8_page_labelled_iso_8859_1_is_read_as_utf8() -> None:
    # Every byte here is valid windows-1252 as well, so only the evidence rule saves it.
    body = "<meta charset='utf-8'><p>Wali Kota: ‘Kami siap’ – Rp 5.000</p>".encode()
    assert page_encoding(body, "iso-8859-1") == PageEncoding("utf-8", "meta charset")
    assert decode_html(body, content_type="text/html; charset=ISO-8859-1") == (
        "<meta charset='utf-8'><p>Wali Kota: ‘Kami siap’ – Rp 5.000</p>"
    )


def test_utf8_page_with_http_equiv_and_a_latin1_header() -> None:
    body = (
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        "<p>“Bukti nyata” kepedulian pemerintah</p>"
    ).encode()
    assert decode_html(body, content_type="text/html; charset=iso-8859-1") == (
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
        "<p>“Bukti nyata” kepedulian pemerintah</p>"
    )


def test_true_windows_1252_page_stays_windows_1252() -> None:
    body = b'<meta charset="windows-1252"><p>\x93Bukti nyata\x94 \x96 Rp 5.000</p>'
    assert page_encoding(body, "windows-1252") == PageEncoding("cp1252", "header")
    assert decode_html(body, content_type="text/html; charset=windows-1252") == (
        '<meta charset="windows-1252"><p>“Bukti nyata” – Rp 5.000</p>'
    )


def test_windows_1252_bytes_under_a_utf8_meta_follow_the_header() -> None:
    """The fault portal's page: the template says utf-8, the header and bytes windows-1252."""
    body = b'<meta charset="utf-8"><p>\x93Bukti nyata\x94</p>'
    assert page_encoding(body, "windows-1252") == PageEncoding("cp1252", "header")
    assert decode_html(body, content_type="text/html; charset=windows-1252") == (
        '<meta charset="utf-8"><p>“Bukti nyata”</p>'
    )


def test_unknown_header_charset_gives_way_to_meta() -> None:
    body = b'<meta charset="windows-1252"><p>\x93Halo\x94 \x96 Pemkot</p>'
    assert page_encoding(body, "x-foo") == PageEncoding("cp1252", "meta charset")
    assert decode_html(body, content_type="text/html; charset=x-foo") == (
        '<meta charset="windows-1252"><p>“Halo” – Pemkot</p>'
    )


def test_header_that_fails_with_no_meta_gives_way_to_valid_utf8() -> None:
    body = "<p>“Halo” – Pemkot</p>".encode()
    assert page_encoding(body, "shift_jis") == PageEncoding("utf-8", "valid UTF-8")
    assert decode_html(body, content_type=SHIFT_JIS) == "<p>“Halo” – Pemkot</p>"


def test_utf8_bom_beats_a_wrong_header() -> None:
    body = b"\xef\xbb\xbf" + "<p>“Halo” – Pemkot</p>".encode()
    assert page_encoding(body, "windows-1252") == PageEncoding("utf-8", "BOM")
    assert decode_html(body, content_type="text/html; charset=windows-1252") == (
        "<p>“Halo” – Pemkot</p>"
    )


def test_pure_ascii_page_keeps_the_header() -> None:
    body = b'<meta charset="utf-8"><p>Harga beras stabil</p>'
    assert page_encoding(body, "shift_jis") == PageEncoding("cp932", "header")
    assert decode_html(body, content_type=SHIFT_JIS) == (
        '<meta charset="utf-8"><p>Harga beras stabil</p>'
    )


def test_page_invalid_in_every_candidate_still_gives_text() -> None:
    # \x9d is undefined in windows-1252; "\xe9 " is not UTF-8: neither header nor meta fits.
    body = b'<meta charset="utf-8"><p>Caf\xe9 \x9d buka</p>'
    assert page_encoding(body, "iso-8859-1").codec == "cp1252"
    assert decode_html(body, content_type="text/html; charset=iso-8859-1") == (
        '<meta charset="utf-8"><p>Café \ufffd buka</p>'
    )
    assert decode_html(body) == '<meta charset="utf-8"><p>Caf\ufffd \ufffd buka</p>'


@pytest.mark.parametrize(
    ("body", "header"),
    [
        (b"", "shift_jis"),
        (b"", None),
        (b"\xff", "utf-16"),
        (b"<p>\x81\x00\xd8</p>", "utf-16-le"),
        (b'<meta charset="x-bar"><p>\xe9\x9d\x81</p>', "x-foo"),
        (b'<meta charset="utf-7"><p>+ADw-script+AD4-</p>', "utf-7"),
        (b"\x84\x31\x95\x33\x80", "gb18030"),
    ],
)
def test_odd_pages_never_raise(body: bytes, header: str | None) -> None:
    assert isinstance(decode_html(body, encoding=header), str)


def test_middleware_pins_the_encoding_only_when_the_header_is_overruled() -> None:
    crawler = get_crawler()
    middleware = CharsetEvidence.from_crawler(crawler)
    page = '<meta charset="utf-8"><h1>Harga “stabil” – Rp 5.000</h1>'.encode()
    mislabelled = HtmlResponse(
        "https://kotauji.go.id/berita/1", body=page, headers={"Content-Type": SHIFT_JIS}
    )
    fixed = middleware.process_response(Request(mislabelled.url), mislabelled)
    assert isinstance(fixed, HtmlResponse)
    assert fixed.css("h1::text").get() == "Harga “stabil” – Rp 5.000"

    cp1252 = HtmlResponse(
        "https://kotauji.go.id/berita/2",
        body=b'<meta charset="windows-1252"><h1>\x93Halo\x94</h1>',
        headers={"Content-Type": "text/html; charset=windows-1252"},
    )
    unlabelled = TextResponse("https://kotauji.go.id/data.json", body=b'{"a": "\xc3\xa9"}')
    for response in (cp1252, unlabelled):
        assert middleware.process_response(Request(response.url), response) is response
    assert crawler.stats is not None
    assert crawler.stats.get_value(STAT) == 1


def test_extract_fetch_decodes_mislabelled_utf8_page() -> None:
    """``warta extract URL`` reads the UTF-8 page served as shift_jis as it was written."""
    with hostile_portal() as base_url:
        page = fetch(f"{base_url}berita/15-shift-jis")
    article = extract_article(page.html, page.url, fetched_at=page.fetched_at)
    assert article.title == "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
    quote = "“Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala"
    assert quote in article.body_text
