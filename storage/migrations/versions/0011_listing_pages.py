"""Listing pages of a backfill not finished yet, so a killed deep walk resumes where its
pagination stopped.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "listing_pages",
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("walked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "url", name=op.f("pk_listing_pages")),
    )


def downgrade() -> None:
    op.drop_table("listing_pages")
