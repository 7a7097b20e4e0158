"""Captures: every WARC record the crawl wrote, indexed by URL, file, offset and digest.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("warc_file", sa.Text(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("record_type", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=True),
        _utc("fetched_at"),
        sa.Column("payload_digest", sa.String(64), nullable=False),
        sa.Column("refers_to_id", sa.Integer(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_captures")),
        sa.UniqueConstraint("record_id", name=op.f("uq_captures_record_id")),
        sa.ForeignKeyConstraint(
            ["refers_to_id"],
            ["captures.id"],
            name=op.f("fk_captures_refers_to_id_captures"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_runs.id"],
            name=op.f("fk_captures_run_id_crawl_runs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_captures_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "record_type IN ('response', 'revisit')", name=op.f("ck_captures_record_type")
        ),
    )
    op.create_index(op.f("ix_captures_url_payload_digest"), "captures", ["url", "payload_digest"])
    op.create_index(op.f("ix_captures_article_id"), "captures", ["article_id"])
    op.create_index(op.f("ix_captures_warc_file_offset"), "captures", ["warc_file", "offset"])


def downgrade() -> None:
    op.drop_table("captures")
