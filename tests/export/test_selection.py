"""Which articles an export takes: portal, WIB days, tag, full-text query, one per cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.export.conftest import Stored, exported


def slugs(stored: Stored, out: Path, *args: str) -> list[str]:
    folder = exported(stored, out, "--format", "jsonl", *args)
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["url"].rsplit("/", 1)[1] for line in lines]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ["pasar", "pengumuman", "rilis-a", "rilis-b", "tanpa-capture"]),
        (("--site", "kota_makassar"), ["rilis-b", "tanpa-capture"]),
        (("--site", "kota_makassar", "--site", "kota_tangerang", "--tag", "pasar"), ["pasar"]),
        # pasar is 18:26 WIB on the 22nd; rilis-b 10:00 WITA on the 23rd is 09:00 WIB
        (("--since", "2025-01-23"), ["rilis-a", "rilis-b"]),
        (("--until", "2025-01-22"), ["pasar"]),
        (("--since", "2025-01-22", "--until", "2025-01-22"), ["pasar"]),
        (("--tag", "PASAR"), ["pasar"]),
        (("--tag", 'ekonomi, "umkm"'), ["pasar"]),
        (("--query", "bantuan"), ["rilis-a", "rilis-b"]),
        (("--query", "bantu"), ["rilis-a", "rilis-b"]),  # the stem finds bantuan
        (("--query", '"milik warga" OR seleksi'), ["pasar", "pengumuman"]),
        (("--query", "bantuan -makassar"), ["rilis-a"]),
        (("--one-per-cluster",), ["pasar", "pengumuman", "rilis-a", "tanpa-capture"]),
        (("--one-per-cluster", "--site", "kota_makassar"), ["rilis-b", "tanpa-capture"]),
    ],
)
def test_filters(
    stored: Stored, tmp_path: Path, args: tuple[str, ...], expected: list[str]
) -> None:
    assert slugs(stored, tmp_path / "out", *args) == expected


def test_revisions_and_views_follow_the_selection(stored: Stored, tmp_path: Path) -> None:
    out = exported(
        stored,
        tmp_path / "out",
        *("--format", "csv", "--site", "kota_makassar", "--with-revisions", "--with-views"),
    )
    revisions = (out / "revisions.csv").read_text(encoding="utf-8").splitlines()
    assert len(revisions) == 1 + 2  # header, rilis-b and tanpa-capture once each
    assert (out / "views.csv").read_bytes() == b"article_id,observed_at,view_count,run_id\r\n"
