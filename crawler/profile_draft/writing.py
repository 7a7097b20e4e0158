"""The draft on disk: ``<site_id>.toml`` (valid for :mod:`crawler.profiles`) and a fixture
folder per article page (``page.html.gz`` raw, ``meta.json``, a draft ``expected.json``)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from crawler.extraction import extract_article
from crawler.profile_draft.draft import Draft, DraftError, check_site_id
from crawler.profiles import SiteProfile

_EXCLUDE_SNIPPETS = ("Baca juga", "Editor:", "Artikel Terkait", "Berita Terpopuler", "Komentar")


def toml_string(value: str) -> str:
    """A TOML string: literal (``'^/berita/\\d+$'``) when it can be, else basic, escaped."""
    if "'" not in value and not any(ord(c) < 32 for c in value):
        return f"'{value}'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def _array(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def profile_toml(draft: Draft) -> str:
    """The profile as TOML, a comment on every field left out saying why."""
    p = draft.profile
    d = p.discovery
    lines = [
        f"# Drafted by `warta profile draft` from {len(draft.articles)} article and "
        f"{len(draft.listings)} listing page(s).",
        "# Review every selector and pattern, and the fixtures' expected.json, before use.",
        f"name = {toml_string(p.name)}",
        f"base_url = {toml_string(p.base_url)}",
        f"timezone = {toml_string(p.timezone)}",
        f"language = {toml_string(p.language)}",
        "",
        "[discovery]",
        *([] if draft.listings else ["# no listing page among the samples: the crawl starts at /"]),
        f"start_urls = {_array(d.start_urls)}",
        f"article_url_patterns = {_array([r.pattern for r in d.article_url_patterns])}",
        f"listing_url_patterns = {_array([r.pattern for r in d.listing_url_patterns])}",
        f"next_page = {_array(d.next_page)}",
        f"sitemaps = {_array(d.sitemaps)}",
        f"feeds = {_array(d.feeds)}",
        "",
        "[fields]",
    ]
    for result in draft.results:
        selectors = getattr(p.fields, result.field)
        if selectors:
            lines.append(f"{result.field} = {_array(selectors)}")
        else:
            lines.append(f"# {result.field}: left to generic extraction: {result.reason}")
    return "\n".join(lines) + "\n"


def _case_name(record: dict[str, object]) -> str:
    date = str(record.get("published_at") or "undated")[:10]
    words = re.findall(r"[a-z0-9]+", str(record.get("title") or "").lower())[:5]
    return f"article-{date}-{'-'.join(words) or 'page'}"


def _expected(record: dict[str, object]) -> dict[str, object]:
    body = str(record["body_text"])
    record["body_contains"] = [body[:60], body[-40:]] if body else []
    record["body_excludes"] = [s for s in _EXCLUDE_SNIPPETS if s not in body]
    return dict(sorted(record.items()))


def write_fixtures(draft: Draft, profile: SiteProfile, folder: Path) -> list[Path]:
    """One fixture folder per article page, named ``article-<date>-<slug>``."""
    written: list[Path] = []
    for page in draft.articles:
        article = extract_article(page.html, page.url, profile, fetched_at=page.fetched_at)
        record = article.to_json_dict()
        case = folder / _case_name(record)
        case.mkdir(parents=True, exist_ok=True)
        (case / "page.html.gz").write_bytes(gzip.compress(page.raw, mtime=0))
        meta = {
            "encoding": page.encoding,
            "fetched_at": article.fetched_at.isoformat(),
            "url": page.url,
        }
        (case / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        expected = json.dumps(_expected(record), indent=2, ensure_ascii=False)
        (case / "expected.json").write_text(expected + "\n", encoding="utf-8")
        written.append(case)
    return written


def write_draft(draft: Draft, out: Path, fixtures: Path, *, force: bool = False) -> Path:
    """Write ``out/<site_id>.toml`` and the fixtures under ``fixtures/<site_id>/``; refuse to
    overwrite an existing profile unless ``force``."""
    site_id = check_site_id(draft.profile.site_id)
    path = out / f"{site_id}.toml"
    if path.exists() and not force:
        raise DraftError(f"{path} exists; use --force to overwrite it")
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(profile_toml(draft), encoding="utf-8")
    write_fixtures(draft, draft.profile, fixtures / site_id)
    return path
