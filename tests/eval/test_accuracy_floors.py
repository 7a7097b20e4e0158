"""Accuracy floors on the shared evaluation data, so extraction quality cannot silently drop.

Each floor sits a little under the score measured on 2026-11-29 with generic evidence
(JSON-LD, meta, <time>, the headline's neighbourhood, htmldate, trafilatura and the densest
prose block); raise it when extraction improves (``benchmarks/eval_extraction.py`` prints
the full picture, with trafilatura and htmldate measured in the same run).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.evaldata import (
    EVAL_DIR_ENV,
    DateOutcome,
    DateTally,
    FieldChecks,
    check_indonesian,
    date_files,
    date_outcome,
    eval_dir_candidate,
    find_eval_dir,
    iter_date_cases,
    load_body_cases,
    load_indonesian_articles,
    local_day,
    safe_extract,
    score_bodies,
)

# Measured 2026-11-29 on all 181 article-extraction-benchmark pages: F1 0.965 (P 0.959,
# R 0.972); trafilatura 2.3.1 with defaults scored 0.953 in the same run (before the generic
# evidence: 0.942, floor 0.93).
BODY_F1_FLOOR = 0.96
# Measured 2026-11-29 on every 3rd page of dates/ in sorted order (373 of 1118, ~15 s):
# accuracy 0.903 (all 1118: 0.909, htmldate 0.894 in the same run; before: 0.705 / 0.716).
DATE_SUBSET_STEP = 3
DATE_ACCURACY_FLOOR = 0.895
# Measured 2026-11-29 on the 39 indonesian-html/ articles, share of pages with that truth:
# title 34/34, published day 37/37, instant to the minute 34/34, printed UTC offset 34/34,
# tags 7/7, body F1 0.938 (32 pages). One more miss breaks a floor.
# (Before: title 23/34, day 32/37, minute 22/34, offset 24/34, tags 0/7, body F1 0.758.)
# Tags since 2026-12-03: 5/7. Keywords meta is an SEO list, never tags (issue 12), and two
# labels were read from it: a detik page with no tag box (collector-derived from meta
# keywords) and a Media Indonesia page whose visible "Tags:" box says "IGI School of
# Economics Jakarta" where its keywords say "IGI School of Economics".
INDONESIAN_FLOORS = {"title": 0.99, "day": 0.99, "minute": 0.99, "offset": 0.99, "tags": 0.7}
INDONESIAN_BODY_F1_FLOOR = 0.93


@pytest.fixture(scope="module")
def eval_dir() -> Path:
    found = find_eval_dir()
    if found is None:
        pytest.skip(f"shared/eval not found at {eval_dir_candidate()}; set {EVAL_DIR_ENV}")
    return found


@pytest.fixture(scope="module")
def indonesian(eval_dir: Path) -> list[FieldChecks]:
    checks, errors = [], []
    for case in load_indonesian_articles(eval_dir):
        article, error = safe_extract(case.html, case.url)
        if error:
            errors.append(f"{case.file}: {error}")
        checks.append(check_indonesian(case, article))
    assert not errors, "extract_article raised:\n" + "\n".join(errors)
    return checks


def test_body_f1_on_the_article_extraction_benchmark(eval_dir: Path) -> None:
    pairs, errors = [], []
    for case in load_body_cases(eval_dir):
        article, error = safe_extract(case.html, case.url)
        if error:
            errors.append(f"{case.key}: {error}")
        pairs.append((case.truth, article.body_text if article else ""))
    assert not errors, "extract_article raised:\n" + "\n".join(errors)
    score = score_bodies(pairs)
    assert score.f1 >= BODY_F1_FLOOR, f"body {score} fell under the floor {BODY_F1_FLOOR}"


def test_date_accuracy_on_a_fixed_subset_of_dates(eval_dir: Path) -> None:
    tally, errors = DateTally(), []
    for case in iter_date_cases(eval_dir, date_files(eval_dir, step=DATE_SUBSET_STEP)):
        article, error = safe_extract(case.html, case.url)
        if error:
            errors.append(f"{case.file}: {error}")
        found = local_day(article)
        tally.add(case.expected, DateOutcome.ERROR if error else date_outcome(case.expected, found))
    assert not errors, "extract_article raised:\n" + "\n".join(errors)
    assert tally.accuracy >= DATE_ACCURACY_FLOOR, (
        f"date accuracy {tally.accuracy:.3f} {dict(tally.counts)} under {DATE_ACCURACY_FLOOR}"
    )


@pytest.mark.parametrize("field", sorted(INDONESIAN_FLOORS))
def test_indonesian_field_accuracy(indonesian: list[FieldChecks], field: str) -> None:
    values = [c.results[field] for c in indonesian if field in c.results]
    accuracy = sum(values) / len(values)
    assert accuracy >= INDONESIAN_FLOORS[field], (
        f"{field}: {sum(values)}/{len(values)} = {accuracy:.3f} under {INDONESIAN_FLOORS[field]}"
    )


def test_indonesian_body_f1(indonesian: list[FieldChecks]) -> None:
    score = score_bodies((c.body_truth, c.body_found) for c in indonesian if c.body_truth)
    assert score.f1 >= INDONESIAN_BODY_F1_FLOOR, f"body {score} under {INDONESIAN_BODY_F1_FLOOR}"
