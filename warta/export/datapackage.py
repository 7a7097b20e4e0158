"""``datapackage.json``: a Frictionless Data Package describing an export, written last.

Each file is a resource with its size, SHA-256 and count; CSV and JSONL are tables
Frictionless reads (``rows``, checked by ``frictionless validate``), the others files it
checksums (their count is ``warta:records``: Parquet rows, WARC records, CDXJ lines). The
``warta`` section says what was exported, how, and from what. Nothing in it reads the clock.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from storage.export_rows import Coverage
from storage.export_selection import ExportFilters
from warta.export.fields import TABLES
from warta.export.job import Resource, warta_version

NAME: Final = "datapackage.json"
RECORDS: Final = "warta:records"
PRIMARY_KEYS: Final = {"articles": ["id"], "revisions": ["article_id", "revision_no"]}
TEXT_FORMATS: Final = ("csv", "jsonl", "cdxj")
# The libraries whose version shapes a format's bytes: to make an export again byte for byte,
# use these versions.
SHAPING: Final = {
    "parquet": ("pyarrow",),
    "warc": ("warcio", "cdxj-indexer"),
    "wacz": ("warcio", "cdxj-indexer", "wacz"),
}
_READ: Final = 1 << 20


@dataclass(frozen=True)
class ExportFacts:
    """What the export was asked for and what the archive held: the ``warta`` section."""

    format: str
    filters: ExportFilters
    with_revisions: bool
    with_views: bool
    partitioned: bool
    coverage: Coverage
    runs: list[dict[str, Any]]

    def command(self) -> str:
        """The command that makes this export again (with the archive named as before)."""
        words = ["warta", "export", "--format", self.format, "--out", "DIR"]
        found = self.filters
        words += [arg for site in sorted(found.site_ids) for arg in ("--site", site)]
        for name in ("since", "until"):
            value = getattr(found, name)
            words += [f"--{name}", value.isoformat()] if value else []
        words += ["--tag", _quoted(found.tag)] if found.tag is not None else []
        words += ["--query", _quoted(found.query)] if found.query is not None else []
        flags = {
            "--one-per-cluster": found.one_per_cluster,
            "--with-revisions": self.with_revisions,
            "--with-views": self.with_views,
            "--partitioned": self.partitioned,
        }
        return " ".join(words + [flag for flag, on in flags.items() if on])


def file_facts(path: Path) -> tuple[int, str]:
    """Size and ``sha256:<hex>`` of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as found:
        while chunk := found.read(_READ):
            digest.update(chunk)
            size += len(chunk)
    return size, f"sha256:{digest.hexdigest()}"


def describe(folder: Path, resources: Sequence[Resource], facts: ExportFacts) -> dict[str, Any]:
    cover = facts.coverage
    portals = len(cover.site_ids)
    return {
        "profile": "data-package",
        "name": "warta-export",
        "title": f"Warta export ({facts.format}): {cover.articles} articles from "
        f"{portals} portal{'s' if portals != 1 else ''}",
        "description": "News articles from Indonesian regional government portals, "
        "exported from a Warta archive. See README.md.",
        "keywords": ["Indonesia", "regional government", "news", "web archive"],
        "resources": [_resource(folder, resource) for resource in resources],
        "warta": {
            "version": warta_version(),
            "software": software(facts.format),
            "format": facts.format,
            "command": facts.command(),
            "filters": facts.filters.as_dict(),
            "with_revisions": facts.with_revisions,
            "with_views": facts.with_views,
            "partitioned": facts.partitioned,
            "coverage": {
                "articles": cover.articles,
                "site_ids": list(cover.site_ids),
                "published_first": _iso(cover.published_first),
                "published_last": _iso(cover.published_last),
                "undated": cover.undated,
                "first_seen": _iso(cover.first_seen),
                "last_seen": _iso(cover.last_seen),
            },
            "crawl_runs": [
                {
                    key: _iso(value) if isinstance(value, datetime) else value
                    for key, value in run.items()
                }
                for run in facts.runs
            ],
        },
    }


def software(fmt: str) -> dict[str, str]:
    """Warta's version and those of the libraries that write this format's bytes."""
    found = {"warta": warta_version()}
    found |= {name: version(name) for name in SHAPING.get(fmt, ())}
    if fmt in SHAPING and fmt != "parquet":
        found["zlib"] = zlib.ZLIB_RUNTIME_VERSION  # the gzip members and the zip entries
    return found


def write(folder: Path, descriptor: dict[str, Any]) -> None:
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    (folder / NAME).write_text(text, encoding="utf-8", newline="\n")


def _resource(folder: Path, resource: Resource) -> dict[str, Any]:
    size, digest = file_facts(folder / resource.path)
    found: dict[str, Any] = {
        "name": resource.name,
        "path": resource.path,
        "type": "table" if resource.tabular else "file",
        "format": resource.format,
        "mediatype": resource.mediatype,
    }
    if resource.format in TEXT_FORMATS:
        found["encoding"] = "utf-8"
    found |= {"bytes": size, "hash": digest, "description": resource.description}
    if resource.tabular:
        found["rows"] = resource.rows
    else:
        found[RECORDS] = resource.rows
    if resource.table is not None:
        fields = [f for f in TABLES[resource.table] if f.name not in resource.omitted]
        schema: dict[str, Any] = {"fields": [f.schema(parquet=resource.parquet) for f in fields]}
        if resource.table in PRIMARY_KEYS and not resource.omitted:
            schema["primaryKey"] = PRIMARY_KEYS[resource.table]
        found["schema"] = schema
    return found


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _quoted(text: str) -> str:
    """Quoted for a POSIX shell: ``'banjir -jakarta'``."""
    return "'" + text.replace("'", "'\"'\"'") + "'"
