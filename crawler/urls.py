"""Canonical article URLs: one string per article however many link variants point to it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a click came from, never which page it is.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref"}
)
TRACKING_PREFIXES = ("utm_",)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Lower-case scheme and host, drop tracking params, the fragment and default ports.

    ``HTTP://Portal.go.id:80/berita/5/x?utm_source=wa#komentar`` → ``http://portal.go.id/berita/5/x``
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in {None, 80 if scheme == "http" else 443} else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def dedupe_key(url: str) -> str:
    """The canonical URL without a trailing slash, so ``/a/`` and ``/a`` are fetched once.

    ``http://portal.go.id/berita/5/x/?utm_source=wa`` → ``http://portal.go.id/berita/5/x``
    """
    canonical = canonicalize_url(url)
    parts = urlsplit(canonical)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def bare_host(netloc: str) -> str:
    """A host (or host and port) as sites are matched on: lower-case, without ``www.``.

    ``WWW.Kota.go.id:8080`` → ``kota.go.id:8080``
    """
    return netloc.lower().removeprefix("www.")


def same_site(url: str, netloc: str) -> bool:
    """True when ``url`` is on ``netloc`` (``www.`` ignored on both sides)."""
    return bare_host(urlsplit(url).netloc) == bare_host(netloc)
