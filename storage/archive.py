"""The archive: one database opened, migrated, and read and written through one object."""

from storage.capture_index import CaptureIndex
from storage.clusters import ClusterIndex
from storage.crawl_memory import CrawlMemories
from storage.db import make_engine, upgrade_to_head
from storage.history import HistoryReader
from storage.listing_progress import ListingWalks
from storage.reading import ArticleReader
from storage.reextraction import Reextraction
from storage.removals import Removals
from storage.runs import RunLog
from storage.schedules import Schedules


class Archive(
    Reextraction,
    ArticleReader,
    RunLog,
    CaptureIndex,
    Removals,
    HistoryReader,
    ClusterIndex,
    CrawlMemories,
    Schedules,
    ListingWalks,
):
    """Reads and writes one archive database through an Engine (see open_archive)."""


def open_archive(url: str) -> Archive:
    """Make the engine, migrate to the head, and return an Archive that owns the engine."""
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Archive(engine)
