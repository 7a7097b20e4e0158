"""A portal that says "later": 429 and 503 with Retry-After wait, then the article arrives."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import RunWarta, rows
from tests.e2e.hostile_portal import Busy, Handler, Hit, crawl_profile, hostile_portal

TOLERANCE = 0.2  # seconds of clock and scheduling slack in the timing checks


def crawl(run: RunWarta, tmp_path: Path, base_url: str, *settings: str) -> Any:
    return crawl_profile(run, tmp_path, base_url, str(tmp_path / "arsip.db"), *settings)


def hits_of(hits: list[Hit], slug: str) -> list[Hit]:
    return [h for h in hits if h.path == f"/berita/{slug}"]


def stored_and_stats(tmp_path: Path, base_url: str) -> tuple[list[str], dict[str, Any]]:
    db = tmp_path / "arsip.db"
    stored = sorted(r["url"].removeprefix(base_url) for r in rows(db, "SELECT url FROM articles"))
    [run] = rows(db, "SELECT stats_json FROM crawl_runs")
    return stored, json.loads(run["stats_json"])


def test_crawl_waits_what_the_portal_asks_then_stores(run_warta: RunWarta, tmp_path: Path) -> None:
    slugs = ("1-pasar-murah", "2-antrean-sembako", "3-layanan-pajak")
    busy = {
        "2-antrean-sembako": Busy(429, times=2, retry_after="1"),
        "3-layanan-pajak": Busy(503, times=1, date_ahead=2),
    }
    with hostile_portal(listed=slugs, busy=busy) as base_url:
        done = crawl(run_warta, tmp_path, base_url)
        hits = list(Handler.hits)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr

    stored, stats = stored_and_stats(tmp_path, base_url)
    assert stored == [f"berita/{slug}" for slug in slugs]

    sembako = hits_of(hits, "2-antrean-sembako")
    assert [h.status for h in sembako] == [429, 429, 200]
    for before, after in itertools.pairwise(sembako):
        assert after.at - before.at >= 1 - TOLERANCE  # "Retry-After: 1"
    pajak = hits_of(hits, "3-layanan-pajak")
    assert [h.status for h in pajak] == [503, 200]
    assert pajak[0].retry_until is not None
    assert pajak[1].at >= pajak[0].retry_until - TOLERANCE  # not before the date it named

    # The whole portal waits, not just the page that was turned away: past what was already
    # on its way, nothing arrives in the first second after the first 429/503.
    first = min(h.at for h in hits if h.status != 200)
    assert not [h for h in hits if first + 0.5 <= h.at < first + 1 - TOLERANCE]

    assert stats["warta/retry_after/retries"] == 3
    assert stats["warta/retry_after/waited_s"] >= 2 - TOLERANCE
    assert "warta/retry_after/gave_up" not in stats
    assert not [k for k in stats if k.startswith("warta/errors/")]


def test_crawl_gives_up_once_the_budget_is_spent(run_warta: RunWarta, tmp_path: Path) -> None:
    slugs = ("1-pasar-murah", "4-antrean-panjang", "5-posyandu-keliling")
    busy = {"4-antrean-panjang": Busy(429, None, "1")}
    with hostile_portal(listed=slugs, busy=busy) as base_url:
        done = crawl(run_warta, tmp_path, base_url, "-s", "WARTA_RETRY_AFTER_BUDGET=2")
        hits = list(Handler.hits)
    assert done.returncode == 3, done.stderr  # partial: one page failed
    assert "Traceback" not in done.stdout + done.stderr

    stored, stats = stored_and_stats(tmp_path, base_url)
    assert stored == ["berita/1-pasar-murah", "berita/5-posyandu-keliling"]
    # Waited 1 s twice (the budget of 2 s), then the third 429 was passed on.
    assert [h.status for h in hits_of(hits, "4-antrean-panjang")] == [429, 429, 429]
    assert stats["warta/retry_after/retries"] == 2
    assert stats["warta/retry_after/waited_s"] == pytest.approx(2.0)
    assert stats["warta/retry_after/gave_up"] == 1
    assert stats["warta/errors/http_429"] == 1

    log = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.log"))
    assert (
        f"giving up on {base_url}berita/4-antrean-panjang: http 429, "
        "Retry-After budget of 2 s for 127.0.0.1 spent"
    ) in log
