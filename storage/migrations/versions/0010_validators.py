"""Articles keep the ETag and Last-Modified their page was last sent with, so a revisit can
ask "changed since?" and a 304 costs the portal nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not a batch copy: SQLite (3.35+) adds and drops these columns in place,
# and a copy of `articles` would break the `articles_local` view that reads it.
def upgrade() -> None:
    op.add_column("articles", sa.Column("etag", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("last_modified", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "last_modified")
    op.drop_column("articles", "etag")
