"""Instants readable where people read them: ISO 8601 with the offset in SQLite, and a view
``articles_local`` with the publication time in the portal's own zone.

SQLite kept instants as ``2025-01-22 11:26:00.000000``, which reads as a local clock but is
UTC; they become ``2025-01-22T11:26:00.000000+00:00``. PostgreSQL's timestamptz already says
its zone, so only the view is added there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSTANTS = {
    "sites": ("first_seen_at",),
    "crawl_runs": ("started_at", "finished_at"),
    "articles": ("published_at", "first_seen_at", "last_seen_at", "fetched_at", "removed_at"),
    "revisions": ("published_at", "fetched_at"),
    "view_counts": ("observed_at",),
    "article_aliases": ("first_seen_at",),
    "captures": ("fetched_at",),
    "article_events": ("at",),
}
# Indonesia's zones keep no daylight saving: a fixed offset is exact.
ZONES = (("Asia/Jakarta", 7, "WIB"), ("Asia/Makassar", 8, "WITA"), ("Asia/Jayapura", 9, "WIT"))
VIEW_COLUMNS = (
    "a.id, a.site_id, a.url, a.title, {local} AS published_local, a.published_at, "
    "a.published_raw, a.view_count, a.removed_at, a.cluster_id, a.revision_count"
)


def _sqlite_local() -> str:
    shifts = " ".join(f"WHEN '{zone}' THEN '+{hours} hours'" for zone, hours, _ in ZONES)
    labels = " ".join(f"WHEN '{zone}' THEN '{label}'" for zone, _, label in ZONES)
    return (
        f"strftime('%Y-%m-%d %H:%M', a.published_at, CASE s.timezone {shifts} "
        f"ELSE '+0 hours' END) || ' ' || CASE s.timezone {labels} ELSE 'UTC' END"
    )


def _postgres_local() -> str:
    labels = " ".join(f"WHEN '{zone}' THEN '{label}'" for zone, _, label in ZONES)
    return (
        "to_char(a.published_at AT TIME ZONE s.timezone, 'YYYY-MM-DD HH24:MI') || ' ' || "
        f"CASE s.timezone {labels} ELSE s.timezone END"
    )


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == "sqlite"
    if sqlite:
        for table, columns in INSTANTS.items():
            for column in columns:
                op.execute(
                    f"UPDATE {table} SET {column} = replace({column}, ' ', 'T') || '+00:00' "
                    f"WHERE {column} IS NOT NULL AND {column} NOT LIKE '%+00:00'"
                )
    local = _sqlite_local() if sqlite else _postgres_local()
    op.execute(
        "CREATE VIEW articles_local AS SELECT "
        + VIEW_COLUMNS.format(local=local)
        + " FROM articles a JOIN sites s ON s.site_id = a.site_id"
    )


def downgrade() -> None:
    op.execute("DROP VIEW articles_local")
    if op.get_context().dialect.name == "sqlite":
        for table, columns in INSTANTS.items():
            for column in columns:
                op.execute(
                    f"UPDATE {table} SET {column} = replace(substr({column}, 1, 26), 'T', ' ') "
                    f"WHERE {column} LIKE '%+00:00'"
                )
