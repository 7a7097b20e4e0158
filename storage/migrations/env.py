"""Alembic environment: runs the archive migrations on the connection upgrade_to_head hands over.

With no connection (the alembic CLI), it opens `sqlalchemy.url` itself or, offline, prints SQL.
"""

from alembic import context
from sqlalchemy import Connection

from storage import cluster_tables, listing_progress, schedule_tables  # noqa: F401  (tables join Base.metadata)
from storage.db import make_engine
from storage.models import Base


def _run_on(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    config = context.config
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=Base.metadata,
            render_as_batch=True,
            literal_binds=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as own_connection:
            _run_on(own_connection)
    finally:
        engine.dispose()


_main()
