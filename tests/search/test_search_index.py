"""The index holds every article: filled by the migration for an archive made before search,
rebuilt on demand, one row per article."""

import shutil
from pathlib import Path

from sqlalchemy import text

from storage import Archive, open_archive, search_index
from storage.search import search
from tests.search.conftest import Save

RELEASE_0001 = Path(__file__).parent.parent / "fixtures" / "archives" / "release-0001.db"


def test_an_archive_from_before_search_is_indexed_when_it_upgrades(tmp_path: Path) -> None:
    db = tmp_path / "lama.db"
    shutil.copy(RELEASE_0001, db)
    archive = open_archive(f"sqlite:///{db}")
    try:
        # The edited article, as its latest revision says, and its tags.
        [hit] = search(archive, "opini").hits
        assert hit.title == "Pemkot Raih Opini Kualitas Tertinggi"
        assert search(archive, "diperbarui").total == 1
        assert search(archive, "ombudsman").total == 1
        assert search(archive, "layan").total == 1  # the tag "Pelayanan Publik", by stem
    finally:
        archive.close()


def index_rows(archive: Archive) -> list[tuple[int, str]]:
    with archive.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text("SELECT rowid, title FROM search_fts"))]


def test_rebuild_gives_the_same_index(archive: Archive, save: Save) -> None:
    first = save("a", "Posyandu Melati", "Penimbangan balita.", tags=("Kesehatan",))
    second = save("b", "Kerja Bakti", "Membersihkan saluran.")
    before = index_rows(archive)
    assert before == [(first, "Posyandu Melati"), (second, "Kerja Bakti")]
    with archive.engine.begin() as conn:
        assert search_index.rebuild(conn) == 2
    assert index_rows(archive) == before
    assert search(archive, "bersih").total == 1
    assert search(archive, "kesehatan").total == 1
