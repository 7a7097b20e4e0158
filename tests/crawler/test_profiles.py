"""Site profiles load strictly: typos are errors, not silently ignored selectors."""

import re
from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.profiles import (
    ProfileError,
    UnknownSiteError,
    known_site_ids,
    load_profile,
    load_profile_file,
    profile_for_url,
)
from crawler.spiders.plan_setup import portal_slots

MINIMAL = """
name = "Pemkot Uji"
base_url = "https://uji.go.id"
[discovery]
start_urls = ["/berita"]
article_url_patterns = ['^/berita/\\d+']
[fields]
title = ["h1.judul::text"]
"""


def write(folder: Path, site_id: str, text: str) -> Path:
    path = folder / f"{site_id}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_profiles_load_and_cover_both_sample_themes() -> None:
    ids = known_site_ids()
    assert {"sample_pemkot", "sample_wordpress"} <= set(ids)
    for site_id in ids:
        profile = load_profile(site_id)
        assert profile.site_id == site_id
        assert profile.fields.title, f"{site_id} has no title selector"
        assert profile.discovery.article_url_patterns, f"{site_id} cannot tell articles apart"


def test_minimal_profile_defaults(tmp_path: Path) -> None:
    profile = load_profile_file(write(tmp_path, "uji", MINIMAL))
    assert profile.base_url == "https://uji.go.id/"
    assert profile.timezone == "Asia/Jakarta"
    assert profile.absolute("/berita") == "https://uji.go.id/berita"
    assert profile.is_article_url("https://uji.go.id/berita/12-judul")
    assert not profile.is_article_url("https://uji.go.id/profil")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (MINIMAL + "\n[fields.extra]\n", "uji.toml: unknown key(s) in [fields]: extra"),
        ('timezon = "Asia/Makassar"\n' + MINIMAL, "uji.toml: unknown key(s) in profile: timezon"),
    ],
)
def test_unknown_keys_are_rejected(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=re.escape(message)):
        load_profile_file(write(tmp_path, "uji", text))


def test_bad_regex_and_bad_toml_name_the_file(tmp_path: Path) -> None:
    bad_regex = MINIMAL.replace("'^/berita/\\d+'", "'^/berita/(('")
    with pytest.raises(ProfileError, match=r"uji\.toml: discovery\.article_url_patterns"):
        load_profile_file(write(tmp_path, "uji", bad_regex))
    with pytest.raises(ProfileError, match=r"rusak\.toml"):
        load_profile_file(write(tmp_path, "rusak", "name = "))


def test_unknown_site_lists_known_ones() -> None:
    with pytest.raises(
        UnknownSiteError, match=r"unknown site id 'tidak_ada' \(known: .*sample_pemkot"
    ):
        load_profile("tidak_ada")


def test_user_profiles_dir_and_url_matching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "uji", MINIMAL)
    monkeypatch.setenv("WARTA_SITES_DIR", str(tmp_path))
    assert "uji" in known_site_ids()
    matched = profile_for_url("https://www.uji.go.id/berita/5")
    assert matched is not None
    assert matched.site_id == "uji"
    assert profile_for_url("https://lain.go.id/berita/5") is None


def test_a_crawl_table_sets_the_portals_incremental_policy(tmp_path: Path) -> None:
    policy = "[crawl]\nquiet_pages = 5\nrevisit_days = 30\n"
    profile = load_profile_file(write(tmp_path, "uji", MINIMAL + policy))
    assert (profile.crawl.quiet_pages, profile.crawl.revisit_days) == (5, 30)
    assert profile.crawl.revisit_max is None  # Warta's default applies
    assert load_profile_file(write(tmp_path, "polos", MINIMAL)).crawl.quiet_pages is None


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ("quiet_pages = 0", "crawl.quiet_pages must be a whole number >= 1, not 0"),
        ("revisit_days = -1", "crawl.revisit_days must be a whole number >= 0, not -1"),
        ('revisit_max = "100"', "crawl.revisit_max must be a whole number >= 0, not '100'"),
        ("revisit_days = true", "crawl.revisit_days must be a whole number >= 0, not True"),
        ("revisit_weeks = 2", "unknown key(s) in [crawl]: revisit_weeks"),
        ("concurrency = 0", "crawl.concurrency must be a whole number >= 1, not 0"),
        ("delay = -0.5", "crawl.delay must be a number of seconds from 0.0 to 3600, not -0.5"),
        ('delay = "2s"', "crawl.delay must be a number of seconds from 0.0 to 3600, not '2s'"),
        ("delay = true", "crawl.delay must be a number of seconds from 0.0 to 3600, not True"),
    ],
)
def test_a_bad_crawl_table_is_refused(tmp_path: Path, policy: str, message: str) -> None:
    with pytest.raises(ProfileError, match=re.escape(f"uji.toml: {message}")):
        load_profile_file(write(tmp_path, "uji", MINIMAL + "[crawl]\n" + policy + "\n"))


def test_a_crawl_table_sets_the_portals_pace_unless_the_run_does(tmp_path: Path) -> None:
    profile = load_profile_file(
        write(tmp_path, "uji", MINIMAL + "[crawl]\ndelay = 2\nconcurrency = 1\n")
    ).with_base_url("https://www.uji.go.id/")
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    pace = {"delay": 2, "jitter": 0.0, "concurrency": 1}
    assert portal_slots(profile, settings) == {"uji.go.id": pace, "www.uji.go.id": pace}
    settings.set("DOWNLOAD_DELAY", 0.1, priority="cmdline")  # `warta crawl --delay 0.1`
    assert portal_slots(profile, settings)["uji.go.id"] == {"concurrency": 1}
    settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 4, priority="cmdline")
    assert portal_slots(profile, settings) == {}
