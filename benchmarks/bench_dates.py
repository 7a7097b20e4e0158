"""Benchmark `parse_published` against plain `dateparser.parse` on a mix of Indonesian date strings.

Run: .venv/bin/python benchmarks/bench_dates.py   (about half a minute; dateparser is the slow half)

The mix is built from (instant, format) pairs, so the right answer of every string is known.
Formats and their weights follow research/indonesian-formats.md: mostly the visible and meta
dates of real portals, with a little long tail, relative phrases and strings holding no date.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import dateparser

# Run as a script from any directory: make the repository importable first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from crawler.extraction.date_parsing import parse_published

SIZE = 10_000
SEED = 20250122
WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]  # fmt: skip
BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# Relative phrases are graded with this much slack: dateparser reads them against the clock.
SLACK = timedelta(minutes=2)


@dataclass(frozen=True)
class Case:
    kind: str  # "common", "long tail", "relative" or "no date"
    text: str
    expected: datetime | None
    slack: timedelta = timedelta(0)


def _visible(moment: datetime, shape: str) -> str:
    """Render a datetime with Indonesian names: "{hari}, {d} {bulan} {Y} {HM} WIB"."""
    return shape.format(
        hari=HARI[moment.weekday()],
        hari_okezone=HARI[moment.weekday()].replace("Jumat", "Jum'at"),
        day=DAY[moment.weekday()],
        d=moment.day,
        dd=f"{moment.day:02}",
        m=moment.month,
        mm=f"{moment.month:02}",
        bulan=BULAN[moment.month - 1],
        bln=BLN[moment.month - 1],
        mon=MON[moment.month - 1],
        Y=moment.year,
        yy=f"{moment.year % 100:02}",
        HM=f"{moment.hour:02}:{moment.minute:02}",
        HMS=f"{moment.hour:02}:{moment.minute:02}:{moment.second:02}",
    )


# (weight, kind, zone, shape, keeps seconds, keeps the time) — source in the comment.
FORMATS: list[tuple[int, str, tzinfo, str, bool, bool]] = [
    (14, "common", WIB, "{hari}, {d} {bulan} {Y} {HM} WIB", False, True),  # antaranews
    (8, "common", WIB, "{hari}, {dd}/{mm}/{Y} {HM} WIB", False, True),  # detik 2015
    (8, "common", WIB, "{hari}, {dd} {bln} {Y} {HM} WIB", False, True),  # detik 2022
    (6, "common", WIB, "{hari}, {d} {bulan} {Y} | {HM} WIB", False, True),  # kompas, tempo
    (5, "common", WIB, "Kompas.com - {dd}/{mm}/{Y}, {HM} WIB", False, True),  # kompas 2023
    (5, "common", WIB, "{hari}, {d} {bulan} {Y} - {HM} wib", False, True),  # okezone
    (3, "common", WIB, "{hari_okezone}, {d} {bulan} {Y} - {HM} wib", False, True),  # okezone
    (5, "common", WIB, "{hari}, {d} {bulan} {Y}, {HM} WIB", False, True),  # republika
    (5, "common", WIB, "{hari}, {dd} {bulan} {Y} {HM}", False, True),  # kapanlagi, viva
    (4, "common", WIB, "on {d} {mon} {Y} at {HM} WIB", False, True),  # liputan6
    (5, "common", WIB, "{dd}/{m}/{Y} {HM}", False, True),  # mediaindonesia
    (4, "common", WIB, "Humas | {hari}, {d} {bulan} {Y} | {HM}", False, True),  # tangerangnews
    (4, "common", WITA, "{hari}, {d} {bulan} {Y} {HM} WITA", False, True),  # regional WITA
    (2, "common", WIT, "{hari}, {d} {bulan} {Y} {HM} WIT", False, True),  # regional WIT
    (4, "common", WIB, "{hari}, {d} {bulan} {Y} {HM} WIB | Dibaca : 61", False, True),
    (3, "common", WIB, "{bulan} {d}, {Y}", False, False),  # WordPress US order
    (2, "common", WIB, "{HMS}, {d} {bln} {Y}", True, True),  # malangkab, time first
    (5, "common", WIB, "{Y}-{mm}-{dd}T{HMS}+07:00", True, True),  # JSON-LD, <time>
    (4, "common", WIB, "{Y}/{mm}/{dd} {HMS}", True, True),  # detik meta publishdate
    (3, "common", WIB, "{day}, {dd} {mon} {Y} {HMS} +0700", True, True),  # RSS
    (1, "long tail", WIB, "{dd}/{mm}/{yy} {HM}", False, True),  # two-digit year
    (1, "long tail", WIB, "{Y} {bulan} {d}", False, False),  # year first with a name
]

RELATIVE: list[tuple[int, str, Callable[[int], timedelta]]] = [
    (3, "{n} menit yang lalu", lambda n: timedelta(minutes=n)),  # republika, detik
    (3, "{n} menit lalu", lambda n: timedelta(minutes=n)),  # okezone, tempo
    (2, "{n} jam lalu", lambda n: timedelta(hours=n)),
    (1, "{n} hari yang lalu", lambda n: timedelta(days=n)),
    (1, "{n} detik lalu", lambda n: timedelta(seconds=n)),  # tempo
]

NO_DATE = [
    "Dibaca : 61", "Tanggal:", "Views", "| 1.229 Views", "20 Jumadil Awwal 1438 H",
    "32 Januari 2025", "29 Februari 2023", "Bagikan", "Oleh Humas", "22 Januari 2025 25:61",
]  # fmt: skip


def build_mix(now: datetime) -> list[Case]:
    """SIZE cases in a fixed order from SEED; relative ones are counted back from `now`."""
    rng = random.Random(SEED)
    absolute_weight = sum(weight for weight, *_ in FORMATS)
    relative_weight = sum(weight for weight, *_ in RELATIVE)
    choices = [("absolute", absolute_weight), ("relative", relative_weight), ("none", 6)]
    cases = []
    for _ in range(SIZE):
        (group,) = rng.choices([c[0] for c in choices], [c[1] for c in choices])
        if group == "absolute":
            (fmt,) = rng.choices(FORMATS, [f[0] for f in FORMATS])
            _, kind, zone, shape, seconds, has_time = fmt
            moment = datetime(2010, 1, 1, tzinfo=zone) + timedelta(
                seconds=rng.randrange(16 * 365 * 86400)
            )
            if not seconds:
                moment = moment.replace(second=0)
            if not has_time:
                moment = moment.replace(hour=0, minute=0, second=0)
            cases.append(Case(kind, _visible(moment, shape), moment))
        elif group == "relative":
            (rel,) = rng.choices(RELATIVE, [r[0] for r in RELATIVE])
            n = rng.randint(1, 23)
            cases.append(Case("relative", rel[1].format(n=n), now - rel[2](n), SLACK))
        else:
            cases.append(Case("no date", rng.choice(NO_DATE), None))
    return cases


def correct(found: object, case: Case) -> bool:
    """Whether an answer is the case's instant.

    A naive answer is read the way it was made: printed wall time in WIB, as a caller would
    assume for a portal, except that dateparser counts relative phrases back from the
    machine's local clock, so there a naive answer is machine-local time.
    """
    if case.expected is None or not isinstance(found, datetime):
        return found is None and case.expected is None
    if found.tzinfo is None:
        found = found.astimezone() if case.kind == "relative" else found.replace(tzinfo=WIB)
    return abs(found - case.expected) <= case.slack


def timed(parse: Callable[[str], object], cases: list[Case]) -> tuple[float, Counter[str]]:
    """Seconds spent parsing every case, and how many of each kind came out right."""
    answers = []
    start = time.perf_counter()
    for case in cases:
        answers.append(parse(case.text))
    elapsed = time.perf_counter() - start
    right = Counter(
        case.kind for case, found in zip(cases, answers, strict=True) if correct(found, case)
    )
    return elapsed, right


def main() -> int:
    now = datetime.now(WIB).replace(microsecond=0)
    cases = build_mix(now)
    kinds = Counter(case.kind for case in cases)
    contenders: dict[str, Callable[[str], object]] = {
        "parse_published": lambda text: parse_published(text, now=now),
        'dateparser.parse(languages=["id"])': lambda text: dateparser.parse(text, languages=["id"]),
    }
    for parse in contenders.values():  # load dateparser's language data outside the timing
        parse("Rabu, 22 Januari 2025 18:26 WIB")
        parse("05/11/15 10:00")
    results = {name: timed(parse, cases) for name, parse in contenders.items()}

    print(f"{SIZE:,} strings: " + ", ".join(f"{n:,} {kind}" for kind, n in sorted(kinds.items())))
    print(f"{'parser':<36}{'strings/s':>12}{'correct':>9}  " + "  ".join(sorted(kinds)))
    for name, (elapsed, right) in results.items():
        per_kind = "  ".join(f"{right[kind]:>{len(kind)}}" for kind in sorted(kinds))
        print(f"{name:<36}{SIZE / elapsed:>12,.0f}{sum(right.values()):>9,}  {per_kind}")
    ours, theirs = (results[name][0] for name in contenders)
    print(f"speed ratio: parse_published is {theirs / ours:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
