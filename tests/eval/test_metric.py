"""The evaluation metrics on tiny hand-made inputs, so a wrong score can't pass as a regression."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from benchmarks.evaldata import (
    DateOutcome,
    DateTally,
    date_outcome,
    same_minute,
    score_bodies,
    shingle_match,
    shingles,
    tokenize,
)

WIB = timezone(timedelta(hours=7))


def test_tokens_are_unicode_words_with_case_kept() -> None:
    assert tokenize("Kota-Tangerang, 2025!") == ["Kota", "Tangerang", "2025"]
    assert tokenize("Café naïve 東京 d'Arc") == ["Café", "naïve", "東京", "d", "Arc"]
    assert tokenize(None) == []


def test_shingles_are_a_multiset_of_four_grams() -> None:
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert shingles("a b") == Counter({("a", "b"): 1})  # short text: one short shingle
    assert shingles("") == Counter()


# (truth, prediction, precision, recall, F1), worked by hand from the 4-gram shingles.
PAGES = [
    ("a b c d e", "a b c d e", 1.0, 1.0, 1.0),
    # truth {abcd, bcde}; prediction adds cdef: TP 2, FP 1 → P 2/3, R 1, F1 0.8.
    ("a b c d e", "a b c d e f", 2 / 3, 1.0, 0.8),
    # truth {abcd, bcde, cdef}; prediction {abcd}: TP 1, FN 2 → P 1, R 1/3, F1 0.5.
    ("a b c d e f", "a b c d", 1.0, 1 / 3, 0.5),
    # truth abcd ×2, bcda, cdab, dabc; prediction abcd ×1: TP 1, FN 4 → R 1/5.
    ("a b c d a b c d", "a b c d", 1.0, 0.2, 2 * 0.2 / 1.2),
    ("a b", "a c", 0.0, 0.0, 0.0),  # two short shingles that differ
    ("Halo, dunia!", "halo dunia", 0.0, 0.0, 0.0),  # case counts
]


@pytest.mark.parametrize(("truth", "predicted", "precision", "recall", "f1"), PAGES)
def test_one_page(truth: str, predicted: str, precision: float, recall: float, f1: float) -> None:
    match = shingle_match(truth, predicted)
    assert match.precision == pytest.approx(precision)
    assert match.recall == pytest.approx(recall)
    assert match.f1 == pytest.approx(f1)
    assert match.tp + match.fp + match.fn == pytest.approx(1.0)  # normalised per page


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    match = shingle_match("a b c d", "")
    assert (match.precision, match.recall, match.f1) == (None, 0.0, 0.0)
    assert shingle_match("", "").f1 == 1.0  # nothing to extract, nothing extracted


def test_f1_comes_from_mean_precision_and_mean_recall() -> None:
    # Pages 2 and 3 above: mean P = (2/3 + 1)/2 = 5/6, mean R = (1 + 1/3)/2 = 2/3,
    # F1 = 2·(5/6)·(2/3) / (5/6 + 2/3) = 20/27 — not the mean of page F1s, (0.8 + 0.5)/2.
    score = score_bodies([("a b c d e", "a b c d e f"), ("a b c d e f", "a b c d")])
    assert score.precision == pytest.approx(5 / 6)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(20 / 27)
    assert score.accuracy == 0.0


def test_empty_prediction_only_counts_against_recall() -> None:
    # Page 2 has no predicted shingles: left out of the precision mean (P = 1), R = (1 + 0)/2.
    score = score_bodies([("a b c d e", "a b c d e"), ("a b c d", "")])
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.accuracy == 0.5


def test_accuracy_compares_token_lists() -> None:
    assert score_bodies([("Halo,  dunia!\n\nSelamat.", "Halo dunia Selamat")]).accuracy == 1.0


DAY = date(2025, 1, 22)
OTHER = date(2025, 1, 21)


@pytest.mark.parametrize(
    ("expected", "found", "outcome"),
    [
        (DAY, DAY, DateOutcome.CORRECT),
        (None, None, DateOutcome.CORRECT),
        (DAY, OTHER, DateOutcome.WRONG),
        (DAY, None, DateOutcome.MISSED),
        (None, DAY, DateOutcome.FALSE_POSITIVE),
    ],
)
def test_date_outcome(expected: date | None, found: date | None, outcome: DateOutcome) -> None:
    assert date_outcome(expected, found) is outcome


def test_date_tally_scores_like_htmldate() -> None:
    tally = DateTally()
    pages = [(DAY, DAY)] * 6 + [(DAY, OTHER), (DAY, None), (None, None), (None, DAY)]
    for expected, found in pages:
        tally.add(expected, date_outcome(expected, found))
    # TP 6, FP 1 wrong + 1 false positive, FN 1, TN 1 → accuracy 7/10, P 6/8, R 6/7.
    assert tally.accuracy == pytest.approx(0.7)
    precision, recall, f = tally.prf()
    assert (precision, recall) == pytest.approx((0.75, 6 / 7))
    assert f == pytest.approx(2 * 0.75 * (6 / 7) / (0.75 + 6 / 7))


TRUTH = datetime(2015, 11, 5, 14, 56, 43, tzinfo=WIB)


@pytest.mark.parametrize(
    ("found", "same"),
    [
        (datetime(2015, 11, 5, 14, 56, tzinfo=WIB), True),  # visible "14:56 WIB", no seconds
        (datetime(2015, 11, 5, 7, 56, 43, tzinfo=UTC), True),  # same instant, other zone
        (datetime(2015, 11, 5, 14, 56, 43, tzinfo=UTC), False),  # WIB wall time read as UTC
        (datetime(2015, 11, 5, 14, 57, tzinfo=WIB), False),
        (datetime(2015, 11, 5, 14, 56), False),  # naive: no instant at all
        (None, False),
    ],
)
def test_same_minute(found: datetime | None, same: bool) -> None:
    assert same_minute(found, TRUTH) is same
