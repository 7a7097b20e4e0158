"""Clusters of copies across portals: MinHash signatures, their LSH bands, and cluster_id.

Articles stored before this migration have no signature; ``warta clusters --rebuild``
computes them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("cluster_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_articles_cluster_id"), ["cluster_id"])
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_signatures")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "article_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_article_bands")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_article_bands_article_id"), "article_bands", ["article_id"])


def downgrade() -> None:
    op.drop_table("article_bands")
    op.drop_table("article_signatures")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index(op.f("ix_articles_cluster_id"))
        batch.drop_column("cluster_id")
