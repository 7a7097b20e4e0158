"""End to end: `warta crawl` in a subprocess against the sample portal, checked by hand.

Articles 1-3 are hand-written on the portal (sample_portal/curated.py; article 1 is
the tangerangkota.go.id page in shared/seed/), so every expected value below is typed from
those texts, not copied from Warta's output.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sample_portal import SamplePortalServer, running_portal
from storage import open_archive
from tests.e2e.conftest import FAST, RunWarta, rows

ARTICLES = 60  # covers the 500-once (50), windows-1252 (7, 57) and malformed (23) faults

SEED_TITLE = (
    "Pemkot Tangerang Raih Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik"
)
SEED_FIRST = (
    "Pemerintah Kota (Pemkot) Tangerang di awal 2025 kembali mendapatkan penghargaan. Kali ini, "
    "Pemkot Tangerang mendapatkan predikat Opini Kualitas Tertinggi pada Kepatuhan "
    "Penyelenggaraan Pelayanan Publik dari Ombudsman RI Perwakilan Provinsi Banten."
)
SEED_LAST = (
    "Sebagai informasi, berikut adalah hasil penilaian enam unit layanan pada Kepatuhan "
    "Penyelenggaraan Pelayanan Publik yaitu, Puskesmas Neglasari dengan nilai 96.03, DPMPTSP "
    "dengan nilai 95.98, Dinas Sosial dengan nilai 95.55, Puskesmas Pasar Baru dengan nilai "
    "94.31, Dinas Pendidikan dengan nilai 93.58, dan Disdukcapil dengan nilai 93.08."
)
SEED_SLUG = (
    "pemkot-tangerang-raih-opini-kualitas-tertinggi-kepatuhan-penyelenggaraan-pelayanan-publik"
)
BOILERPLATE = ("Baca juga", "Editor:", "Artikel Terkait", "Pastikan Google Captcha", "Bagikan")


@pytest.fixture(scope="module")
def pemkot() -> Iterator[SamplePortalServer]:
    with running_portal(articles=ARTICLES, seed=1, theme="pemkot") as server:
        yield server


def crawl(run_warta: RunWarta, site: str, base_url: str, db: Path) -> str:
    done = run_warta("crawl", site, "--base-url", base_url, "--db", str(db), "--no-progress", *FAST)
    # Listing page 1 links one deleted article (404): the run is partial, exit code 3.
    assert done.returncode == 3, done.stderr
    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert run["status"] == "partial"
    assert "1 page failed (HTTP errors, timeouts)." in done.stdout
    assert "Traceback" not in done.stderr
    return done.stdout


def test_pemkot_crawl_stores_every_article_once_with_every_field(
    run_warta: RunWarta, tmp_path: Path, pemkot: SamplePortalServer
) -> None:
    db = tmp_path / "warta.db"
    out = crawl(run_warta, "sample_pemkot", pemkot.base_url, db)
    assert "60 new and 0 updated articles stored." in out

    urls = [r["url"] for r in rows(db, "SELECT url FROM articles ORDER BY id")]
    ids = sorted(int(u.removeprefix(pemkot.base_url).split("/")[1]) for u in urls)
    assert ids == list(range(1, ARTICLES + 1))  # each once: no utm, fragment or slash variant
    assert not [u for u in urls if "?" in u or "#" in u or u.endswith("/")]
    assert pemkot.portal.disallowed_hits() == 0

    archive = open_archive(f"sqlite:///{db}")
    one = archive.get_article(f"{pemkot.base_url}berita/1/{SEED_SLUG}")
    assert one is not None
    assert one["site_id"] == "sample_pemkot"
    assert one["title"] == SEED_TITLE
    assert one["published_at"] == datetime(2025, 1, 22, 11, 26, tzinfo=UTC)  # 18:26 WIB
    assert one["published_raw"] == "Rabu, 22 Januari 2025 18:26 WIB"
    assert one["view_count"] == 61
    assert one["tags"] == ["kota tangerang"]
    assert one["author"] is None
    assert (
        one["image_url"]
        == pemkot.base_url + "uploads/berita/2025/01/penghargaan-ombudsman-2025.jpg"
    )
    paragraphs = one["body_text"].split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0] == SEED_FIRST
    assert paragraphs[-1] == SEED_LAST

    two = archive.get_article(
        pemkot.base_url
        + "berita/2/jelang-imlek-disperindag-kota-tangerang-pantau-harga-bahan-pokok-di-pasar-anyar"
    )
    assert two is not None
    assert (
        two["title"]
        == "Jelang Imlek, Disperindag Kota Tangerang Pantau Harga Bahan Pokok di Pasar Anyar"
    )
    assert two["published_at"] == datetime(2025, 1, 23, 2, 15, tzinfo=UTC)
    assert two["view_count"] == 1234  # "Dibaca : 1.234": the dot groups thousands
    assert two["tags"] == ["imlek", "harga bahan pokok", "pasar anyar"]
    body = two["body_text"]
    assert body.startswith("TANGERANG – Menjelang perayaan Tahun Baru Imlek 2576 Kongzili")
    assert body.endswith("apabila harga terus merangkak naik.")
    assert len(body.split("\n\n")) == 5
    assert not [b for b in BOILERPLATE if b in body]

    three = archive.get_article(
        pemkot.base_url
        + "berita/3/dinkes-kota-tangerang-perkuat-posyandu-untuk-tekan-angka-stunting"
    )
    assert three is not None
    assert three["published_raw"] == "Kamis, 23 Jan 2025 - 14:40 wib"
    assert three["published_at"] == datetime(2025, 1, 23, 7, 40, tzinfo=UTC)
    assert three["view_count"] == 2150  # "Dilihat 2.150 kali"
    assert three["tags"] == ["stunting", "posyandu"]
    archive.close()

    quirky = {
        int(r["url"].removeprefix(pemkot.base_url).split("/")[1]): r
        for r in rows(db, "SELECT url, body_text, published_at, view_count FROM articles")
    }
    assert "\u201c" in quirky[57]["body_text"]  # served as windows-1252, curly quotes intact
    assert "\u00e2\u20ac" not in quirky[57]["body_text"]  # and not mojibake
    assert all(r["published_at"] and r["view_count"] is not None for r in quirky.values())
    assert quirky[50]["body_text"]  # answered 500 once; the retry got it


def test_second_crawl_adds_no_rows_and_says_so(
    run_warta: RunWarta, tmp_path: Path, pemkot: SamplePortalServer
) -> None:
    db = tmp_path / "warta.db"
    crawl(run_warta, "sample_pemkot", pemkot.base_url, db)
    tables = ("articles", "revisions", "view_counts", "tags", "article_tags", "article_aliases")
    before = {t: rows(db, f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}
    out = crawl(run_warta, "sample_pemkot", pemkot.base_url, db)
    after = {t: rows(db, f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}
    assert after == before
    assert before["articles"] == ARTICLES
    assert "Nothing new: all 60 articles seen were already in the archive" in out
    runs = rows(db, "SELECT status FROM crawl_runs ORDER BY id")
    assert [r["status"] for r in runs] == ["partial", "partial"]  # the deleted article, twice


def test_wordpress_theme_crawl(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "wp.db"
    with running_portal(articles=25, seed=1, theme="wordpress") as wp:
        crawl(run_warta, "sample_wordpress", wp.base_url, db)
        assert wp.portal.disallowed_hits() == 0
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 25
    archive = open_archive(f"sqlite:///{db}")
    one = archive.get_article(f"{wp.base_url}2025/01/22/{SEED_SLUG}/")
    archive.close()
    assert one is not None
    assert one["title"] == SEED_TITLE
    assert one["published_at"] == datetime(2025, 1, 22, 11, 26, tzinfo=UTC)
    assert one["author"] == "Redaksi"
    assert one["view_count"] == 61  # "61 views"
    assert one["tags"] == ["kota tangerang"]
    assert one["body_text"].split("\n\n")[0] == SEED_FIRST
