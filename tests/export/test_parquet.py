"""Parquet read back with pyarrow, pandas and DuckDB: typed columns, and the partitions."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from storage import Archive
from tests.export.conftest import PASAR_BY_HAND, Stored, expected_articles, exported
from warta.export.fields import ARTICLE_FIELDS


def test_typed_columns_and_every_value(stored: Stored, archive: Archive, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "parquet")
    table = pq.read_table(out / "articles.parquet")
    schema = table.schema
    assert schema.names == [field.name for field in ARTICLE_FIELDS]
    assert schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("view_count").type == pa.int64()
    assert schema.field("revision_count").type == pa.int64()
    assert schema.field("tags").type == pa.list_(pa.string())
    assert schema.field("id").nullable is False
    expected = expected_articles(archive, stored.ids)
    for row in table.to_pylist():
        wanted = expected[row["id"]]
        for name, value in row.items():
            if isinstance(value, datetime):
                value = value.isoformat()
            assert value == wanted[name], (row["id"], name)


def test_pandas_and_duckdb_read_the_same(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "parquet", "--with-views")
    frame = pd.read_parquet(out / "articles.parquet")
    pasar = frame[frame["url"] == PASAR_BY_HAND["url"]].iloc[0]
    assert pasar["published_at"] == pd.Timestamp("2025-01-22 11:26", tz="UTC")
    assert list(pasar["tags"]) == ["Pasar", 'Ekonomi, "UMKM"']
    found = duckdb.sql(
        f"SELECT view_count, tags, published_at FROM '{out / 'articles.parquet'}' "
        "WHERE title = 'Pasar Anyar Dibuka'"
    ).fetchall()
    assert found[0][0] == 1500
    assert found[0][1] == ["Pasar", 'Ekonomi, "UMKM"']
    assert found[0][2] == datetime(2025, 1, 22, 11, 26, tzinfo=UTC)
    views = duckdb.sql(f"SELECT sum(view_count) FROM '{out / 'views.parquet'}'").fetchone()
    assert views == (1234 + 1500,)


def test_partitioned_by_portal_and_year(stored: Stored, tmp_path: Path) -> None:
    out = exported(stored, tmp_path / "out", "--format", "parquet", "--partitioned")
    files = sorted(p.relative_to(out).as_posix() for p in (out / "articles").rglob("*.parquet"))
    assert files == [
        "articles/site_id=kota_makassar/year=2025/part-0.parquet",
        "articles/site_id=kota_makassar/year=undated/part-0.parquet",
        "articles/site_id=kota_tangerang/year=2025/part-0.parquet",
        "articles/site_id=kota_tangerang/year=undated/part-0.parquet",
    ]
    frame = pd.read_parquet(out / "articles")
    assert len(frame) == 5
    by_site = frame.groupby(frame["site_id"].astype(str))["id"].count().to_dict()
    assert by_site == {"kota_makassar": 2, "kota_tangerang": 3}
    found = duckdb.sql(
        f"SELECT site_id, year, count(*) FROM read_parquet('{out}/articles/*/*/*.parquet', "
        "hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    dated = [(site, str(year), n) for site, year, n in found]
    assert ("kota_tangerang", "2025", 2) in dated
    assert sum(n for *_, n in found) == 5
