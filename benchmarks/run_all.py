"""``make bench``: every benchmark in turn, each printing its ratio against a baseline
measured in the same run. Extra arguments pick benchmarks by name (``dates crawl``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHMARKS = {
    "dates": ["bench_dates.py"],
    "portal": ["bench_sample_portal.py", "--requests", "3000"],
    "crawl": ["bench_crawl.py"],
    "reparse": ["bench_reparse.py"],
    "archive": ["bench_archive.py"],
    "incremental": ["bench_incremental.py"],
    "search": ["bench_search.py"],
    "export": ["bench_export.py"],
    "extraction": ["eval_extraction.py"],
}


def main() -> int:
    chosen = sys.argv[1:] or list(BENCHMARKS)
    unknown = sorted(set(chosen) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
        return 2
    failed = []
    for name in chosen:
        script, *args = BENCHMARKS[name]
        print(f"\n== {name}: {script} {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script), *args], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
