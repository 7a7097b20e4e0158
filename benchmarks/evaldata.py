"""Load the shared evaluation sets (``<root>/shared/eval``) and score extractions against them.

Used by ``benchmarks/eval_extraction.py`` (the full report) and ``tests/eval`` (accuracy floors).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from crawler.extraction import Article, decode_html, extract_article

EVAL_DIR_ENV = "WARTA_EVAL_DIR"
REPO_ROOT = Path(__file__).resolve().parents[1]
# The repo is checked out as <root>/main (or anywhere in CI) with the data beside it.
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
AEB = "article-extraction-benchmark"


def eval_dir_candidate() -> Path:
    """Where the data should be: ``$WARTA_EVAL_DIR`` if set, else ``../shared/eval``."""
    override = os.environ.get(EVAL_DIR_ENV)
    return Path(override).expanduser() if override else DEFAULT_EVAL_DIR


def find_eval_dir() -> Path | None:
    """The evaluation data folder, or None when it is absent (a clone without the data)."""
    candidate = eval_dir_candidate()
    return candidate if (candidate / AEB / "ground-truth.json").is_file() else None


def read_page(path: Path) -> str:
    """A saved page as text: gunzip ``.gz`` files, then decode the bytes like a browser."""
    raw = path.read_bytes()
    return decode_html(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# --- Body metric ----------------------------------------------------------------------------

# ``\w+`` on str is Unicode-aware; upstream's extra flags (IGNORECASE, ...) change nothing
# for this pattern, and tokens keep their case.
_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokenize(text: str | None) -> list[str]:
    """Word tokens as the benchmark counts them: ``"Kota-Tangerang, 2025!"`` → 3 tokens."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text shorter than ``size`` tokens is one short shingle.

    ``"a b c d e"`` → {(a,b,c,d): 1, (b,c,d,e): 1}; ``"a b"`` → {(a,b): 1}; ``""`` → {}.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


@dataclass(frozen=True)
class ShingleMatch:
    """One document's shingle TP/FP/FN, normalised to sum to 1 so long pages don't dominate."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when the prediction has no shingles: upstream leaves the page out of the mean."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the truth has no shingles: upstream leaves the page out of the mean."""
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-page F1 (not an upstream number; used to rank pages): empty vs empty is 1."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return 1.0
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def shingle_match(truth: str | None, predicted: str | None) -> ShingleMatch:
    """Compare two texts' shingle multisets: TP = Σ min, FP = Σ surplus, FN = Σ deficit."""
    true_counts, pred_counts = shingles(truth), shingles(predicted)
    tp = float(sum((true_counts & pred_counts).values()))
    fp = float(sum((pred_counts - true_counts).values()))
    fn = float(sum((true_counts - pred_counts).values()))
    total = tp + fp + fn
    if total == 0:
        return ShingleMatch(0.0, 0.0, 0.0)
    return ShingleMatch(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class BodyScore:
    """Benchmark numbers: P and R are means over pages; F1 = 2PR/(P+R) of those means."""

    f1: float
    precision: float
    recall: float
    accuracy: float


def _mean(values: list[float]) -> float:
    # Upstream would raise on an empty list; a subset with nothing to score counts as 0.
    return statistics.fmean(values) if values else 0.0


def score_bodies(pairs: Iterable[tuple[str | None, str | None]]) -> BodyScore:
    r"""Score (truth, prediction) pairs as scrapinghub/article-extraction-benchmark does.

    Its README.rst § "Evaluation" reports precision, recall, F1 and accuracy of ``evaluate.py``
    (± bootstrap std-dev, not computed here); research/eval-data.md § 1 "Metric" spells them
    out: ``\w+`` tokens, 4-gram shingles, per-page TP/FP/FN normalised to sum 1, P and R
    averaged over pages, F1 = 2PR/(P+R) of the averages, accuracy = identical token lists.
    """
    matches: list[ShingleMatch] = []
    exact: list[float] = []
    for truth, predicted in pairs:
        matches.append(shingle_match(truth, predicted))
        exact.append(float(tokenize(truth) == tokenize(predicted)))
    precision = _mean([p for m in matches if (p := m.precision) is not None])
    recall = _mean([r for m in matches if (r := m.recall) is not None])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(f1, precision, recall, _mean(exact))


# --- Article-extraction benchmark data ------------------------------------------------------


@dataclass(frozen=True)
class BodyCase:
    key: str
    url: str
    truth: str
    html: str


def load_body_cases(eval_dir: Path, limit: int | None = None) -> list[BodyCase]:
    """The 181 benchmark pages in sorted id order (``limit`` takes the first N)."""
    truth = _load_json(eval_dir / AEB / "ground-truth.json")
    keys = sorted(truth)[:limit]
    return [
        BodyCase(k, truth[k].get("url", ""), truth[k]["articleBody"], _aeb_html(eval_dir, k))
        for k in keys
    ]


def _aeb_html(eval_dir: Path, key: str) -> str:
    return read_page(eval_dir / AEB / "html" / f"{key}.html.gz")


def load_published_outputs(eval_dir: Path) -> dict[str, tuple[str | None, dict[str, str]]]:
    """Stored predictions of other tools: name → (version or None, {page id: body})."""
    outputs: dict[str, tuple[str | None, dict[str, str]]] = {}
    for path in sorted((eval_dir / AEB / "output").glob("*.json")):
        data = _load_json(path)
        wrapped = "output" in data and isinstance(data["output"], dict)
        items = data["output"] if wrapped else data
        bodies = {k: v.get("articleBody") or "" for k, v in items.items()}
        outputs[path.stem] = (data.get("version") if wrapped else None, bodies)
    return outputs


# README.rst result rows: "    trafilatura  2.0.0  0.958 ± 0.006  0.938 ± 0.009  0.978 ± ...".
_README_ROW = re.compile(
    r"^ {4}(?P<name>\S+)\s+(?P<version>\S.*?)\s+"
    + r"\s+".join(rf"(?P<{m}>\d\.\d+) ± \d\.\d+" for m in ("f1", "precision", "recall", "acc"))
    + r"\s*$"
)


def published_aeb_results(eval_dir: Path) -> list[tuple[str, str, BodyScore]]:
    """(name, version, score) rows of README.rst's result tables, newest table first."""
    rows = []
    for line in (eval_dir / AEB / "README.rst").read_text(encoding="utf-8").splitlines():
        if match := _README_ROW.match(line):
            g = match.groupdict()
            numbers = (float(g[k]) for k in ("f1", "precision", "recall", "acc"))
            rows.append((g["name"], g["version"], BodyScore(*numbers)))
    return rows


# --- Publication dates ----------------------------------------------------------------------


class DateOutcome(StrEnum):
    CORRECT = "correct"  # the expected day, or no date where none is expected
    WRONG = "wrong"  # a different day
    MISSED = "missed"  # no date, but one is expected
    FALSE_POSITIVE = "false positive"  # a date where the page has none
    ERROR = "error"  # the extractor raised


def date_outcome(expected: date | None, found: date | None) -> DateOutcome:
    if found is None:
        return DateOutcome.CORRECT if expected is None else DateOutcome.MISSED
    if expected is None:
        return DateOutcome.FALSE_POSITIVE
    return DateOutcome.CORRECT if found == expected else DateOutcome.WRONG


@dataclass
class DateTally:
    """Outcome counts, scored like htmldate's ``tests/evaluation.py`` (research/eval-data.md §2)."""

    counts: Counter[DateOutcome] = field(default_factory=Counter)
    true_negatives: int = 0  # correct "no date" answers, kept apart for precision and recall

    def add(self, expected: date | None, outcome: DateOutcome) -> None:
        self.counts[outcome] += 1
        if expected is None and outcome is DateOutcome.CORRECT:
            self.true_negatives += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def accuracy(self) -> float:
        """(TP + TN) / all pages."""
        return self.counts[DateOutcome.CORRECT] / self.total if self.total else 0.0

    def prf(self) -> tuple[float, float, float]:
        """Precision TP/(TP+FP), recall TP/(TP+FN), F = 2PR/(P+R); an extractor error is a FN."""
        c = self.counts
        tp = c[DateOutcome.CORRECT] - self.true_negatives
        fp = c[DateOutcome.WRONG] + c[DateOutcome.FALSE_POSITIVE]
        fn = c[DateOutcome.MISSED] + c[DateOutcome.ERROR]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class DateCase:
    file: str
    url: str
    expected: date | None
    htmldate_labelled: bool  # part of the 1000 pages htmldate publishes its numbers on
    html: str


# Two trafilatura labels are written year-day-month; the pages print 29. November 2022 and
# 25.10.2022. Read them as meant rather than drop the pages (shared/eval is read-only).
LABEL_FIXES = {
    "html/dvg.de.weihnachtsurlaub.html.gz": ("2022-29-11", date(2022, 11, 29)),
    "html/urania.de.freiheit.html.gz": ("2022-25-10", date(2022, 10, 25)),
}


def _label_day(name: str, label: str | None) -> date | None:
    if name in LABEL_FIXES and LABEL_FIXES[name][0] == label:
        return LABEL_FIXES[name][1]
    return date.fromisoformat(label) if label else None


def date_files(eval_dir: Path, limit: int | None = None, step: int = 1) -> list[str]:
    """Manifest keys in sorted order; ``step`` keeps every n-th (a deterministic subset)."""
    manifest = _load_json(eval_dir / "dates" / "manifest.json")
    return sorted(manifest)[::step][:limit]


def iter_date_cases(eval_dir: Path, files: Iterable[str]) -> Iterator[DateCase]:
    """Pages one at a time: decoded, all 1118 would hold a few hundred MB."""
    manifest = _load_json(eval_dir / "dates" / "manifest.json")
    metadata = _load_json(eval_dir / "dates" / "metadata.json")
    for name in files:
        meta = metadata.get(name, {})
        yield DateCase(
            file=name,
            url=_first_url(meta.get("url")),
            expected=_label_day(name, manifest[name]),
            htmldate_labelled=any(s["repo"] == "adbar/htmldate" for s in meta.get("sources", [])),
            html=read_page(eval_dir / "dates" / name),
        )


def _first_url(value: str | list[str] | None) -> str:
    """metadata.json gives two pages a list (page URL, then an archive or a typo variant)."""
    if isinstance(value, list):
        value = value[0] if value else None
    return (value or "").strip()


def local_day(article: Article | None) -> date | None:
    """Warta's date as printed on the page: the day in the zone ``published_at`` carries."""
    return article.published_at.date() if article and article.published_at else None


# --- Indonesian pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class IndonesianCase:
    file: str
    site: str
    url: str
    truth: dict[str, Any]
    html: str


def load_indonesian_articles(eval_dir: Path, limit: int | None = None) -> list[IndonesianCase]:
    """Article pages of indonesian-html/ in manifest order (listings and RSS are left out)."""
    folder = eval_dir / "indonesian-html"
    records = [r for r in _load_json(folder / "manifest.json") if r["page_type"] == "article"]
    return [
        IndonesianCase(
            r["file"], r["site"], r["url"], r.get("ground_truth", {}), read_page(folder / r["file"])
        )
        for r in records[:limit]
    ]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass(frozen=True)
class FieldChecks:
    """One page's results, only for fields with ground truth: ``title`` (same after whitespace
    normalisation), ``day`` (published day in the page's zone), ``minute`` (same instant to the
    minute), ``offset`` (same UTC offset printed), ``tags`` (case-insensitive set equality).
    """

    results: dict[str, bool]
    body_truth: str | None = None
    body_found: str | None = None


def check_indonesian(case: IndonesianCase, article: Article | None) -> FieldChecks:
    """Compare one extraction with the page's ground truth, field by field."""
    truth = case.truth
    truth_at = datetime.fromisoformat(truth["published"]) if "published" in truth else None
    truth_day = truth_at.date() if truth_at else _iso_day(truth.get("published_date"))
    found_at = article.published_at if article else None
    checks: dict[str, bool] = {}
    if "title" in truth:
        checks["title"] = _norm(article.title if article else None) == _norm(truth["title"])
    if truth_day:
        checks["day"] = local_day(article) == truth_day
    if truth_at:
        checks["minute"] = same_minute(found_at, truth_at)
        checks["offset"] = found_at is not None and found_at.utcoffset() == truth_at.utcoffset()
    if "tags" in truth:
        checks["tags"] = _tag_set(article.tags if article else ()) == _tag_set(truth["tags"])
    body = truth.get("body") or "\n\n".join(truth.get("body_paragraphs") or [])
    if not body:
        return FieldChecks(checks)
    return FieldChecks(checks, body, article.body_text if article else "")


def _iso_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def same_minute(found: datetime | None, truth: datetime) -> bool:
    """Same instant, seconds ignored: the visible "14:56 WIB" matches truth 14:56:43+07:00."""
    if found is None or found.utcoffset() is None:
        return False
    # Offsets are whole minutes, so dropping seconds in either zone drops them in UTC too.
    return found.replace(second=0, microsecond=0) == truth.replace(second=0, microsecond=0)


def _tag_set(tags: Iterable[str]) -> set[str]:
    return {_norm(t).casefold() for t in tags if _norm(t)}


# --- Running Warta --------------------------------------------------------------------------


def safe_extract(html: str, url: str) -> tuple[Article | None, str | None]:
    """Warta's generic extraction, or the exception text: it must never raise, so we count it."""
    try:
        return extract_article(html, url), None
    except Exception as exc:  # any exception is a finding to report, not to crash on
        return None, f"{type(exc).__name__}: {exc}"
