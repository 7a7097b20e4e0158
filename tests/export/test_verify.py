"""``warta verify`` passes on a fresh export and names exactly what differs after tampering."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.export.conftest import Stored, exported, verify


@pytest.mark.parametrize(
    "args", ["jsonl", "csv", "parquet", "parquet --partitioned", "warc", "wacz"]
)
def test_a_fresh_export_passes(stored: Stored, tmp_path: Path, args: str) -> None:
    out = exported(stored, tmp_path / "out", "--format", *args.split())
    result = verify(out)
    assert result.exit_code == 0, result.output
    listed = len(json.loads((out / "datapackage.json").read_text())["resources"])
    files = "1 file" if listed == 1 else f"{listed} files"
    assert result.output == f"{files} in {out}: sizes, SHA-256 and counts all match\n"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_added_row_is_named_with_both_values(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "csv", "--with-views")
    path = out / "articles.csv"
    before, old = path.stat().st_size, sha(path)
    with path.open("a", encoding="utf-8", newline="") as found:
        found.write('99,"https://x.go.id/a\nb",x\r\n')  # one record, with a line break in it
    result = verify(out)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"articles.csv: {path.stat().st_size} bytes, datapackage.json says {before}",
        f"articles.csv: SHA-256 {sha(path)}, datapackage.json says {old}",
        "articles.csv: 6 rows, datapackage.json says 5",
        f"2 files listed in {out}: 3 differences",
    ]


def test_a_changed_byte_missing_and_extra_files(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "jsonl", "--with-views")
    path = out / "articles.jsonl"
    old = sha(path)
    path.write_bytes(path.read_bytes().replace(b"Pasar Anyar", b"Pasar Lamar"))  # same size
    (out / "views.jsonl").unlink()
    (out / "catatan.txt").write_text("tambahan")
    result = verify(out)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"articles.jsonl: SHA-256 {sha(path)}, datapackage.json says {old}",
        "views.jsonl: missing",
        "catatan.txt: not listed in datapackage.json",
        f"2 files listed in {out}: 3 differences",
    ]


def test_a_damaged_parquet_and_warc(stored: Stored, tmp_path: Path) -> None:
    parquet = exported(stored, tmp_path / "parquet", "--format", "parquet")
    table = parquet / "articles.parquet"
    table.write_bytes(table.read_bytes()[:-100])
    lines = verify(parquet).output.splitlines()
    assert lines[0].startswith("articles.parquet: ")
    assert lines[2].startswith("articles.parquet: cannot be read as parquet (")
    warc = exported(stored, tmp_path / "warc", "--format", "warc")
    cdxj = warc / "warta-export.cdxj"
    cdxj.write_text("\n".join(cdxj.read_text().splitlines()[1:]) + "\n")
    assert "warta-export.cdxj: 11 lines, datapackage.json says 12" in verify(warc).output


def test_not_an_export(tmp_path: Path) -> None:
    result = verify(tmp_path)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"{tmp_path / 'datapackage.json'}: cannot")
