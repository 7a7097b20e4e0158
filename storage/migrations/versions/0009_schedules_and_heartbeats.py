"""Schedules of recurring crawls; runs with a heartbeat, health flags and their schedule.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("every_s", sa.Integer(), nullable=True),
        sa.Column("cron", sa.Text(), nullable=True),
        sa.Column("options_json", sa.Text(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(every_s IS NULL) <> (cron IS NULL)", name=op.f("ck_schedules_one_timing")
        ),
        sa.CheckConstraint(
            "every_s IS NULL OR every_s >= 60", name=op.f("ck_schedules_every_minute_or_more")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedules")),
    )
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("health_json", sa.Text(), nullable=True))
        batch.add_column(sa.Column("schedule_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_crawl_runs_schedule_id"), ["schedule_id"])
        batch.create_foreign_key(
            op.f("fk_crawl_runs_schedule_id_schedules"),
            "schedules",
            ["schedule_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_constraint(op.f("fk_crawl_runs_schedule_id_schedules"), type_="foreignkey")
        batch.drop_index(op.f("ix_crawl_runs_schedule_id"))
        batch.drop_column("schedule_id")
        batch.drop_column("health_json")
        batch.drop_column("heartbeat_at")
    op.drop_table("schedules")
