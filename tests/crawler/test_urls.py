"""Canonical URLs: every link variant of one article reduces to one string."""

import pytest

from crawler.urls import bare_host, canonicalize_url, dedupe_key, same_site


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Share links as portals print them under an article.
        (
            "https://tangerangkota.go.id/berita/detail/35123?utm_source=whatsapp&utm_medium=share",
            "https://tangerangkota.go.id/berita/detail/35123",
        ),
        ("HTTP://Portal.Go.ID:80/berita/5/x#komentar", "http://portal.go.id/berita/5/x"),
        ("https://portal.go.id:443/a?id=7&fbclid=IwAR0x", "https://portal.go.id/a?id=7"),
        # Non-tracking parameters are the page's identity and stay, in order.
        (
            "http://portal.go.id/index.php?page=berita&id=12",
            "http://portal.go.id/index.php?page=berita&id=12",
        ),
        ("http://127.0.0.1:8321/berita/1/a/", "http://127.0.0.1:8321/berita/1/a/"),
        ("http://portal.go.id", "http://portal.go.id/"),
    ],
)
def test_canonicalize_url(raw: str, expected: str) -> None:
    assert canonicalize_url(raw) == expected


def test_trailing_slash_variants_share_a_dedupe_key() -> None:
    assert dedupe_key("http://p.go.id/berita/5/x/?utm_source=wa") == "http://p.go.id/berita/5/x"
    assert dedupe_key("http://p.go.id/berita/5/x#komentar") == "http://p.go.id/berita/5/x"
    assert dedupe_key("http://p.go.id/") == "http://p.go.id/"


def test_same_site_ignores_www_but_not_port_or_other_hosts() -> None:
    assert same_site("https://www.tangerangkota.go.id/x", "tangerangkota.go.id")
    assert not same_site("https://lapor.go.id/", "tangerangkota.go.id")
    assert not same_site("http://127.0.0.1:9000/x", "127.0.0.1:8000")


def test_bare_host_is_lower_case_without_www_and_keeps_the_port() -> None:
    assert bare_host("WWW.Tangerangkota.go.id") == "tangerangkota.go.id"
    assert bare_host("www.kota.go.id:8080") == "kota.go.id:8080"
    assert bare_host("wwwkota.go.id") == "wwwkota.go.id"
