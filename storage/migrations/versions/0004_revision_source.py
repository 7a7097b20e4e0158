"""Revisions say who changed the article: the portal (crawl) or a re-extraction (reparse).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("source", sa.String(16), nullable=False, server_default="crawl"))
        batch.create_check_constraint(op.f("ck_revisions_source"), "source IN ('crawl', 'reparse')")


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_constraint(op.f("ck_revisions_source"), type_="check")
        batch.drop_column("source")
