"""The schema comes from the migrations alone, matches the models, and ships with the package."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from storage import Archive, make_engine, upgrade_to_head
from storage.db import MIGRATIONS_DIR, alembic_config
from storage.models import Base
from storage.search_index import SEARCH_TABLES
from tests.storage.conftest import TABLES, query

REPO = Path(__file__).resolve().parents[2]


def test_migrations_create_every_table(archive: Archive) -> None:
    tables = set(inspect(archive.engine).get_table_names())
    assert tables == {*TABLES, *SEARCH_TABLES, "alembic_version"}


def test_migrated_schema_matches_models(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        # The search index is an FTS5 table (and FTS5's own tables), not a model.
        unmodelled = {"include_name": lambda name, kind, _: name not in SEARCH_TABLES}
        context = MigrationContext.configure(conn, opts={"compare_type": True, **unmodelled})
        assert compare_metadata(context, Base.metadata) == []


def test_foreign_key_actions_match_models(archive: Archive) -> None:
    """compare_metadata does not compare ON DELETE actions on SQLite, so check them here."""
    inspector = inspect(archive.engine)
    for table in Base.metadata.sorted_tables:
        modelled = {
            (tuple(fk.column_keys), fk.referred_table.name, fk.ondelete)
            for fk in table.foreign_key_constraints
        }
        reflected = {
            (tuple(fk["constrained_columns"]), fk["referred_table"], fk["options"].get("ondelete"))
            for fk in inspector.get_foreign_keys(table.name)
        }
        assert reflected == modelled, table.name


def test_indexes_from_the_design_exist(archive: Archive) -> None:
    indexes = {
        tuple(index["column_names"]) for index in inspect(archive.engine).get_indexes("articles")
    }
    assert {("site_id", "published_at"), ("site_id", "content_hash")} <= indexes


def test_database_is_stamped_at_head(archive: Archive, db_path: Path) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    assert query(db_path, "SELECT version_num FROM alembic_version") == [(head,)]


def test_downgrade_to_base_and_back(db_path: Path) -> None:
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        upgrade_to_head(engine)
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        upgrade_to_head(engine)
        tables = set(inspect(engine).get_table_names())
        assert tables == {*TABLES, *SEARCH_TABLES, "alembic_version"}
    finally:
        engine.dispose()


def test_package_data_covers_every_migration_file() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["storage"]
    package_dir = MIGRATIONS_DIR.parent
    shipped = [
        path.relative_to(package_dir).as_posix()
        for path in MIGRATIONS_DIR.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert "migrations/versions/0001_initial.py" in shipped
    assert [name for name in shipped if not any(fnmatch(name, p) for p in patterns)] == []
