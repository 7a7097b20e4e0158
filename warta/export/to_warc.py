"""WARC: the stored captures of the selected articles, and a CDXJ index beside them.

The file opens with a ``warcinfo`` record saying what it is. Then, article by article (by
id): its records as the crawl stored them, oldest first, each response or revisit followed
by its request, and a ``metadata`` record holding the article's extracted record as JSON
(the JSONL line), ``WARC-Refers-To`` the capture it was read from. Its target URI is
``urn:warta:article:<url>``, so a replay tool never takes it for the page. Every record
Warta writes here has an id and a date derived from the archive, never the clock, so the
same archive gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, Final

from cdxj_indexer.main import CDXJIndexer  # type: ignore[import-untyped]
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from storage.export_captures import StoredCapture, StoredRecords, capture_summary, captures_of
from warta.export.fields import ARTICLE_FIELDS
from warta.export.job import ExportError, Job, Resource, warta_version
from warta.export.values import json_line

WARC_NAME: Final = "warta-export.warc.gz"
CDXJ_NAME: Final = "warta-export.cdxj"
INDEXED: Final = "response,revisit,metadata"  # what the CDXJ lists; requests ride along
SORT_BYTES: Final = 8 << 20  # index lines sorted in memory; past this, in files merged
WARC_1_1: Final = "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
_IDS: Final = uuid.UUID("3f0c6f55-8f4e-4a49-9a57-7761727461aa")  # Warta's uuid5 namespace

# Called for each article written, with the capture its record was read from (WACZ pages).
OnArticle = Callable[[dict[str, Any], StoredCapture], None]


@dataclass(frozen=True)
class WarcWritten:
    records: int  # every record in the file, warcinfo included
    articles: int  # articles with captures (one metadata record each)
    uncaptured: int  # selected articles with no capture, so not in the file
    latest: datetime  # the newest capture: the date of the warcinfo record (and of a WACZ)


class WarcCaptures:
    extra_tables = False

    def write(self, job: Job) -> list[Resource]:
        written = write_warc(job, job.out / WARC_NAME)
        done = job.progress.phase("CDXJ index", 1)  # one step, as long as the copy
        lines = write_cdxj(job.out / WARC_NAME, job.out / CDXJ_NAME)
        done(1)
        return [
            warc_resource(written),
            Resource(
                path=CDXJ_NAME,
                name="cdxj-index",
                format="cdxj",
                mediatype="text/x-cdxj",
                rows=lines,
                description="CDXJ index of the WARC's response, revisit and metadata records "
                "(SURT key, timestamp, JSON with url, mime, status, digest, length, offset, "
                "filename), sorted, for pywb and other replay tools",
                count_label="lines",
            ),
        ]


def warc_resource(written: WarcWritten) -> Resource:
    n = written.uncaptured
    note = f"; {n} selected article{' has' if n == 1 else 's have'} no capture" if n else ""
    return Resource(
        path=WARC_NAME,
        name="warc",
        format="warc",
        mediatype="application/warc",
        rows=written.records,
        description=f"WARC 1.1: the stored captures of {written.articles} articles (request, "
        f"response and revisit records as crawled) and a metadata record per article{note}",
        count_label="records",
    )


def write_warc(job: Job, path: Path, on_article: OnArticle | None = None) -> WarcWritten:
    """Write the selection's captures; ExportError when it has none to write."""
    if job.captures is None or not job.captures.is_dir():
        raise ExportError(
            f"no captures folder at {job.captures}: name it with --captures DIR"
            if job.captures
            else "name the captures folder: --captures DIR or $WARTA_CAPTURES_DIR"
        )
    summary = capture_summary(job.conn, job.selection)
    if summary.records == 0 or summary.latest is None:
        raise ExportError(
            f"none of the {job.total} selected articles has a stored capture (crawled with "
            "--no-captures, or before captures were kept): export jsonl, csv or parquet instead"
        )
    stored = StoredRecords(job.captures)
    records = uncaptured = articles = 0
    try:
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=True, warc_version="1.1")
            writer.write_record(_warcinfo(writer, job, summary.latest))
            records += 1
            for chunk in job.article_chunks():
                found = captures_of(job.conn, [article["id"] for article in chunk])
                for article in chunk:
                    captures = found.get(article["id"], [])
                    if not captures:
                        uncaptured += 1
                        continue
                    records += _copy(stored, captures, out)
                    source = _source(article, captures)
                    writer.write_record(_metadata(writer, article, source))
                    records += 1
                    articles += 1
                    if on_article is not None:
                        on_article(article, source)
    finally:
        stored.close()
    return WarcWritten(records, articles, uncaptured, summary.latest)


def write_cdxj(warc: Path, cdxj: Path) -> int:
    """The sorted CDXJ index of ``warc`` (sorted in files past SORT_BYTES: memory stays flat)."""
    CDXJIndexer(
        output=str(cdxj),
        inputs=[str(warc)],
        sort=True,
        records=INDEXED,
        max_sort_buff_size=SORT_BYTES,
    ).process_all()
    with cdxj.open("rb") as lines:
        return sum(1 for _ in lines)


def warc_date(instant: datetime) -> str:
    """``2025-01-22T11:26:00.500000Z``, as the crawl writes WARC-Date."""
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    return str(datetime_to_iso_date(utc, use_micros=True))


def _copy(stored: StoredRecords, captures: Sequence[StoredCapture], out: BinaryIO) -> int:
    written = 0
    for capture in captures:
        out.write(stored.record(capture))
        written += 1
        request = stored.request(capture)
        if request is not None:
            out.write(request)
            written += 1
    return written


def _source(article: dict[str, Any], captures: Sequence[StoredCapture]) -> StoredCapture:
    """The capture the article's record was read from: the one fetched when its content was,
    else its latest page (a 2xx answer) before that, else its latest record."""
    fetched = article["fetched_at"]
    pages = [c for c in captures if 200 <= c.status < 300]
    for chosen in (
        [c for c in captures if c.fetched_at == fetched],
        [c for c in pages if c.fetched_at <= fetched],
        pages,
        list(captures),
    ):
        if chosen:
            return chosen[-1]
    raise AssertionError("an article with captures always has a source")


def _metadata(writer: WARCWriter, article: dict[str, Any], source: StoredCapture) -> Any:
    payload = json_line(ARTICLE_FIELDS, article).encode("utf-8")
    seen = [article["last_seen_at"], article["fetched_at"], article["removed_at"]]
    headers = {
        "WARC-Date": warc_date(max(instant for instant in seen if instant is not None)),
        "WARC-Record-ID": _record_id("metadata", source.record_id, payload),
        "WARC-Refers-To": source.record_id,
    }
    return writer.create_warc_record(
        f"urn:warta:article:{article['url']}",
        "metadata",
        payload=BytesIO(payload),
        length=len(payload),
        warc_content_type="application/json",
        warc_headers_dict=headers,
    )


def _warcinfo(writer: WARCWriter, job: Job, latest: datetime) -> Any:
    fields = {
        "software": f"Warta {warta_version()} (warta export)",
        "format": "WARC File Format 1.1",
        "conformsTo": WARC_1_1,
        "description": "Captures of articles from Indonesian regional government portals, "
        "exported from a Warta archive; after each article's records, a metadata record "
        "holds the article as Warta extracted it (JSON)",
        "warta-filters": json.dumps(job.selection.filters.as_dict(), sort_keys=True),
    }
    payload = "".join(f"{key}: {value}\r\n" for key, value in fields.items()).encode("utf-8")
    headers = {
        "WARC-Date": warc_date(latest),
        "WARC-Record-ID": _record_id("warcinfo", warc_date(latest), payload),
        "WARC-Filename": WARC_NAME,
    }
    return writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(payload),
        length=len(payload),
        warc_content_type="application/warc-fields",
        warc_headers_dict=headers,
    )


def _record_id(kind: str, key: str, payload: bytes) -> str:
    """A record id derived from what the record holds: the same export, the same id."""
    digest = hashlib.sha256(payload).hexdigest()
    return f"<urn:uuid:{uuid.uuid5(_IDS, f'{kind}:{key}:{digest}')}>"
