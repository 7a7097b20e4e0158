"""A small archive filled through the real save path, with real WARC captures beside it.

What it holds, by design (the tests check values against this list, by hand):

- ``pasar`` (kota_tangerang, WIB): a body with newlines, quotes, commas, ``\\r\\n``, emoji and
  ``<script>``; tags ``Pasar`` and ``Ekonomi, "UMKM"``; published 2025-01-22 18:26 WIB;
  seen three times: views 1,234 then 1,500 (two view rows), the body edited on the second
  visit (two revisions), the third visit unchanged (a revisit record); the same page also
  found under an alias URL.
- ``pengumuman`` (kota_tangerang): undated, no tags, later removed (HTTP 404, its error page
  kept as a capture).
- ``rilis-a`` (kota_tangerang, 2025-01-23 08:00 WIB) and ``rilis-b`` (kota_makassar,
  2025-01-23 10:00 WITA): one press release on two portals, a cluster of two.
- ``tanpa-capture`` (kota_makassar): undated, stored with no capture.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from storage import Archive, ArticleData, open_archive
from storage.warc import CaptureRef, WarcFiles
from storage.warc import PlainExchange as Page
from warta.export.command import export_command, verify_command

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
FIRST = datetime(2025, 1, 22, 12, 0, tzinfo=UTC)
SECOND = FIRST + timedelta(days=1)
THIRD = FIRST + timedelta(days=2)
GONE = FIRST + timedelta(days=3)
TANGERANG = "https://kota_tangerang.go.id/berita"
MAKASSAR = "https://kota_makassar.go.id/berita"
PASAR_URL = f"{TANGERANG}/1/pasar"
PASAR_ALIAS = f"{PASAR_URL}?page=berita&id=1"
PENGUMUMAN_URL = f"{TANGERANG}/2/pengumuman"
RILIS_A_URL = f"{TANGERANG}/3/rilis-a"
RILIS_B_URL = f"{MAKASSAR}/4/rilis-b"
UNCAPTURED_URL = f"{MAKASSAR}/5/tanpa-capture"
BODY_1 = (
    'Wali kota berkata: "Pasar ini milik warga, bukan pemodal."\n\n'
    "Harga cabai, bawang, dan beras turun; pedagang senang 😀.\r\n"
    "Baris kedua setelah CRLF.\n\n<script>alert('x')</script> tetap teks biasa."
)
BODY_2 = BODY_1.replace("turun", "turun 10%")
RELEASE = (
    "Pemerintah provinsi menyalurkan bantuan sosial berupa beras dan minyak goreng kepada "
    "keluarga penerima manfaat di seluruh kabupaten dan kota pada pekan ini. Penyaluran "
    "dilakukan melalui kantor pos dan kelurahan dengan pendampingan petugas dinas sosial "
    "agar tepat sasaran. Warga diminta membawa kartu keluarga dan kartu tanda penduduk "
    "saat mengambil bantuan di lokasi yang telah ditentukan oleh pemerintah setempat."
)


def html(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p>".encode()


@dataclass(frozen=True)
class Stored:
    db_path: Path
    captures: Path
    ids: dict[str, int]
    run_id: int

    @property
    def db(self) -> str:
        return str(self.db_path)


def data(url: str, site_id: str, title: str, body: str, at: datetime, **more: Any) -> ArticleData:
    return ArticleData(url=url, site_id=site_id, title=title, body_text=body, fetched_at=at, **more)


def fill(archive: Archive, captures: Path) -> tuple[dict[str, int], int]:
    """The archive the module docstring describes; returns article ids by slug, and the run."""
    archive.ensure_site("kota_tangerang", timezone="Asia/Jakarta")
    archive.ensure_site("kota_makassar", timezone="Asia/Makassar")
    run = archive.start_run("kota_tangerang", site_id="kota_tangerang", args={})

    def visit(article: ArticleData, page: bytes, at: datetime) -> CaptureRef:
        files = WarcFiles(captures, started=at, find_original=archive.find_original)
        ref = files.write(Page(article.url, page, at))
        files.close()
        archive.save_articles([article], run, captures=[ref])
        return ref

    published = datetime(2025, 1, 22, 18, 26, tzinfo=WIB)
    pasar = {"published_at": published, "published_raw": "Rabu, 22 Januari 2025 18:26 WIB"}
    pasar |= {"tags": ("Pasar", 'Ekonomi, "UMKM"'), "author": "Humas", "language": "id"}
    first = data(PASAR_URL, "kota_tangerang", "Pasar Anyar Dibuka", BODY_1, FIRST, **pasar)
    visit(replace(first, view_count=1234), html("Pasar", BODY_1), FIRST)
    second = replace(first, body_text=BODY_2, fetched_at=SECOND, view_count=1500)
    visit(second, html("Pasar", BODY_2), SECOND)
    revisit = visit(replace(second, fetched_at=THIRD), html("Pasar", BODY_2), THIRD)
    assert revisit.record_type == "revisit"
    visit(replace(second, url=PASAR_ALIAS, fetched_at=THIRD), html("Pasar", BODY_2), THIRD)

    notice = data(PENGUMUMAN_URL, "kota_tangerang", "Pengumuman Seleksi", "Seleksi dibuka.", FIRST)
    visit(notice, html("Pengumuman", "Seleksi dibuka."), FIRST)
    files = WarcFiles(captures, started=GONE)
    error_page = files.write(Page(PENGUMUMAN_URL, b"<h1>404</h1>", GONE, status=404))
    files.close()
    evidence = "HTTP 404 where the article was"
    assert archive.mark_removed(
        PENGUMUMAN_URL, at=GONE, evidence=evidence, run_id=run, capture=error_page
    )

    at_8 = datetime(2025, 1, 23, 8, 0, tzinfo=WIB)
    release_a = data(RILIS_A_URL, "kota_tangerang", "Bansos Disalurkan", RELEASE, FIRST)
    release_a = replace(release_a, published_at=at_8, published_raw="23/01/2025 08:00")
    visit(release_a, html("Bansos", RELEASE), FIRST)
    release_b_text = "MAKASSAR - " + RELEASE
    release_b = data(RILIS_B_URL, "kota_makassar", "Bansos Tersalur", release_b_text, SECOND)
    at_10 = datetime(2025, 1, 23, 10, 0, tzinfo=WITA)
    release_b = replace(release_b, published_at=at_10, published_raw="23 Jan 2025 10:00 WITA")
    visit(release_b, html("Bansos", release_b_text), SECOND)

    archive.save_articles(
        [data(UNCAPTURED_URL, "kota_makassar", "Tanpa Capture", "Teks tanpa capture.", FIRST)],
        run,
    )
    archive.finish_run(run, status="finished", stats={})
    urls = {
        "pasar": PASAR_URL,
        "pengumuman": PENGUMUMAN_URL,
        "rilis-a": RILIS_A_URL,
        "rilis-b": RILIS_B_URL,
        "tanpa-capture": UNCAPTURED_URL,
    }
    ids = {slug: archive.find_article_id(url) for slug, url in urls.items()}
    return {slug: found for slug, found in ids.items() if found is not None}, run


@pytest.fixture(scope="session")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Stored:
    """Built once: tests only read it (exports go to each test's own folder)."""
    folder = tmp_path_factory.mktemp("archive")
    db_path = folder / "archive.db"
    captures = folder / "archive-captures"
    archive = open_archive(f"sqlite:///{db_path}")
    try:
        ids, run = fill(archive, captures)
    finally:
        archive.close()
    assert len(ids) == 5
    return Stored(db_path, captures, ids, run)


@pytest.fixture
def archive(stored: Stored) -> Iterator[Archive]:
    opened = open_archive(f"sqlite:///{stored.db_path}")
    yield opened
    opened.close()


def export(stored: Stored, out: Path, *args: str) -> Result:
    """``warta export`` on the stored archive, as a person types it."""
    return CliRunner().invoke(export_command, ["--db", stored.db, "--out", str(out), *args])


def verify(folder: Path) -> Result:
    return CliRunner().invoke(verify_command, [str(folder)])


def exported(stored: Stored, out: Path, *args: str) -> Path:
    """Export and insist that it worked; returns the folder."""
    result = export(stored, out, *args)
    assert result.exit_code == 0, result.output
    return out


def expected_articles(archive: Archive, ids: dict[str, int]) -> dict[int, dict[str, Any]]:
    """Each article as the archive's own reader (``warta history``'s) gives it, in the
    export's plain values, for field-by-field comparison with what a reader reads back."""
    found = {}
    for article_id in sorted(ids.values()):
        history = archive.history(article_id)
        article = dict(history.article)
        removed = [e["evidence"] for e in history.events if e["kind"] == "removed"]
        article["removal_evidence"] = removed[-1] if article["removed_at"] else None
        article["cluster_size"] = len(history.copies) + 1
        published = article["published_at"]
        zone = ZoneInfo(article["timezone"])
        article["published_local"] = published.astimezone(zone).isoformat() if published else None
        for name, value in article.items():
            if isinstance(value, datetime):
                article[name] = value.isoformat()
        found[article_id] = article
    return found


# Values read off the fixture by hand (module docstring), not from the program.
PASAR_BY_HAND: dict[str, Any] = {
    "url": PASAR_URL,
    "site_id": "kota_tangerang",
    "timezone": "Asia/Jakarta",
    "title": "Pasar Anyar Dibuka",
    "body_text": BODY_2,
    "published_at": "2025-01-22T11:26:00+00:00",
    "published_local": "2025-01-22T18:26:00+07:00",
    "published_raw": "Rabu, 22 Januari 2025 18:26 WIB",
    "view_count": 1500,
    "author": "Humas",
    "language": "id",
    "tags": ["Pasar", 'Ekonomi, "UMKM"'],
    "aliases": [PASAR_ALIAS],
    "first_seen_at": "2025-01-22T12:00:00+00:00",
    "last_seen_at": "2025-01-24T12:00:00+00:00",
    "fetched_at": "2025-01-23T12:00:00+00:00",
    "revision_count": 2,
    "removed_at": None,
    "removal_evidence": None,
    "cluster_size": 1,
}
