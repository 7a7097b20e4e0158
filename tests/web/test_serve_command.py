"""``warta serve``: what it refuses to open, each as one line, before any server starts."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from tests.web.sample_archive import build_archive
from warta.cli import main


def serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["serve", *args])
    return result.exit_code, result.output


def test_serve_is_a_command_with_help() -> None:
    code, output = serve("--help")
    assert code == 0
    assert "--host TEXT" in output
    assert "[default: 127.0.0.1]" in output
    assert "[default: 8080; 1<=x<=65535]" in output


def test_a_missing_archive_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.db"
    code, output = serve("--db", str(missing))
    assert code == 1
    assert output == (
        f"Error: no archive at {missing}: crawl into it first, or name one with --db or "
        "WARTA_DATABASE_URL\n"
    )
    assert not missing.exists()  # never created


def test_a_folder_or_a_file_that_is_not_an_archive_is_one_line(tmp_path: Path) -> None:
    code, output = serve("--db", str(tmp_path))
    assert (code, output) == (
        1,
        f"Error: no archive at {tmp_path}: crawl into it first, or name one with --db or "
        "WARTA_DATABASE_URL\n",
    )
    text_file = tmp_path / "catatan.db"
    text_file.write_text("bukan basis data, hanya catatan\n" * 100)
    code, output = serve("--db", str(text_file))
    assert (code, output) == (
        1,
        f"Error: cannot read {text_file} as a Warta archive: file is not a database\n",
    )


def test_an_archive_at_another_schema_is_refused_not_migrated(tmp_path: Path) -> None:
    db = build_archive(tmp_path / "lama.db")
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0011'")
    code, output = serve("--db", str(db))
    assert code == 1
    assert output.startswith(f"Error: the archive at {db} is at schema 0011, this Warta reads ")
    assert "run another warta command on it once" in output
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0011",)]
