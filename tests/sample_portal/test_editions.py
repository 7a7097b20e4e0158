"""Editions: the generator API (sample_portal.editions) checked against the served pages.

Every expected value comes from the API and is cross-checked against HTML, or is typed by
hand from the rules the module documents (N // 20 new articles a step, at most 50, curated 1-3 ...).
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import ExitStack
from urllib.parse import quote

import parsel
import pytest

from sample_portal import SamplePortalServer, corpus, faults, running_portal, syndication
from sample_portal import pemkot_layout as L
from sample_portal import wordpress_layout as W
from sample_portal.editions import Edition
from tests.sample_portal import fetch

N = 200
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
Portals = dict[tuple[int, int], SamplePortalServer]  # (seed, edition) -> server


@pytest.fixture(scope="module")
def pemkot() -> Iterator[Portals]:
    with ExitStack() as stack:
        yield {
            (seed, k): stack.enter_context(running_portal(articles=N, seed=seed, edition=k))
            for seed, k in ((1, 1), (1, 2), (1, 3), (2, 2))
        }


@pytest.fixture(scope="module")
def wordpress() -> Iterator[Portals]:
    with ExitStack() as stack:
        yield {
            (1, k): stack.enter_context(running_portal(articles=N, theme="wordpress", edition=k))
            for k in (1, 2)
        }


def _path(ed: Edition, article_id: int) -> str:
    return L.article_path(ed.original(article_id))  # slugs never change


def _get(server: SamplePortalServer, path: str) -> str:
    page = fetch(server.base_url, path)
    assert page.status == 200, path
    return page.text


def _paragraphs(html: str, css: str = "div.isi-berita > p") -> list[str]:
    return ["".join(p.css("::text").getall()) for p in parsel.Selector(text=html).css(css)]


def _listed_ids(html: str) -> list[int]:
    links = parsel.Selector(text=html).css("div.daftar-berita h2 a::attr(href)").getall()
    return [int(link.split("/")[2]) for link in links]


def _sitemap_ids(server: SamplePortalServer) -> set[int]:
    locs = ET.fromstring(fetch(server.base_url, "/sitemap.xml").body).iter(f"{SM}loc")
    return {int(u.split("/")[4]) for e in locs if "/berita/" in (u := e.text or "")}


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def _jaccard(a: str, b: str) -> float:
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / len(x | y)


def _portable(body: bytes, base_url: str) -> bytes:
    body = body.replace(base_url.encode(), b"BASE/")
    return body.replace(quote(base_url, safe="").encode(), b"BASE%2F")


@pytest.mark.parametrize(
    ("theme", "paths"),
    [
        ("pemkot", ["/", "/berita", "/berita/page/3", "/rss.xml", "/sitemap.xml"]),
        ("wordpress", ["/", "/page/2/", "/feed/", "/wp-json/wp/v2/posts?per_page=100"]),
    ],
)
def test_edition_1_is_the_portal_as_it_was(theme: str, paths: list[str]) -> None:
    ed = Edition(seed=1, articles=60)
    assert (ed.top, ed.new_ids, ed.live_count) == (60, range(1, 61), 60)
    assert not (ed.removed)
    assert not (ed.edited)
    assert not (ed.syndicated)
    assert not (ed.near_misses)
    for i in (1, 5, 23, 57):
        s = corpus.summary(1, i)
        paths.append(L.article_path(s) if theme == "pemkot" else W.article_path(1, s))
    with (
        running_portal(articles=60, theme=theme) as plain,
        running_portal(articles=60, theme=theme, edition=1) as first,
    ):
        for path in paths:
            a, b = fetch(plain.base_url, path), fetch(first.base_url, path)
            assert (a.status, a.headers["content-type"]) == (b.status, b.headers["content-type"])
            assert _portable(a.body, plain.base_url) == _portable(b.body, first.base_url), path


def test_edition_2_puts_its_new_articles_on_top(pemkot: Portals) -> None:
    ed2, ed3 = Edition(1, N, 2), Edition(1, N, 3)
    specials = len(ed2.syndicated) + len(ed2.near_misses)
    assert ed2.new_ids == range(201, 201 + N // 20 + specials)  # 10 new, plus the specials
    assert ed3.new_ids == range(ed2.top + 1, ed2.top + 1 + N // 20)
    for k, ed in ((2, ed2), (3, ed3)):
        page = _get(pemkot[1, k], "/berita")
        assert _listed_ids(page) == list(ed.listing(1)) == list(range(ed.top, ed.top - 10, -1))
        assert _listed_ids(_get(pemkot[1, k - 1], "/berita"))[0] == ed.new_ids[0] - 1
        rss = ET.fromstring(fetch(pemkot[1, k].base_url, "/rss.xml").body)
        newest = rss.find("channel/item")
        assert newest is not None
        assert newest.findtext("title") == ed.summary(ed.top).title
        assert newest.findtext("link", "").endswith(_path(ed, ed.top))


def test_listing_pages_walk_exactly_the_live_articles(pemkot: Portals) -> None:
    ed = Edition(1, N, 3)
    pages: list[list[int]] = []
    path: str | None = "/berita"
    while path:
        html = _get(pemkot[1, 3], path)
        pages.append(_listed_ids(html))
        path = parsel.Selector(text=html).css("ul.pagination a.next::attr(href)").get()
    assert len(pages) == -(-ed.live_count // 10)
    assert all(len(page) == 10 for page in pages[:-1])  # removals leave no holes
    ids = [i for page in pages for i in page]
    assert ids == ed.live_ids()
    assert len(ids) == ed.top - len(ed.removed) == ed.live_count


def test_edits_show_at_their_edition_and_not_before(pemkot: Portals) -> None:
    edits = [e for k in (2, 3) for e in Edition(1, N, k).edited.values()]
    assert {e.field for e in edits} == {"title", "paragraph"}
    assert {e.kind for e in edits} >= {"typo", "number"}
    for edit in edits:
        k, ed = edit.edition, Edition(1, N, edit.edition)
        old, new = (_get(pemkot[1, e], _path(ed, edit.article_id)) for e in (k - 1, k))
        if edit.field == "title":
            assert parsel.Selector(text=old).css("h1.judul::text").get() == edit.before
            assert parsel.Selector(text=new).css("h1.judul::text").get() == edit.after
        else:
            assert edit.before in _paragraphs(old)
            assert edit.after not in _paragraphs(old)
            assert edit.after in _paragraphs(new)
            assert edit.before not in _paragraphs(new)
        assert ed.article(edit.article_id).summary.modified == edit.when
        # realistic edits: one digit corrected, a note appended, a typo fixed
        if edit.kind == "number":
            changed = [(a, b) for a, b in zip(edit.before, edit.after, strict=True) if a != b]
            assert len(changed) == 1
            assert all(c.isdigit() for c in changed[0])
        elif edit.kind == "update":
            assert edit.after.startswith(edit.before + " ")
            assert "diperbarui" in edit.after.removeprefix(edit.before)
        else:
            assert edit.after == corpus.summary(1, edit.article_id).title
            assert abs(len(edit.after) - len(edit.before)) <= 1


def test_removed_articles_answer_404_and_leave_every_list(pemkot: Portals) -> None:
    ed = Edition(1, N, 2)
    gone = ed.newly_removed - {ed.restored_id}
    assert len(gone) == 2  # REMOVALS_PER_STEP, besides the takedown
    for i in gone:
        assert fetch(pemkot[1, 1].base_url, _path(ed, i)).status == 200
        assert fetch(pemkot[1, 2].base_url, _path(ed, i)).status == 404
    assert _sitemap_ids(pemkot[1, 2]) == set(ed.live_ids())
    assert not gone & _sitemap_ids(pemkot[1, 2])
    rss = ET.fromstring(fetch(pemkot[1, 2].base_url, "/rss.xml").body)
    links = [e.text or "" for e in rss.iter("link")]
    linked = [int(link.split("/")[4]) for link in links if "/berita/" in link]
    assert linked == ed.live_ids()[:20]


def test_wordpress_removals_and_rest_api(wordpress: Portals) -> None:
    ed = Edition(1, N, 2)
    server = wordpress[1, 2]
    ids: list[int] = []
    for page in (1, 2, 3):
        answer = fetch(server.base_url, f"/wp-json/wp/v2/posts?page={page}&per_page=100")
        assert answer.headers["x-wp-total"] == str(ed.live_count)
        ids += [p["id"] for p in json.loads(answer.body)]
    assert ids == ed.live_ids()
    site_map = ET.fromstring(fetch(server.base_url, "/post-sitemap.xml").body)
    assert len(list(site_map.iter(f"{SM}loc"))) == ed.live_count
    for i in ed.removed:
        path = W.article_path(1, ed.original(i))
        assert fetch(wordpress[1, 1].base_url, path).status == 200
        assert fetch(server.base_url, path).status == 404
    for i, release in ed.syndicated.items():
        html = _get(server, W.permalink(server.portal.site, ed.summary(i)))
        title = parsel.Selector(text=html).css("h1.entry-title::text").get()
        assert title == syndication.RELEASES[release].title


def test_the_takedown_is_back_unchanged_at_edition_3(pemkot: Portals) -> None:
    eds = {k: Edition(1, N, k) for k in (1, 2, 3)}
    back = eds[1].restored_id
    assert back is not None
    assert back > 3
    assert back in eds[2].removed
    assert back not in eds[3].removed
    assert eds[3].returned == {back}
    pages = {k: fetch(pemkot[1, k].base_url, _path(eds[1], back)) for k in (1, 2, 3)}
    assert [pages[k].status for k in (1, 2, 3)] == [200, 404, 200]

    def content(html: str) -> tuple[str | None, str]:
        page = parsel.Selector(text=html)
        return page.css("h1.judul::text").get(), page.css("div.isi-berita").get("")

    assert content(pages[3].text) == content(pages[1].text)
    assert back not in _sitemap_ids(pemkot[1, 2])
    assert back in _sitemap_ids(pemkot[1, 3])


def test_view_counts_grow_and_never_decrease(pemkot: Portals) -> None:
    eds = [Edition(1, N, k) for k in range(1, 7)]
    for before, after in itertools.pairwise(eds):
        for i in set(before.live_ids()) & set(after.live_ids()):
            assert after.view_count(i) >= before.view_count(i), (i, after.edition)
    growth = {i: eds[1].view_count(i) - eds[0].view_count(i) for i in eds[1].live_ids() if i <= N}
    newest = [growth[i] for i in growth if i > N - 20]
    oldest = [growth[i] for i in growth if i <= N // 2]
    assert sum(newest) / len(newest) > 5 * sum(oldest) / len(oldest)
    for k in (2, 3):
        items = parsel.Selector(text=_get(pemkot[1, k], "/berita")).css("div.item-berita")
        for item in items:
            article_id = int(item.css("h2 a::attr(href)").get("").split("/")[2])
            shown = item.css("span.dibaca::text").get("")
            assert shown == f"Dibaca {eds[k - 1].view_count(article_id):,} kali".replace(",", ".")


def test_seeds_1_and_2_print_shared_releases_near_identically(pemkot: Portals) -> None:
    one, two = Edition(1, N, 2), Edition(2, N, 2)
    by_key = [{key: i for i, key in ed.syndicated.items()} for ed in (one, two)]
    shared = by_key[0].keys() & by_key[1].keys()
    assert shared == {"banten-pangan-murah", "banten-cek-kesehatan"}  # as syndication documents
    for key in shared:
        bodies = []
        for seed, ed, ids in ((1, one, by_key[0]), (2, two, by_key[1])):
            html = _get(pemkot[seed, 2], _path(ed, ids[key]))
            assert parsel.Selector(text=html).css("h1.judul::text").get() == (
                syndication.RELEASES[key].title
            )
            paragraphs = _paragraphs(html)
            assert paragraphs[: len(ed.article(ids[key]).paragraphs)] == list(
                ed.article(ids[key]).paragraphs
            )
            bodies.append(" ".join(paragraphs))
        assert bodies[0] != bodies[1]
        assert _jaccard(bodies[0], bodies[1]) > 0.6, key


def test_near_misses_do_not_resemble_their_release(pemkot: Portals) -> None:
    eds = {1: Edition(1, N, 2), 2: Edition(2, N, 2)}
    assert not set(syndication.printed_near_misses(1)) & set(syndication.printed_near_misses(2))
    copies = [
        " ".join(_paragraphs(_get(pemkot[seed, 2], _path(ed, i))))
        for seed, ed in eds.items()
        for i in ed.syndicated
    ]
    printed = {key for ed in eds.values() for key in ed.syndicated.values()}
    for seed, ed in eds.items():
        assert len(ed.near_misses) == 2
        for i, resembles in ed.near_misses.items():
            assert resembles in printed  # the trap is real: its release is on a portal too
            html = _get(pemkot[seed, 2], _path(ed, i))
            text = " ".join(_paragraphs(html))
            assert _paragraphs(html)[: len(ed.article(i).paragraphs)] == list(
                ed.article(i).paragraphs
            )
            release = " ".join(syndication.RELEASES[resembles].paragraphs)
            assert _jaccard(text, release) < 0.3
            assert max(_jaccard(text, copy) for copy in copies) < 0.3


def test_curated_and_faulty_articles_are_never_touched() -> None:
    for k in range(2, 13):
        ed = Edition(1, 60, k)
        touched = set(ed.edited) | ed.newly_removed | set(ed.plan.typos)
        for i in touched:
            assert i > 3
            assert not (faults.fails_once(i))
            assert not (faults.is_cp1252(i))
            assert not (faults.is_malformed(i))
            assert i not in ed.syndicated
            assert i not in ed.near_misses


def test_edits_and_removals_are_mostly_recent() -> None:
    recent = total = 0
    for k in range(2, 12):
        ed, top = Edition(1, 1000, k), Edition(1, 1000, k - 1).top
        picks = [e.article_id for e in ed.edited.values() if e.kind != "typo"]
        picks += ed.newly_removed - {ed.restored_id}
        recent += sum(i > top * 0.7 for i in picks)
        total += len(picks)
    assert total == 10 * (4 + 2)  # EDITS_PER_STEP and REMOVALS_PER_STEP, for 10 steps
    assert recent / total >= 0.6


def test_a_large_late_edition_stays_cheap() -> None:
    corpus.summary.cache_clear()
    ed = Edition(1, 100_000, 4)
    assert ed.top == 100_000 + 3 * 50 + len(ed.syndicated) + len(ed.near_misses)  # 50 at most
    with running_portal(articles=100_000, edition=4) as server:
        assert _listed_ids(_get(server, "/berita/page/2")) == list(ed.listing(2))
        newest = ed.listing(1)[0]
        assert ed.summary(newest).title in _get(server, _path(ed, newest))
    assert corpus.summary.cache_info().currsize < 200  # no walk over 100,000 articles


def test_cli_serves_an_edition() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sample_portal",
            "--port",
            "0",
            "--articles",
            "30",
            "--edition",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert "seed 1, edition 2); stop with Ctrl-C" in process.stdout.readline()
        ed = Edition(1, 30, 2)
        listed = _listed_ids(fetch(base_url, "/berita").text)
        assert listed == list(ed.listing(1))
        assert listed[0] == ed.top == 30 + len(ed.new_ids)
    finally:
        process.terminate()
        process.communicate(timeout=10)
    assert process.returncode == 0
