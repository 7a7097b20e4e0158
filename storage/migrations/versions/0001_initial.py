"""Initial archive schema: sites, articles with revisions, view counts, tags, aliases, crawl runs.

Revision ID: 0001
Revises:
Create Date: 2025-11-29
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc(name: str, *, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("base_url", sa.Text(), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        _utc("first_seen_at"),
        sa.PrimaryKeyConstraint("site_id", name="pk_sites"),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Text(), nullable=True),
        sa.Column("target", sa.Text(), nullable=False),
        _utc("started_at"),
        _utc("finished_at", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stats_json", sa.Text(), nullable=True),
        sa.Column("args_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_crawl_runs"),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.site_id"],
            name="fk_crawl_runs_site_id_sites",
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('running', 'finished', 'failed', 'interrupted')",
            name="ck_crawl_runs_status",
        ),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("site_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        _utc("published_at", nullable=True),
        sa.Column("published_raw", sa.Text(), nullable=True),
        sa.Column("view_count", sa.Integer(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("image_url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(35), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        _utc("first_seen_at"),
        _utc("last_seen_at"),
        _utc("fetched_at"),
        sa.Column("revision_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url", name="uq_articles_url"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.site_id"], name="fk_articles_site_id_sites"),
    )
    op.create_index("ix_articles_site_id_published_at", "articles", ["site_id", "published_at"])
    op.create_index("ix_articles_site_id_content_hash", "articles", ["site_id", "content_hash"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        _utc("published_at", nullable=True),
        sa.Column("published_raw", sa.Text(), nullable=True),
        _utc("fetched_at"),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
        sa.UniqueConstraint(
            "article_id", "revision_no", name="uq_revisions_article_id_revision_no"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_revisions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_runs.id"],
            name="fk_revisions_run_id_crawl_runs",
            ondelete="SET NULL",
        ),
    )
    op.create_table(
        "view_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        _utc("observed_at"),
        sa.Column("view_count", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_view_counts"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_view_counts_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_runs.id"],
            name="fk_view_counts_run_id_crawl_runs",
            ondelete="SET NULL",
        ),
    )
    op.create_index(
        "ix_view_counts_article_id_observed_at", "view_counts", ["article_id", "observed_at"]
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tags"),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "article_tags",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "tag_id", name="pk_article_tags"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_tags_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name="fk_article_tags_tag_id_tags", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_article_tags_tag_id", "article_tags", ["tag_id"])
    op.create_table(
        "article_aliases",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        _utc("first_seen_at"),
        sa.PrimaryKeyConstraint("url", name="pk_article_aliases"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_article_aliases_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_article_aliases_article_id", "article_aliases", ["article_id"])


def downgrade() -> None:
    for table in (
        "article_aliases",
        "article_tags",
        "tags",
        "view_counts",
        "revisions",
        "articles",
        "crawl_runs",
        "sites",
    ):
        op.drop_table(table)
