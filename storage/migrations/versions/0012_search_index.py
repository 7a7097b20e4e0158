"""Full-text search: an FTS5 table over each article's title, body and tags, as written and as
Indonesian stems, filled here with the articles the archive already holds.

The FTS5 table is SQLite's: on PostgreSQL only the index for search's filters is made, and
``warta search`` says it needs an SQLite archive. The fill is written out here, not borrowed
from storage.search_index, so a later change there cannot reach back into this step; only
the stemmer is shared.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.search_text import stem_text

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("title", "body", "tags", "title_stem", "body_stem", "tags_stem")
CHUNK = 2000
FILTER_INDEX = "ix_articles_id_published_at_site_id_author"


def upgrade() -> None:
    # Search's filters (site, dates, author) read this instead of the article rows.
    op.create_index(op.f(FILTER_INDEX), "articles", ["id", "published_at", "site_id", "author"])
    context = op.get_context()
    if context.dialect.name != "sqlite":
        return
    op.execute(
        f"CREATE VIRTUAL TABLE search_fts USING fts5({', '.join(COLUMNS)}, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    if not context.as_sql:
        _fill(op.get_bind())


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    op.drop_index(op.f(FILTER_INDEX), table_name="articles")


def _fill(conn: sa.Connection) -> None:
    insert = sa.text(
        f"INSERT INTO search_fts (rowid, {', '.join(COLUMNS)}) "
        f"VALUES (:id, {', '.join(':' + name for name in COLUMNS)})"
    )
    ids = list(conn.scalars(sa.text("SELECT id FROM articles ORDER BY id")))
    for start in range(0, len(ids), CHUNK):
        low, high = ids[start], ids[min(start + CHUNK, len(ids)) - 1]
        span = {"low": low, "high": high}
        tags: dict[int, list[str]] = defaultdict(list)
        for article_id, name in conn.execute(
            sa.text(
                "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE at.article_id BETWEEN :low AND :high ORDER BY at.article_id, at.position"
            ),
            span,
        ):
            tags[article_id].append(name)
        rows = []
        for article_id, title, body in conn.execute(
            sa.text("SELECT id, title, body_text FROM articles WHERE id BETWEEN :low AND :high"),
            span,
        ):
            tag_text = "\n".join(tags[article_id])
            rows.append(
                {"id": article_id, "title": title, "body": body, "tags": tag_text}
                | {"title_stem": stem_text(title), "body_stem": stem_text(body)}
                | {"tags_stem": stem_text(tag_text)}
            )
        conn.execute(insert, rows)
    if ids:
        op.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
