"""A small archive for the web tests, built through the real save path.

What it holds (every test's expectations come from this list, not from output):
- ``kota_a`` (Pemkot Kota A, WIB): #1 the Ciledug flood, saved twice (body edited: 40 -> 60
  cm, views 120 -> 300), with a WARC capture; #2 the new market, removed by the portal;
  #3 the hostile article (script and img payloads in title, body and a tag); #4 an article
  whose URL is ``javascript:alert(1)``.
- ``kab_b`` (Pemkab B, WITA): #5 a flash flood published 2025-02-03 09:30 WITA; #6 a copy
  of #1's text (same cluster).
- ``kota_c`` (Pemkot C, WIT): #7-#31, 25 meeting reports ("rapat"), one every three days
  from 2024-10-01 09:00 WIT: 11 in October, 10 in November, 4 in December.
- runs: #1 kota_a finished and healthy; #2 kab_b partial, flagged ``few_articles``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from storage import ArticleData, open_archive
from storage.warc import CaptureRef

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
FETCHED = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
HOSTILE_TITLE = 'Awas <script>alert(1)</script> "><img src=x onerror=alert(1)> Hoaks'
HOSTILE_BODY = (
    "Waspada pesan berantai palsu.\n\n"
    '<script>window.pwned=1</script> "><img src=x onerror=alert(1)>\n\n'
    "Laporkan hoaks ke dinas kominfo."
)
HOSTILE_TAG = "<script>alert(1)</script>"
FLOOD_BODY = (
    "Genangan setinggi 40 sentimeter merendam permukiman warga di Kecamatan Ciledug sejak "
    "Minggu malam. Warga mengungsi ke masjid terdekat dan petugas membagikan makanan."
)
PASAR_BODY = "Pasar baru di Kecamatan Larangan diresmikan hari ini oleh wali kota."
FLOOD = ArticleData(
    url="https://kota-a.go.id/berita/1/banjir-ciledug",
    site_id="kota_a",
    title="Banjir Rendam Ciledug, Warga Mengungsi",
    body_text=FLOOD_BODY,
    fetched_at=datetime(2025, 1, 10, 3, 0, tzinfo=UTC),
    published_at=datetime(2025, 1, 10, 8, 0, tzinfo=WIB),
    published_raw="Jumat, 10 Januari 2025 08:00 WIB",
    view_count=120,
    tags=("banjir", "bencana"),
    author="Humas Kota A",
)
CAPTURE = CaptureRef(
    url=FLOOD.url,
    warc_file="20250110-kota-a-1.warc.gz",
    offset=1234,
    length=5678,
    record_type="response",
    record_id="<urn:uuid:00000000-0000-0000-0000-000000000001>",
    status=200,
    content_type="text/html",
    fetched_at=FLOOD.fetched_at,
    payload_digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    refers_to=None,
)


def build_archive(path: Path) -> Path:
    """The sample archive as an SQLite file at path."""
    fill_archive(f"sqlite:///{path}")
    return path


def fill_archive(database_url: str) -> None:
    archive = open_archive(database_url)
    archive.ensure_site("kota_a", name="Pemkot Kota A", base_url="https://kota-a.go.id/")
    archive.ensure_site("kab_b", name="Pemkab B", timezone="Asia/Makassar")
    archive.ensure_site("kota_c", name="Pemkot C", timezone="Asia/Jayapura")
    run_a = archive.start_run("kota_a", site_id="kota_a", args={"target": "kota_a"})
    archive.save_article(FLOOD, run_id=run_a, capture=CAPTURE)  # 1
    archive.save_article(_article("kota_a", 2, "Wali Kota Resmikan Pasar Baru", PASAR_BODY))  # 2
    archive.save_article(
        _article("kota_a", 3, HOSTILE_TITLE, HOSTILE_BODY, tags=(HOSTILE_TAG,))
    )  # 3
    archive.save_article(
        replace(_article("kota_a", 4, "Tautan Aneh", "tautan"), url="javascript:alert(1)")
    )  # 4
    archive.save_article(
        ArticleData(
            url="https://kab-b.go.id/berita/5/banjir-bandang",
            site_id="kab_b",
            title="Banjir Bandang Terjang Desa Sukamaju",
            body_text="Air bah datang dari hulu sungai dan merusak jembatan desa.",
            fetched_at=FETCHED,
            published_at=datetime(2025, 2, 3, 9, 30, tzinfo=WITA),
            view_count=50,
            tags=("banjir",),
        )
    )  # 5
    copy = replace(FLOOD, url="https://kab-b.go.id/berita/6/rilis", site_id="kab_b")
    archive.save_article(replace(copy, title="Rilis: Warga Ciledug Mengungsi", tags=()))  # 6
    for n in range(25):  # 7..31
        published = datetime(2024, 10, 1, 9, 0, tzinfo=WIT) + timedelta(days=3 * n)
        body = f"Rapat koordinasi ke-{n + 1} membahas anggaran kelurahan."
        meeting = _article("kota_c", 7 + n, f"Rapat Koordinasi Kelurahan {n + 1}", body)
        archive.save_article(replace(meeting, published_at=published))
    edited = replace(
        FLOOD,
        body_text=FLOOD_BODY.replace("40 sentimeter", "60 sentimeter"),
        fetched_at=FLOOD.fetched_at + timedelta(days=1),
        view_count=300,
    )
    archive.save_article(edited, run_id=run_a)
    archive.mark_removed(
        "https://kota-a.go.id/berita/2",
        at=datetime(2025, 3, 1, 1, 0, tzinfo=UTC),
        evidence="HTTP 404 where the article was",
        run_id=None,
    )
    archive.finish_run(run_a, status="finished", stats={"warta/articles/new": 4}, health=[])
    run_b = archive.start_run("kab_b", site_id="kab_b", args={"target": "kab_b"})
    flag = {"flag": "few_articles", "reason": "2 new articles, the portal usually has 9"}
    archive.finish_run(run_b, status="partial", stats={"warta/articles/new": 2}, health=[flag])
    archive.close()


def _article(
    site_id: str, n: int, title: str, body: str, tags: tuple[str, ...] = ()
) -> ArticleData:
    return ArticleData(
        url=f"https://{site_id.replace('_', '-')}.go.id/berita/{n}",
        site_id=site_id,
        title=title,
        body_text=body,
        fetched_at=FETCHED,
        published_at=datetime(2025, 2, 15, 10, 0, tzinfo=WIB),
        view_count=10 * n,
        tags=tags,
    )
