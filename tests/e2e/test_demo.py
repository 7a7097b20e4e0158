"""``warta demo`` twice into one archive: the second run sees the same URLs, nothing new."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from tests.e2e.conftest import RunWarta, rows

ARTICLES = 20


def test_a_second_demo_finds_every_article_already_archived(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", 8321))
        except OSError:
            pytest.skip("port 8321 (sample_pemkot's) is taken here; the demo would use another")
    db = tmp_path / "demo.db"
    first = run_warta("demo", "--articles", str(ARTICLES), "--db", str(db))
    second = run_warta("demo", "--articles", str(ARTICLES), "--db", str(db))

    assert first.returncode == 0, first.stdout + first.stderr
    assert "Sample portal (pemkot theme, 20 articles) at http://127.0.0.1:8321/" in first.stdout
    assert f"{ARTICLES} new and 0 updated articles stored." in first.stdout
    # The demo's search finds every form of "bantu", counted here with a pattern of its own.
    forms = re.compile(r"\b(?:mem|di|ber|ter)?bantu(?:an|nya)?\b", re.IGNORECASE)
    texts = rows(db, "SELECT title || ' ' || body_text AS text FROM articles")
    helped = sum(1 for row in texts if forms.search(row["text"]))
    assert helped > 0
    assert f"{helped} articles match 'bantu'; 1-3, by relevance:" in first.stdout
    exported = tmp_path / "demo-export-csv"
    assert f"{ARTICLES} articles in {exported / 'articles.csv'}, described" in first.stdout
    verified = run_warta("verify", str(exported))
    assert verified.returncode == 0, verified.stdout
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"Nothing new: all {ARTICLES} articles seen were already in the archive" in second.stdout
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == ARTICLES
    assert rows(db, "SELECT count(*) AS n FROM article_aliases")[0]["n"] == 0
    # Both runs are partial: the sample portal links a deleted article (404) on purpose.
    statuses = [r["status"] for r in rows(db, "SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["partial", "partial"]
