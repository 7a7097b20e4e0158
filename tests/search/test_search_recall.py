"""Stemming finds more of what a journalist wants without burying it: measured on the
hand-labelled set in labelled.py, printed, and held by floors.

Recall is over every match; precision is read two ways. Over every match, stemming also
finds the traps (``berjalan`` for ``jalan``, ``rumah sakit`` for ``perumahan``), so it must
fall somewhat; over the first R hits (R: how many items the query should find, TREC's
R-precision), what a reader sees first, it must not fall, because a word as typed ranks
above a form found by its stem.
"""

from dataclasses import dataclass

import pytest

from storage import Archive
from storage.search import search
from tests.search.conftest import Save
from tests.search.labelled import ITEMS, QUERIES


@dataclass(frozen=True)
class Scores:
    recall: float
    precision: float
    r_precision: float


@pytest.fixture
def labelled(archive: Archive, save: Save) -> dict[int, str]:
    return {save(name, title, body): name for name, (title, body) in ITEMS.items()}


def scores(archive: Archive, names: dict[int, str], *, stemmed: bool) -> Scores:
    found = relevant_found = 0
    wanted = relevant_first = 0
    for query, relevant in QUERIES.items():
        hits = [
            names[hit.article_id] for hit in search(archive, query, limit=100, stemmed=stemmed).hits
        ]
        found += len(hits)
        relevant_found += len(relevant.intersection(hits))
        wanted += len(relevant)
        relevant_first += len(relevant.intersection(hits[: len(relevant)]))
    return Scores(relevant_found / wanted, relevant_found / found, relevant_first / wanted)


def test_stemming_raises_recall_and_keeps_the_first_hits_right(
    archive: Archive, labelled: dict[int, str]
) -> None:
    exact = scores(archive, labelled, stemmed=False)
    stemmed = scores(archive, labelled, stemmed=True)
    print(f"\n{len(QUERIES)} queries, {len(ITEMS)} items, {sum(map(len, QUERIES.values()))} wanted")
    for name, found in (("as written", exact), ("stemmed", stemmed)):
        print(
            f"{name:>10}: recall {found.recall:.2f}, precision {found.precision:.2f}, "
            f"R-precision {found.r_precision:.2f}"
        )
    assert stemmed.recall >= exact.recall + 0.3
    assert stemmed.r_precision >= exact.r_precision
    assert stemmed.precision >= 0.75


def test_each_root_word_finds_its_derived_forms(archive: Archive, labelled: dict[int, str]) -> None:
    for query in ("bangun", "sehat", "didik", "bersih", "bantu", "tanam"):
        found = {labelled[hit.article_id] for hit in search(archive, query).hits}
        assert QUERIES[query] <= found, query
        as_written = {
            labelled[hit.article_id] for hit in search(archive, query, stemmed=False).hits
        }
        assert as_written < found, query
