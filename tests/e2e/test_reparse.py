"""``warta reparse``: a fixed profile repairs an archive from its captures, with no network."""

from __future__ import annotations

from pathlib import Path

from crawler.profiles import SITES_DIR
from sample_portal import running_portal
from tests.e2e.conftest import FAST, RunWarta, rows

ARTICLES = 15
# The sample pemkot profile under another id, with an over-eager exclude that drops every
# article's first paragraph: the mistake a profile author makes and fixes a month later.
GOOD = (
    (SITES_DIR / "sample_pemkot.toml")
    .read_text(encoding="utf-8")
    .replace(
        'name = "Pemerintah Kota Tangerang (sample portal, pemkot theme)"',
        'name = "Pemkot Uji Reparse"',
    )
)
BROKEN = GOOD.replace(
    '    "div.share",\n', '    "div.share",\n    "div.isi-berita > p:first-of-type",\n'
)


def test_a_fixed_profile_repairs_every_article_from_its_capture(
    run_warta: RunWarta, tmp_path: Path
) -> None:
    assert BROKEN != GOOD
    sites = tmp_path / "sites"
    sites.mkdir()
    profile = sites / "uji_reparse.toml"
    profile.write_text(BROKEN, encoding="utf-8")
    env = {"WARTA_SITES_DIR": str(sites)}
    db = tmp_path / "arsip.db"
    with running_portal(articles=ARTICLES) as portal:
        for again in ([], ["--full"]):  # the second crawl's captures are revisits of the first's
            done = run_warta(
                "crawl",
                "uji_reparse",
                "--base-url",
                portal.base_url,
                "--db",
                str(db),
                "--no-progress",
                *FAST,
                *again,
                env=env,
            )
            assert done.returncode == 3, done.stdout  # partial: the deliberate 404
    latest = rows(db, "SELECT record_type FROM captures WHERE article_id IS NOT NULL")
    assert (
        sorted(r["record_type"] for r in latest) == ["response"] * ARTICLES + ["revisit"] * ARTICLES
    )
    before = {r["url"]: r["body_text"] for r in rows(db, "SELECT url, body_text FROM articles")}
    assert len(before) == ARTICLES

    profile.write_text(GOOD, encoding="utf-8")  # the fix; the portal is gone by now
    dry = run_warta("reparse", "--db", str(db), "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert f"{ARTICLES} captured pages read again" in dry.stdout
    assert f"{ARTICLES} articles would change" in dry.stdout
    assert f"  body_text: {ARTICLES}\n" in dry.stdout
    assert "  title: 0\n" in dry.stdout
    assert rows(db, "SELECT count(*) AS n FROM revisions WHERE source = 'reparse'")[0]["n"] == 0

    done = run_warta("reparse", "--db", str(db), env=env)
    assert done.returncode == 0, done.stderr
    assert f"{ARTICLES} articles changed" in done.stdout
    after = {r["url"]: r["body_text"] for r in rows(db, "SELECT url, body_text FROM articles")}
    for url, body in after.items():
        assert body.endswith(before[url])  # the same text, with its first paragraph back
        assert len(body) > len(before[url])
    revisions = rows(
        db, "SELECT source, revision_no, run_id FROM revisions WHERE source = 'reparse'"
    )
    assert len(revisions) == ARTICLES
    assert {(r["revision_no"], r["run_id"]) for r in revisions} == {(2, None)}
    assert {r["revision_count"] for r in rows(db, "SELECT revision_count FROM articles")} == {2}

    again = run_warta("reparse", "--db", str(db), env=env)
    assert "0 articles changed" in again.stdout  # nothing left to repair
