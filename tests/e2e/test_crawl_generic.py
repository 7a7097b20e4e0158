"""End to end: `warta crawl <URL>` on portals Warta has no profile for, checked by hand.

The small static portal (tests/e2e/static_portal.py) hides its articles behind pagination, a
sitemap that misses half of them, link variants and pages that look like news; the sample
portal's two themes are served on random ports, where their profiles (bound to 8321 and
8322) do not apply.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sample_portal import running_portal
from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.static_portal import Handler, static_portal

# Every article of the static portal, typed from its titles; nothing else may be stored.
STATIC_ARTICLES = {
    "berita/wali-kota-resmikan-taman-tematik-di-bantaran-sungai",  # only in the sitemap
    "berita/pemkot-gelar-pasar-murah-di-tiga-kecamatan",
    "berita/dinkes-buka-layanan-vaksinasi-keliling-untuk-lansia",
    "berita/perbaikan-jalan-lingkungan-dikebut-sebelum-musim-hujan",
    "berita/umkm-binaan-pemkot-tembus-pasar-ekspor",
    "berita/bpbd-siagakan-pompa-air-di-titik-rawan-banjir",
    # not in the sitemap: listing pages 2 and 3 only
    "berita/ratusan-pelajar-ikuti-lomba-cerdas-cermat-kebangsaan",
    "berita/posyandu-remaja-hadir-di-setiap-kelurahan",
    "berita/festival-kuliner-nusantara-ramaikan-alun-alun-kota",
    "berita/pemkot-luncurkan-aplikasi-pengaduan-warga-terpadu",
    "berita/gerakan-tanam-seribu-pohon-di-kawasan-industri",
    "berita/ribuan-warga-padati-malam-pergantian-tahun-di-alun-alun",  # page 3 only
}
SEED_SLUG = (
    "pemkot-tangerang-raih-opini-kualitas-tertinggi-kepatuhan-penyelenggaraan-pelayanan-publik"
)
SAMPLE_ARTICLES = 40


def crawl(run_warta: RunWarta, url: str, db: Path, status: str = "finished") -> dict[str, Any]:
    """``warta crawl URL`` with no profile; the run's stats as the archive kept them."""
    done = run_warta("crawl", url, "--db", str(db), "--no-progress", *FAST)
    assert done.returncode == {"finished": 0, "partial": 3}[status], done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    assert run["status"] == status
    stats: dict[str, Any] = json.loads(run["stats_json"])
    return stats


def stored_urls(db: Path) -> list[str]:
    return [r["url"] for r in rows(db, "SELECT url FROM articles ORDER BY url")]


def test_static_portal_every_article_once_and_nothing_else(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    db = tmp_path / "uji.db"
    with static_portal() as base_url:
        stats = crawl(run_warta, base_url, db)
        requests = list(Handler.requests)

    urls = stored_urls(db)
    assert sorted(u.removeprefix(base_url) for u in urls) == sorted(STATIC_ARTICLES)
    records = rows(db, "SELECT site_id, title, published_at FROM articles")
    assert {r["site_id"] for r in records} == {"127.0.0.1"}  # the host: no profile, no site id
    assert all(r["title"] and r["published_at"] for r in records)

    # Each article fetched once, whatever variants (?utm_source, #komentar, trailing slash)
    # point to it; the localhost copy, the PDF and the robots-disallowed login never.
    host = base_url.split("/")[2]
    paths = Counter(p.split("?")[0].rstrip("/") for h, p in requests if h == host)
    assert {a: paths["/" + a] for a in STATIC_ARTICLES} == dict.fromkeys(STATIC_ARTICLES, 1)
    assert not [r for r in requests if r[0] != host]
    assert paths["/unduhan/laporan-kinerja-2024.pdf"] == 0
    assert paths["/admin/login"] == 0
    # pagination followed; page 2's "« Sebelumnya" to ?page=1 is /berita, already fetched
    assert sorted(p for h, p in requests if p.startswith("/berita?")) == [
        "/berita?page=2",
        "/berita?page=3",
    ]

    assert stats["warta/pages/article"] == 12
    assert stats["warta/discovery/sitemap_urls"] == 9  # home, profil, kontak, 6 articles
    assert stats["warta/discovery/articles_via/sitemap"] >= 1  # the one no listing shows
    assert stats["warta/discovery/articles_via/link"] >= 6  # the six the sitemap misses
    # home, /berita, ?page=2, ?page=3, /terpopuler, and /tag/ and /kategori/ of 5 topics
    assert stats["warta/pages/listing"] == 15
    # profil, profil/sejarah-kota, kontak, galeri and its item, agenda and its item, pengumuman
    assert stats["warta/pages/other"] == 8
    assert "item_dropped_reasons_count/DuplicateInRun" not in stats
    assert not [k for k in stats if k.startswith("warta/errors/")]


def test_sample_pemkot_with_no_profile(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "pemkot.db"
    with running_portal(articles=SAMPLE_ARTICLES, seed=1, theme="pemkot") as portal:
        assert not portal.base_url.endswith((":8321/", ":8322/"))
        # the sample portal links one deleted article (404): partial
        stats = crawl(run_warta, portal.base_url, db, status="partial")
        assert portal.portal.disallowed_hits() == 0

    paths = [u.removeprefix(portal.base_url) for u in stored_urls(db)]
    assert all(re.fullmatch(r"berita/\d+/[a-z0-9-]+", p) for p in paths), paths
    assert sorted(int(p.split("/")[1]) for p in paths) == list(range(1, SAMPLE_ARTICLES + 1))
    assert f"berita/1/{SEED_SLUG}" in paths
    assert stats["warta/pages/article"] == SAMPLE_ARTICLES
    assert stats["warta/discovery/sitemap_urls"] == SAMPLE_ARTICLES + 6  # and 6 static pages
    assert stats["warta/discovery/feed_urls"] == 20  # /rss.xml, from <link rel=alternate>
    assert stats["warta/pages/listing"] >= 4  # /berita and its pages 2-4
    assert stats["warta/pages/other"] >= 6  # profil, kontak, galeri, dokumen, pengumuman ...


def test_sample_wordpress_with_no_profile(run_warta: RunWarta, tmp_path: Path) -> None:
    db = tmp_path / "wp.db"
    with running_portal(articles=SAMPLE_ARTICLES, seed=1, theme="wordpress") as portal:
        # the sample portal links one deleted article (404): partial
        stats = crawl(run_warta, portal.base_url, db, status="partial")
        assert portal.portal.disallowed_hits() == 0
        api_pages = portal.hits["/wp-json/wp/v2/posts"]

    paths = [u.removeprefix(portal.base_url) for u in stored_urls(db)]
    assert len(paths) == SAMPLE_ARTICLES
    assert all(re.fullmatch(r"2025/01/\d\d/[a-z0-9-]+/", p) for p in paths), paths
    assert f"2025/01/22/{SEED_SLUG}/" in paths
    # The REST API (one page of 100 holds all 40) and the Yoast sitemaps both list every post.
    assert api_pages == 1
    assert stats["warta/discovery/wp_api_urls"] == SAMPLE_ARTICLES
    assert stats["warta/discovery/sitemap_urls"] == SAMPLE_ARTICLES + 5  # and 5 static pages
    assert stats["warta/pages/article"] == SAMPLE_ARTICLES
    assert stats["warta/pages/listing"] >= 8  # home, /page/2-4, /category/berita/ and pages
