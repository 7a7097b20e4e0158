"""WACZ: the WARC export packaged by the ``wacz`` package for ReplayWeb.page and pywb.

Warta writes the WARC and a pages list (one page per article: the capture its record was
read from, titled with its headline) and runs ``wacz create --pages … --copy-pages``, which
indexes the WARC (CDXJ, sorted on disk) and zips it with the pages. py-wacz stamps the
clock into its output (each zip entry's date and ``created`` in its datapackage.json), so
Warta then rewrites the zip with every entry dated, and ``created`` set to, the newest
capture in it, and the digest of datapackage.json made again: the same archive gives the
same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TextIO

from cdxj_indexer.main import SortingWriter  # type: ignore[import-untyped]
from wacz.main import main as wacz_main  # type: ignore[import-untyped]

from storage.export_captures import StoredCapture
from warta.export.job import ExportError, Job, Resource
from warta.export.to_warc import SORT_BYTES, WARC_NAME, warc_date, warc_resource, write_warc

WACZ_NAME: Final = "warta-export.wacz"
PACKAGE: Final = "datapackage.json"
DIGEST: Final = "datapackage-digest.json"
_COPY_CHUNK: Final = 1 << 20


class WaczPackage:
    extra_tables = False

    def write(self, job: Job) -> list[Resource]:
        work = job.out / ".wacz-work"
        work.mkdir()
        pages, warc = work / "pages.jsonl", work / WARC_NAME
        with pages.open("w", encoding="utf-8", newline="\n") as listed:
            listed.write(_line({"format": "json-pages-1.0", "id": "pages", "title": "Articles"}))
            written = write_warc(job, warc, lambda article, source: _page(listed, article, source))
        made = work / "made.wacz"
        done = job.progress.phase("WACZ", 2)  # py-wacz's index and zip, then the dates pinned
        _create(warc, pages, made, title=f"Warta export: {written.articles} articles")
        done(1)
        pin(made, job.out / WACZ_NAME, written.latest)
        done(1)
        shutil.rmtree(work)
        inner = warc_resource(written)
        return [
            Resource(
                path=WACZ_NAME,
                name="wacz",
                format="wacz",
                mediatype="application/wacz",
                rows=written.records,
                description=f"WACZ 1.1.1 (py-wacz) for ReplayWeb.page and pywb, holding "
                f"archive/{WARC_NAME} ({inner.description}), its CDXJ index and a page per "
                "article; the count is the WARC's records",
                count_label="WARC records",
            )
        ]


def pin(made: Path, target: Path, when: datetime) -> None:
    """Copy the zip with fixed entry dates and attributes, ``created`` set to ``when``."""
    stamp = when.astimezone(UTC).timetuple()[:6]
    package = b""
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(target, "w") as out:
        for entry in source.infolist():
            pinned = zipfile.ZipInfo(entry.filename, date_time=stamp)
            pinned.compress_type = entry.compress_type
            pinned.external_attr = 0o644 << 16
            if entry.filename == PACKAGE:
                package = _created(source.read(entry), when)
                out.writestr(pinned, package)
            elif entry.filename == DIGEST:
                digest = {"path": PACKAGE, "hash": "sha256:" + hashlib.sha256(package).hexdigest()}
                out.writestr(pinned, json.dumps(digest, indent=2))
            else:
                pinned.file_size = entry.file_size
                large = entry.file_size > zipfile.ZIP64_LIMIT
                with source.open(entry) as data, out.open(pinned, "w", force_zip64=large) as copy:
                    shutil.copyfileobj(data, copy, _COPY_CHUNK)


def _created(package: bytes, when: datetime) -> bytes:
    found = json.loads(package)
    found["created"] = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return json.dumps(found, indent=2).encode("utf-8")


def _create(warc: Path, pages: Path, target: Path, *, title: str) -> None:
    """``wacz create`` through its Python entry point; what it prints is kept for errors."""
    said = io.StringIO()
    args = ["create", "-o", str(target), "--pages", str(pages), "--copy-pages"]
    args += ["--hash-type", "sha256", "--title", title, str(warc)]
    try:
        with contextlib.redirect_stdout(said), _sort_buffer(SORT_BYTES):
            status = wacz_main(args)
    except Exception as exc:  # py-wacz raises what its parts raise
        raise ExportError(f"wacz create failed: {type(exc).__name__}: {exc}") from exc
    if status != 0:
        last = (said.getvalue().strip().splitlines() or ["no reason given"])[-1]
        raise ExportError(f"wacz create failed: {last}")


@contextlib.contextmanager
def _sort_buffer(size: int) -> Iterator[None]:
    """py-wacz sorts its index with cdxj-indexer's SortingWriter, which keeps 32 MiB of lines
    in memory before it sorts in files, and takes no option for it: its class default is set
    for the call, so memory stays as flat as Warta's own index (to_warc.SORT_BYTES)."""
    default = SortingWriter.MAX_SORT_BUFF_SIZE
    SortingWriter.MAX_SORT_BUFF_SIZE = size
    try:
        yield
    finally:
        SortingWriter.MAX_SORT_BUFF_SIZE = default


def _page(listed: TextIO, article: dict[str, Any], source: StoredCapture) -> None:
    listed.write(
        _line(
            {
                "id": f"article-{article['id']}",
                "url": source.url,
                "ts": warc_date(source.fetched_at),
                "title": article["title"],
            }
        )
    )


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value) + "\n"  # ASCII: py-wacz reads it in the locale's encoding
