"""Runs can end `partial` and record their process; an implausible view count is kept as text.

A run records the host and process id that crawl it, so a later command can tell a run whose
process died (kill -9, power loss) from one still going, and mark it interrupted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = "status IN ('running', 'finished', 'failed', 'interrupted')"
NEW_STATUSES = "status IN ('running', 'finished', 'partial', 'failed', 'interrupted')"


# 0001 passed name="ck_crawl_runs_status" through the naming convention, doubling the prefix.
OLD_NAME = "ck_crawl_runs_ck_crawl_runs_status"
NEW_NAME = "ck_crawl_runs_status"


def _status_check(old_name: str, new_name: str, statuses: str) -> None:
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_constraint(op.f(old_name), type_="check")
        batch.create_check_constraint(op.f(new_name), statuses)


def upgrade() -> None:
    _status_check(OLD_NAME, NEW_NAME, NEW_STATUSES)
    with op.batch_alter_table("crawl_runs") as batch:
        batch.add_column(sa.Column("host", sa.Text(), nullable=True))
        batch.add_column(sa.Column("pid", sa.Integer(), nullable=True))
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("view_count_raw", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE crawl_runs SET status = 'finished' WHERE status = 'partial'")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("view_count_raw")
    with op.batch_alter_table("crawl_runs") as batch:
        batch.drop_column("pid")
        batch.drop_column("host")
    _status_check(NEW_NAME, OLD_NAME, OLD_STATUSES)
