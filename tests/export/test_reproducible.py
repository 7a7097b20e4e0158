"""The same archive and the same command give byte-identical files, in every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.export.conftest import Stored, exported

EXTRA = ("--with-revisions", "--with-views")
CASES = {
    "jsonl": EXTRA,
    "csv": EXTRA,
    "parquet": EXTRA,
    "parquet-partitioned": (*EXTRA, "--partitioned"),
    "warc": (),
    "wacz": (),
}


def contents(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("case", list(CASES))
def test_twice_the_same_bytes(stored: Stored, tmp_path: Path, case: str) -> None:
    args = ("--format", case.split("-")[0], *CASES[case])
    first = contents(exported(stored, tmp_path / "first", *args))
    second = contents(exported(stored, tmp_path / "second", *args))
    assert first.keys() == second.keys()
    assert "datapackage.json" in first
    for name, data in first.items():
        assert data == second[name], name


def test_the_same_bytes_from_the_archive_moved_elsewhere(stored: Stored, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(stored.db_path.parent, moved)
    there = Stored(moved / "archive.db", moved / "archive-captures", stored.ids, stored.run_id)
    here = contents(exported(stored, tmp_path / "here", "--format", "wacz"))
    assert contents(exported(there, tmp_path / "there", "--format", "wacz")) == here
