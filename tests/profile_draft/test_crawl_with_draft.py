"""``warta crawl ID`` with a drafted profile in ``WARTA_SITES_DIR``: it finds the portal's
articles by the drafted start URL, patterns and next-page link, and stores what the
hand-written profile would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crawler.extraction import decode_html, extract_article
from crawler.profile_draft import draft_profile, write_draft
from crawler.profiles import load_profile
from sample_portal import running_portal
from tests.e2e.conftest import FAST, rows
from tests.profile_draft.pages import theme_pages

ARTICLES = 20


def test_warta_crawl_uses_the_drafted_profile(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    write_draft(draft_profile("drafted_pemkot", list(theme_pages("pemkot"))), sites, tmp_path)
    db = tmp_path / "a.db"
    with running_portal(articles=ARTICLES, theme="pemkot") as portal:
        done = subprocess.run(
            [
                *(sys.executable, "-m", "warta", "crawl", "drafted_pemkot"),
                *("--base-url", portal.base_url, "--db", str(db), "--no-progress"),
                *("--no-captures", *FAST),
            ],
            env={**os.environ, "WARTA_SITES_DIR": str(sites)},
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
        pages = {
            r["url"]: portal.portal.handle(r["url"].removeprefix(portal.base_url.rstrip("/")))
            for r in rows(db, "SELECT url FROM articles")
        }
    # The portal links a deleted article on purpose: a good run is "partial" (exit 3).
    assert done.returncode in (0, 3), done.stdout[-2000:] + done.stderr[-2000:]
    stored = rows(db, "SELECT url, site_id, title, view_count, body_text FROM articles")
    assert len(stored) == ARTICLES
    hand_written = load_profile("sample_pemkot").with_base_url(portal.base_url)
    for row in stored:
        assert row["site_id"] == "drafted_pemkot"
        page = pages[row["url"]]
        html = decode_html(page.body, content_type=page.content_type)
        theirs = extract_article(html, row["url"], hand_written)
        assert (row["title"], row["view_count"]) == (theirs.title, theirs.view_count)
        assert row["body_text"] == theirs.body_text
