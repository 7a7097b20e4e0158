"""Bad input during a crawl: each fault gives a counted stat and a consistent archive."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import FAST, RunWarta, rows
from tests.e2e.fault_portal import PROFILE, Handler, fault_portal


def test_every_fault_is_counted_and_nothing_good_is_lost(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "uji_gangguan.toml").write_text(PROFILE, encoding="utf-8")
    db = tmp_path / "arsip.db"
    with fault_portal() as base_url:
        done = run_warta(
            "crawl",
            "uji_gangguan",
            "--base-url",
            base_url,
            "--db",
            str(db),
            "--no-progress",
            *FAST,
            "-s",
            "DOWNLOAD_TIMEOUT=3",
            "-s",
            "RETRY_TIMES=1",
            env={"WARTA_SITES_DIR": str(sites)},
        )
        hits = dict(Handler.hits)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr

    stored = {r["url"].removeprefix(base_url): r for r in rows(db, "SELECT * FROM articles")}
    # Good pages, the unreadable date, the windows-1252 page and the malformed page are kept;
    # the slow, broken, missing, PDF, empty and off-portal pages are not.
    assert sorted(stored) == [
        "berita/1-pasar-murah",
        "berita/10-html-rusak",
        "berita/2-tanggal-aneh",
        "berita/9-cp1252",
    ]
    unreadable = stored["berita/2-tanggal-aneh"]
    assert unreadable["published_at"] is None
    assert unreadable["published_raw"] == "Tanggal: segera diumumkan"
    assert "\u201cbukti nyata\u201d" in stored["berita/9-cp1252"]["body_text"]
    assert "Petugas menimbang balita" in stored["berita/10-html-rusak"]["body_text"]
    # The sidebar's count (9.999) and date (6 Januari) belong to another article.
    assert {r["view_count"] for r in stored.values()} == {120}

    [run] = rows(db, "SELECT status, stats_json FROM crawl_runs")
    stats = json.loads(run["stats_json"])
    assert run["status"] == "finished"
    assert stats["warta/errors/http_500"] == 1
    assert stats["warta/errors/http_404"] == 1
    assert stats["warta/errors/DownloadTimeoutError"] == 1
    assert stats["warta/pages/not_html"] == 1
    assert stats["warta/published/unparsed"] == 1
    assert stats["item_dropped_reasons_count/MissingBody"] == 1
    assert stats["offsite/filtered"] >= 1
    assert stats["robotstxt/forbidden"] == 1
    assert hits.get("/berita/4-rusak") == 2  # one retry, then given up
    assert "/berita/11-ditarik" not in hits  # disallowed by robots.txt
    assert "lapor.invalid" not in done.stdout
