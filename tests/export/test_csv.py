"""CSV read back with Python's csv module and with pandas (no options), against the archive."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from storage import Archive
from tests.export.conftest import BODY_2, PASAR_BY_HAND, Stored, expected_articles, exported
from warta.export.fields import ARTICLE_FIELDS


def test_csv_module_reads_every_field_back(
    stored: Stored, archive: Archive, tmp_path: Path
) -> None:
    out = exported(stored, tmp_path / "out", "--format", "csv")
    with (out / "articles.csv").open(encoding="utf-8", newline="") as found:
        rows = list(csv.DictReader(found))
    expected = expected_articles(archive, stored.ids)
    assert [int(row["id"]) for row in rows] == sorted(expected)
    for row in rows:
        assert list(row) == [field.name for field in ARTICLE_FIELDS]
        wanted = expected[int(row["id"])]
        for field in ARTICLE_FIELDS:
            value = wanted[field.name]
            if field.kind == "list":
                assert json.loads(row[field.name]) == value, field.name
            else:
                assert row[field.name] == ("" if value is None else str(value)), field.name


def test_rfc_4180_bytes_by_hand(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "csv")
    raw = (out / "articles.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # UTF-8, no byte-order mark
    assert raw.startswith(b"id,url,site_id,timezone,title,body_text,published_at,")
    assert raw.endswith(b"\r\n")  # every record ends in CRLF
    # A body with quotes, commas and line breaks is one quoted field, its quotes doubled.
    body = b'"Wali kota berkata: ""Pasar ini milik warga, bukan pemodal.""\n\nHarga cabai,'
    assert body in raw
    assert b'"[""Pasar"", ""Ekonomi, \\""UMKM\\""""]"' in raw  # tags: a JSON array, quoted
    assert "senang 😀.\r\nBaris kedua".encode() in raw  # the body's own CRLF kept


def test_pandas_reads_it_without_options(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "csv", "--with-revisions")
    frame = pd.read_csv(out / "articles.csv")
    assert list(frame.columns) == [field.name for field in ARTICLE_FIELDS]
    assert len(frame) == 5
    pasar = frame[frame["url"] == PASAR_BY_HAND["url"]].iloc[0]
    assert pasar["body_text"] == BODY_2  # newlines, quotes, CRLF, emoji, <script> intact
    assert pasar["view_count"] == 1500
    assert pasar["published_local"] == "2025-01-22T18:26:00+07:00"
    assert json.loads(pasar["tags"]) == ["Pasar", 'Ekonomi, "UMKM"']
    assert pd.isna(frame[frame["url"].str.endswith("pengumuman")].iloc[0]["published_at"])
    assert len(pd.read_csv(out / "revisions.csv")) == 6
