"""``warta extract`` on bad input: each bad page or URL becomes one error record, quickly, in
bounded memory, and the rest of the inputs are still extracted."""

from __future__ import annotations

import contextlib
import gzip
import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.e2e.local_server import serve_locally
from warta import inputs
from warta.cli import main

MiB = 2**20
TITLE = "Pemkab Sleman Salurkan Bantuan Beras untuk 12.000 Keluarga Penerima Manfaat"
GOOD_PAGE = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{TITLE} - Portal Berita Sleman</title>
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="2025-02-10T09:15:00+07:00">
</head>
<body>
<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a>
<a href="/pengumuman">Pengumuman</a> <a href="/kontak">Kontak</a></nav></header>
<main>
<article>
<h1>{TITLE}</h1>
<div class="meta">Senin, 10 Februari 2025 09:15 WIB | Penulis: Rina Kusumawati</div>
<p>SLEMAN – Pemerintah Kabupaten Sleman mulai menyalurkan bantuan beras cadangan pangan
pemerintah kepada 12.000 keluarga penerima manfaat (KPM) di 17 kapanewon, Senin (10/2/2025).</p>
<p>Setiap keluarga menerima 10 kilogram beras. Penyaluran dilakukan melalui kantor kalurahan
dan didampingi petugas Dinas Sosial agar bantuan tepat sasaran.</p>
<p>"Kami minta warga membawa KTP dan kartu keluarga saat pengambilan," kata Kepala Dinas Sosial
Sleman, Eko Suhargono.</p>
</article>
<aside><h2>Berita Terpopuler</h2><ul><li><a href="/berita/jadwal-posyandu">Jadwal Posyandu
Februari</a></li><li><a href="/berita/jalan-rusak">Perbaikan Jalan Kaliurang</a></li></ul></aside>
</main>
<footer>© 2025 Dinas Komunikasi dan Informatika Kabupaten Sleman. Jl. Parasamya No. 1, Beran,
Tridadi, Sleman.</footer>
</body>
</html>
"""


def write_bomb(path: Path, size: int) -> None:
    """``size`` bytes of zeros, gzipped a megabyte at a time: never whole in memory here either."""
    zeros = bytes(MiB)
    with gzip.open(path, "wb", compresslevel=9) as gz:
        for _ in range(size // MiB):
            gz.write(zeros)


def peak_memory(call: Callable[[], object]) -> int:
    """Peak bytes Python allocated during ``call`` (which is expected to raise)."""
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match="refused"):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_gzip_bomb_is_refused_at_the_crawl_cap_without_inflating_it(tmp_path: Path) -> None:
    bomb = tmp_path / "page.html.gz"
    write_bomb(bomb, 200 * MiB)
    assert bomb.stat().st_size < 300_000  # 200 MiB of zeros is about 200 KB on disk
    peak = peak_memory(lambda: inputs.load(str(bomb), None))
    assert peak < 40 * MiB  # at most the 16 MiB cap and a chunk, never 200 MiB
    message = (
        "page.html.gz: decompresses to more than 16 MiB (the crawl's DOWNLOAD_MAXSIZE); refused"
    )
    with pytest.raises(ValueError, match="refused") as refused:
        inputs.load(str(bomb), None)
    assert str(refused.value) == message


def test_plain_file_over_the_cap_is_refused_before_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "page.html"
    with huge.open("wb") as file:
        file.truncate(100 * MiB)  # sparse: 100 MiB as far as stat() knows, no disk used
    peak = peak_memory(lambda: inputs.load(str(huge), None))
    assert peak < MiB


def test_truncated_and_corrupt_gz_give_error_records_and_the_good_page_still_extracts(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "halaman"
    folder.mkdir()
    good = gzip.compress(GOOD_PAGE.encode(), mtime=0)
    (folder / "a-terpotong.html.gz").write_bytes(good[: len(good) // 2])  # EOFError in gzip
    (folder / "b-bukan-gzip.html.gz").write_bytes(b"<html>bukan gzip</html>")  # BadGzipFile
    # byte 10 starts the deflate data; 0xFF declares a reserved block type: zlib.error
    (folder / "c-rusak.html.gz").write_bytes(good[:10] + b"\xff" + good[11:])
    (folder / "d-baik.html.gz").write_bytes(good)
    result = subprocess.run(
        [sys.executable, "-m", "warta", "extract", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    records = [json.loads(line) for line in result.stdout.splitlines()]
    names = [Path(r["input"]).name for r in records[:3]]
    assert names == ["a-terpotong.html.gz", "b-bukan-gzip.html.gz", "c-rusak.html.gz"]
    for record, why in zip(
        records[:3], ["Compressed file ended", "Not a gzipped file", "Error -3"], strict=True
    ):
        assert record["error"].startswith("ValueError: ")
        assert "truncated or corrupt gzip" in record["error"]
        assert why in record["error"]
    assert len(records) == 4
    assert records[3]["title"] == TITLE
    assert records[3]["url"].endswith("/d-baik.html.gz")


class Quiet(BaseHTTPRequestHandler):
    """No request log on stderr; a client hanging up mid-body is what these tests expect."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.respond()

    def respond(self) -> None:
        raise NotImplementedError


class DripBody(Quiet):
    def respond(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        while True:
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.5)


class DripHeaders(Quiet):
    def respond(self) -> None:
        self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Pelan: ")
        while True:
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.5)


@pytest.mark.parametrize("handler", [DripBody, DripHeaders])
def test_a_url_that_drips_a_byte_at_a_time_is_given_up_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch, handler: type[BaseHTTPRequestHandler]
) -> None:
    monkeypatch.setattr(inputs, "FETCH_TIMEOUT_S", 2)
    with serve_locally(handler) as url:
        start = time.monotonic()
        with pytest.raises(TimeoutError) as late:
            inputs.load(url, None)
        elapsed = time.monotonic() - start
    assert str(late.value) == f"{url}: no complete response within 2 s"
    assert 1.5 < elapsed < 6


def endless_html(handler: BaseHTTPRequestHandler, chunked: bool = False) -> None:
    line = b"<p>Berita terkini dari kabupaten, diperbarui setiap menit.</p>\n" * 64
    while True:
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(line), line) if chunked else line)


class HonestLength(Quiet):
    def respond(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(MiB))
        self.end_headers()
        endless_html(self)


class NoLength(Quiet):  # HTTP/1.0: the body ends when the connection does, i.e. never
    def respond(self) -> None:
        self.send_response(200)
        self.end_headers()
        endless_html(self)


class Chunked(Quiet):
    protocol_version = "HTTP/1.1"

    def respond(self) -> None:
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        endless_html(self, chunked=True)


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (HonestLength, f"Content-Length {MiB} is more than 64 KiB"),
        (NoLength, "response body is more than 64 KiB"),
        (Chunked, "response body is more than 64 KiB"),
    ],
)
def test_a_response_over_the_cap_is_refused_as_it_arrives(
    monkeypatch: pytest.MonkeyPatch, handler: type[BaseHTTPRequestHandler], message: str
) -> None:
    monkeypatch.setattr(inputs, "DOWNLOAD_MAXSIZE", 64 * 1024)
    with serve_locally(handler) as url, pytest.raises(ValueError, match="refused") as refused:
        inputs.load(url, None)
    assert str(refused.value) == f"{url}: {message} (the crawl's DOWNLOAD_MAXSIZE); refused"


class LyingLength(Quiet):
    def respond(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        endless_html(self)


def test_a_content_length_that_understates_gets_only_the_declared_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(inputs, "DOWNLOAD_MAXSIZE", 64 * 1024)
    with serve_locally(LyingLength) as url:
        page = inputs.load(url, None)
    assert len(page.html) == 1000


class GzipAnyway(Quiet):
    """Sends gzip whatever it was asked for, and remembers what that was."""

    asked: list[str | None] = []  # noqa: RUF012

    def respond(self) -> None:
        self.asked.append(self.headers.get("Accept-Encoding"))
        body = gzip.compress(GOOD_PAGE.encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_gzip_response_is_asked_not_to_be_and_decoded_if_it_still_is() -> None:
    with serve_locally(GzipAnyway) as url:
        page = inputs.load(url, None)
    assert GzipAnyway.asked == ["identity"]
    assert f"<h1>{TITLE}</h1>" in page.html


class Errors(Quiet):
    def respond(self) -> None:
        if self.path == "/ke-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/berita.html")
            self.end_headers()
        elif self.path.startswith("/putar"):  # a redirect loop
            self.send_response(302)
            self.send_header("Location", f"/putar{len(self.path)}")
            self.end_headers()
        else:
            self.send_error(404)


class EndlessRedirect(Quiet):
    def respond(self) -> None:
        if self.path == "/baik":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(GOOD_PAGE.encode())
        else:
            self.send_response(301)
            self.send_header("Location", "/baik")
            self.end_headers()
            endless_html(self)


def test_a_redirect_with_an_endless_body_is_followed_without_reading_that_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(inputs, "FETCH_TIMEOUT_S", 5)
    with serve_locally(EndlessRedirect) as url:
        start = time.monotonic()
        page = inputs.load(url, None)
    assert time.monotonic() - start < 2  # not cut off by the deadline: done straight away
    assert page.url == f"{url}baik"
    assert f"<h1>{TITLE}</h1>" in page.html


def test_http_errors_and_bad_redirects_are_one_line_error_records() -> None:
    with serve_locally(Errors) as url:
        urls = [f"{url}tidak-ada", f"{url}ke-ftp", f"{url}putar"]
        result = CliRunner().invoke(main, ["extract", *urls])
    assert result.exit_code == 1
    errors = [json.loads(line)["error"] for line in result.output.splitlines()]
    assert errors == [
        f"OSError: {urls[0]}: HTTP 404 Not Found",
        f"OSError: {urls[1]}: HTTP 302 Found, a redirect to ftp://127.0.0.1/berita.html"
        " (not HTTP(S)); refused",
        f"OSError: {urls[2]}: HTTP 302 more than 5 redirects, the last: Found",
    ]
