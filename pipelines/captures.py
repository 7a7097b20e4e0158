"""The crawl's WARC captures: written as items arrive, indexed with the batch that stores them.

A record is on disk (written and, before each batch commits, synced) before any index row
points at it, so a crawl killed at any moment leaves no row pointing at a torn record; the
torn tail itself is cut by the next crawl before it writes (:func:`cut_torn_tails`).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from scrapy.settings import BaseSettings

from crawler.fetched import Fetched
from storage import Archive
from storage.runs import process_alive
from storage.warc import GIB, CaptureRef, WarcFiles
from storage.warc_check import cut_torn_tail

logger = logging.getLogger(__name__)
Count = Callable[[str, int], None]


class CaptureKeeper:
    """WARC files in ``folder`` for one crawl, and the records not yet in the index."""

    def __init__(self, archive: Archive, folder: Path, *, rotate_bytes: int, count: Count) -> None:
        self.archive = archive
        self.count = count
        self.files = WarcFiles(
            folder,
            started=datetime.now(UTC),
            rotate_bytes=rotate_bytes,
            find_original=archive.find_original,
        )
        self.unlinked: list[CaptureRef] = []  # records that produced no stored article

    @classmethod
    def open(cls, archive: Archive, settings: BaseSettings, count: Count) -> CaptureKeeper | None:
        """The crawl's keeper, its folder's torn tails cut first; None when captures are off."""
        folder = settings.get("WARTA_CAPTURES_DIR")
        if not folder or settings.get("WARTA_CAPTURE") == "none":
            return None
        count("warta/captures/torn_tails_cut", cut_torn_tails(archive, Path(folder)))
        rotate = settings.getint("WARTA_CAPTURE_ROTATE_BYTES", GIB)
        return cls(archive, Path(folder), rotate_bytes=rotate, count=count)

    def write(self, fetched: Fetched) -> CaptureRef | None:
        """Write the record now, as it arrives; a capture that fails never costs the article."""
        try:
            ref = self.files.write(fetched)
        except OSError as exc:
            self.count("warta/captures/failed", 1)
            logger.error("could not capture %s: %s", fetched.url, exc)
            return None
        self.count(f"warta/captures/{ref.record_type}", 1)
        return ref

    def keep_alone(self, fetched: Fetched) -> None:
        """A capture that produced no stored article: indexed with the next batch."""
        if (ref := self.write(fetched)) is not None:
            self.unlinked.append(ref)

    def index_unlinked(self, run_id: int | None) -> None:
        refs, self.unlinked = self.unlinked, []
        if refs:
            self.archive.index_captures(refs, run_id=run_id)

    def close(self) -> None:
        self.files.close()


def cut_torn_tails(archive: Archive, folder: Path) -> int:
    """Cut what a killed crawl left half-written at the end of its WARC files; returns the
    number of files mended. Files of a crawl still running (its process alive here) are left."""
    if not folder.is_dir():
        return 0
    starts = archive.last_indexed_offsets()
    mended = 0
    for path in sorted(folder.glob("*.warc.gz")):
        if _being_written(path.name):
            continue
        cut = cut_torn_tail(path, starts.get(path.name, 0))
        if cut:
            mended += 1
            logger.warning("cut a torn tail of %d bytes from %s", cut, path)
    return mended


def _being_written(name: str) -> bool:
    """``<start>-<host>-<pid>-<n>.warc.gz`` of a live process on this host."""
    parts = name.removesuffix(".warc.gz").split("-")
    if len(parts) < 4 or not parts[-2].isdigit():
        return False
    host = "-".join(parts[1:-2])
    if host != WarcFiles.host_label(socket.gethostname()):
        return True  # another machine's crawl: not ours to judge
    pid = int(parts[-2])
    return pid == os.getpid() or process_alive(pid)
