"""A header charset that cannot be right loses to the page's BOM, ``<meta charset>`` or bytes.

The rule (crawler/extraction/decode.py) is checked on small pages with every expected string
typed by hand; then the crawl (through the CharsetEvidence middleware) and ``warta extract``
(through ``warta.inputs.fetch``) on a UTF-8 portal page served as ``charset=shift_jis``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawler.extraction import extract_article
from crawler.extraction.decode import PageEncoding, decode_html, page_encoding
from crawler.middlewares.charset import STAT, CharsetEvidence
from tests.e2e.conftest import FAST, rows
from tests.e2e.local_server import serve_locally
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


# A regional portal whose web server labels every article page shift_jis (a copied config),
# while the CMS writes UTF-8 and says so in <meta charset>. Listing and robots.txt are right.
PROFILE = """
name = "Portal Uji Charset"
base_url = "http://127.0.0.1:1/"
[discovery]
start_urls = ["/berita"]
article_url_patterns = ['^/berita/\\d+-']
[fields]
title = ["h1.judul"]
published = ["span.tanggal"]
body = ["div.isi p"]
"""
TITLE = "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
PARAGRAPH_1 = (
    "UJI – Dinas Perdagangan memastikan harga beras medium tetap Rp 12.500 per kilogram "
    "menjelang Ramadan. “Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala "
    "Dinas saat meninjau Pasar Anyar, Senin (6/1/2025)."
)
PARAGRAPH_2 = (
    "Operasi pasar digelar di 13 kecamatan dengan kuota 500 paket sembako – beras 5 kg, "
    "minyak goreng 2 liter dan gula 1 kg – seharga Rp 5.000 per paket bagi warga terdaftar."
)
OTHER_TITLE = "Posyandu Keliling Hadir di Kelurahan “Tanpa Gedung”"
OTHER_PARAGRAPH = (
    "UJI – Dinas Kesehatan membuka posyandu keliling di kelurahan yang belum memiliki gedung "
    "posyandu sendiri, untuk menekan angka stunting di seluruh kecamatan."
)


def portal_page(title: str, date_line: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} | Pemkot Uji</title></head><body>
<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a> <a href="/profil">Profil</a>
</nav></header>
<main><article><h1 class="judul">{title}</h1>
<div class="meta"><span class="tanggal">{date_line}</span> | Dibaca : 120</div>
<div class="isi">{body}</div></article></main>
<aside><h3>Berita Terpopuler</h3><ul>
<li><a href="/berita/2-posyandu-keliling">{OTHER_TITLE}</a>
<span class="tanggal">Selasa, 7 Januari 2025 10:00 WIB</span></li>
<li><a href="/berita/1-harga-beras">{TITLE}</a>
<span class="tanggal">Senin, 6 Januari 2025 09:00 WIB</span></li></ul></aside>
<footer>Jl. Satria Sudirman No. 1 – Kota Uji &copy; 2025 Pemkot Uji</footer>
</body></html>""".encode()


LISTING = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita</title></head>
<body><ul><li><a href="/berita/1-harga-beras">Harga beras</a></li>
<li><a href="/berita/2-posyandu-keliling">Posyandu keliling</a></li></ul></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            return self.send("text/plain", b"User-agent: *\nDisallow: /admin/\n")
        if path in {"/", "/berita"}:
            return self.send("text/html; charset=utf-8", LISTING.encode())
        if path == "/berita/1-harga-beras":
            page = portal_page(TITLE, "Senin, 6 Januari 2025 09:00 WIB", [PARAGRAPH_1, PARAGRAPH_2])
            return self.send(SHIFT_JIS, page)
        if path == "/berita/2-posyandu-keliling":
            page = portal_page(OTHER_TITLE, "Selasa, 7 Januari 2025 10:00 WIB", [OTHER_PARAGRAPH])
            return self.send("text/html; charset=utf-8", page)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def send(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.e2e
def test_crawl_stores_mislabelled_utf8_page_as_written(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "uji_charset.toml").write_text(PROFILE, encoding="utf-8")
    db = tmp_path / "arsip.db"
    env = {**os.environ, "WARTA_SITES_DIR": str(sites)}
    env.pop("WARTA_DATABASE_URL", None)
    with serve_locally(Handler) as base_url:
        args = ["crawl", "uji_charset", "--base-url", base_url, "--db", str(db), "--no-progress"]
        done = subprocess.run(
            [sys.executable, "-m", "warta", *args, *FAST],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr

    stored = {r["url"].removeprefix(base_url): r for r in rows(db, "SELECT * FROM articles")}
    assert sorted(stored) == ["berita/1-harga-beras", "berita/2-posyandu-keliling"]
    mislabelled = stored["berita/1-harga-beras"]
    assert mislabelled["title"] == "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
    body = mislabelled["body_text"]
    assert "“Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala" in body
    assert "kuota 500 paket sembako – beras 5 kg" in body
    assert "seharga Rp 5.000 per paket" in body
    assert stored["berita/2-posyandu-keliling"]["title"] == (
        "Posyandu Keliling Hadir di Kelurahan “Tanpa Gedung”"
    )
    [log] = (tmp_path / "logs").glob("crawl-*.log")
    assert (
        f"{base_url}berita/1-harga-beras: header says {SHIFT_JIS}, page is utf-8 (meta charset)"
    ) in log.read_text(encoding="utf-8")

    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    assert run["status"] == "finished"
    assert json.loads(run["stats_json"])[STAT] == 1  # the correctly labelled pages are left be


def test_extract_fetch_decodes_mislabelled_utf8_page() -> None:
    with serve_locally(Handler) as base_url:
        page = fetch(f"{base_url}berita/1-harga-beras")
    article = extract_article(page.html, page.url, fetched_at=page.fetched_at)
    assert article.title == "Harga Beras “Stabil” Jelang Ramadan – Pasokan Aman"
    quote = "“Pasokan dari Bulog aman hingga tiga bulan ke depan,” kata Kepala"
    assert quote in article.body_text
