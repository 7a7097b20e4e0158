"""Where an unfinished backfill of a portal's listings stands: the pages asked for and the
pages walked (their articles answered), so a deep walk killed half-way resumes from the pages
it had not finished, not from page 1. A walk that ends removes its rows.
"""

from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base
from storage.writing import Writer


class ListingPage(Base):
    """A listing page of ``site_id``'s unfinished backfill; ``walked`` once it is done."""

    __tablename__ = "listing_pages"

    site_id: Mapped[str] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(primary_key=True)
    walked: Mapped[bool]


@dataclass(frozen=True)
class ListingProgress:
    """An unfinished backfill: pages asked for and not done, and the pages done."""

    pending: tuple[str, ...] = ()
    walked: frozenset[str] = frozenset()

    @property
    def unfinished(self) -> bool:
        return bool(self.pending)


class ListingWalks(Writer):
    """The listing-progress part of :class:`storage.Archive`."""

    def listing_progress(self, site_id: str) -> ListingProgress:
        query = select(ListingPage.url, ListingPage.walked).where(ListingPage.site_id == site_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(ListingPage.url)).all()
        return ListingProgress(
            pending=tuple(url for url, walked in rows if not walked),
            walked=frozenset(url for url, walked in rows if walked),
        )

    def record_listing_progress(
        self, site_id: str, *, pending: list[str], walked: list[str], finished: bool = False
    ) -> None:
        """Pages asked for and pages done, in one transaction; ``finished`` clears the walk.

        A page once walked stays walked: asking for it again does not reopen it.
        """
        with self._writing() as (conn, _):
            if finished:
                conn.execute(delete(ListingPage).where(ListingPage.site_id == site_id))
                return
            known = self._states(conn, site_id, pending + walked)
            fresh = [
                url for url in dict.fromkeys(pending) if url not in known and url not in walked
            ]
            rows = [{"site_id": site_id, "url": url, "walked": False} for url in fresh]
            done = [url for url in dict.fromkeys(walked) if known.get(url) is not True]
            rows += [{"site_id": site_id, "url": url, "walked": True} for url in done]
            if rows:
                conn.execute(
                    delete(ListingPage).where(
                        ListingPage.site_id == site_id,
                        ListingPage.url.in_([row["url"] for row in rows]),
                    )
                )
                conn.execute(insert(ListingPage), rows)

    @staticmethod
    def _states(conn: Connection, site_id: str, urls: list[str]) -> dict[str, bool]:
        found: dict[str, bool] = {}
        unique = list(dict.fromkeys(urls))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            query = select(ListingPage.url, ListingPage.walked).where(
                ListingPage.site_id == site_id, ListingPage.url.in_(chunk)
            )
            found.update((url, walked) for url, walked in conn.execute(query))
        return found
