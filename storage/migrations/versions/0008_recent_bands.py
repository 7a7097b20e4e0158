"""The LSH band index in two tiers: new bands go to ``article_bands_recent`` first.

Existing bands stay where they are; both tables are searched.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_bands_recent",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_article_bands_recent")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_recent_article_id_articles"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        op.f("ix_article_bands_recent_article_id"), "article_bands_recent", ["article_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_article_bands_recent_article_id"), table_name="article_bands_recent")
    op.drop_table("article_bands_recent")
