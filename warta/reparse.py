"""``warta reparse``: the current extractor and profiles over every stored capture, offline.

Each article's latest capture is read back from the WARC files and extracted again; what now
reads differently is stored as a revision marked ``reparse`` (Warta changed its reading, the
portal changed nothing). A fixed profile or a better date parser so repairs a whole archive.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from crawler.extraction import extract_article
from crawler.extraction.decode import decode_html
from crawler.profiles import SiteProfile, known_site_ids, load_profile
from pipelines.store import to_article_data
from pipelines.validate import MIN_BODY_CHARS
from storage import Archive
from storage.limits import Unstorable, fit_for_storage
from storage.reextraction import REPARSED
from storage.warc_check import read_payload

FIELDS = (*REPARSED, "tags")


@dataclass
class ReparseReport:
    read: int = 0
    changed: int = 0
    by_field: Counter[str] = field(default_factory=Counter)
    unreadable: list[str] = field(default_factory=list)
    no_longer_read: int = 0  # pages the current extractor finds no article in
    elapsed_s: float = 0.0

    @property
    def pages_per_s(self) -> float:
        return self.read / self.elapsed_s if self.elapsed_s else 0.0


@cache
def _profile(site_id: str) -> SiteProfile | None:
    return load_profile(site_id) if site_id in known_site_ids() else None


def reparse(
    archive: Archive,
    folder: Path,
    *,
    site_id: str | None = None,
    since: datetime | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ReparseReport:
    """Re-extract every article whose latest capture matches; returns what changed."""
    report = ReparseReport()
    started = time.monotonic()
    for source in archive.reparse_sources(site_id=site_id, since=since):
        try:
            payload = read_payload(folder, source.warc_file, source.offset, source.length)
        except (OSError, ValueError) as exc:
            report.unreadable.append(f"article {source.article_id}: {exc}")
            continue
        report.read += 1
        if progress is not None:
            progress(report.read)
        html = decode_html(payload.body, content_type=payload.header("Content-Type"))
        profile = _profile(source.site_id)
        article = extract_article(html, source.url, profile, fetched_at=source.fetched_at)
        data = to_article_data(article, language=profile.language if profile else None)
        try:
            data = fit_for_storage(data).data
        except (Unstorable, ValueError) as exc:
            report.unreadable.append(f"article {source.article_id}: {exc}")
            continue
        if not data.title or len(data.body_text) < MIN_BODY_CHARS:
            report.no_longer_read += 1  # never replace an article by a worse reading
            continue
        stored = archive.stored_fields(source.article_id)
        changed = [name for name in FIELDS if getattr(data, name) != stored[name]]
        if not changed:
            continue
        report.changed += 1
        report.by_field.update(changed)
        if not dry_run:
            archive.apply_reextraction(source.article_id, data)
    report.elapsed_s = time.monotonic() - started
    return report
