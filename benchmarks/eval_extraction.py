"""Measure Warta's generic extraction on real pages, beside trafilatura (body) and htmldate (dates).

Run: .venv/bin/python benchmarks/eval_extraction.py [--only body|dates|indonesian|speed] [--limit N]
(about two minutes in all; data from ../shared/eval or $WARTA_EVAL_DIR; exits 1 if Warta raised).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

import htmldate
import trafilatura
from parsel import Selector

# Run as a script from any directory: make the repository importable first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.evaldata import (
    EVAL_DIR_ENV,
    BodyCase,
    BodyScore,
    DateCase,
    DateOutcome,
    DateTally,
    FieldChecks,
    IndonesianCase,
    check_indonesian,
    date_files,
    date_outcome,
    eval_dir_candidate,
    find_eval_dir,
    iter_date_cases,
    load_body_cases,
    load_indonesian_articles,
    load_published_outputs,
    local_day,
    published_aeb_results,
    safe_extract,
    score_bodies,
    shingle_match,
)
from crawler.extraction import Article

SECTIONS = ("body", "dates", "indonesian", "speed")
# AEB's output/newspaper.json holds newspaper4k's predictions; its README row says so.
README_ALIASES = {"newspaper": "newspaper4k"}
Failures = list[str]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print rows as left-aligned columns (floats with three decimals)."""
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in [list(headers), *cells]) for i in range(len(headers))]
    for row in [list(headers), *cells]:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def heading(text: str) -> None:
    print(f"\n== {text}")


# --- Warta and trafilatura on the article-extraction benchmark ------------------------------


def run_pass(
    extract: Callable[[BodyCase], str], cases: list[BodyCase]
) -> tuple[list[str], list[float]]:
    """Outputs and per-page milliseconds of one pass over the pages."""
    outputs, millis = [], []
    for case in cases:
        start = time.perf_counter()
        outputs.append(extract(case))
        millis.append((time.perf_counter() - start) * 1000)
    return outputs, millis


def warta_body(failures: Failures) -> Callable[[BodyCase], str]:
    def extract(case: BodyCase) -> str:
        article, error = safe_extract(case.html, case.url)
        if error:
            failures.append(f"body  {case.key[:12]}  {case.url}  {error}")
        return article.body_text if article else ""

    return extract


def trafilatura_body(case: BodyCase) -> str:
    """The documented baseline call: ``trafilatura.extract(html)`` with default settings."""
    return trafilatura.extract(case.html) or ""


def trafilatura_aeb(case: BodyCase) -> str:
    """As AEB's ``extractors/run_trafilatura.py`` produced its published row."""
    return trafilatura.extract(case.html, include_comments=False) or ""


def body_section(
    eval_dir: Path,
    cases: list[BodyCase],
    outputs: tuple[list[str], list[str]],
    args: argparse.Namespace,
) -> None:
    """Warta and trafilatura scores, the metric check, and Warta's worst pages."""
    (warta, traf), worst, full = outputs, args.worst, args.limit is None
    heading(f"Body: article-extraction benchmark, {len(cases)} pages, word 4-gram shingles")
    truths = [c.truth for c in cases]
    aeb = [trafilatura_aeb(c) for c in cases]
    scores = {
        "Warta extract_article": score_bodies(zip(truths, warta, strict=True)),
        f"trafilatura {trafilatura.__version__} (defaults)": score_bodies(
            zip(truths, traf, strict=True)
        ),
        "trafilatura, include_comments=False (AEB run)": score_bodies(
            zip(truths, aeb, strict=True)
        ),
    }
    rows = [(name, s.f1, s.precision, s.recall, s.accuracy) for name, s in scores.items()]
    table(("extractor", "F1", "precision", "recall", "accuracy"), rows)
    w, t = list(scores.values())[:2]
    print(
        f"  Warta − trafilatura: F1 {w.f1 - t.f1:+.3f}, precision {w.precision - t.precision:+.3f},"
        f" recall {w.recall - t.recall:+.3f}"
    )
    if full:  # the published numbers are over all pages
        metric_check(eval_dir, cases)
    worst_pages(cases, warta, traf, worst)


def metric_check(eval_dir: Path, cases: list[BodyCase]) -> None:
    """Score the stored predictions of other tools and compare with README.rst's numbers."""
    published = published_aeb_results(eval_dir)
    print("  metric check: stored output/*.json scored here vs README.rst (F1 / P / R / acc)")
    rows = []
    for name, (version, bodies) in load_published_outputs(eval_dir).items():
        ours = score_bodies((c.truth, bodies.get(c.key, "")) for c in cases)
        readme = README_ALIASES.get(name, name)
        row = next((s for n, v, s in published if n == readme and version in (None, v)), None)
        verdict = "no README row" if row is None else _agreement(ours, row)
        rows.append((name, version or "-", _four(ours), _four(row) if row else "-", verdict))
    table(("tool", "version", "computed here", "README.rst", "check"), rows)


def _four(s: BodyScore) -> str:
    return f"{s.f1:.3f} / {s.precision:.3f} / {s.recall:.3f} / {s.accuracy:.3f}"


def _agreement(ours: BodyScore, readme: BodyScore) -> str:
    pairs = [(ours.f1, readme.f1), (ours.precision, readme.precision), (ours.recall, readme.recall)]
    pairs.append((ours.accuracy, readme.accuracy))
    # README prints three decimals: agreement means equal after rounding (float slack 1e-9).
    return "OK" if all(abs(a - b) <= 0.0005 + 1e-9 for a, b in pairs) else "MISMATCH"


def worst_pages(cases: list[BodyCase], warta: list[str], traf: list[str], count: int) -> None:
    matches = [shingle_match(c.truth, out) for c, out in zip(cases, warta, strict=True)]
    ranked = sorted(range(len(cases)), key=lambda i: (matches[i].f1, cases[i].key))[:count]
    print(f"  {count} worst pages for Warta (per-page F1; P/R None = nothing to score):")
    rows = []
    for i in ranked:
        m, case = matches[i], cases[i]
        rows.append(
            (
                case.key[:12],
                m.f1,
                _opt(m.precision),
                _opt(m.recall),
                shingle_match(case.truth, traf[i]).f1,
                f"{len(case.truth.split())}/{len(warta[i].split())}",
                case.url[:70],
            )
        )
    table(("page", "F1", "P", "R", "traf F1", "words true/Warta", "url"), rows)


def _opt(value: float | None) -> str:
    return "None" if value is None else f"{value:.3f}"


def speed_section(warta_ms: list[float], traf_ms: list[float]) -> None:
    heading(f"Speed: ms per page on the same {len(warta_ms)} pages, after one warm-up pass")
    rows = [
        (name, statistics.median(ms), statistics.fmean(ms), sum(ms) / 1000)
        for name, ms in (("Warta extract_article", warta_ms), ("trafilatura.extract", traf_ms))
    ]
    table(("extractor", "median ms", "mean ms", "total s"), rows)
    print(
        f"  ratio Warta/trafilatura: median {rows[0][1] / rows[1][1]:.2f}×,"
        f" mean {rows[0][2] / rows[1][2]:.2f}×"
    )


# --- Publication dates ----------------------------------------------------------------------


def htmldate_outcome(case: DateCase, url: str | None) -> DateOutcome:
    """htmldate as its own evaluation runs it (``tests/evaluation.py``: extensive, original)."""
    try:
        found = htmldate.find_date(case.html, url=url, original_date=True, extensive_search=True)
    except Exception:  # a crash in the baseline is its error, not a reason to stop the run
        return DateOutcome.ERROR
    return date_outcome(case.expected, date.fromisoformat(found) if found else None)


def dates_section(eval_dir: Path, limit: int | None, failures: Failures) -> None:
    files = date_files(eval_dir, limit)
    heading(f"Dates: dates/ set, {len(files)} pages, day of the original publication")
    warta, hd_url, hd_published = DateTally(), DateTally(), DateTally()
    causes: dict[str, list[str]] = defaultdict(list)
    for case in iter_date_cases(eval_dir, files):
        article, error = safe_extract(case.html, case.url)
        if error:
            failures.append(f"dates {case.file}  {case.url}  {error}")
        outcome = DateOutcome.ERROR if error else date_outcome(case.expected, local_day(article))
        warta.add(case.expected, outcome)
        if outcome not in (DateOutcome.CORRECT, DateOutcome.ERROR) and article:
            cause, example = date_cause(case, article, outcome)
            causes[cause].append(example)
        hd_url.add(case.expected, htmldate_outcome(case, case.url))
        if case.htmldate_labelled:  # htmldate's published runs pass no URL
            hd_published.add(case.expected, htmldate_outcome(case, None))
    rows = [_date_row("Warta published_at", warta), _date_row("htmldate, same URL", hd_url)]
    table(
        ("extractor", "accuracy", "correct", "wrong", "missed", "false pos", "error", "P / R / F"),
        rows,
    )
    p, r, f = hd_published.prf()
    print(
        f"  check: htmldate {htmldate.__version__} without URL on the {hd_published.total}"
        f" htmldate-labelled pages: accuracy {hd_published.accuracy:.3f}, P {p:.3f}, R {r:.3f},"
        f" F {f:.3f} (published, 1.10.0 extensive: 0.903 / 0.908 / 0.993 / 0.949)"
    )
    print_causes(causes)


def _date_row(name: str, tally: DateTally) -> tuple[object, ...]:
    c = tally.counts
    p, r, f = tally.prf()
    return (
        name,
        tally.accuracy,
        *(c[o] for o in DateOutcome),
        f"{p:.3f} / {r:.3f} / {f:.3f}",
    )


_ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?!\d)")


def _day(text: str, pattern: re.Pattern[str] = _ISO_DAY) -> date | None:
    if match := pattern.search(text):
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def page_evidence(html: str) -> dict[str, list[str]]:
    """Machine-readable date strings on the page, by kind, to explain a wrong or missing date."""
    page = Selector(text=html)
    evidence: dict[str, list[str]] = defaultdict(list)
    for key in ("datePublished", "dateCreated", "dateModified"):
        for value in re.findall(rf'"{key}"\s*:\s*"([^"]+)"', html):
            evidence["modified" if key == "dateModified" else "JSON-LD"].append(value)
    for tag in page.css("meta"):
        name = " ".join(tag.xpath("@property|@name|@itemprop").getall()).lower()
        content = tag.attrib.get("content", "")
        if re.search(r"modif|updated", name):
            evidence["modified"].append(content)
        elif re.search(r"publish|pubdate|created|date\.issued|^date$", name):
            evidence["meta"].append(content)
    evidence["<time>"] = page.css("time::attr(datetime)").getall()
    return evidence


# A UTC instant: "2019-10-18T22:04:00Z", "2022-05-04T03:37:37+00:00", "... 02:41:00 GMT".
_UTC_INSTANT = re.compile(r"\d(?:Z|[+-]00:?00|\s*GMT|\s*UTC)\s*$")
_RELATIVE = re.compile(r"(?i)\bago\b|\blalu\b|\byesterday\b|\bkemarin\b")
ONE_DAY = timedelta(days=1)


def date_cause(case: DateCase, article: Article, outcome: DateOutcome) -> tuple[str, str]:
    """A short cause for one wrong or missing date, and an example line for it."""
    evidence = page_evidence(case.html)
    days = {kind: {d for v in values if (d := _day(v))} for kind, values in evidence.items()}
    found, expected, raw = local_day(article), case.expected, article.published_raw or ""
    source = "/".join(k for k, vs in evidence.items() if raw and raw in vs) or "page text"
    declared = [k for k in ("JSON-LD", "meta", "<time>") if expected in days.get(k, set())]
    if expected and _day(case.url, _URL_DAY) == expected:
        declared.append("URL")
    cause = _cause(outcome, source, declared, raw, found, expected)
    right = f"right day in {'/'.join(declared)}" if declared else "right day not machine-readable"
    example = (
        f"{case.file}  expected {expected}  got {found}  raw {raw[:45]!r} from {source}; {right}"
    )
    return cause, example


def _cause(
    outcome: DateOutcome,
    source: str,
    declared: list[str],
    raw: str,
    found: date | None,
    expected: date | None,
) -> str:
    if outcome is DateOutcome.FALSE_POSITIVE:
        return "a date on a page labelled 'no date'"
    if outcome is DateOutcome.MISSED:
        if raw:
            return "None: a raw date was found but not parsed"
        if declared:
            return "None, though the right day is machine-readable (JSON-LD/meta/<time>/URL)"
        return "None: the right day is not in JSON-LD/meta/<time>/URL as ISO (visible text only?)"
    if _RELATIVE.search(raw):
        return "read a relative date ('16 hours ago') against today"
    if source == "modified":
        return "took the modified date"
    if found and expected and abs(found - expected) == ONE_DAY:
        if _UTC_INSTANT.search(raw):
            return "one day off: kept a UTC instant in UTC (the page's local day differs)"
        return "one day off: other"
    if declared:
        return "took a wrong candidate while the right day is machine-readable elsewhere"
    if source != "page text":
        return "took the page's own declared date, which differs from the label"
    return "took another date from page text (sidebar, related, comment, ...)"


def print_causes(causes: dict[str, list[str]]) -> None:
    total = sum(map(len, causes.values()))
    print(f"  Warta's {total} wrong / missed / false-positive dates by cause (3 examples each):")
    for cause, examples in sorted(causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"   {len(examples):4}  {cause}")
        for line in examples[:3]:
            print(f"          {line}")


# --- Indonesian pages -----------------------------------------------------------------------

FIELDS = ("title", "day", "minute", "offset", "tags")


def indonesian_section(eval_dir: Path, limit: int | None, failures: Failures) -> None:
    cases = load_indonesian_articles(eval_dir, limit)
    heading(f"Indonesian pages: indonesian-html/, {len(cases)} articles (x/n where truth exists)")
    results: list[tuple[IndonesianCase, Article | None, FieldChecks]] = []
    for case in cases:
        article, error = safe_extract(case.html, case.url)
        if error:
            failures.append(f"indonesian {case.file}  {error}")
        results.append((case, article, check_indonesian(case, article)))
    sites = sorted({c.site for c in cases})
    rows = [_site_row(site, [r for r in results if r[0].site == site]) for site in sites]
    rows.append(_site_row("TOTAL", results))
    table(("site", "pages", *FIELDS, "body F1 (n)"), rows)
    print("  day = published day in the page's zone; minute = same instant to the minute;")
    print("  offset = printed UTC offset equals the truth's; tags = case-insensitive set equality")
    print_mismatches(results)


def _site_row(
    site: str, results: list[tuple[IndonesianCase, Article | None, FieldChecks]]
) -> list[object]:
    row: list[object] = [site, len(results)]
    for name in FIELDS:
        values = [c.results[name] for _, _, c in results if name in c.results]
        row.append(f"{sum(values)}/{len(values)}" if values else "-")
    bodies = [(c.body_truth, c.body_found) for _, _, c in results if c.body_truth]
    row.append(f"{score_bodies(bodies).f1:.3f} ({len(bodies)})" if bodies else "-")
    return row


def print_mismatches(results: list[tuple[IndonesianCase, Article | None, FieldChecks]]) -> None:
    print("  mismatches (expected → Warta):")
    for case, article, checks in results:
        name, truth, ok = case.file.rsplit("/", 1)[-1], case.truth, checks.results
        if ok.get("title") is False:
            print(f"   {name}: title {truth['title']!r} → {article and article.title!r}")
        if False in (ok.get("day"), ok.get("minute"), ok.get("offset")):
            wanted = truth.get("published") or truth.get("published_date")
            got = article.published_at.isoformat() if article and article.published_at else None
            raw = article.published_raw if article else None
            print(f"   {name}: published {wanted} → {got} (raw {raw and raw[:60]!r})")
        if ok.get("tags") is False:
            found = sorted(article.tags) if article else []
            print(f"   {name}: tags {sorted(truth['tags'])} → {found}")


# --- Main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=SECTIONS, help="run one section")
    parser.add_argument("--limit", type=int, help="first N pages of each set (quick runs)")
    parser.add_argument("--worst", type=int, default=15, help="worst body pages to list")
    return parser.parse_args(argv)


def body_and_speed(eval_dir: Path, args: argparse.Namespace, failures: Failures) -> None:
    """One timed pass of each extractor serves both sections (after a warm-up for speed)."""
    cases = load_body_cases(eval_dir, args.limit)
    extract_warta = warta_body(failures)
    timing = args.only in (None, "speed")
    if timing:  # warm-up pass: imports, caches, lazy compiles
        run_pass(extract_warta, cases)
        run_pass(trafilatura_body, cases)
        failures.clear()  # the timed pass below reports the same pages again
    warta_out, warta_ms = run_pass(extract_warta, cases)
    traf_out, traf_ms = run_pass(trafilatura_body, cases)
    if args.only in (None, "body"):
        body_section(eval_dir, cases, (warta_out, traf_out), args)
    if timing:
        speed_section(warta_ms, traf_ms)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    eval_dir = find_eval_dir()
    if eval_dir is None:
        print(
            f"shared/eval not found at {eval_dir_candidate()}; set {EVAL_DIR_ENV}", file=sys.stderr
        )
        return 2
    failures: Failures = []
    started = time.perf_counter()
    if args.only in (None, "body", "speed"):
        body_and_speed(eval_dir, args, failures)
    if args.only in (None, "dates"):
        dates_section(eval_dir, args.limit, failures)
    if args.only in (None, "indonesian"):
        indonesian_section(eval_dir, args.limit, failures)
    print(f"\n({time.perf_counter() - started:.0f} s; data {eval_dir})")
    if failures:
        print(f"\n!!! extract_article RAISED on {len(failures)} pages; it must never raise:")
        print("\n".join(f"  {line}" for line in failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
