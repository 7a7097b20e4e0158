"""``warta profile draft`` as a user runs it: saved pages or URLs in, a profile and fixtures
out, and one-line errors for bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crawler.profile_draft.inputs import MIN_DELAY_S
from crawler.profiles import load_profile_file
from sample_portal import running_portal
from tests.profile_draft.pages import save, theme_pages
from warta.profile_command import profile


def draft(*args: str) -> Result:
    return CliRunner().invoke(profile, ["draft", *args])


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    return save(theme_pages("pemkot"), tmp_path / "saved")


def test_saved_pages_give_a_profile_and_fixtures(tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "sites"
    result = draft(*inputs, "--site-id", "kota_contoh", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "title: " in result.output
    assert "author: no selector (no sample page has a value for it)" in result.output
    profile = load_profile_file(out / "kota_contoh.toml")
    assert profile.site_id == "kota_contoh"
    assert profile.fields.body
    assert "# author: left to generic extraction" in (out / "kota_contoh.toml").read_text()
    assert len(list((out / "fixtures" / "kota_contoh").iterdir())) == 4


def test_a_folder_of_pages_with_meta_json_is_read(tmp_path: Path) -> None:
    fixtures = Path(__file__).parents[1] / "fixtures" / "sites" / "sample_pemkot"
    result = draft(str(fixtures), "--site-id", "from_fixtures", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert load_profile_file(tmp_path / "from_fixtures.toml").fields.title


def test_an_existing_profile_needs_force(tmp_path: Path, inputs: list[str]) -> None:
    (tmp_path / "kota_contoh.toml").write_text("name = 'mine'\n")
    result = draft(*inputs, "--site-id", "kota_contoh", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "exists; use --force" in result.output
    assert (tmp_path / "kota_contoh.toml").read_text() == "name = 'mine'\n"
    forced = draft(*inputs, "--site-id", "kota_contoh", "--out", str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert load_profile_file(tmp_path / "kota_contoh.toml").fields.title


def test_an_existing_bundled_profile_is_never_overwritten(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WARTA_SITES_DIR", raising=False)
    result = draft(*inputs, "--site-id", "sample_pemkot")
    assert result.exit_code == 1
    assert "sample_pemkot.toml exists" in result.output


@pytest.mark.parametrize("site_id", ["../x", "a/b", "x\\y", "..", "", "Kota Contoh", "/etc/x"])
def test_a_site_id_never_names_a_path(tmp_path: Path, inputs: list[str], site_id: str) -> None:
    out = tmp_path / "out"
    result = draft(*inputs, "--site-id", site_id, "--out", str(out))
    assert result.exit_code == 2
    assert result.output.startswith("Error: bad site id")
    assert result.output.strip().count("\n") == 0
    assert not out.exists()


def test_an_unknown_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    result = draft(
        f"http://kota.go.id/berita/1/a={missing}", "--site-id", "x", "--out", str(tmp_path)
    )
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file\n"


def test_a_page_that_is_not_html_is_one_line(tmp_path: Path) -> None:
    pdf = tmp_path / "perda.html"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    result = draft(f"http://kota.go.id/perda.pdf={pdf}", "--site-id", "x", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == f"Error: {pdf}: not an HTML page\n"


def test_a_saved_page_without_its_url_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(theme_pages("pemkot")[0].raw)
    result = draft(str(page), "--site-id", "x", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "its URL is unknown; give it as URL=" in result.output


def test_listings_alone_are_refused(tmp_path: Path) -> None:
    inputs = save(theme_pages("pemkot")[-2:], tmp_path / "saved")
    result = draft(*inputs, "--site-id", "x", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "no article page among the inputs" in result.output


def test_pages_of_two_portals_are_refused(tmp_path: Path) -> None:
    pages = [*theme_pages("pemkot")[:2], *theme_pages("wordpress")[:2]]
    result = draft(*save(pages, tmp_path / "saved"), "--site-id", "x", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert "give one portal's" in result.output


def test_urls_are_fetched_politely(tmp_path: Path) -> None:
    """From a running portal: robots.txt read first, a second between requests, and the
    paths robots.txt disallows refused."""
    paths = [s.source for s in theme_pages("wordpress")[:3]] + ["/category/berita/"]
    with running_portal(articles=40, theme="wordpress") as server:
        base = server.base_url
        started = time.monotonic()
        result = draft(
            *[base.rstrip("/") + p for p in paths], "--site-id", "kabar", "--out", str(tmp_path)
        )
        took = time.monotonic() - started
        assert result.exit_code == 0, result.output
        hits = dict(server.portal.hits)
        refused = draft(base + "wp-admin/", "--site-id", "kabar2", "--out", str(tmp_path))
    assert hits["/robots.txt"] == 1
    assert took >= len(paths) * MIN_DELAY_S  # robots.txt and 4 pages, a second apart
    assert refused.exit_code == 1
    assert "disallowed by the portal's robots.txt" in refused.output
    assert server.portal.hits["/wp-admin/"] == 0
    profile = load_profile_file(tmp_path / "kabar.toml")
    assert profile.fields.title
    assert profile.base_url == base
    assert profile.discovery.sitemaps == ("/sitemap_index.xml",)  # from robots.txt


def test_the_commands_have_help_text() -> None:
    group = CliRunner().invoke(profile, ["--help"])
    assert group.exit_code == 0
    assert "draft" in group.output
    result = draft("--help")
    assert result.exit_code == 0
    for option in ("--site-id", "--out", "--force", "--delay", "URL=FILE"):
        assert option in result.output
