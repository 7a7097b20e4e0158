"""The ``schedules`` table: recurring crawls, kept in the archive they fill."""

from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class Schedule(Base):
    """A crawl of ``target`` every ``every_s`` seconds or on a ``cron`` expression (not both)."""

    __tablename__ = "schedules"
    __table_args__ = (
        CheckConstraint("(every_s IS NULL) <> (cron IS NULL)", name="one_timing"),
        CheckConstraint("every_s IS NULL OR every_s >= 60", name="every_minute_or_more"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str]  # a site id or a portal URL, as `warta crawl` takes it
    every_s: Mapped[int | None]
    cron: Mapped[str | None]
    options_json: Mapped[str]  # the crawl options, a JSON list of arguments for `warta crawl`
    paused: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    last_started_at: Mapped[datetime | None]  # when the service last started its crawl
