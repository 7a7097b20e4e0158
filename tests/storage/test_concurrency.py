"""Two processes saving the same articles into one SQLite file: no lock errors, no duplicates."""

import multiprocessing
from collections import Counter
from pathlib import Path

from storage import SaveOutcome, open_archive
from tests.storage.conftest import make_data

ARTICLES = 150


def save_all(url: str, view_count: int) -> list[str]:
    archive = open_archive(url)
    try:
        return [
            archive.save_article(
                make_data(
                    url=f"https://sample.go.id/berita/{n}",
                    body_text=f"Isi {n}.",
                    view_count=view_count,
                )
            )
            for n in range(ARTICLES)
        ]
    finally:
        archive.close()


def test_two_processes_share_one_file(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.starmap(save_all, [(url, 10), (url, 20)])

    outcomes = Counter(outcome for result in results for outcome in result)
    assert outcomes == {SaveOutcome.NEW: ARTICLES, SaveOutcome.UNCHANGED: ARTICLES}
    archive = open_archive(url)
    try:
        counts = archive.counts()
    finally:
        archive.close()
    assert (counts["articles"], counts["revisions"], counts["sites"]) == (ARTICLES, ARTICLES, 1)
    assert counts["view_counts"] == 2 * ARTICLES
