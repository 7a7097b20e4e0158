"""Bad input is one line, and an export that fails or is interrupted leaves nothing that looks
complete."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.export.conftest import Stored, export, exported
from warta.export import readme, to_csv


def error_line(output: str) -> str:
    """The last line: click prints usage above a usage error, and the error last."""
    return output.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (
            ("--site", "kota_x"),
            2,
            "Error: unknown site 'kota_x': this archive has kota_makassar, kota_tangerang",
        ),
        (
            ("--since", "2025-13-01"),
            2,
            "Error: Invalid value for '--since': '2025-13-01' does not match the format "
            "'%Y-%m-%d'.",
        ),
        (
            ("--since", "2025-02-01", "--until", "2025-01-01"),
            2,
            "Error: --until 2025-01-01 is before --since 2025-02-01",
        ),
        (
            ("--query", '"banjir'),
            2,
            'Error: cannot read the query: a quote " is not closed: close the phrase with '
            'another "',
        ),
        (("--tag", "tidak-ada"), 1, "Error: no article matches these filters: nothing exported"),
        (("--partitioned",), 1, "Error: --partitioned is for --format parquet"),
        (
            ("--with-revisions", "--format", "warc"),
            1,
            "Error: --with-revisions and --with-views go with jsonl, csv or parquet, not warc",
        ),
    ],
)
def test_one_line_and_nothing_written(
    stored: Stored, tmp_path: Path, args: tuple[str, ...], code: int, line: str
) -> None:
    fmt = () if "--format" in args else ("--format", "csv")
    result = export(stored, tmp_path / "out", *fmt, *args)
    assert result.exit_code == code, result.output
    assert error_line(result.output) == line
    assert list(tmp_path.iterdir()) == []


def test_a_missing_archive_is_one_line(tmp_path: Path) -> None:
    missing = Stored(tmp_path / "none.db", tmp_path / "none-captures", {}, 0)
    result = export(missing, tmp_path / "out", "--format", "csv")
    assert result.exit_code == 1
    assert error_line(result.output).startswith(f"Error: no archive at {tmp_path / 'none.db'}")


def test_a_non_empty_out_is_refused_unless_forced(stored: Stored, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "catatan.txt").write_text("milik orang lain")
    refused = export(stored, out, "--format", "csv")
    assert refused.exit_code == 1
    assert error_line(refused.output) == (
        f"Error: --out {out} is not empty: name a new or empty folder, or --force to replace it"
    )
    assert [p.name for p in out.iterdir()] == ["catatan.txt"]
    exported(stored, out, "--format", "csv", "--force")
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "articles.csv",
        "datapackage.json",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing left beside it
    empty = tmp_path / "empty"
    empty.mkdir()
    exported(stored, empty, "--format", "csv")  # an empty folder needs no --force


def test_force_never_deletes_the_current_folder_or_the_archive(
    stored: Stored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "work"
    (here / "inside").mkdir(parents=True)
    monkeypatch.chdir(here / "inside")
    result = export(stored, here, "--format", "csv", "--force")
    assert result.exit_code == 1
    assert error_line(result.output).startswith(f"Error: --force would delete {here}, which holds")
    assert (here / "inside").is_dir()
    archive_folder = stored.db_path.parent
    result = export(stored, archive_folder, "--format", "csv", "--force")
    assert result.exit_code == 1
    assert f"which holds {stored.db_path}: refused" in error_line(result.output)
    assert stored.db_path.is_file()


def test_an_out_that_is_a_file(stored: Stored, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x")
    result = export(stored, out, "--format", "jsonl")
    assert result.exit_code == 1
    assert error_line(result.output) == f"Error: --out {out} is a file, not a folder"


def test_interrupted_mid_way_leaves_nothing(
    stored: Stored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = 0
    cell = to_csv.csv_cell

    def failing(*args: Any) -> str:
        nonlocal written
        written += 1
        if written > 60:  # a few rows in: the file is half written
            raise KeyboardInterrupt
        return cell(*args)

    monkeypatch.setattr(to_csv, "csv_cell", failing)
    result = export(stored, tmp_path / "out", "--format", "csv")
    assert result.exit_code != 0
    assert written > 60
    assert list(tmp_path.iterdir()) == []  # no out, no staging folder


def test_while_it_runs_the_folder_is_named_incomplete(
    stored: Stored, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, list[str]]] = []

    def stop_before_the_end(folder: Path, descriptor: dict[str, Any]) -> None:
        seen.append((folder.name, sorted(p.name for p in folder.iterdir())))
        raise OSError("disk full")

    monkeypatch.setattr(readme, "write", stop_before_the_end)
    result = export(stored, tmp_path / "out", "--format", "jsonl")
    assert result.exit_code == 1
    assert error_line(result.output) == "Error: cannot write the export: disk full"
    assert seen == [(f"out.incomplete-{os.getpid()}", ["articles.jsonl"])]  # no datapackage
    assert list(tmp_path.iterdir()) == []
